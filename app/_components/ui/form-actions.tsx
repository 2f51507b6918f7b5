'use client';

import { useTranslations } from 'next-intl';

/** The one primary action of a form, and a way back out of it. */
export function FormActions({ label, pending, onCancel }: { label: string; pending: boolean; onCancel?: () => void }) {
  const t = useTranslations('form');
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={pending}>
        {label}
      </button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      )}
    </div>
  );
}
