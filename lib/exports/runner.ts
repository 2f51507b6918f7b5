import 'server-only';
import { createTranslator } from 'use-intl/core';
import { type Db, getDb } from '@/db';
import { caseExportBatches, caseExportCsvStream, countCaseExport } from '@/db/queries/case-export';
import { claimNextExport, completeExport, failExport, interruptRunningExports, removeExpiredExports, setExportProgress } from '@/db/queries/exports';
import { summaryFor } from '@/db/queries/month-locks';
import { actorOfUser } from '@/db/queries/sessions';
import { localDate } from '@/db/queries/steps';
import type { ExportJob } from '@/db/schema';
import type { Actor } from '@/lib/actor';
import type { Locale } from '@/lib/domain/users';
import { newStoredFile, removeFile, storeFile } from '@/lib/documents/store';
import { parsePeriod } from '@/lib/domain/periods';
import { AppError, forLog } from '@/lib/errors';
import { inHeavySlot } from '@/lib/heavy';
import en from '@/lib/i18n/messages/en.json';
import id from '@/lib/i18n/messages/id.json';
import { caseListCsvFromCopy, caseListCsvWriter, caseListWorkbookWriter } from '@/lib/reports/case-list';
import { CASE_LIST_CODES, caseListDictionary, caseListText, caseListValueLabels } from '@/lib/reports/case-list-labels';
import { REPORT_FILES, renderSummary, reportFileName } from '@/lib/reports/render';
import { suppressionThreshold } from '@/lib/reports/suppress';
import type { CaseListExportRequest, SummaryExportRequest } from '@/lib/validation/exports';
import { parseQueueQuery } from '@/lib/validation/queues';
import { parseScope } from '@/lib/validation/reports';
import { translateKey } from '@/lib/i18n/dynamic';
import { formatLocale } from '@/lib/i18n/locale';

/** A file made for an export, already in the document store. */
interface ExportFile {
  fileName: string;
  contentType: string;
  storageKey: string;
  sizeBytes: number;
}

type Progress = (percent: number) => Promise<void>;

function i18nOf(actor: Actor) {
  const locale: Locale = actor.locale ?? 'id';
  const t = createTranslator({ locale: formatLocale(locale), messages: locale === 'en' ? en : id });
  return {
    t: t as never,
    number: (n: number) => new Intl.NumberFormat(formatLocale(locale)).format(n),
    now: new Intl.DateTimeFormat(formatLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: actor.timeZone }).format(new Date()),
    locale,
  };
}

async function summaryFile(db: Db, owner: Actor, request: SummaryExportRequest, progress: Progress): Promise<ExportFile> {
  const summary = await inHeavySlot(() => summaryFor(db, owner, parsePeriod(request.period)!, parseScope(request.scope)!));
  await progress(70);
  const body = await renderSummary(summary, request.format, i18nOf(owner), request.outside ? suppressionThreshold() : undefined);
  const { storageKey } = await storeFile(body);
  return { fileName: `${reportFileName(summary, request.outside)}.${REPORT_FILES[request.format].extension}`, contentType: REPORT_FILES[request.format].type, storageKey, sizeBytes: body.byteLength };
}

/**
 * Written to the store as it is read: a list of every closed case is hundreds of thousands of
 * rows. CSV on PostgreSQL streams one COPY; a workbook, or CSV on the embedded database, walks
 * the batches. For people (the default) in the owner's language, with a workbook's data
 * dictionary in it; for machines with codes (`codes`).
 */
