/** Plain values, shared by the export form in the browser, its validation and the writers on the server. */
import { allSubcategories, caseClasses, caseOutcomes, caseStatuses, categoryCodes, riskLevels } from './cases';

/**
 * The columns a case-list export may carry, in their fixed order. Their codes are the headers of
 * a file for machines (the same in both languages); a file for people has their labels
 * (messages: exports.columns.*). `subjects` gives each subject's name,
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

/**
 * The columns whose values are codes: each with the messages that label its codes and every code
 * it can hold, for the labelled file and the data dictionary.
 */
export const CODED_CASE_LIST_COLUMNS = {
  category: { messages: 'categories', codes: categoryCodes },
  subcategories: { messages: 'subcategories', codes: allSubcategories },
  class: { messages: 'caseClass', codes: caseClasses },
  status: { messages: 'statuses', codes: caseStatuses },
  risk: { messages: 'risk', codes: riskLevels },
  outcome: { messages: 'outcomes', codes: caseOutcomes },
} as const satisfies Partial<Record<CaseListColumn, { messages: string; codes: readonly string[] }>>;
export type CodedCaseListColumn = keyof typeof CODED_CASE_LIST_COLUMNS;

/** The yes/no columns, and the dates (YYYY-MM-DD in a file for machines). */
export const FLAG_CASE_LIST_COLUMNS: readonly CaseListColumn[] = ['child_subject', 'death_penalty'];
export const DATE_CASE_LIST_COLUMNS: readonly CaseListColumn[] = ['opened_on', 'closed_on', 'next_due_on', 'last_activity_on'];

/**
 * What a labelled file writes instead of codes, in its reader's language: each coded column's
 * labels by code, and the words for yes and no. Codes a file meets without a label stay codes.
 */
export interface CaseListValueLabels {
  codes: Record<CodedCaseListColumn, Record<string, string>>;
  yes: string;
  no: string;
}
