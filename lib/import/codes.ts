import { type Category, caseOutcomes, caseStatuses, categories, categoryCodes, homeFileCodes, sexes } from '@/lib/domain/cases';
import type { Translate } from './messages';
import { IMPORT_ROLES, type ImportColumn } from './template';

export const CODES_START = '<!-- import-codes: generated from lib/domain by lib/import/codes.ts; codes.test.ts checks it -->';
export const CODES_END = '<!-- /import-codes -->';

const code = (c: string) => `\`${c}\``;
const list = (codes: readonly string[]) => codes.map(code).join(', ');

/** The README's lists of the codes a legacy log may use, made from the domain's own lists so they cannot drift. */
export function importCodesMarkdown(): string {
  const rows = categoryCodes.map((c) => `| ${code(c)} | ${list(categories[c]) || '—'} |`);
  return [
    CODES_START,
    '| category | subcategories (one, several separated by `;`, or none) |',
    '| --- | --- |',
    ...rows,
    '',
    `- status: ${list(caseStatuses)}`,
    `- outcome (only with \`closed\`, and then required): ${list(caseOutcomes)}`,
    `- role: ${code(IMPORT_ROLES[0])} (the citizen helped), or a perpetrator: ${code(IMPORT_ROLES[1])} when the kind is not known, else the kind — ${list(IMPORT_ROLES.slice(2))}`,
    `- sex: ${list(sexes)} (\`X\`: other or unknown)`,
    `- prosecution_stage (home prosecution file code): ${list(homeFileCodes)}; \`P-18\` or \`P-19\` alone mean \`P-18/P-19\``,
    CODES_END,
  ].join('\n');
}

/** One code a column of the template takes; a subcategory names its category. */
export interface ImportCode {
  column: Extract<ImportColumn, 'category' | 'subcategory' | 'status' | 'outcome' | 'role' | 'sex' | 'prosecution_stage'>;
  code: string;
  category?: Category;
}

/** Every code a legacy log may use, column by column, from the domain's own lists (as the README's block). */
export function importCodes(): ImportCode[] {
  const of = (column: ImportCode['column'], codes: readonly string[]) => codes.map((code) => ({ column, code }));
  return [
    ...of('category', categoryCodes),
    ...categoryCodes.flatMap((category) => categories[category].map((code) => ({ column: 'subcategory' as const, code, category }))),
    ...of('status', caseStatuses),
    ...of('outcome', caseOutcomes),
    ...of('role', IMPORT_ROLES),
    ...of('sex', sexes),
    ...of('prosecution_stage', homeFileCodes),
  ];
}

/** What a code means, in the reader's language: the labels the screens use. */
export function importCodeLabel(t: Translate, c: ImportCode): string {
  switch (c.column) {
    case 'category':
      return t(`categories.${c.code}`);
    case 'subcategory':
      return t(`subcategories.${c.code}`);
    case 'status':
      return t(`statuses.${c.code}`);
    case 'outcome':
      return t(`outcomes.${c.code}`);
    case 'role':
      return c.code === 'subject' || c.code === 'perpetrator' ? t(`parties.roles.${c.code}`) : `${t('parties.roles.perpetrator')}: ${t(`perpetratorKinds.${c.code}`)}`;
    case 'sex':
      return t(`sex.${c.code}`);
    case 'prosecution_stage':
      return t(`legal.fileCodes.${c.code}`);
  }
}
