/**
 * `npm run report -- --period 2026-10 --scope all --format csv --out report.zip [--lang id|en] [--outside] [--codes]`:
 * the case summary for scheduled jobs (`--codes`: CSV with code headers and row keys, no dictionary), from the configured database (DATABASE_URL, or the
 * embedded one in PGLITE_DIR — only while the app is not running: the folder's lock says so).
 * `--scope` is a mission code, a country code or `all`; `--period 2005..2010` gives one
 * trafficking-table row per year.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createTranslator } from 'use-intl/core';
import { systemActor } from '@/lib/actor';
import { parsePeriod } from '@/lib/domain/periods';
import en from '@/lib/i18n/messages/en.json';
import id from '@/lib/i18n/messages/id.json';
import { type ReportFormat, renderSummary } from '@/lib/reports/render';
import { suppressionThreshold } from '@/lib/reports/suppress';
import { parseScope } from '@/lib/validation/reports';
import { appendAudit } from '../queries/audit';
import { summaryFor } from '../queries/month-locks';
import { getHandle } from '../index';
import { migrationStatus } from '../migrate';
import { formatLocale } from '@/lib/i18n/locale';

async function main() {
  const { values } = parseArgs({
    options: { period: { type: 'string' }, scope: { type: 'string', default: 'all' }, format: { type: 'string', default: 'csv' }, out: { type: 'string' }, lang: { type: 'string', default: 'id' }, outside: { type: 'boolean', default: false }, codes: { type: 'boolean', default: false } },
  });
  const period = parsePeriod(values.period ?? '');
  if (!period) throw new Error(`--period must be a month (2026-10), a quarter (2026-Q3), a year (2026) or years (2005..2010); got "${values.period ?? ''}"`);
  const scope = parseScope(values.scope!);
  if (!scope) throw new Error(`--scope must be a mission code (KUL), a country code (MY) or all; got "${values.scope}"`);
  const format = values.format as ReportFormat;
  if (!['csv', 'xlsx', 'pdf'].includes(format)) throw new Error(`--format must be csv, xlsx or pdf; got "${values.format}"`);
  const locale = values.lang === 'en' ? 'en' : 'id';
  const out = values.out ?? `payung-${period.label}-${values.scope}.${format === 'csv' ? 'zip' : format}`;

  const handle = await getHandle();
  try {
    if (!(await migrationStatus(handle)).current) throw new Error('the database is not migrated: run `npm run db:migrate` first');
    // The command line reads as the directorate does: every mission.
    const directorate = { ...systemActor, role: 'supervisor' as const };
    const summary = await summaryFor(handle.db, directorate, period, scope);
    const t = createTranslator({ locale: formatLocale(locale), messages: locale === 'en' ? en : id });
    const body = await renderSummary(
      summary,
      format,
      {
        t: t as never,
        number: (n) => new Intl.NumberFormat(formatLocale(locale)).format(n),
        now: new Intl.DateTimeFormat(formatLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date()),
        locale,
      },
      values.outside ? suppressionThreshold() : undefined,
      values.codes,
    );
    fs.writeFileSync(out, body);
    await appendAudit(handle.db, systemActor, { action: 'report.export', entityType: 'report', details: { period: period.label, scope: values.scope, format, outside: values.outside, codes: values.codes, via: 'command line' } });
    console.log(`${out}: ${summary.period}, ${summary.missions.length} mission(s), ${summary.flow.new} new cases, ${summary.trafficking.at(-1)!.cases} trafficking cases.`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(`report failed: ${(e as Error).message}`);
  process.exit(1);
});
