/** Plain values, shared by the export form in the browser, its validation and the writers on the server. */

/**
 * The columns a case-list export may carry, in their fixed order. Codes are the headers (the
 * same in both languages, for spreadsheets and scripts). `subjects` gives each subject's name,
 * or their pseudonym where the identity is undisclosed — never both.
 */
export const caseListColumns = [
  'reference',
  'mission',
  'category',
  'subcategories',
  'class',
  'status',
  'risk',
  'opened_on',
  'closed_on',
  'outcome',
  'assigned_officer',
  'subjects',
  'subject_count',
  'child_subject',
  'death_penalty',
  'next_due_on',
  'last_activity_on',
  'legacy_ref',
] as const;
export type CaseListColumn = (typeof caseListColumns)[number];

/** What the form ticks when first shown: enough to work a list, without names. */
export const defaultCaseListColumns: CaseListColumn[] = ['reference', 'mission', 'category', 'status', 'risk', 'opened_on', 'assigned_officer', 'subject_count'];

export type CaseListRow = Record<CaseListColumn, string | number | boolean | null>;
