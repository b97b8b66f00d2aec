/**
 * Name badges as PDF (pdfkit), one or many per sheet: the Korean name large, the Latin name under
 * it, affiliation and category. The KRDS font PretendardGOV (Korean and Latin) is embedded, so
 * Hangul renders the same on every printer. Every text is drawn on one line (`oneLine`): a name
 * stored with a line break or another control character would otherwise break the layout or
 * print a missing-glyph box.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type PDFKit from 'pdfkit';
import { oneLine } from '../../server/text.ts';
import { CATEGORY_LABELS } from './attendees/categories.ts';
import type { AttendeeRow } from './presenters.ts';

const require = createRequire(import.meta.url);

/**
 * WOFF → plain sfnt (OpenType), once per process: fontkit re-inflates a WOFF table on every
 * access (seconds per PDF with a Hangul font); the unpacked font makes a badge sheet take
 * milliseconds.
 */
function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const e = 44 + i * 20;
    const [offset, compLength, origLength] = [woff.readUInt32BE(e + 4), woff.readUInt32BE(e + 8), woff.readUInt32BE(e + 12)];
    const raw = woff.subarray(offset, offset + compLength);
    return { tag: woff.subarray(e, e + 4), checksum: woff.readUInt32BE(e + 16), data: compLength < origLength ? inflateSync(raw) : raw };
  });
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const head = Buffer.alloc(12 + numTables * 16);
  woff.copy(head, 0, 4, 8); // flavor → sfnt version
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(searchRange, 6);
  head.writeUInt16BE(entrySelector, 8);
  head.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    t.tag.copy(head, r);
    head.writeUInt32BE(t.checksum, r + 4);
    head.writeUInt32BE(offset, r + 8);
    head.writeUInt32BE(t.data.length, r + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;
export const loadFonts = () =>
  (fonts ??= {
    regular: woffToSfnt(readFileSync(require.resolve('krds-uiux/resources/fonts/PretendardGOV-Regular.subset.woff'))),
    bold: woffToSfnt(readFileSync(require.resolve('krds-uiux/resources/fonts/PretendardGOV-Bold.subset.woff'))),
  });

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
