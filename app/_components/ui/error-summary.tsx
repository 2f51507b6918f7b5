'use client';

import { useTranslations } from 'next-intl';
import { forwardRef } from 'react';
import { translateKey } from '@/lib/i18n/dynamic';

export interface SummaryItem {
  /** the id of the input to jump to; absent for errors of the whole form */
  fieldId?: string;
  label?: string;
  /** i18n key */
  message: string;
}

/** The list of problems at the top of a form; focused after a failed submit, each item links to its field. */
export const ErrorSummary = forwardRef<HTMLDivElement, { items: SummaryItem[]; extra?: React.ReactNode }>(function ErrorSummary(
  { items, extra },
  ref,
) {
  const t = useTranslations();
  // Extra detail (what another person saved) only ever accompanies a listed problem.
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('form.problemTitle')}</h2>
      <ul>
        {items.map((item, i) => {
          const text = `${item.label ? `${item.label}: ` : ''}${translateKey(t, item.message)}`;
          return <li key={i}>{item.fieldId ? <a href={`#${item.fieldId}`}>{text}</a> : text}</li>;
        })}
      </ul>
      {extra}
    </div>
  );
});
