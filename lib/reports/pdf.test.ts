import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { summaryPdf } from './pdf';

describe('PDF exports', () => {
  it('are A4 reports whose text holds the title, the tables and their figures', async () => {
    const buffer = await summaryPdf(
      [
        { name: 'flow', columns: ['figure', 'value'], rows: [['new', 1234]] },
        { name: 'new_by_category', columns: ['category', 'cases'], rows: [['labour', 40], ['trafficking', 12]] },
        { name: 'trafficking', columns: ['period', 'cases', 'victims_child'], rows: Array.from({ length: 60 }, (_, i) => [`2026-${i}`, i, 1]) },
      ],
      {
        title: 'Payung · Rekap 2026-10: KUL · KBRI Kuala Lumpur',
        about: ['Perwakilan: KUL', 'Hanya angka'],
        table: (n) => ({ flow: 'Arus kasus', new_by_category: 'Kasus baru per kategori', trafficking: 'TPPO' })[n] ?? n,
        column: (c) => ({ figure: 'Angka', value: 'Jumlah', category: 'Kategori', cases: 'Kasus', period: 'Periode', victims_child: 'Korban anak' })[c] ?? c,
        row: (_t, code) => ({ new: 'Baru', labour: 'Ketenagakerjaan', trafficking: 'Perdagangan orang' })[code] ?? code,
        number: (n) => new Intl.NumberFormat('id').format(n),
        page: (n, of) => `Halaman ${n} dari ${of}`,
      },
    );
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(buffer) });
    const { text, total } = await parser.getText();
    await parser.destroy();
    expect(total).toBeGreaterThan(1);
    expect(text).toContain('Payung · Rekap 2026-10: KUL · KBRI Kuala Lumpur');
    expect(text).toContain('Arus kasus');
    expect(text).toMatch(/Baru\s+1\.234/);
    expect(text).toContain('Ketenagakerjaan');
    expect(text).toContain(`Halaman 1 dari ${total}`);
    const info = await new PDFParse({ data: new Uint8Array(buffer) }).getInfo();
    expect(info.info?.Title).toBe('Payung · Rekap 2026-10: KUL · KBRI Kuala Lumpur');
  });
});
