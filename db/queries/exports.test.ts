import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { createTranslator } from 'use-intl/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { drainExports } from '@/lib/exports/runner';
import { caseListColumns } from '@/lib/domain/case-list-columns';
import type { CaseListValueLabels } from '@/lib/domain/case-list-columns';
import idMessages from '@/lib/i18n/messages/id.json';
import { caseListCsvFromCopy, caseListCsvWriter } from '@/lib/reports/case-list';
import { type CaseListText, caseListText, caseListValueLabels } from '@/lib/reports/case-list-labels';
import { restoreCell } from '@/lib/reports/csv';
import { cellsAsSpreadsheetsRead } from '@/lib/testing/csv';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { caseParties, cases, exportCases, exportJobs, missions, persons, regions, users } from '../schema';
import { caseExportBatches, caseExportCsvStream, countCaseExport, inlineParams } from './case-export';
import { listCaseAccess } from './case-timeline';
import { createCase } from './cases';
import { interruptRunningExports, listOwnExports, ownExportFile, removeExpiredExports, requestExport } from './exports';
import { intakeFacts } from '@/lib/testing/intake';

const documents = fs.mkdtempSync(path.join(os.tmpdir(), 'payung-exports-'));
process.env.DOCUMENTS_DIR = documents;

describe.each(testDatabaseKinds())('exports prepared in the background on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  let supervisor: Actor;

  async function fileOf(actor: Actor, id: string): Promise<Buffer> {
    const file = await ownExportFile(h.db, actor, id);
    expect(file).not.toBeNull();
    return fs.readFileSync(path.join(documents, file!.storageKey.slice(0, 2), file!.storageKey));
  }

  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
    const jed = await officerActor(h.db, 'officer.jed@payung.test');
    const [s] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
    supervisor = actorOf('supervisor', { id: s!.id, timeZone: 'Asia/Jakarta', locale: 'en' });
    const make = async (officer: Actor, names: string[]) => {
      const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'trafficking', narrative: 'x', subjects: names.map((fullName) => ({ ...emptySubject, fullName })) });
      return (await h.db.transaction((tx) => createCase(tx, officer, input))).id;
    };
    // One victim's identity undisclosed; another's name would run as a formula in a spreadsheet.
    const hidden = await make(kul, ['Hidden Victim', '=HYPERLINK("http://x")']);
    const [p] = await h.db.select({ personId: caseParties.personId }).from(caseParties).where(eq(caseParties.caseId, hidden)).orderBy(caseParties.pseudonym).limit(1);
    await h.db.update(persons).set({ isIdentityUndisclosed: true }).where(eq(persons.id, p!.personId));
    await make(jed, ['Jeddah Person']);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('make a case list with pseudonyms for undisclosed identities, text neutralised, only the chosen columns', async () => {
    const { id } = await requestExport(h.db, supervisor, 'case_list', { query: 'category=trafficking', columns: ['reference', 'mission', 'subjects', 'subject_count'], format: 'csv', codes: true });
    expect(await drainExports(h.db)).toBe(1);
    const [job] = await listOwnExports(h.db, supervisor);
    expect(job).toMatchObject({ id, status: 'done', progress: 100, fileName: expect.stringMatching(/^payung-cases-\d{4}-\d{2}-\d{2}-codes\.csv$/) });
    const rows = parse(await fileOf(supervisor, id), { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['reference', 'mission', 'subjects', 'subject_count']);
    expect(rows.map((r) => r.mission).sort()).toEqual(['JED', 'KUL']);
    const kulRow = rows.find((r) => r.mission === 'KUL')!;
    expect(kulRow.subjects).not.toContain('Hidden Victim');
    // The second subject's name would start a formula where `;` splits the line: marked there too.
    expect(kulRow.subjects).toMatch(/^KUL-\d{4}-\d+-\w+;' =HYPERLINK\("http:\/\/x"\)$/);
    expect(restoreCell(kulRow.subjects)).toMatch(/^KUL-\d{4}-\d+-\w+; =HYPERLINK\("http:\/\/x"\)$/);
    expect(kulRow.subjects.startsWith("'")).toBe(false);
    expect(restoreCell(rows.find((r) => r.mission === 'JED')!.subjects)).toBe('Jeddah Person');
    expect(kulRow.subject_count).toBe('2');
  });

  it('neutralise a cell a spreadsheet would run as a formula, and read back exactly', async () => {
    const per = await officerActor(h.db, 'officer.per@payung.test');
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'labour', narrative: 'x', subjects: [{ ...emptySubject, fullName: '=HYPERLINK("http://x")' }] });
    await h.db.transaction((tx) => createCase(tx, per, input));
    const { id } = await requestExport(h.db, supervisor, 'case_list', { query: 'mission=PER', columns: ['subjects'], format: 'csv', codes: true });
    await drainExports(h.db);
    const [row] = parse(await fileOf(supervisor, id), { bom: true, columns: true }) as { subjects: string }[];
    expect(row!.subjects).toBe(`'=HYPERLINK("http://x")`);
    expect(restoreCell(row!.subjects)).toBe('=HYPERLINK("http://x")');
  });

  it('keep to the owner’s scope as it is when the file is made, and to the owner', async () => {
    // asked for while over all missions, made after being limited to the Middle East
    const { id } = await requestExport(h.db, supervisor, 'case_list', { query: '', columns: ['mission'], format: 'xlsx', codes: true });
    const [middleEast] = await h.db.select({ id: regions.id }).from(regions).where(eq(regions.code, 'middle_east'));
    await h.db.update(users).set({ regionId: middleEast!.id }).where(eq(users.id, supervisor.id!));
    await drainExports(h.db);
    await h.db.update(users).set({ regionId: null }).where(eq(users.id, supervisor.id!));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fileOf(supervisor, id)) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'mission']);
    expect(sheet.getColumn(1).values.slice(2)).toEqual(['JED']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // someone else's file is not found
    expect(await ownExportFile(h.db, kul, id)).toBeNull();
  });

  it('make a case list for people by default: headers and values in the owner’s language, flags as words, a workbook with its data dictionary', async () => {
    await h.db.update(users).set({ locale: 'id' }).where(eq(users.id, supervisor.id!));
    const [jed] = await h.db.select({ id: missions.id }).from(missions).where(eq(missions.code, 'JED'));
    await h.db.update(cases).set({ subcategories: ['online_scam', 'forced_labour'] }).where(and(eq(cases.category, 'trafficking'), eq(cases.missionId, jed!.id)));
    const columns = ['reference', 'mission', 'category', 'subcategories', 'status', 'risk', 'opened_on', 'child_subject', 'subjects'];
    const csv = await requestExport(h.db, supervisor, 'case_list', { query: 'category=trafficking', columns, format: 'csv' });
    const xlsx = await requestExport(h.db, supervisor, 'case_list', { query: 'category=trafficking', columns, format: 'xlsx' });
    expect(await drainExports(h.db)).toBe(2);
    await h.db.update(users).set({ locale: null }).where(eq(users.id, supervisor.id!));
    expect((await listOwnExports(h.db, supervisor)).find((e) => e.id === csv.id)?.fileName).toMatch(/^payung-cases-\d{4}-\d{2}-\d{2}\.csv$/);

    const rows = parse(await fileOf(supervisor, csv.id), { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    const subjects = 'Subjek (nama, atau nama samaran jika dirahasiakan)';
    const headers = ['Nomor kasus', 'Perwakilan', 'Kategori', 'Subkategori', 'Status', 'Risiko', 'Tanggal dibuka', 'Subjek anak', subjects];
    expect(Object.keys(rows[0]!)).toEqual(headers);
    const byMission = Object.fromEntries(rows.map((r) => [r.Perwakilan, r]));
    expect(byMission.JED).toMatchObject({ Kategori: 'Tindak pidana perdagangan orang (TPPO)', Subkategori: 'Penipuan daring (online scam); Kerja paksa', Status: 'Baru', Risiko: 'Sedang', 'Subjek anak': 'Tidak' });
    // Dates stay YYYY-MM-DD in CSV: every spreadsheet reads that as a date, whatever its language.
    expect(byMission.JED!['Tanggal dibuka']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Pseudonyms for undisclosed identities and neutralised text, as in a file for machines.
    expect(byMission.KUL![subjects]).toMatch(/^KUL-\d{4}-\d+-\w+;' =HYPERLINK\("http:\/\/x"\)$/);
    expect(JSON.stringify(rows)).not.toContain('Hidden Victim');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fileOf(supervisor, xlsx.id)) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Kasus', 'Kamus data']);
    const [sheet, dictionary] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers]);
    const jedRow = sheet.getRow(sheet.getColumn(2).values.indexOf('JED'));
    // A date that sorts as a date, shown day-month-year with Indonesian month names.
    expect(jedRow.getCell(7).value).toBeInstanceOf(Date);
    expect(jedRow.getCell(7).numFmt).toBe('[$-421]d mmm yyyy');
    expect(jedRow.getCell(3).value).toBe('Tindak pidana perdagangan orang (TPPO)');
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain('Hidden Victim');
    const entries = dictionary.getSheetValues().slice(1).map((r) => Array.from({ length: 5 }, (_, i) => (r as unknown[])[i + 1] ?? ''));
    expect(entries[0]).toEqual(['Kolom', 'Nama kode', 'Arti', 'Kode', 'Label kode']);
    expect(entries).toContainEqual(['Kategori', 'category', 'Pokok permasalahan kasus.', '', '']);
    expect(entries).toContainEqual(['Kategori', 'category', '', 'fishing_crew', 'Anak buah kapal (ABK) perikanan']);
    expect(entries).toContainEqual(['Status', 'status', '', 'waiting_external', 'Menunggu pihak lain']);
    expect(entries).toContainEqual(['Subjek anak', 'child_subject', '', 'yes', 'Ya']);
    expect(entries.find((e) => e[1] === 'opened_on')![2]).toContain('YYYY-MM-DD');
    // only the file's columns
    expect(new Set(entries.slice(1).map((e) => e[1]))).toEqual(new Set(columns));
  });

  it('walk the cases a batch at a time, oldest first, none twice or missed', async () => {
    const batches: string[][] = [];
    for await (const b of caseExportBatches(h.db, supervisor, {}, ['reference'], { batch: 2 })) batches.push(b.map((r) => String(r.reference)));
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
    const all = batches.flat();
    expect(new Set(all).size).toBe(3);
    expect(await countCaseExport(h.db, supervisor, {})).toBe(3);
    await expect(countCaseExport(h.db, kul, {})).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('put each export on the access log of exactly the cases in its file, CSV and workbook; not a failed one; kept after expiry', async () => {
    const exported = async (format: 'csv' | 'xlsx', columns: string[]) => {
      const { id } = await requestExport(h.db, supervisor, 'case_list', { query: 'category=trafficking', columns, format, codes: true });
      expect(await drainExports(h.db)).toBe(1);
      let references: string[];
      if (format === 'csv') references = (parse(await fileOf(supervisor, id), { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[]).map((r) => r.reference!);
      else {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await fileOf(supervisor, id)) as never);
        references = workbook.worksheets[0]!.getColumn(1).values.slice(2).map(String);
      }
      const recorded = await h.db.select({ reference: cases.reference }).from(exportCases).innerJoin(cases, eq(cases.id, exportCases.caseId)).where(eq(exportCases.exportId, id));
      expect(recorded.map((r) => r.reference).sort()).toEqual(references.sort());
      expect(references).toHaveLength(2);
      return id;
    };
    const withNames = await exported('csv', ['reference', 'subjects']);
    const codesOnly = await exported('xlsx', ['reference', 'category']);
    const [hidden] = await h.db.select({ id: cases.id }).from(cases).innerJoin(missions, eq(missions.id, cases.missionId)).where(and(eq(cases.category, 'trafficking'), eq(missions.code, 'KUL')));
    const [owner] = await h.db.select({ name: users.name }).from(users).where(eq(users.id, supervisor.id!));
    const log = await listCaseAccess(h.db, hidden!.id);
    expect(log.slice(0, 2)).toMatchObject([
      { id: `x${codesOnly}`, kind: 'exported', actorName: owner!.name, data: { format: 'XLSX', names: 'no' } },
      { id: `x${withNames}`, kind: 'exported', actorName: owner!.name, data: { format: 'CSV', names: 'yes' } },
    ]);
    // A case outside the filter was in neither.
    const [other] = await h.db.select({ id: cases.id }).from(cases).where(ne(cases.category, 'trafficking')).limit(1);
    expect((await listCaseAccess(h.db, other!.id)).filter((e) => [`x${withNames}`, `x${codesOnly}`].includes(e.id))).toEqual([]);
    // An export that failed made no file: not on the log. An expired one's file is gone, its record is not.
    await h.db.update(exportJobs).set({ status: 'failed' }).where(eq(exportJobs.id, codesOnly));
    await h.db.update(exportJobs).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(exportJobs.id, withNames));
    expect(await removeExpiredExports(h.db)).toHaveLength(1);
    const ours = (await listCaseAccess(h.db, hidden!.id)).filter((e) => [`x${withNames}`, `x${codesOnly}`].includes(e.id));
    expect(ours.map((e) => e.id)).toEqual([`x${withNames}`]);
  });

  it('let officers prepare summaries but not case lists; three waiting at most', async () => {
    await expect(requestExport(h.db, kul, 'case_list', { query: '', columns: ['reference'], format: 'csv' })).rejects.toMatchObject({ code: 'forbidden' });
    for (let i = 0; i < 3; i++) await requestExport(h.db, kul, 'summary', { period: '2026-10', scope: 'KUL', format: 'pdf', outside: false });
    await expect(requestExport(h.db, kul, 'summary', { period: '2026-10', scope: 'KUL', format: 'pdf', outside: false })).rejects.toMatchObject({ code: 'conflict', messageKey: 'exports.tooMany' });
    expect(await drainExports(h.db)).toBe(3);
    const mine = await listOwnExports(h.db, kul);
    expect(mine.map((e) => e.status)).toEqual(['done', 'done', 'done']);
    expect((await fileOf(kul, mine[0]!.id)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(mine[0]!.fileName).toBe('payung-2026-10-KUL.pdf');
    // Ten at once (each in its own transaction on the server's pool): still three, never more.
    const burst = await Promise.allSettled(Array.from({ length: 10 }, () => requestExport(h.db, kul, 'summary', { period: '2026-09', scope: 'KUL', format: 'csv', outside: false })));
    expect(burst.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(burst.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.messageKey)).toEqual(Array(7).fill('exports.tooMany'));
    expect(await drainExports(h.db)).toBe(3);
  });

  it('fail with a reason the owner can read: owner deactivated, server stopped; expired ones go', async () => {
    const { id } = await requestExport(h.db, supervisor, 'case_list', { query: '', columns: ['mission'], format: 'csv' });
    await h.db.update(users).set({ isActive: false }).where(eq(users.id, supervisor.id!));
    await drainExports(h.db);
    await h.db.update(users).set({ isActive: true }).where(eq(users.id, supervisor.id!));
    expect((await listOwnExports(h.db, supervisor)).find((e) => e.id === id)).toMatchObject({ status: 'failed', error: 'errors.forbidden' });

    const running = await requestExport(h.db, supervisor, 'summary', { period: '2026-10', scope: 'all', format: 'csv', outside: false });
    await h.db.update(exportJobs).set({ status: 'running' }).where(eq(exportJobs.id, running.id));
    expect(await interruptRunningExports(h.db)).toBe(1);
    expect((await listOwnExports(h.db, supervisor)).find((e) => e.id === running.id)).toMatchObject({ status: 'failed', error: 'exports.interrupted' });

    const all = await h.db.select({ id: exportJobs.id }).from(exportJobs);
    await h.db.update(exportJobs).set({ expiresAt: new Date(Date.now() - 1000) }).where(inArray(exportJobs.id, all.map((r) => r.id)));
    const keys = await removeExpiredExports(h.db);
    expect(keys.length).toBeGreaterThan(3);
    // Their files go; the rows stay (access logs name them), out of "My exports", never removed twice.
    expect(await h.db.select({ id: exportJobs.id }).from(exportJobs).where(isNotNull(exportJobs.storageKey))).toEqual([]);
    expect(await h.db.select({ id: exportJobs.id }).from(exportJobs)).toHaveLength(all.length);
    expect(await listOwnExports(h.db, supervisor)).toEqual([]);
    expect(await removeExpiredExports(h.db)).toEqual([]);
  });

  it('stream CSV from PostgreSQL with COPY, byte for byte what the batch writer makes, for machines and for people; the embedded database walks batches', async () => {
    const per = await officerActor(h.db, 'officer.per@payung.test');
    // One case per name, so that each name starts its cell.
    for (const fullName of [`O'Brien, "Bo"`, `'=already marked`, '-5 minus', '+62 plus', '@at', 'Ünïcode Nàme', 'Budi;=4+4', 'Tab\t=x']) {
      const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'labour', narrative: 'x', subjects: [{ ...emptySubject, fullName }] });
      await h.db.transaction((tx) => createCase(tx, per, input));
    }
    await h.db.update(cases).set({ subcategories: ['unpaid_wages', 'injury'] }).where(eq(cases.category, 'labour'));
    // A supervisor of one region (its countries go into the SQL as literals), with filters.
    const regional = actorOf('supervisor', { id: supervisor.id, timeZone: 'Asia/Jakarta', regionCountries: ['AU', 'MY'] });
    const filter = { category: 'labour', openedFrom: '2000-01-01' };
    const t = createTranslator({ locale: 'id', messages: idMessages }) as never;
    const files: [string, { text?: CaseListText; labels?: CaseListValueLabels }][] = [
      ['codes', {}],
      ['labels', { text: caseListText(t, 'id'), labels: caseListValueLabels(t) }],
    ];
    for (const [name, { text, labels }] of files) {
      const byBatches = path.join(documents, `batches-${kind}-${name}.csv`);
      const writer = caseListCsvWriter(byBatches, caseListColumns, text);
      for await (const batch of caseExportBatches(h.db, regional, filter, caseListColumns, { batch: 1, labels })) await writer.add(batch);
      await writer.close();
      const expected = fs.readFileSync(byBatches, 'utf8');
      for (const cell of [`"O'Brien, ""Bo"""`, `"''=already marked"`, `"'-5 minus"`, `"'+62 plus"`, `"'@at"`, '"Ünïcode Nàme"', `Budi;'=4+4`, `Tab\t'=x`]) expect(expected).toContain(cell);
      const words = labels ? ['"Nomor kasus"', '"Ketenagakerjaan"', '"Gaji tidak dibayar; Cedera"', ',"Tidak","Tidak",'] : ['"reference"', '"labour"', '"unpaid_wages injury"', ',"no","no",'];
      for (const cell of words) expect(expected, name).toContain(cell);
      // Whatever separator a spreadsheet splits the lines by, no cell starts a formula.
      for (const cell of cellsAsSpreadsheetsRead(expected)) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
      expect(expected.split('\r\n').length).toBeGreaterThan(2);
      const stream = caseExportCsvStream(h.db, regional, filter, caseListColumns, null, undefined, labels);
      if (kind === 'pglite') {
        expect(stream).toBeNull();
        continue;
      }
      const byCopy = path.join(documents, `copy-${kind}-${name}.csv`);
      let seen = 0;
      await caseListCsvFromCopy(byCopy, caseListColumns, stream!, (n) => (seen = n), text);
      expect(fs.readFileSync(byCopy, 'utf8')).toBe(expected);
      expect(seen).toBe(expected.split('\r\n').length - 2);
    }
  });

  it('write filter values into COPY as literals that cannot end their quotes', () => {
    expect(inlineParams('a = $1 AND b IN ($2, $10) AND c = $3', ["x' OR '1'='1", 5, null, null, null, null, null, null, null, true])).toBe(
      "a = 'x'' OR ''1''=''1' AND b IN (5, true) AND c = NULL",
    );
    expect(() => inlineParams('a = $1', [{}])).toThrow();
  });
});

