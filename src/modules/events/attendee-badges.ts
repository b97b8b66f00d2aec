/**
 * Name badges as PDF (pdfkit), one or many per sheet: the Korean name large, the Latin name under
 * it, affiliation and category. The KRDS font PretendardGOV (Korean and Latin) is embedded, so
 * Hangul renders the same on every printer. Every text is drawn on one line (`oneLine`): a name
 * stored with a line break or another control character would otherwise break the layout or
 * print a missing-glyph box.
 */
import type PDFKit from 'pdfkit';
import { loadFonts } from '../../server/pdf-fonts.ts';
import { oneLine } from '../../server/text.ts';
import { CATEGORY_LABELS } from './attendees/categories.ts';
import type { AttendeeRow } from './presenters.ts';

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

export async function badgesPdf(event: BadgeEvent, attendees: AttendeeRow[], perSheet: PerSheet): Promise<Buffer> {
  const layout = LAYOUTS[perSheet];
  // Loaded on first use: pdfkit (with its fonts machinery) weighs tens of MB resident.
  const { default: PDFDocument } = await import('pdfkit');
  const doc: PDFKit.PDFDocument = new PDFDocument({ size: layout.size, margin: 0, autoFirstPage: false, info: { Title: `${oneLine(event.titleKo)} — badges`, Creator: 'finhub' } });
  const { regular, bold } = loadFonts();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
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
    doc
      .fillColor('#003675')
      .rect(x, y, w, 14 * MM * scale)
      .fill();
    doc
      .fillColor('#ffffff')
      .font('bold')
      .fontSize(10 * scale)
      .text(oneLine(event.titleKo), x + pad, y + 3 * MM * scale, { width: inner, align: 'center', lineBreak: false, ellipsis: true });
    if (event.titleEn)
      doc
        .font('regular')
        .fontSize(7 * scale)
        .text(oneLine(event.titleEn), x + pad, y + 8 * MM * scale, { width: inner, align: 'center', lineBreak: false, ellipsis: true });
    let cy = y + h * 0.32;
    doc
      .fillColor('#111111')
      .font('bold')
      .fontSize(28 * scale)
      .text(oneLine(a.r.name), x + pad, cy, { width: inner, align: 'center', lineBreak: false, ellipsis: true });
    cy += 36 * scale;
    if (a.er.nameEn) {
      doc
        .font('regular')
        .fontSize(14 * scale)
        .text(oneLine(a.er.nameEn), x + pad, cy, { width: inner, align: 'center', lineBreak: false, ellipsis: true });
      cy += 22 * scale;
    }
    if (a.er.affiliation) {
      doc
        .fillColor('#333333')
        .font('regular')
        .fontSize(12 * scale)
        .text(oneLine(a.er.affiliation), x + pad, cy, { width: inner, align: 'center', lineBreak: false, ellipsis: true });
    }
    const label = CATEGORY_LABELS[a.category];
    const bandH = 12 * MM * scale;
    doc
      .fillColor('#e6eef8')
      .rect(x, y + h - bandH, w, bandH)
      .fill();
    doc
      .fillColor('#003675')
      .font('bold')
      .fontSize(11 * scale)
      .text(`${label.ko} · ${label.en}`, x + pad, y + h - bandH + 3.5 * MM * scale, { width: inner, align: 'center', lineBreak: false });
  });
  doc.end();
  return done;
}
