/**
 * Name badges as PDF (pdfkit), one or many per sheet: the name large, the Latin name under it,
 * affiliation and category.
 *
 * Fonts: the KRDS font PretendardGOV first (the government's look); a line it cannot draw whole
 * (a Hangul syllable outside its subset, Hanja such as 王, Vietnamese such as Nguyễn) is drawn in
 * the first font of the chain that has every glyph of the line — Noto Sans CJK KR (Debian's
 * fonts-noto-cjk: all 11,172 modern syllables, Hanja, Latin), then DejaVu Sans (fonts-dejavu-core:
 * Latin, Greek, Cyrillic with their diacritics); when no one font has them all, each character
 * goes to the first font that has it. So no glyph is a box while a font of the chain has it.
 * The fonts are embedded as subsets, so the badge prints the same everywhere. System fonts that
 * are missing are left out of the chain (scripts/test-services.sh installs them for the tests).
 *
 * Layout: every text is on one logical line (`oneLine`), then wrapped to the badge's width at
 * spaces (Korean breaks between words, never inside one; only a word wider than the badge is cut),
 * on at most two lines per block; a block that needs more shrinks its size, and the badge's
 * blocks are placed one under the other from their measured heights, shrinking together when
 * they would reach the category band — wrapped titles and names never overlap other text.
 * tests/unit/badges.test.ts reads the PDFs back with pdf.js and poppler and checks the fonts with
 * fontTools.
 */
import { existsSync, readFileSync } from 'node:fs';
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

interface FontFile {
  /** A file, or the KRDS font inside the npm package. */
  path: string;
  /** The face inside a collection (.ttc). */
  postscriptName?: string;
}

