import ExcelJS from 'exceljs';
import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import id from '@/lib/i18n/messages/id.json';
import { homeFileCodes } from '@/lib/domain/cases';
import { checkSheet } from './check';
import { importCodes } from './codes';
import type { Translate } from './messages';
import { readCsv, readXlsx } from './read';
import { IMPORT_COLUMNS, TEMPLATE_EXAMPLE_REF } from './template';
import { exampleRows, templateCsv, templateWorkbook } from './template-file';

// A missing label throws instead of showing its key.
const translator = (locale: 'en' | 'id') =>
  createTranslator({
    locale,
    messages: locale === 'en' ? en : id,
    onError: (e) => {
      throw e;
    },
  }) as unknown as Translate;
const missions = [
  { code: 'KUL', name: 'KBRI Kuala Lumpur' },
  { code: 'PEN', name: 'KJRI Penang' },
];
const checkContext = { missions: new Map(missions.map((m) => [m.code, { timeZone: 'Asia/Kuala_Lumpur', isInScope: true }])), now: new Date('2026-11-15T03:00:00Z') };

async function sheetsOf(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((s) => ({ name: s.name, rows: s.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))) }));
}

describe('the template to download', () => {
  it('is a workbook whose first sheet is the template and whose second lists every code with its meaning, in the reader’s language', async () => {
    for (const [locale, names, fileCodeLabel] of [
      ['en', ['Cases', 'Codes'], 'Prosecution file complete'],
      ['id', ['Kasus', 'Kode'], 'Berkas perkara lengkap'],
    ] as const) {
      const [cases, codes] = await sheetsOf(await templateWorkbook(translator(locale), missions));
      expect([cases!.name, codes!.name]).toEqual(names);
      expect(cases!.rows[0]).toEqual([...IMPORT_COLUMNS]);
      expect(cases!.rows).toHaveLength(4);
      const listed = codes!.rows.slice(1).map((r) => `${r[0]}:${r[1]}`);
      // every code of the domain's lists, once per column (a subcategory once per category), and the reader's missions
      expect(listed).toEqual(['mission_code:KUL', 'mission_code:PEN', ...importCodes().map((c) => `${c.column}:${c.code}`)]);
      expect(codes!.rows.find((r) => r[1] === 'P-21')).toEqual(['prosecution_stage', 'P-21', fileCodeLabel]);
      expect(codes!.rows.find((r) => r[0] === 'mission_code' && r[1] === 'PEN')).toEqual(['mission_code', 'PEN', 'KJRI Penang']);
      // Labels, never codes, in the meaning column.
      for (const row of codes!.rows.slice(1)) expect(row[2]).not.toMatch(/^[a-z_]+$|\./);
    }
  });

  it('labels in Indonesian what it labels in English', async () => {
    const meaning = async (locale: 'en' | 'id') => (await sheetsOf(await templateWorkbook(translator(locale), missions)))[1]!.rows.map((r) => r[2]);
    const [inEn, inId] = [await meaning('en'), await meaning('id')];
    expect(inId.find((_, i) => inEn[i] === 'Trafficking in persons')).toBe('Tindak pidana perdagangan orang (TPPO)');
    expect(inId.find((_, i) => inEn[i] === 'Perpetrator: Recruiter')).toBe('Pelaku: Perekrut');
    expect(homeFileCodes.every((code) => inId.includes(id.legal.fileCodes[code]))).toBe(true);
  });

  it('reads back, from either file, as an example case of several stages that the check refuses as the example', async () => {
    const t = translator('id');
    const fromXlsx = await readXlsx(new Uint8Array(await templateWorkbook(t, missions)));
    const fromCsv = readCsv(new TextEncoder().encode(templateCsv(t, missions)));
    expect(fromCsv).toEqual(fromXlsx);
    expect(fromXlsx.rows.map((r) => r.cells)).toEqual(exampleRows(t, 'KUL').map((r) => IMPORT_COLUMNS.map((c) => r[c])));
    const checked = checkSheet(fromXlsx, checkContext);
    expect(checked.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'case_ref', 'exampleRow'],
      [3, 'case_ref', 'exampleRow'],
      [4, 'case_ref', 'exampleRow'],
    ]);
    // With any other case_ref, the example is a correct case whose accused keep their own stages.
    const renamed = { ...fromXlsx, rows: fromXlsx.rows.map((r) => ({ ...r, cells: [`KUL/2015/${r.cells[0] === TEMPLATE_EXAMPLE_REF ? '001' : 'x'}`, ...r.cells.slice(1)] })) };
    const ok = checkSheet(renamed, checkContext);
    expect(ok.problems).toEqual([]);
    expect(ok.cases[0]!.people.map((p) => [p.role, p.perpetratorKind, p.prosecutionStage])).toEqual([
      ['subject', null, null],
      ['perpetrator', 'recruiter', 'P-21'],
      ['perpetrator', 'agent', 'P-18/P-19'],
    ]);
  });
});
