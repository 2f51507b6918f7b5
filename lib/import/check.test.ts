import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import id from '@/lib/i18n/messages/id.json';
import { checkHeader, checkSheet, normaliseFileCode } from './check';
import { type Translate, problemLine, rejectedRowsCsv } from './messages';
import { readCsv } from './read';
import { type LogRow, csvOf } from '@/lib/testing/import-rows';
import { IMPORT_COLUMNS, type ImportProblem } from './template';

const missions = new Map([
  ['KUL', { timeZone: 'Asia/Kuala_Lumpur', isInScope: true }],
  ['JED', { timeZone: 'Asia/Riyadh', isInScope: false }],
]);
const now = new Date('2026-11-15T03:00:00Z');

type Row = LogRow;
/** A woman born 12 May 1990: NIK day 12 + 40 = 52. */
const NIK_F_1990_05_12 = '3174015205900001';
const subject: Row = {
  case_ref: 'KUL/2015/001',
  mission_code: 'KUL',
  opened_on: '2015-03-10',
  category: 'trafficking',
  subcategory: 'domestic_servitude',
  status: 'closed',
  closed_on: '2015-09-01',
  outcome: 'repatriated',
  role: 'subject',
  full_name: 'Sri Wahyuni',
  sex: 'F',
  date_of_birth: '1990-05-12',
  nik: NIK_F_1990_05_12,
  passport_no: 'C1234567',
  nationality: 'ID',
  prosecution_stage: 'P-21',
};
const perpetrator: Row = { ...subject, role: 'recruiter', full_name: 'Pak Budi', sex: 'M', date_of_birth: '', nik: '', passport_no: '', nationality: '', prosecution_stage: '' };

const csv = (rows: Row[], columns?: readonly string[]) => new TextEncoder().encode(csvOf(rows, columns));
const check = (rows: Row[]) => checkSheet(readCsv(csv(rows)), { missions, now });
const errorsOf = (problems: ImportProblem[]) => problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.code]);

describe('the header', () => {
  it('names missing, unknown and doubled columns on row 1', () => {
    const header = [...IMPORT_COLUMNS.filter((c) => c !== 'nik' && c !== 'sex'), 'notes', 'case_ref'];
    expect(checkHeader(header).map((p) => [p.row, p.code, p.params?.name])).toEqual([
      [1, 'unknownColumn', 'notes'],
      [1, 'duplicateColumn', 'case_ref'],
      [1, 'missingColumn', 'sex'],
      [1, 'missingColumn', 'nik'],
    ]);
  });
  it('reads names in any case and spacing, and accepts our own reason column', () => {
    const sheet = readCsv(new TextEncoder().encode(`${IMPORT_COLUMNS.map((c) => c.toUpperCase().replace('_', ' ')).join(',')},reason\n`));
    expect(checkHeader(sheet.header)).toEqual([]);
  });
  it('stops at a bad header, rejecting every row', () => {
    const result = checkSheet(readCsv(csv([subject], IMPORT_COLUMNS.slice(1))), { missions, now });
    expect(result.problems).toEqual([{ row: 1, column: 'case_ref', code: 'missingColumn', params: { name: 'case_ref' }, severity: 'error' }]);
    expect(result.rejectedRows).toEqual([2]);
    expect(result.cases).toEqual([]);
  });
  it('says when there are no rows', () => {
    expect(check([]).problems.map((p) => p.code)).toEqual(['empty']);
  });
});

