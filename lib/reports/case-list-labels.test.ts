import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { CODED_CASE_LIST_COLUMNS, caseListColumns } from '@/lib/domain/case-list-columns';
import en from '@/lib/i18n/messages/en.json';
import id from '@/lib/i18n/messages/id.json';
import { CASE_LIST_CODES, caseListDictionary, caseListText, caseListValueLabels } from './case-list-labels';

describe.each([
  ['en', en],
  ['id', id],
] as const)('a case list for people in %s', (language, messages) => {
  const t = createTranslator({ locale: language, messages }) as never;

  it('labels every column and every code a coded column can hold, and explains every column', () => {
    const text = caseListText(t, language);
    for (const c of caseListColumns) expect(text.header(c), c).not.toBe(c);
    const { codes } = caseListValueLabels(t);
    for (const [column, { codes: all }] of Object.entries(CODED_CASE_LIST_COLUMNS))
      for (const code of all) expect(codes[column as keyof typeof codes][code], `${column}: ${code}`).not.toBe(code);
    const dictionary = caseListDictionary(t, caseListColumns);
    const described = dictionary.rows.filter((r) => r[2]);
    expect(described.map((r) => r[1])).toEqual([...caseListColumns]);
  });

  it('writes flags as words for people and yes/no for machines', () => {
    expect(caseListText(t, language).cell(true)).toBe(language === 'id' ? 'Ya' : 'Yes');
    expect(CASE_LIST_CODES.cell(false)).toBe('no');
    expect(CASE_LIST_CODES.cell(null)).toBe('');
  });
});
