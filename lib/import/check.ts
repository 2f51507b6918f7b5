import { type CaseOutcome, type CaseStatus, type Category, type HomeFileCode, caseOutcomes, caseStatuses, categories, categoryCodes, homeFileCodes, sexes } from '@/lib/domain/cases';
import { isCountryCode } from '@/lib/validation/missions';
import { isValidNik, isValidPassportNumber, nikBirthDateConflict, nikBirthFacts } from '@/lib/validation/people';
import { REASON_COLUMN, CASE_COLUMNS, TEMPLATE_EXAMPLE_REF, IMPORT_COLUMNS, IMPORT_ROLES, type ImportCase, type ImportColumn, type ImportPerson, type ImportProblem, type ImportRole, type PerpetratorKind, type ProblemCode, type RawSheet } from './template';

export interface MissionInfo {
  timeZone: string;
  /** within the importing supervisor's region */
  isInScope: boolean;
}

export interface CheckContext {
  /** every mission by code */
  missions: ReadonlyMap<string, MissionInfo>;
  now?: Date;
}

export interface CheckResult {
  /** the cases whose every row passed, in the order of their first row */
  cases: ImportCase[];
  /** cases (by case_ref) with a row in error: none of their rows is imported */
  rejectedRows: number[];
  problems: ImportProblem[];
  /** data rows read (empty rows not counted) */
  rowCount: number;
}

const MAX_TEXT = 200;
const EARLIEST_YEAR = 1900;

/**
 * The header: every template column once; nothing else but the reason column of our own
 * rejected-rows file. Problems name the column and sit on row 1.
 */
export function checkHeader(header: readonly string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '' || name === REASON_COLUMN) continue;
    if (seen.has(name)) problems.push({ row: 1, column: null, code: 'duplicateColumn', params: { name }, severity: 'error' });
    else if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) problems.push({ row: 1, column: null, code: 'unknownColumn', params: { name }, severity: 'error' });
    seen.add(name);
  }
  for (const column of IMPORT_COLUMNS) if (!seen.has(column)) problems.push({ row: 1, column, code: 'missingColumn', params: { name: column }, severity: 'error' });
  return problems;
}

