import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { forLog } from './errors';

describe('errors as they go into the server log', () => {
  it('say which query failed and why, never the values it carried', () => {
    const cause = Object.assign(new Error('value too long for type character varying(16)'), { code: '22001', detail: 'Failing row contains (Siti Aminah, 3201015204990001)' });
    const line = forLog(new DrizzleQueryError('insert into "persons" ("full_name", "nik") values ($1, $2)', ['Siti Aminah', '3201015204990001'], cause));
    expect(line).toContain('insert into "persons"');
    expect(line).toContain('params: (withheld)');
    expect(line).toContain('22001 value too long');
    expect(line).not.toContain('Siti Aminah');
    expect(line).not.toContain('3201015204990001');
  });

  it('keep other errors as they are', () => {
    expect(forLog(new TypeError('x is undefined'))).toMatch(/^TypeError: x is undefined\n\s+at /);
    expect(forLog('plain')).toBe('plain');
  });
});
