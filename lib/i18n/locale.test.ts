import { type MessageFormatElement, TYPE, parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { chooseLocale, formatLocale, languageOf, negotiateLocale } from './locale';
import en from './messages/en.json';
import id from './messages/id.json';

describe('choosing the language', () => {
  it('follows the browser by weight, else Indonesian', () => {
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLocale('fr-FR,id;q=0.5,en;q=0.8')).toBe('en');
    expect(negotiateLocale('ms-MY,in;q=0.9')).toBe('id');
    expect(negotiateLocale('fr')).toBeNull();
    expect(chooseLocale(null, null, 'fr')).toBe('id');
  });
  it('formats English dates day-month-year, as the ministry writes them, and reads the language back', () => {
    const day = new Date('2026-10-03T14:05:00Z');
    const medium = (language: 'en' | 'id') => new Intl.DateTimeFormat(formatLocale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(day);
    expect(medium('en')).toBe('3 Oct 2026, 21:05');
    expect(medium('id')).toMatch(/^3 Okt 2026/);
    expect(languageOf(formatLocale('en'))).toBe('en');
    expect(languageOf(formatLocale('id'))).toBe('id');
  });
  it("puts the user's saved choice first, then a visitor's cookie", () => {
    expect(chooseLocale('en', 'id', 'id-ID')).toBe('en');
    expect(chooseLocale(null, 'en', 'id-ID')).toBe('en');
    expect(chooseLocale(null, 'xx', 'id-ID')).toBe('id');
  });
});

type Tree = { [k: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
/** The arguments a message uses, found by the ICU parser that next-intl formats with. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        names.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

describe('the two languages', () => {
  const enMap = flatten(en);
  const idMap = flatten(id);
  it('have the same keys, none empty', () => {
    expect([...idMap.keys()].sort()).toEqual([...enMap.keys()].sort());
    for (const [key, value] of [...enMap, ...idMap]) expect(value.trim(), key).not.toBe('');
  });
  it('use the same placeholders in each message', () => {
    for (const [key, value] of enMap) expect(placeholders(idMap.get(key)!), key).toEqual(placeholders(value));
  });
  it('use the official spelling "pelindungan"', () => {
    for (const [key, value] of idMap) expect(value.toLowerCase(), key).not.toContain('perlindungan');
  });
});
