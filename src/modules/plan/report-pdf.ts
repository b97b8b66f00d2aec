/**
 * A quarterly report as PDF (pdfkit, A4 portrait): the blocks of report-document.ts, tables with
 * pdfkit's table layout. One font for the flowing text (pdf-text.ts flowFont: Noto Sans CJK KR,
 * every Hangul syllable, Hanja and Latin), embedded as a subset. Read back with pdftotext and
 * pdffonts in tests/api/transparency.test.ts.
 */
import { openPdf } from '../../server/pdf-text.ts';
import { reportBlocks, reportTitle } from './report-document.ts';
import type { ReportResponse } from './report-api-schema.ts';

const BLUE = '#003675';

export async function reportPdf(response: ReportResponse): Promise<Buffer> {
  const { doc, done } = await openPdf(
    { size: 'A4', margin: 48, lang: 'ko-KR', info: { Title: reportTitle(response.report), CreationDate: new Date(response.reportedAt ?? response.report.generatedAt) } },
    { flowFonts: true },
  );
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  for (const b of reportBlocks(response)) {
    switch (b.kind) {
      case 'title':
        doc.font('bold').fontSize(17).fillColor(BLUE).text(b.text).fillColor('#111111').moveDown(0.3);
        break;
      case 'heading':
        doc.moveDown(0.6).font('bold').fontSize(12.5).fillColor(BLUE).text(b.text, doc.page.margins.left).fillColor('#111111').moveDown(0.3);
        break;
      case 'paragraph':
        doc.font('regular').fontSize(10).text(b.text, doc.page.margins.left).moveDown(0.2);
        break;
      case 'table': {
        const total = b.widths.reduce((a, w) => a + w, 0);
        doc.font('regular').fontSize(8.5);
        doc.table({
          position: { x: doc.page.margins.left },
          columnStyles: b.widths.map((w) => (width * w) / total),
          defaultStyle: { border: 0.5, borderColor: '#8a94a6', padding: [3, 4, 3, 4] },
          data: [b.header.map((text) => ({ text, type: 'TH' as const, backgroundColor: '#e8eef6', font: { src: 'bold' } })), ...b.rows],
        });
        doc.moveDown(0.4);
        break;
      }
    }
  }
  doc.end();
  return done;
}
