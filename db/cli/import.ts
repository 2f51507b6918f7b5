/**
 * `npm run import -- cases.csv|cases.xlsx [--dry-run] [--skip-invalid] [--rejected rejected.csv] [--lang id|en]`:
 * imports a legacy case log (issue 7) into the configured database (DATABASE_URL, or the
 * embedded one in PGLITE_DIR — only while the app is not running: the folder's lock says so),
 * as the directorate. Problems go to standard output as "row 12, date_of_birth: …", progress
 * to standard error. Exits with 1 when errors kept cases out (nothing at all imported without
 * --skip-invalid). With --skip-invalid the rejected rows, with a reason column, go to
 * --rejected (default: beside the file, `<name>.rejected.csv`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createTranslator } from 'use-intl/core';
import { systemActor } from '@/lib/actor';
import en from '@/lib/i18n/messages/en.json';
import id from '@/lib/i18n/messages/id.json';
import { type Translate, problemLine, rejectedRowsCsv } from '@/lib/import/messages';
import { UnreadableFileError, readImportFile } from '@/lib/import/read';
import { getHandle } from '../index';
import { migrationStatus } from '../migrate';
import { importCases } from '../queries/import';
import { formatLocale } from '@/lib/i18n/locale';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      rejected: { type: 'string' },
      lang: { type: 'string', default: 'id' },
      batch: { type: 'string', default: '1000' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error('give one file: npm run import -- cases.csv [--dry-run] [--skip-invalid] [--rejected rejected.csv] [--lang id|en]');
  const locale = values.lang === 'en' ? 'en' : 'id';
  const t = createTranslator({ locale: formatLocale(locale), messages: locale === 'en' ? en : id }) as unknown as Translate;

  console.error(t('import.cli.reading', { file }));
  const bytes = new Uint8Array(fs.readFileSync(file));
  let sheet;
  try {
    sheet = await readImportFile(bytes, file);
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    console.log(problemLine(t, { row: 1, column: null, code: 'unreadable', severity: 'error' }));
    return 1;
  }

  const handle = await getHandle();
  try {
    if (!(await migrationStatus(handle)).current) throw new Error('the database is not migrated: run `npm run db:migrate` first');
    // The command line imports as the directorate does: into any mission.
    const directorate = { ...systemActor, role: 'supervisor' as const };
    const started = Date.now();
    let lastPrinted = 0;
    const result = await importCases(handle.db, directorate, sheet, {
      fileName: path.basename(file),
      dryRun: values['dry-run'],
      skipInvalid: values['skip-invalid'],
      batchSize: Number(values.batch) || undefined,
      via: 'command line',
      onProgress: (done, total) => {
        if (done === total || Date.now() - lastPrinted > 1000) {
          lastPrinted = Date.now();
          process.stderr.write(`  ${t('import.cli.progress', { done, total })}\n`);
        }
      },
    });
    for (const p of result.problems) console.log(problemLine(t, p));

    const rejectedPath = values.rejected ?? (values['skip-invalid'] ? defaultRejectedPath(file) : null);
    if (rejectedPath && result.rejectedRows.length) {
      fs.writeFileSync(rejectedPath, rejectedRowsCsv(t, sheet, result.rejectedRows, result.problems));
      console.log(t('import.cli.rejectedFile', { file: rejectedPath }));
    }
    const counts = { rows: result.rows, cases: result.cases, people: result.people, skipped: result.skippedExisting, rejected: result.rejectedRows.length, errors: result.errorCount, warnings: result.warningCount };
    if (result.dryRun) console.log(t('import.cli.checked', counts));
    else if (!result.written) console.log(t('import.cli.refused', counts));
    else console.log(t('import.cli.done', { ...counts, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
    // Errors kept cases out: the whole file without --skip-invalid, or every case of it.
    const keptOut = result.errorCount > 0 && (!values['skip-invalid'] || result.cases + result.skippedExisting === 0);
    return keptOut ? 1 : 0;
  } finally {
    await handle.close();
  }
}

/** cases.xlsx → cases.rejected.csv, in the same folder. */
function defaultRejectedPath(file: string): string {
  const { dir, name } = path.parse(file);
  return path.join(dir, `${name}.rejected.csv`);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`import failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
