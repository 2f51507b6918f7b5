import { type CaseOutcome, type CaseStatus, type Category, type HomeFileCode, perpetratorKinds } from '@/lib/domain/cases';

/**
 * The template of a legacy case log (issue 7): one row per person in a case, the rows that
 * share `case_ref` forming one case. Column names are codes, the same in both languages.
 */
export const IMPORT_COLUMNS = [
  'case_ref',
  'mission_code',
  'opened_on',
  'category',
  'subcategory',
  'status',
  'closed_on',
  'outcome',
  'role',
  'full_name',
  'sex',
  'date_of_birth',
  'nik',
  'passport_no',
  'nationality',
  'prosecution_stage',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Facts of the case, not of the person: every row of a case must say the same. */
export const CASE_COLUMNS = ['mission_code', 'opened_on', 'category', 'subcategory', 'status', 'closed_on', 'outcome'] as const satisfies readonly ImportColumn[];

/**
 * The column our rejected-rows file adds: a corrected copy of that file can be imported
 * again as it is, so the reader accepts and ignores it.
 */
export const REASON_COLUMN = 'reason';

/**
 * The case_ref of the downloadable template's example case: refused, so that an example left
 * in a filled-in template never becomes a case.
 */
export const TEMPLATE_EXAMPLE_REF = 'EXAMPLE-1';

export type PerpetratorKind = (typeof perpetratorKinds)[number];
/** `subject`, `perpetrator` (kind unknown), or the perpetrator's kind itself. */
export const IMPORT_ROLES = ['subject', 'perpetrator', ...perpetratorKinds] as const;
export type ImportRole = (typeof IMPORT_ROLES)[number];

export type Severity = 'error' | 'warning';

export const PROBLEM_CODES = [
  // the file
  'unreadable',
  'empty',
  'missingColumn',
  'unknownColumn',
  'duplicateColumn',
  // a cell
  'required',
  'tooLong',
  'date',
  'dateFuture',
  'datePlausible',
  'unknownMission',
  'missionOutOfRegion',
  'category',
  'subcategory',
  'status',
  'outcome',
  'closedNeedsDate',
  'closedNeedsOutcome',
  'onlyWhenClosed',
  'closedBeforeOpened',
  'role',
  'sex',
  'nik',
  'passport',
  'country',
  'fileCode',
  'bornAfterOpening',
  'caseDisagrees',
  'exampleRow',
  // warnings
  'nikBirthDate',
  'nikSex',
  'noSubject',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One thing wrong with the file: its spreadsheet row (the header is row 1) and column. */
export interface ImportProblem {
  row: number;
  column: ImportColumn | null;
  code: ProblemCode;
  params?: Record<string, string | number>;
  severity: Severity;
}

/** The file as read: its header and its non-empty rows, each with its row number in the spreadsheet. */
export interface RawSheet {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export interface ImportPerson {
  row: number;
  role: 'subject' | 'perpetrator';
  perpetratorKind: PerpetratorKind | null;
  fullName: string;
  sex: 'F' | 'M' | 'X' | null;
  dateOfBirth: string | null;
  nik: string | null;
  passportNumber: string | null;
  nationality: string | null;
  /**
   * This person's own home-country proceeding (the accused of one case are often at different
   * stages): a subject's as victim, or as suspect in criminal and smuggling cases; a perpetrator's as suspect.
   */
  prosecutionStage: HomeFileCode | null;
}

/** A case ready to be written: every one of its rows passed. */
export interface ImportCase {
  ref: string;
  missionCode: string;
  openedOn: string;
  category: Category;
  subcategories: string[];
  status: CaseStatus;
  closedOn: string | null;
  outcome: CaseOutcome | null;
  people: ImportPerson[];
}

/** The largest file the upload page takes (about 150,000 rows of CSV); the command line has no limit. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** What an import did (or, on a dry run, would do). */
export interface ImportResult {
  dryRun: boolean;
  /** the cases whose rows are all correct are imported even when others have errors */
  skipInvalid: boolean;
  /** whether cases were written (false on a dry run, and when errors refused the file) */
  written: boolean;
  /** data rows in the file */
  rows: number;
  /** cases imported; on a dry run, the cases that would be */
  cases: number;
  /** people (persons) imported, or that would be */
  people: number;
  /** cases of the file imported before (same mission and case_ref): left as they are */
  skippedExisting: number;
  /** the rows not imported: in error, or of a case with a row in error */
  rejectedRows: number[];
  errorCount: number;
  warningCount: number;
  /** errors and warnings, by row */
  problems: ImportProblem[];
}
