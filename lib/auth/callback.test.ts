import { describe, expect, it } from 'vitest';
import { safeCallback } from './callback';

describe('the target after signing in', () => {
  it('keeps a path on this site', () => {
    expect(safeCallback('/cases')).toBe('/cases');
    expect(safeCallback('/cases/abc?tab=legal#steps')).toBe('/cases/abc?tab=legal#steps');
  });

  it('goes home for anything that leaves it, however disguised', () => {
    for (const target of ['//evil.example/', '/\t/evil.example/', '/\n/evil.example/', '/\r/evil.example/', '/\\evil.example', '\\\\evil.example', 'https://evil.example/', 'javascript:alert(1)', ' //evil.example', undefined, '']) {
      expect(safeCallback(target), JSON.stringify(target)).toBe('/');
    }
  });
});
