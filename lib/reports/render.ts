import type { Summary } from '@/db/queries/summary';
import { translateKey } from '@/lib/i18n/dynamic';
import { tablesZip } from './csv';
import { reportRowLabel } from './labels';
import { summaryPdf } from './pdf';
import { suppressSmallCells } from './suppress';
import { summaryTables } from './tables';
import { summaryWorkbook } from './xlsx';
import { parsePeriod, periodTitle } from '@/lib/domain/periods';

export type ReportFormat = 'csv' | 'xlsx' | 'pdf';

export const REPORT_FILES: Record<ReportFormat, { type: string; extension: string }> = {
  csv: { type: 'application/zip', extension: 'zip' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
};

type Translate = Parameters<typeof translateKey>[0] & ((key: string, values?: Record<string, string | number>) => string);

/** The scope as a title reads it: "KUL · KBRI Kuala Lumpur", "Malaysia", "All missions in my scope". */
export function scopeTitle(summary: Summary, t: Translate, locale: string): string {
  const { scope } = summary;
  if (scope.kind === 'all') return t('reports.allMissions');
  if (scope.kind === 'country') return new Intl.DisplayNames([locale], { type: 'region' }).of(scope.code) ?? scope.code;
  return summary.scopeMission ? `${scope.code} · ${t(`missionKinds.short.${summary.scopeMission.kind}`, { city: summary.scopeMission.city })}` : scope.code;
}

/** "payung-2026-10-KUL": the name every file of a summary starts with. */
export function reportFileName(summary: Summary, outside = false): string {
  return `payung-${summary.period}-${summary.scope.kind === 'all' ? 'all' : summary.scope.code}${outside ? '-outside' : ''}`.replace(/[^A-Za-z0-9.-]/g, '_');
}

/**
 * A summary as a file, the same for a download and the command line, in the given language: CSV
 * files in a ZIP with their data dictionary (or with code headers and row keys only, for scheduled
 * jobs: `codes`), a workbook or a printable report.
 */
export async function renderSummary(
  summary: Summary,
  format: ReportFormat,
  i18n: { t: Translate; number: (n: number) => string; now: string; locale: string },
  /** for outside the ministry: counts under this shown as "<n" */
  suppressBelow?: number,
  codes = false,
): Promise<Buffer> {
  const tables = suppressBelow ? suppressSmallCells(summaryTables(summary), suppressBelow) : summaryTables(summary);
  const { t } = i18n;
  const labels = {
    title: `Payung · ${t('reports.heading', { period: periodTitle(parsePeriod(summary.period)!, i18n.locale), scope: scopeTitle(summary, t, i18n.locale) })}`,
    about: [
      t('reports.missionsIncluded', { missions: summary.missions.join(', ') }),
      t('reports.generatedAt', { at: i18n.now }),
      t('reports.countsOnly'),
      ...(suppressBelow ? [t('reports.suppressedNote', { n: suppressBelow })] : []),
    ],
    table: (n: string) => translateKey(t, `reports.tables.${n}`, n),
    sheet: (n: string) => translateKey(t, `reports.sheets.${n}`, n).slice(0, 31),
    column: (c: string) => translateKey(t, `reports.columns.${c}`, c),
    row: (table: string, code: string) => reportRowLabel(t, table, code),
  };
  if (format === 'csv') {
    const dictionary = ['file', 'table', 'columnCode', 'column', 'rowCode', 'row'].map((h) => t(`reports.dictionary.${h}`));
    return Buffer.from(tablesZip(tables, reportFileName(summary, !!suppressBelow), codes ? undefined : { ...labels, dictionary }));
  }
  if (format === 'xlsx') return summaryWorkbook(tables, labels);
  return summaryPdf(tables, { ...labels, number: i18n.number, page: (n, of) => t('reports.page', { n, of }) });
}
