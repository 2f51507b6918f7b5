import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { summaryWorkbook } from './xlsx';

describe('XLSX exports', () => {
  it('have an about sheet and one sheet per table, tabs in the reader’s language, with a frozen, labelled header and numbers as numbers', async () => {
    const buffer = await summaryWorkbook(
      [
        { name: 'flow', columns: ['figure', 'value'], rows: [['new', 3], ['backlog_median_days', 41.5], ['backlog_under_30_days', null]] },
        { name: 'trafficking', columns: ['period', 'cases', 'victims_child'], rows: [['2026-10', 1234, 2], ['total', 1234, 2]] },
      ],
      {
        title: 'Payung · Rekap 2026-10',
        about: ['Cakupan: KUL', 'Hanya angka'],
        table: (n) => `Tabel ${n}`,
        sheet: (n) => ({ about: 'Keterangan', flow: 'Arus kasus', trafficking: 'TPPO' })[n] ?? n,
        column: (c) => ({ figure: 'Angka', value: 'Jumlah', period: 'Periode', cases: 'Kasus', victims_child: 'Korban anak' })[c] ?? c,
        row: (_t, code) => (code === 'new' ? 'Baru' : code === 'total' ? 'Jumlah' : code),
      },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Keterangan', 'Arus kasus', 'TPPO']);
    expect(book.getWorksheet('Keterangan')!.getCell('A1').value).toBe('Payung · Rekap 2026-10');
    const t = book.getWorksheet('TPPO')!;
    expect(t.getRow(1).values).toEqual([undefined, 'Periode', 'Kasus', 'Korban anak']);
    expect(t.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(t.getCell('B2').value).toBe(1234);
    expect(t.getCell('B2').numFmt).toBe('#,##0');
    expect(t.getCell('A3').value).toBe('Jumlah');
    // "2026-10" stays text, not a date.
    expect(t.getCell('A2').value).toBe('2026-10');
    const f = book.getWorksheet('Arus kasus')!;
    expect(f.getCell('A2').value).toBe('Baru');
    expect(f.getCell('B3').value).toBe(41.5);
    expect(f.getCell('B4').value).toBeNull();
  });
});
