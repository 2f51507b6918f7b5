'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { formatLocale, languageOf } from '@/lib/i18n/locale';
import { type Period, parsePeriod } from '@/lib/domain/periods';

type Kind = Period['kind'] | 'text';

interface State {
  kind: Kind;
  year: number;
  month: number;
  quarter: number;
  from: number;
  to: number;
  text: string;
}

function initialState(text: string, thisYear: number): State {
  const period = parsePeriod(text);
  const state: State = { kind: 'month', year: thisYear, month: 1, quarter: 1, from: thisYear - 4, to: thisYear, text };
  if (!period) return { ...state, kind: 'text' };
  const year = Number(period.start.slice(0, 4));
  const month = Number(period.start.slice(5, 7));
  return { ...state, kind: period.kind, year, month, quarter: Math.ceil(month / 3), from: year, to: Number(period.end.slice(0, 4)) - 1 };
}

/** The period code the summary reads (`2026-10`, `2026-Q3`, `2026`, `2005..2010`), from what was picked. */
export function periodCode(s: State): string {
  switch (s.kind) {
    case 'month':
      return `${s.year}-${String(s.month).padStart(2, '0')}`;
    case 'quarter':
      return `${s.year}-Q${s.quarter}`;
    case 'year':
      return String(s.year);
    case 'years':
      return `${s.from}..${s.to}`;
    case 'text':
      return s.text;
  }
}

/**
 * The report period chosen as people think of it — a month, a quarter, a year, several
 * years — with the typed code kept for those who know it. The form sends one `period`
 * (the code), so addresses stay as they were: `/reports?period=2026-Q3&scope=KUL`.
 */
export function PeriodPicker({ value, firstYear, thisYear, invalid }: { value: string; firstYear: number; thisYear: number; invalid: boolean }) {
  const t = useTranslations('reports.picker');
  const locale = formatLocale(languageOf(useLocale()));
  const [s, setS] = useState(() => initialState(value, thisYear));
  const set = (patch: Partial<State>) => setS((prev) => ({ ...prev, ...patch }));
  const years = Array.from({ length: thisYear - Math.min(firstYear, s.year, s.from) + 1 }, (_, i) => thisYear - i);
  const monthName = (m: number) => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)));
  const yearSelect = (id: string, label: string, current: number, onChange: (y: number) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={current} onChange={(e) => onChange(Number(e.target.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset className="period-picker">
      <legend>{t('legend')}</legend>
      <input type="hidden" name="period" value={periodCode(s)} />
      <div className="field">
        <label htmlFor="period-kind">{t('kind')}</label>
        <select id="period-kind" value={s.kind} onChange={(e) => set({ kind: e.target.value as Kind, text: e.target.value === 'text' ? periodCode(s) : s.text })}>
          {(['month', 'quarter', 'year', 'years', 'text'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {s.kind === 'month' && (
        <div className="field">
          <label htmlFor="period-month">{t('month')}</label>
          <select id="period-month" value={s.month} onChange={(e) => set({ month: Number(e.target.value) })}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {monthName(m)}
              </option>
            ))}
          </select>
        </div>
      )}
      {s.kind === 'quarter' && (
        <div className="field">
          <label htmlFor="period-quarter">{t('quarter')}</label>
          <select id="period-quarter" value={s.quarter} onChange={(e) => set({ quarter: Number(e.target.value) })}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t('quarterName', { q, from: monthName(q * 3 - 2), to: monthName(q * 3) })}
              </option>
            ))}
          </select>
        </div>
      )}
      {(s.kind === 'month' || s.kind === 'quarter' || s.kind === 'year') && yearSelect('period-year', t('year'), s.year, (year) => set({ year }))}
      {s.kind === 'years' && (
        <>
          {yearSelect('period-from', t('from'), s.from, (from) => set({ from, to: Math.max(from, s.to) }))}
          {yearSelect('period-to', t('to'), s.to, (to) => set({ to, from: Math.min(to, s.from) }))}
        </>
      )}
      {s.kind === 'text' && (
        <div className="field">
          <label htmlFor="period-text">{t('text')}</label>
          <p className="hint" id="period-hint">
            {t('textHint')}
          </p>
          <input id="period-text" type="text" value={s.text} onChange={(e) => set({ text: e.target.value })} aria-describedby="period-hint" aria-invalid={invalid || undefined} className="mono" />
        </div>
      )}
    </fieldset>
  );
}