/** The fallback chain, in order, for each weight (tests/unit/badges.test.ts checks its coverage with fontTools). */
export const BADGE_FONTS: Record<'regular' | 'bold', FontFile[]> = {
  regular: [
    { path: require.resolve('krds-uiux/resources/fonts/PretendardGOV-Regular.subset.woff') },
    { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKkr-Regular' },
    { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' },
  ],
  bold: [
    { path: require.resolve('krds-uiux/resources/fonts/PretendardGOV-Bold.subset.woff') },
    { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKkr-Bold' },
    { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' },
  ],
};

/** Font files read once per process, when first needed (the CJK collections weigh 20 MB each). */
const fontData = new Map<string, Buffer>();
const readFont = (f: FontFile) => {
  let data = fontData.get(f.path);
  if (!data) {
    data = woffToSfnt(readFileSync(f.path));
    fontData.set(f.path, data);
  }
  return data;
};

/** The KRDS fonts alone (PretendardGOV, unpacked), for PDFs that draw with them directly (training certificates). */
export const loadFonts = () => ({ regular: readFont(BADGE_FONTS.regular[0]!), bold: readFont(BADGE_FONTS.bold[0]!) });

type Weight = 'regular' | 'bold';
/** pdfkit's font object exposes fontkit's; pdfkit has no API of its own for "does this font have the glyph". */
type LoadedFont = { font: { hasGlyphForCodePoint(cp: number): boolean } };

/** The chain as registered in one document: names in order, with a coverage test each (fonts read on first use). */
class FontChain {
  private readonly fonts: Record<Weight, { name: string; file: FontFile; covers?: (cp: number) => boolean }[]>;
  constructor(private readonly doc: PDFKit.PDFDocument) {
    const chain = (w: Weight) => BADGE_FONTS[w].filter((f, i) => i === 0 || existsSync(f.path)).map((file, i) => ({ name: `${w}-${i}`, file }));
    this.fonts = { regular: chain('regular'), bold: chain('bold') };
  }

  private covers(w: Weight, i: number, cp: number): boolean {
    const f = this.fonts[w][i]!;
    if (!f.covers) {
      this.doc.registerFont(f.name, readFont(f.file), f.file.postscriptName as string);
      this.doc.font(f.name);
      const loaded = (this.doc as unknown as { _font: LoadedFont })._font;
      f.covers = (c) => loaded.font.hasGlyphForCodePoint(c);
    }
    return f.covers(cp);
  }

  /** The text as runs, each in one font: the first font that has every character, else character by character. */
  runs(w: Weight, text: string): { font: string; text: string }[] {
    const chars = [...text];
    const n = this.fonts[w].length;
    const has = (i: number, ch: string) => /\s/.test(ch) || this.covers(w, i, ch.codePointAt(0)!);
    for (let i = 0; i < n; i++) if (chars.every((ch) => has(i, ch))) return [{ font: this.fonts[w][i]!.name, text }];
    const out: { font: string; text: string }[] = [];
    for (const ch of chars) {
      // A combining mark or a space stays with the character before it when that font has it.
      const prev = out.at(-1);
      const prevIndex = prev ? this.fonts[w].findIndex((f) => f.name === prev.font) : -1;
      const index =
        prev && (/[\s\p{M}]/u.test(ch) ? has(prevIndex, ch) : false)
          ? prevIndex
          : Math.max(
              0,
              this.fonts[w].findIndex((_, i) => has(i, ch)),
            );
      const font = this.fonts[w][index]!.name;
      if (prev && prev.font === font) prev.text += ch;
      else out.push({ font, text: ch });
    }
    return out;
  }
}

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

const LINE_HEIGHT = 1.25;
const ELLIPSIS = '…';

/** A block of text: its weight, largest and smallest size, and how many lines it may take. */
interface BlockStyle {
  weight: Weight;
  max: number;
  min: number;
  lines: number;
}

interface Block {
  style: BlockStyle;
  size: number;
  lines: { font: string; text: string; width: number }[][];
  height: number;
}

class Typesetter {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly chain: FontChain,
  ) {}

  private measure(w: Weight, size: number, text: string) {
    return this.chain.runs(w, text).map((r) => ({ ...r, width: this.doc.font(r.font).fontSize(size).widthOfString(r.text) }));
  }

  private widthOf(w: Weight, size: number, text: string): number {
    return this.measure(w, size, text).reduce((sum, r) => sum + r.width, 0);
  }

  /** Lines of at most `width` points, broken at spaces; a word wider than a line is cut between characters. */
  private wrap(w: Weight, size: number, text: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ').filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.widthOf(w, size, candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      if (this.widthOf(w, size, word) <= width) {
        line = word;
        continue;
      }
      for (const ch of word) {
        if (line && this.widthOf(w, size, line + ch) > width) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  /** The text at the largest size that fits its lines; at the smallest, the last line ends with "…". */
  block(style: BlockStyle, raw: string, width: number, scale: number): Block {
    const text = oneLine(raw).replace(/ +/g, ' ').trim();
    const max = style.max * scale;
    const min = style.min * scale;
    let size = max;
    let lines = this.wrap(style.weight, size, text, width);
    while (lines.length > style.lines && size > min) {
      size = Math.max(min, size - 1);
      lines = this.wrap(style.weight, size, text, width);
    }
    if (lines.length > style.lines) {
      lines = lines.slice(0, style.lines);
      let last = [...lines.at(-1)!];
      while (last.length && this.widthOf(style.weight, size, `${last.join('').trimEnd()}${ELLIPSIS}`) > width) last = last.slice(0, -1);
      lines[lines.length - 1] = `${last.join('').trimEnd()}${ELLIPSIS}`;
    }
    return { style, size, lines: lines.map((l) => this.measure(style.weight, size, l)), height: lines.length * size * LINE_HEIGHT };
  }

  /** Draws a block centred in [x, x + width], its first line's top at y. */
  draw(b: Block, x: number, y: number, width: number, color: string): void {
    this.doc.fillColor(color);
    b.lines.forEach((runs, i) => {
      const total = runs.reduce((sum, r) => sum + r.width, 0);
      let cx = x + (width - total) / 2;
      const top = y + i * b.size * LINE_HEIGHT + (b.size * (LINE_HEIGHT - 1)) / 2;
      for (const r of runs) {
        this.doc.font(r.font).fontSize(b.size).text(r.text, cx, top, { lineBreak: false });
        cx += r.width;
      }
    });
  }
}

const TITLE: BlockStyle = { weight: 'bold', max: 10, min: 7, lines: 2 };
const TITLE_EN: BlockStyle = { weight: 'regular', max: 7, min: 5.5, lines: 2 };
const NAME: BlockStyle = { weight: 'bold', max: 28, min: 14, lines: 2 };
const NAME_EN: BlockStyle = { weight: 'regular', max: 14, min: 9, lines: 2 };
const AFFILIATION: BlockStyle = { weight: 'regular', max: 12, min: 8, lines: 2 };
const CATEGORY: BlockStyle = { weight: 'bold', max: 11, min: 8, lines: 1 };

export async function badgesPdf(event: BadgeEvent, attendees: AttendeeRow[], perSheet: PerSheet): Promise<Buffer> {
  const layout = LAYOUTS[perSheet];
  // Loaded on first use: pdfkit (with its fonts machinery) weighs tens of MB resident.
  const { default: PDFDocument } = await import('pdfkit');
  const doc: PDFKit.PDFDocument = new PDFDocument({ size: layout.size, margin: 0, autoFirstPage: false, info: { Title: `${oneLine(event.titleKo)} — badges`, Creator: 'finhub' } });
  const type = new Typesetter(doc, new FontChain(doc));
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
