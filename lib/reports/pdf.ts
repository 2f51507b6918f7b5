import PDFDocument from 'pdfkit';
import type { ReportTable } from './tables';
import { labelledTable } from './labels';
import type { WorkbookLabels } from './xlsx';

const MARGIN = 50;
const BAR = '#1d4f91';

/**
 * The summary as a printable A4 report in the user's language: the mission (or scope) and
 * period, then each table, the breakdown by category also drawn as bars. Standard PDF fonts
 * (Helvetica) cover the Latin letters both languages use.
 */
export function summaryPdf(tables: ReportTable[], labels: Omit<WorkbookLabels, 'sheet'> & { number: (n: number) => string; page: (n: number, of: number) => string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: labels.title, Producer: 'Payung', Creator: 'Payung' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;
  const ensure = (space: number) => {
    if (doc.y + space > bottom()) doc.addPage();
  };

  doc.font('Helvetica-Bold').fontSize(16).text(labels.title);
  doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor('#444');
  for (const line of labels.about) doc.text(line);
  doc.fillColor('black').moveDown();

  for (const table of tables) {
    ensure(60);
    doc.font('Helvetica-Bold').fontSize(12).text(labels.table(table.name));
    doc.moveDown(0.3);
    const first = table.columns.length > 2 ? width * 0.3 : width * 0.7;
    const rest = (width - first) / Math.max(1, table.columns.length - 1);
    const x = (i: number) => MARGIN + (i === 0 ? 0 : first + (i - 1) * rest);
    const row = (cells: string[], bold: boolean) => {
      ensure(16);
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      cells.forEach((c, i) => doc.text(c, x(i), y, { width: (i === 0 ? first : rest) - 6, align: i === 0 ? 'left' : 'right', lineBreak: false, ellipsis: true }));
      doc.x = MARGIN;
      doc.y = y + 14;
      doc.moveTo(MARGIN, doc.y - 2).lineTo(MARGIN + width, doc.y - 2).lineWidth(0.3).strokeColor('#b1b4b6').stroke();
    };
    row(table.columns.map(labels.column), true);
    if (table.rows.length === 0) row(['—'], false);
    for (const r of labelledTable(table, labels).rows) row([String(r[0]), ...r.slice(1).map((v) => (v === null ? '—' : typeof v === 'number' ? labels.number(v) : String(v)))], false);

    // The category breakdown, also as bars: the chart the directorate puts in its reports.
    if (table.name === 'new_by_category' && table.rows.length) {
      const max = Math.max(...table.rows.map((r) => Number(r[1]) || 0), 1);
      doc.moveDown(0.5);
      for (const r of table.rows) {
        ensure(14);
        const y = doc.y;
        doc.font('Helvetica').fontSize(8).fillColor('black').text(labels.row(table.name, String(r[0])), MARGIN, y, { width: 140, lineBreak: false, ellipsis: true });
        doc.rect(MARGIN + 145, y, ((width - 190) * (Number(r[1]) || 0)) / max, 9).fill(BAR);
        doc.fillColor('black').text(labels.number(Number(r[1]) || 0), MARGIN + 150 + ((width - 190) * (Number(r[1]) || 0)) / max, y, { lineBreak: false });
        doc.x = MARGIN;
        doc.y = y + 13;
      }
    }
    doc.x = MARGIN;
    doc.moveDown();
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing in the bottom margin would make PDFKit start a new page: lift the margin while the footer is written.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#444').text(labels.page(i + 1, range.count), MARGIN, doc.page.height - MARGIN + 10, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
