import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES_END, CODES_START, importCodesMarkdown } from './codes';

describe('the README', () => {
  it('lists exactly the codes a legacy log may use (regenerate the block from importCodesMarkdown())', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const block = readme.slice(readme.indexOf(CODES_START), readme.indexOf(CODES_END) + CODES_END.length);
    expect(block).toBe(importCodesMarkdown());
  });
});