describe('the rows', () => {
  it('make one case of the rows sharing case_ref, with its people', () => {
    const result = check([subject, perpetrator, { ...subject, case_ref: 'KUL/2015/002', opened_on: '2015-04-01', status: 'in_progress', closed_on: '', outcome: '', prosecution_stage: '' }]);
    expect(result.problems).toEqual([]);
    expect(result.cases).toHaveLength(2);
    expect(result.cases[0]).toMatchObject({
      ref: 'KUL/2015/001',
      missionCode: 'KUL',
      category: 'trafficking',
      subcategories: ['domestic_servitude'],
      status: 'closed',
      closedOn: '2015-09-01',
      outcome: 'repatriated',
    });
    expect(result.cases[0]!.people.map((p) => [p.row, p.role, p.perpetratorKind, p.nationality, p.prosecutionStage])).toEqual([
      [2, 'subject', null, 'ID', 'P-21'],
      [3, 'perpetrator', 'recruiter', null, null],
    ]);
  });

  it('report each column’s errors with the row they are on', () => {
    const bad: Row[] = [
      { ...subject, case_ref: '' },
      { ...subject, case_ref: 'A', mission_code: 'XXX' },
      { ...subject, case_ref: 'B', mission_code: 'JED' },
      { ...subject, case_ref: 'C', opened_on: '10/03/2015' },
      { ...subject, case_ref: 'D', opened_on: '2015-02-30' },
      { ...subject, case_ref: 'E', opened_on: '2027-01-01', closed_on: '', status: 'new', outcome: '' },
      { ...subject, case_ref: 'F', category: 'labor' },
      { ...subject, case_ref: 'G', subcategory: 'unpaid_wages' },
      { ...subject, case_ref: 'H', status: 'open' },
      { ...subject, case_ref: 'I', closed_on: '' },
      { ...subject, case_ref: 'J', outcome: '' },
      { ...subject, case_ref: 'K', status: 'in_progress' },
      { ...subject, case_ref: 'L', closed_on: '2015-01-01' },
      { ...subject, case_ref: 'M', outcome: 'happy' },
      { ...subject, case_ref: 'N', role: 'victim' },
      { ...subject, case_ref: 'O', full_name: '' },
      { ...subject, case_ref: 'P', sex: 'W' },
      { ...subject, case_ref: 'Q', date_of_birth: '2016-01-01' },
      { ...subject, case_ref: 'R', nik: '12345' },
      { ...subject, case_ref: 'S', passport_no: 'AB12' },
      { ...subject, case_ref: 'T', nationality: 'XY' },
      { ...subject, case_ref: 'U', prosecution_stage: 'P-99' },
      { ...subject, case_ref: 'V', date_of_birth: '1850-01-01', nik: '' },
    ];
    const result = check(bad);
    expect(errorsOf(result.problems)).toEqual([
      [2, 'case_ref', 'required'],
      [3, 'mission_code', 'unknownMission'],
      [4, 'mission_code', 'missionOutOfRegion'],
      [5, 'opened_on', 'date'],
      [6, 'opened_on', 'date'],
      [7, 'opened_on', 'dateFuture'],
      [8, 'category', 'category'],
      [9, 'subcategory', 'subcategory'],
      [10, 'status', 'status'],
      [11, 'closed_on', 'closedNeedsDate'],
      [12, 'outcome', 'closedNeedsOutcome'],
      [13, 'closed_on', 'onlyWhenClosed'],
      [13, 'outcome', 'onlyWhenClosed'],
      [14, 'closed_on', 'closedBeforeOpened'],
      [15, 'outcome', 'outcome'],
      [16, 'role', 'role'],
      [17, 'full_name', 'required'],
      [18, 'sex', 'sex'],
      [19, 'date_of_birth', 'bornAfterOpening'],
      [20, 'nik', 'nik'],
      [21, 'passport_no', 'passport'],
      [22, 'nationality', 'country'],
      [23, 'prosecution_stage', 'fileCode'],
      [24, 'date_of_birth', 'datePlausible'],
    ]);
    expect(result.cases).toEqual([]);
    expect(result.rejectedRows).toEqual(bad.map((_, i) => i + 2));
  });

  it('warn, without refusing, about a NIK that disagrees with the date of birth or the sex', () => {
    const result = check([
      { ...subject, date_of_birth: '1990-05-13' },
      { ...subject, case_ref: 'KUL/2015/009', sex: 'M' },
    ]);
    expect(result.problems.map((p) => [p.row, p.column, p.code, p.severity])).toEqual([
      [2, 'nik', 'nikBirthDate', 'warning'],
      [3, 'nik', 'nikSex', 'warning'],
    ]);
    expect(result.problems[0]!.params).toEqual({ nikDate: '12-05-90', dateOfBirth: '1990-05-13' });
    expect(result.cases).toHaveLength(2);
  });

  it('refuse the rows of a case that disagree on the case’s columns, and the whole case with them', () => {
    const result = check([subject, { ...perpetrator, opened_on: '2015-03-11' }, { ...perpetrator, prosecution_stage: 'P-22' }, { ...subject, case_ref: 'KUL/2015/002' }]);
    expect(errorsOf(result.problems)).toEqual([[3, 'opened_on', 'caseDisagrees']]);
    expect(result.problems[0]!.params).toEqual({ caseRef: 'KUL/2015/001', firstRow: 2, value: '2015-03-10' });
    expect(result.rejectedRows).toEqual([2, 3, 4]);
    expect(result.cases.map((c) => c.ref)).toEqual(['KUL/2015/002']);
  });

  it('give each person of a case their own prosecution stage: the accused are often at different stages', () => {
    const result = check([{ ...subject, prosecution_stage: '' }, { ...perpetrator, prosecution_stage: 'P-18' }, { ...perpetrator, role: 'trafficker', full_name: 'Pak Joko', prosecution_stage: 'p22' }, { ...perpetrator, role: 'agent', full_name: 'Bu Rini' }]);
    expect(result.problems).toEqual([]);
    expect(result.rejectedRows).toEqual([]);
    expect(result.cases).toHaveLength(1);
    expect(result.cases[0]!.people.map((p) => [p.row, p.role, p.prosecutionStage])).toEqual([
      [2, 'subject', null],
      [3, 'perpetrator', 'P-18/P-19'],
      [4, 'perpetrator', 'P-22'],
      [5, 'perpetrator', null],
    ]);
  });

  it('warn about a case without a subject', () => {
    const result = check([perpetrator]);
    expect(result.problems.map((p) => [p.row, p.code, p.severity])).toEqual([[2, 'noSubject', 'warning']]);
    expect(result.cases).toHaveLength(1);
  });

  it('take codes in any case, several subcategories, and file codes as people write them', () => {
    const result = check([{ ...subject, mission_code: 'kul', category: 'Trafficking', subcategory: 'forced_labour; domestic_servitude', status: 'Closed', sex: 'f', nationality: 'id', prosecution_stage: 'p21' }]);
    expect(result.problems).toEqual([]);
    expect(result.cases[0]).toMatchObject({ missionCode: 'KUL', subcategories: ['forced_labour', 'domestic_servitude'] });
    expect(result.cases[0]!.people[0]!.prosecutionStage).toBe('P-21');
    expect(['P-18', 'P19', 'P-18/P-19', 'P 48', 'P-20', 'X'].map(normaliseFileCode)).toEqual(['P-18/P-19', 'P-18/P-19', 'P-18/P-19', 'P-48', null, null]);
  });
});

