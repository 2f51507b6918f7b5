import { caseOutcomes, caseStatuses, categories, categoryCodes, homeFileCodes, sexes } from '@/lib/domain/cases';
import { IMPORT_ROLES } from './template';

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
