/**
 * Name badges as PDF (pdfkit), one or many per sheet: the Korean name large, the Latin name under
 * it, affiliation and category. The KRDS font PretendardGOV (Korean and Latin) is embedded, so
 * Hangul renders the same on every printer.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { CATEGORY_LABELS, type AttendeeRow } from './attendee-service.ts';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('krds-uiux/resources/fonts/PretendardGOV-Regular.subset.woff');
const FONT_BOLD = require.resolve('krds-uiux/resources/fonts/PretendardGOV-Bold.subset.woff');

export type PerSheet = 1 | 4 | 8;

const MM = 72 / 25.4;
/** Sheet size and grid per layout: one badge on an A6 card, or 2×2 / 2×4 on A4. */
const LAYOUTS: Record<PerSheet, { size: [number, number]; cols: number; rows: number }> = {
  1: { size: [105 * MM, 148 * MM], cols: 1, rows: 1 },
  4: { size: [210 * MM, 297 * MM], cols: 2, rows: 2 },
  8: { size: [210 * MM, 297 * MM], cols: 2, rows: 4 },
};

export interface BadgeEvent {
  titleKo: string;
  titleEn: string | null;
}

export function badgesPdf(event: BadgeEvent, attendees: AttendeeRow[], perSheet: PerSheet): Promise<Buffer> {
  const layout = LAYOUTS[perSheet];
  const doc = new PDFDocument({ size: layout.size, margin: 0, autoFirstPage: false, info: { Title: `${event.titleKo} — badges`, Creator: 'finhub' } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const margin = perSheet === 1 ? 0 : 10 * MM;
  const [width, height] = layout.size;
  const w = (width - 2 * margin) / layout.cols;
  const h = (height - 2 * margin) / layout.rows;
  const list = attendees.length ? attendees : [];
  if (!list.length) doc.addPage();
  list.forEach((a, i) => {
    const slot = i % perSheet;
    if (slot === 0) doc.addPage();
    const x = margin + (slot % layout.cols) * w;
    const y = margin + Math.floor(slot / layout.cols) * h;
    const pad = 8 * MM * (perSheet === 8 ? 0.6 : 1);
    const inner = w - 2 * pad;
    const scale = perSheet === 8 ? 0.7 : 1;
    if (perSheet !== 1) doc.save().lineWidth(0.5).dash(3, { space: 3 }).strokeColor('#999999').rect(x, y, w, h).stroke().restore();
    doc.fillColor('#003675').rect(x, y, w, 14 * MM * scale).fill();
    doc
      .fillColor('#ffffff')
      .font('bold')
      .fontSize(10 * scale)
      .text(event.titleKo, x + pad, y + 3 * MM * scale, { width: inner, align: 'center', lineBreak: false, ellipsis: true });
    if (event.titleEn) doc.font('regular').fontSize(7 * scale).text(event.titleEn, x + pad, y + 8 * MM * scale, { width: inner, align: 'center', lineBreak: false, ellipsis: true });
    let cy = y + h * 0.32;
    doc.fillColor('#111111').font('bold').fontSize(28 * scale).text(a.r.name, x + pad, cy, { width: inner, align: 'center', lineBreak: false, ellipsis: true });
    cy += 36 * scale;
    if (a.er.nameEn) {
      doc.font('regular').fontSize(14 * scale).text(a.er.nameEn, x + pad, cy, { width: inner, align: 'center', lineBreak: false, ellipsis: true });
      cy += 22 * scale;
    }
    if (a.er.affiliation) {
      doc.fillColor('#333333').font('regular').fontSize(12 * scale).text(a.er.affiliation, x + pad, cy, { width: inner, align: 'center', lineBreak: false, ellipsis: true });
    }
    const label = CATEGORY_LABELS[a.category];
    const bandH = 12 * MM * scale;
    doc.fillColor('#e6eef8').rect(x, y + h - bandH, w, bandH).fill();
    doc
      .fillColor('#003675')
      .font('bold')
      .fontSize(11 * scale)
      .text(`${label.ko} · ${label.en}`, x + pad, y + h - bandH + 3.5 * MM * scale, { width: inner, align: 'center', lineBreak: false });
  });
  doc.end();
  return done;
}
