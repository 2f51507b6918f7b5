import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellsAsSpreadsheetsRead } from '@/lib/testing/csv';
import { correctionsTable } from './corrections';
import { neutraliseCell, restoreCell, tableCsv, tablesZip } from './csv';

describe('CSV exports', () => {
  const dangerous = [
    '=1+1',
    '+62 812',
    '-5',
    '@SUM(A1)',
    '\tTab',
    '\rReturn',
    "'=already quoted",
    "''double",
    "'plain",
    'plain',
    'Rp 1.000',
    'KUL-2026-00001',
    'Budi;=4+4',
    'Budi,=4+4',
    'Budi\t=4+4',
    "Budi;'=4+4",
    '\t=x;=y',
    'a;b, c',
    ' =x',
    "' =x",
    'A; =HYPERLINK(1)',
    "x;' '=y",
  ];

  it('neutralise formula-looking text at the start and after every separator, and reading the file back gives the original text', () => {
    for (const v of ['=1+1', '+62 812', '-5', '@SUM(A1)', '\tTab', '\rReturn']) expect(String(neutraliseCell(v)).startsWith("'")).toBe(true);
    expect(neutraliseCell('Budi;=4+4')).toBe("Budi;'=4+4");
    expect(neutraliseCell('A; =HYPERLINK(1)')).toBe("A;' =HYPERLINK(1)");
    expect(neutraliseCell('\t=x')).toBe("'\t'=x");
    expect(neutraliseCell('plain')).toBe('plain');
    expect(neutraliseCell('a;b, c')).toBe('a;b, c');
    expect(neutraliseCell(-5)).toBe(-5);
    // A cell after another: a spreadsheet splitting by another separator than ours reads on from there.
    const csv = tableCsv({ name: 't', columns: ['n', 'text'], rows: dangerous.map((d, i) => [i, d]) });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // Every non-empty cell quoted.
    expect(csv.slice(1).split('\r\n')[0]).toBe('"n","text"');
    const rows = parse(csv, { bom: true, relax_quotes: false }) as string[][];
    expect(rows[0]).toEqual(['n', 'text']);
    const read = rows.slice(1).map((r) => r[1]!);
    // As a spreadsheet sees it, with any separator, nothing starts a formula…
    for (const cell of cellsAsSpreadsheetsRead(csv)) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
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
    expect(strFromU8(bytes.slice(3))).toBe('"period","cases"\r\n"2026-10","1"\r\n');
  });

  it('zip labelled tables and their dictionary for people; a correction names its table, row and column by their labels', () => {
    const labels = { table: (n: string) => `T ${n}`, column: (c: string) => `C ${c}`, row: (t: string, c: string) => (t === 'flow' ? `R ${c}` : c), dictionary: ['f', 't', 'cc', 'c', 'rc', 'r'] };
    const corrections = correctionsTable([{ month: '2026-09', table: 'flow', row: 'new', column: 'value', was: 2, now: 3 }]);
    const files = unzipSync(tablesZip([{ name: 'flow', columns: ['figure', 'value'], rows: [['new', 3]] }, corrections], 'p', labels));
    const text = (name: string) => strFromU8(files[name]!.slice(3));
    expect(Object.keys(files).sort()).toEqual(['p-corrections.csv', 'p-dictionary.csv', 'p-flow.csv']);
    expect(text('p-flow.csv')).toBe('"C figure","C value"\r\n"R new","3"\r\n');
    expect(text('p-corrections.csv').split('\r\n')[1]).toBe('"2026-09","T flow","R new","C value","2","3"');
    expect(text('p-dictionary.csv').split('\r\n')).toEqual([
      '"f","t","cc","c","rc","r"',
      '"p-flow.csv","T flow","figure","C figure",,',
      '"p-flow.csv","T flow","value","C value",,',
      '"p-flow.csv","T flow",,,"new","R new"',
      ...corrections.columns.map((c) => `"p-corrections.csv","T corrections","${c}","C ${c}",,`),
      '',
    ]);
  });
});
