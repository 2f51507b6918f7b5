import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, restoreCell, tableCsv, tablesZip } from './csv';

describe('CSV exports', () => {
  const dangerous = ['=1+1', '+62 812', '-5', '@SUM(A1)', '\tTab', '\rReturn', "'=already quoted", "''double", "'plain", 'plain', 'Rp 1.000', 'KUL-2026-00001'];

  it('neutralise formula-looking text, and reading the file back gives the original text', () => {
    for (const v of ['=1+1', '+62 812', '-5', '@SUM(A1)', '\tTab', '\rReturn']) expect(String(neutraliseCell(v)).startsWith("'")).toBe(true);
    expect(neutraliseCell('plain')).toBe('plain');
    expect(neutraliseCell(-5)).toBe(-5);
    const csv = tableCsv({ name: 't', columns: ['text'], rows: dangerous.map((d) => [d]) });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true, relax_quotes: false }) as string[][];
    expect(rows[0]).toEqual(['text']);
    const read = rows.slice(1).map((r) => r[0]!);
    // As a spreadsheet sees it, nothing starts a formula…
    for (const cell of read) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
    // …and our own reading gives back exactly what was written.
    expect(read.map(restoreCell)).toEqual(dangerous);
  });

  it('zip one CSV per table', () => {
    const zip = tablesZip(
      [
        { name: 'flow', columns: ['figure', 'value'], rows: [['new', 3]] },
        { name: 'trafficking', columns: ['period', 'cases'], rows: [['2026-10', 1]] },
      ],
      'payung-2026-10-KUL',
    );
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['payung-2026-10-KUL-flow.csv', 'payung-2026-10-KUL-trafficking.csv']);
    const bytes = files['payung-2026-10-KUL-trafficking.csv']!;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(bytes.slice(3))).toBe('period,cases\r\n2026-10,1\r\n');
  });
});