/** The local date in a zone ("today" at the mission). */
function localDate(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** P-21, p21 and "P 21" name one file code; P-18 and P-19 are the one step "P-18/P-19". */
export function normaliseFileCode(value: string): HomeFileCode | null {
  const m = value.toUpperCase().match(/^P\s*-?\s*(\d{2})$/);
  const code = m ? (m[1] === '18' || m[1] === '19' ? 'P-18/P-19' : `P-${m[1]}`) : value.toUpperCase().replace(/\s+/g, '');
  return (homeFileCodes as readonly string[]).includes(code) ? (code as HomeFileCode) : null;
}

const countryCache = new Map<string, boolean>();
const isCountry = (code: string) => {
  let known = countryCache.get(code);
  if (known === undefined) countryCache.set(code, (known = isCountryCode(code)));
  return known;
};

const clip = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

interface RowFacts {
  row: number;
  ref: string;
  /** the case-level cells as written (normalised for case), to compare rows of one case */
  caseCells: Record<(typeof CASE_COLUMNS)[number], string>;
  caseFacts: Omit<ImportCase, 'ref' | 'people'> | null;
  person: ImportPerson | null;
  hasError: boolean;
}

/**
 * Validates every row, then groups them into cases. A case with any row in error is not
 * imported at all (a half-imported case could never be completed: re-importing skips it).
 */
export function checkSheet(sheet: RawSheet, ctx: CheckContext): CheckResult {
  const headerProblems = checkHeader(sheet.header);
  if (headerProblems.length) return { cases: [], rejectedRows: sheet.rows.map((r) => r.row), problems: headerProblems, rowCount: sheet.rows.length };
  if (sheet.rows.length === 0) return { cases: [], rejectedRows: [], problems: [{ row: 1, column: null, code: 'empty', severity: 'error' }], rowCount: 0 };

  const index = new Map(sheet.header.map((name, i) => [name, i]));
  const now = ctx.now ?? new Date();
  // One formatter per zone, not per row: building one is what takes the time.
  const todays = new Map<string, string>();
  const today = (timeZone: string) => todays.get(timeZone) ?? todays.set(timeZone, localDate(timeZone, now)).get(timeZone)!;
  const problems: ImportProblem[] = [];
  const facts = sheet.rows.map(({ row, cells }) => {
    const cell = (c: ImportColumn) => cells[index.get(c)!] ?? '';
    return checkRow(row, cell, ctx, today, problems);
  });

  // Rows of one case, in file order; the first row states the case, the others must agree.
  // prosecution_stage is not among them: it is the row's person's own proceeding.
  const byRef = new Map<string, RowFacts[]>();
  for (const f of facts) {
    if (!f.ref) continue;
    const rows = byRef.get(f.ref);
    if (rows) rows.push(f);
    else byRef.set(f.ref, [f]);
  }
  const cases: ImportCase[] = [];
  const rejected = new Set<number>(facts.filter((f) => !f.ref).map((f) => f.row));
  for (const [ref, rows] of byRef) {
    const first = rows[0]!;
    for (const other of rows.slice(1)) {
      for (const column of CASE_COLUMNS) {
        if (other.caseCells[column] !== first.caseCells[column]) {
          problems.push({ row: other.row, column, code: 'caseDisagrees', params: { caseRef: clip(ref), firstRow: first.row, value: clip(first.caseCells[column]) }, severity: 'error' });
          other.hasError = true;
        }
      }
    }
    if (rows.some((r) => r.hasError)) {
      for (const r of rows) rejected.add(r.row);
      continue;
    }
    const people = rows.map((r) => r.person!);
    if (!people.some((p) => p.role === 'subject')) problems.push({ row: first.row, column: 'role', code: 'noSubject', params: { caseRef: clip(ref) }, severity: 'warning' });
    cases.push({ ref, ...first.caseFacts!, people });
  }
  problems.sort((a, b) => a.row - b.row || IMPORT_COLUMNS.indexOf(a.column!) - IMPORT_COLUMNS.indexOf(b.column!));
  return { cases, rejectedRows: [...rejected].sort((a, b) => a - b), problems, rowCount: sheet.rows.length };
}

function checkRow(row: number, cell: (c: ImportColumn) => string, ctx: CheckContext, todayIn: (timeZone: string) => string, problems: ImportProblem[]): RowFacts {
  let hasError = false;
  const error = (column: ImportColumn, code: ProblemCode, params?: Record<string, string | number>) => {
    problems.push({ row, column, code, ...(params ? { params } : {}), severity: 'error' });
    hasError = true;
  };
  const warn = (column: ImportColumn, code: ProblemCode, params?: Record<string, string | number>) => problems.push({ row, column, code, ...(params ? { params } : {}), severity: 'warning' });
  const text = (column: ImportColumn, required: boolean): string => {
    const value = cell(column).replace(/\s+/g, ' ');
    if (required && !value) error(column, 'required');
    else if (value.length > MAX_TEXT) error(column, 'tooLong', { max: MAX_TEXT });
    return value;
  };

  const ref = text('case_ref', true);
  if (ref.toUpperCase() === TEMPLATE_EXAMPLE_REF) error('case_ref', 'exampleRow');

  const missionCode = cell('mission_code').toUpperCase();
  const mission = ctx.missions.get(missionCode);
  if (!missionCode) error('mission_code', 'required');
  else if (!mission) error('mission_code', 'unknownMission', { value: clip(missionCode) });
  else if (!mission.isInScope) error('mission_code', 'missionOutOfRegion', { value: missionCode });
  // Until the mission is known, "today" is the latest date anywhere on Earth.
  const today = todayIn(mission?.timeZone ?? 'Pacific/Kiritimati');
  const date = (column: ImportColumn, required: boolean): string | null => {
    const value = cell(column);
    if (!value) {
      if (required) error(column, 'required');
      return null;
    }
    if (!isRealDate(value)) error(column, 'date', { value: clip(value) });
    else if (value > today) error(column, 'dateFuture', { value });
    else if (Number(value.slice(0, 4)) < EARLIEST_YEAR) error(column, 'datePlausible', { value, year: EARLIEST_YEAR });
    else return value;
    return null;
  };

  const openedOn = date('opened_on', true);
  const category = cell('category').toLowerCase();
  const isCategory = Object.hasOwn(categories, category);
  if (!category) error('category', 'required');
  else if (!isCategory) error('category', 'category', { value: clip(category), allowed: categoryCodes.join(', ') });
  const subcategories = cell('subcategory')
    .toLowerCase()
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  if (isCategory) {
    const allowed = categories[category as Category] as readonly string[];
    const wrong = subcategories.find((s) => !allowed.includes(s));
    if (wrong) error('subcategory', 'subcategory', { value: clip(wrong), category, allowed: allowed.join(', ') || '—' });
  }
  const status = cell('status').toLowerCase();
  const isStatus = (caseStatuses as readonly string[]).includes(status);
  if (!status) error('status', 'required');
  else if (!isStatus) error('status', 'status', { value: clip(status), allowed: caseStatuses.join(', ') });
  const isClosed = status === 'closed';
  const closedOn = date('closed_on', false);
  const outcome = cell('outcome').toLowerCase();
  if (outcome && !(caseOutcomes as readonly string[]).includes(outcome)) error('outcome', 'outcome', { value: clip(outcome), allowed: caseOutcomes.join(', ') });
  if (isClosed && !cell('closed_on')) error('closed_on', 'closedNeedsDate');
  if (isClosed && !outcome) error('outcome', 'closedNeedsOutcome');
  if (isStatus && !isClosed) {
    if (cell('closed_on')) error('closed_on', 'onlyWhenClosed', { status });
    if (outcome) error('outcome', 'onlyWhenClosed', { status });
  }
  if (openedOn && closedOn && closedOn < openedOn) error('closed_on', 'closedBeforeOpened', { openedOn });

  const roleCell = cell('role').toLowerCase();
  const role = (IMPORT_ROLES as readonly string[]).includes(roleCell) ? (roleCell as ImportRole) : null;
  if (!roleCell) error('role', 'required');
  else if (!role) error('role', 'role', { value: clip(roleCell), allowed: IMPORT_ROLES.join(', ') });
  const fullName = text('full_name', true);
  const sexCell = cell('sex').toUpperCase();
  const sex = (sexes as readonly string[]).includes(sexCell) ? (sexCell as ImportPerson['sex']) : null;
  if (sexCell && !sex) error('sex', 'sex', { value: clip(sexCell) });
  const dateOfBirth = date('date_of_birth', false);
  if (dateOfBirth && openedOn && dateOfBirth > openedOn) error('date_of_birth', 'bornAfterOpening', { openedOn });

  // Citizens' nationality is Indonesian unless the log says otherwise; a perpetrator's is unknown.
  const nationalityCell = cell('nationality').toUpperCase();
  if (nationalityCell && !isCountry(nationalityCell)) error('nationality', 'country', { value: clip(nationalityCell) });
  const nationality = nationalityCell || (role === 'subject' ? 'ID' : null);

  const nik = cell('nik').replace(/[\s.-]+/g, '');
  if (nik && !isValidNik(nik)) error('nik', 'nik', { value: clip(nik) });
  else if (nik && dateOfBirth) {
    // Legacy logs are imperfect: a NIK that disagrees with the date of birth is kept, with a warning.
    const nikDate = nikBirthDateConflict(nik, dateOfBirth);
    if (nikDate) warn('nik', 'nikBirthDate', { nikDate, dateOfBirth });
  }
  if (nik && isValidNik(nik) && sex && sex !== 'X' && nikBirthFacts(nik).isFemale !== (sex === 'F')) warn('nik', 'nikSex', { sex });

  const passport = cell('passport_no').replace(/\s+/g, '').toUpperCase();
  // Indonesian passports have a known shape; other countries' numbers are only checked for letters and digits.
  if (passport && !((nationality ?? 'ID') === 'ID' ? isValidPassportNumber(passport) : /^[A-Z0-9]{5,20}$/.test(passport))) error('passport_no', 'passport', { value: clip(passport) });

  const stageCell = cell('prosecution_stage');
  const stage = stageCell ? normaliseFileCode(stageCell) : null;
  if (stageCell && !stage) error('prosecution_stage', 'fileCode', { value: clip(stageCell), allowed: homeFileCodes.join(', ') });

  const caseCells = {
    mission_code: missionCode,
    opened_on: cell('opened_on'),
    category,
    subcategory: [...subcategories].sort().join(';'),
    status,
    closed_on: cell('closed_on'),
    outcome,
  };
  const caseFacts =
    !hasError && openedOn && isCategory && isStatus
      ? {
          missionCode,
          openedOn,
          category: category as Category,
          subcategories: [...new Set(subcategories)],
          status: status as CaseStatus,
          closedOn: isClosed ? closedOn : null,
          outcome: isClosed ? (outcome as CaseOutcome) : null,
        }
      : null;
  const person: ImportPerson | null =
    !hasError && role
      ? {
          row,
          role: role === 'subject' ? 'subject' : 'perpetrator',
          perpetratorKind: role === 'subject' || role === 'perpetrator' ? null : (role as PerpetratorKind),
          fullName,
          sex,
          dateOfBirth,
          nik: nik || null,
          passportNumber: passport || null,
          nationality,
          prosecutionStage: stage,
        }
      : null;
  return { row, ref, caseCells, caseFacts, person, hasError };
}
