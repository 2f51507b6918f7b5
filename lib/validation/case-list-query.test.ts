import { describe, expect, it } from 'vitest';
import { SEARCH_MAX, readCaseListQuery } from './cases';

describe("reading My cases' address", () => {
  it('takes the first of a repeated parameter and drops control characters (a NUL byte)', () => {
    expect(readCaseListQuery({ q: ['3201014708950001', 'other'], status: 'new' })).toEqual({ params: { q: '3201014708950001', status: 'new' }, errors: {}, typedQ: '3201014708950001' });
    expect(readCaseListQuery({ q: '3201014708950001\u0000', after: 'x\u0000y' }).params).toEqual({ q: '3201014708950001', after: 'xy' });
  });

  it('does not run a search over the limit, and says why', () => {
    expect(readCaseListQuery({ q: 'a'.repeat(SEARCH_MAX) }).errors).toEqual({});
    // Not run, but given back to the field to shorten.
    expect(readCaseListQuery({ q: 'a'.repeat(SEARCH_MAX + 1), status: 'new' })).toEqual({ params: { status: 'new' }, errors: { q: 'validation.searchTooLong' }, typedQ: 'a'.repeat(SEARCH_MAX + 1) });
  });

  it('ignores what it does not know instead of failing', () => {
    expect(readCaseListQuery({ incoming: 'everything', q: '   ' }).params).toEqual({});
    expect(readCaseListQuery({ incoming: 'all' }).params).toEqual({ incoming: 'all' });
  });
});