async function caseListFile(db: Db, owner: Actor, exportId: string, request: CaseListExportRequest, progress: Progress): Promise<ExportFile> {
  const { filter } = parseQueueQuery(Object.fromEntries(new URLSearchParams(request.query)), request.view);
  const now = new Date();
  const total = await countCaseExport(db, owner, filter, now);
  const { storageKey, path } = await newStoredFile();
  const name = `payung-cases-${localDate(owner.timeZone)}${request.codes ? '-codes' : ''}.${request.format}`;
  const contentType = request.format === 'xlsx' ? REPORT_FILES.xlsx.type : 'text/csv; charset=utf-8';
  const { t, locale } = i18nOf(owner);
  const text = request.codes ? CASE_LIST_CODES : caseListText(t, locale);
  const labels = request.codes ? undefined : caseListValueLabels(t);
  const copied = request.format === 'csv' ? caseExportCsvStream(db, owner, filter, request.columns, exportId, now, labels) : null;
  if (copied) {
    // Progress is written at most once a second: a fast export must not wait on its own bookkeeping.
    let shown = Date.now();
    const sizeBytes = await caseListCsvFromCopy(path, request.columns, copied, (done) => {
      if (Date.now() - shown < 1_000) return;
      shown = Date.now();
      void progress(total ? Math.min(99, (done / total) * 99) : 99).catch(() => {});
    }, text).catch(async (e: unknown) => {
      await removeFile(storageKey);
      throw e;
    });
    return { fileName: name, contentType, storageKey, sizeBytes };
  }
  const writer =
    request.format === 'xlsx'
      ? caseListWorkbookWriter(path, request.columns, request.codes ? 'cases' : translateKey(t, 'exports.dictionary.cases'), text, caseListDictionary(t, request.columns))
      : caseListCsvWriter(path, request.columns, text);
  try {
    let done = 0;
    for await (const batch of caseExportBatches(db, owner, filter, request.columns, { exportId, now, labels })) {
      await writer.add(batch);
      done += batch.length;
      await progress(total ? (done / total) * 99 : 99);
    }
    const sizeBytes = await writer.close();
    return { fileName: name, contentType, storageKey, sizeBytes };
  } catch (e) {
    await writer.close().catch(() => {});
    await removeFile(storageKey);
    throw e;
  }
}

/**
 * Makes one export's file with its owner's rights as they are now (a supervisor moved to
 * another region exports only what they may still see), in their language, and keeps it in
 * the document store. A failure is recorded on the export as a message the owner can read.
 */
export async function runExport(db: Db, job: ExportJob): Promise<void> {
  try {
    const owner = await actorOfUser(db, job.ownerId);
    if (!owner) throw new AppError('forbidden');
    const progress: Progress = (p) => setExportProgress(db, job.id, p);
    const file =
      job.kind === 'summary'
        ? await summaryFile(db, owner, job.request as unknown as SummaryExportRequest, progress)
        : await caseListFile(db, owner, job.id, job.request as unknown as CaseListExportRequest, progress);
    await completeExport(db, job.id, file);
  } catch (e) {
    const key = e instanceof AppError ? e.messageKey : 'exports.failed';
    if (!(e instanceof AppError)) console.error(`[payung] export ${job.id} failed: ${forLog(e)}`);
    await failExport(db, job.id, key).catch(() => {});
  }
}

/** Runs waiting exports one after another, then removes expired ones. */
export async function drainExports(db: Db): Promise<number> {
  let done = 0;
  for (let job = await claimNextExport(db); job; job = await claimNextExport(db)) {
    await runExport(db, job);
    done++;
  }
  for (const key of await removeExpiredExports(db)) await removeFile(key);
  return done;
}

let running: Promise<unknown> | null = null;
let again = false;
let resumed = false;

/**
 * Starts working through waiting exports in this server process, if it is not already: the
 * request that queued one returns at once, and the owner follows it under "My exports".
 * Called when an export is requested and whenever "My exports" is looked at, so exports
 * waiting at a restart resume. The first call in a process marks exports still "running" —
 * cut off by the last stop — as failed, for their owners to start again (one server per
 * database, as the embedded database requires anyway).
 */
export function kickExports(): void {
  if (running) {
    again = true;
    return;
  }
  running = getDb()
    .then(async (db) => {
      if (!resumed) {
        resumed = true;
        const cut = await interruptRunningExports(db);
        if (cut) console.log(`[payung] ${cut} export(s) were cut off by the last stop and are marked failed.`);
      }
      return drainExports(db);
    })
    .catch((e) => console.error(`[payung] exports stopped: ${forLog(e)}`))
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        kickExports();
      }
    });
}
