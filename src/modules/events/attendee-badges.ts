/**
 * Name badges as PDF (pdfkit), one or many per sheet: the name large, the Latin name under it,
 * affiliation and category. Fonts and wrapping: src/server/pdf-text.ts (every script prints; text
 * wraps between words). The badge's blocks are placed one under the other from their measured
 * heights, shrinking together when they would reach the category band — wrapped titles and names
 * never overlap other text. tests/unit/badges.test.ts reads the PDFs back with pdf.js and poppler.
 */
import { type Block, type BlockStyle, openPdf, Typesetter } from '../../server/pdf-text.ts';
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

const TITLE: BlockStyle = { weight: 'bold', max: 10, min: 7, lines: 2 };
const TITLE_EN: BlockStyle = { weight: 'regular', max: 7, min: 5.5, lines: 2 };
const NAME: BlockStyle = { weight: 'bold', max: 28, min: 14, lines: 2 };
const NAME_EN: BlockStyle = { weight: 'regular', max: 14, min: 9, lines: 2 };
const AFFILIATION: BlockStyle = { weight: 'regular', max: 12, min: 8, lines: 2 };
const CATEGORY: BlockStyle = { weight: 'bold', max: 11, min: 8, lines: 1 };

export async function badgesPdf(event: BadgeEvent, attendees: AttendeeRow[], perSheet: PerSheet): Promise<Buffer> {
  const layout = LAYOUTS[perSheet];
  const { doc, done } = await openPdf({ size: layout.size, margin: 0, autoFirstPage: false, info: { Title: `${oneLine(event.titleKo)} — badges` } });
  const type = new Typesetter(doc);
  const margin = perSheet === 1 ? 0 : 10 * MM;
  const [width, height] = layout.size;
  const w = (width - 2 * margin) / layout.cols;
  const h = (height - 2 * margin) / layout.rows;
  if (!attendees.length) doc.addPage();
  attendees.forEach((a, i) => {
    const slot = i % perSheet;
    if (slot === 0) doc.addPage();
    const x = margin + (slot % layout.cols) * w;
    const y = margin + Math.floor(slot / layout.cols) * h;
    const pad = 8 * MM * (perSheet === 8 ? 0.6 : 1);
    const inner = w - 2 * pad;
    const base = perSheet === 8 ? 0.7 : 1;
    const label = CATEGORY_LABELS[a.category];

    // Shrink everything together until the blocks fit between the title band and the category band.
    let scale = base;
    let placed: { header: Block[]; headerH: number; body: Block[]; gap: number; band: Block; bandH: number; bodyTop: number };
    for (;;) {
      const header = [type.block(TITLE, event.titleKo, inner, scale), ...(event.titleEn ? [type.block(TITLE_EN, event.titleEn, inner, scale)] : [])];
      const headerH = Math.max(14 * MM * scale, 3 * MM * scale + header.reduce((s, b) => s + b.height, 0) + 2 * MM * scale);
      const body = [
        type.block(NAME, a.r.name, inner, scale),
        ...(a.er.nameEn ? [type.block(NAME_EN, a.er.nameEn, inner, scale)] : []),
        ...(a.er.affiliation ? [type.block(AFFILIATION, a.er.affiliation, inner, scale)] : []),
      ];
      const gap = 3 * MM * scale;
      const band = type.block(CATEGORY, `${label.ko} · ${label.en}`, inner, scale);
      const bandH = Math.max(12 * MM * scale, band.height + 5 * MM * scale);
      const bodyH = body.reduce((s, b) => s + b.height, 0) + gap * (body.length - 1);
      const room = h - headerH - bandH - 2 * gap;
      // The name sits a third of the way down when there is room; higher when the blocks need it.
      const bodyTop = y + Math.min(Math.max(h * 0.3, headerH + gap), h - bandH - gap - bodyH);
      placed = { header, headerH, body, gap, band, bandH, bodyTop };
      if (bodyH <= room || scale <= base * 0.5) break;
      scale *= 0.9;
    }
    const { header, headerH, body, gap, band, bandH, bodyTop } = placed;

    if (perSheet !== 1) doc.save().lineWidth(0.5).dash(3, { space: 3 }).strokeColor('#999999').rect(x, y, w, h).stroke().restore();
    doc.fillColor('#003675').rect(x, y, w, headerH).fill();
    let cy = y + 3 * MM * scale;
    for (const b of header) {
      type.draw(b, x + pad, cy, inner, '#ffffff');
      cy += b.height;
    }
    cy = bodyTop;
    body.forEach((b) => {
      type.draw(b, x + pad, cy, inner, b.style === AFFILIATION ? '#333333' : '#111111');
      cy += b.height + gap;
    });
    doc
      .fillColor('#e6eef8')
      .rect(x, y + h - bandH, w, bandH)
      .fill();
    type.draw(band, x + pad, y + h - bandH + (bandH - band.height) / 2, inner, '#003675');
  });
  doc.end();
  return done;
}
