import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import id from '@/lib/i18n/messages/id.json';
import { auditActions } from './audit';

/** Every action code the code writes to the audit trail: createAction's names and the literal ones. */
function actionsInCode(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(file, 'utf8');
        for (const m of text.matchAll(/createAction\(\s*'([^']+)'/g)) found.add(m[1]!);
        for (const m of text.matchAll(/action: (?:[^'\n]*\? )?'([a-z_]+\.[a-z_]+)'(?: : '([a-z_]+\.[a-z_]+)')?/g)) [m[1], m[2]].forEach((a) => a && found.add(a));
      }
    }
  };
  for (const dir of ['app', 'lib', 'db']) walk(path.join(process.cwd(), dir));
  return found;
}

describe('the audit trail’s actions', () => {
  it('list every action the code records, and only those', () => {
    const inCode = actionsInCode();
    expect(inCode.size).toBeGreaterThan(50);
    expect([...inCode].filter((a) => !(auditActions as readonly string[]).includes(a)), 'recorded but not listed in lib/domain/audit.ts').toEqual([]);
    expect(auditActions.filter((a) => !inCode.has(a)), 'listed but never recorded').toEqual([]);
  });

  it('each have a label in both languages', () => {
    for (const [lang, messages] of [['en', en], ['id', id]] as const) {
      const labels = messages.audit.actions as Record<string, Record<string, string>>;
      const missing = auditActions.filter((a) => {
        const [ns, name] = a.split('.') as [string, string];
        return !labels[ns]?.[name];
      });
      expect(missing, `labels missing in ${lang}.json`).toEqual([]);
    }
  });
});