describe('the messages', () => {
  const tEn = createTranslator({ locale: 'en', messages: en }) as unknown as Translate;
  const tId = createTranslator({ locale: 'id', messages: id }) as unknown as Translate;
  it('say row, column and what is wrong, in either language', () => {
    const result = check([{ ...subject, date_of_birth: '1990-02-30' }]);
    expect(problemLine(tEn, result.problems[0]!)).toBe('row 2, date_of_birth: “1990-02-30” is not a date: write it as YYYY-MM-DD, for example 2015-03-31.');
    expect(problemLine(tId, result.problems[0]!)).toMatch(/^baris 2, date_of_birth: “1990-02-30” bukan tanggal yang benar/);
    const [category, role] = check([{ ...subject, category: 'x' }, { ...subject, case_ref: 'Z', role: 'x' }]).problems.map((p) => problemLine(tEn, p));
    expect(category).toBe('row 2, category: “x” is not a category code (labour, trafficking, fishing_crew, smuggling, criminal, immigration, death, civil, emergency, other).');
    expect(role).toBe('row 3, role: “x” is not a role (subject, perpetrator, recruiter, agent, employer, smuggler, trafficker, other).');
  });

  it('give the rejected rows back as they were, with a reason, and a corrected copy imports', () => {
    const rows = [subject, { ...perpetrator, sex: 'W', full_name: '=HYPERLINK("x")' }, { ...subject, case_ref: 'KUL/2015/002' }];
    const sheet = readCsv(csv(rows));
    const result = checkSheet(sheet, { missions, now });
    const file = rejectedRowsCsv(tEn, sheet, result.rejectedRows, result.problems);
    const back = readCsv(new TextEncoder().encode(file));
    expect(back.header).toEqual([...IMPORT_COLUMNS, 'reason']);
    expect(back.rows.map((r) => [r.row, r.cells[0], r.cells[9], r.cells.at(-1)])).toEqual([
      [2, 'KUL/2015/001', 'Sri Wahyuni', 'another row of case KUL/2015/001 has an error'],
      [3, 'KUL/2015/001', '=HYPERLINK("x")', 'row 3, sex: “W” is not F, M or X.'],
    ]);
    expect(file).toContain(`'=HYPERLINK`);
    back.rows[1]!.cells[10] = 'M';
    expect(checkSheet(back, { missions, now }).problems).toEqual([]);
  });
});
