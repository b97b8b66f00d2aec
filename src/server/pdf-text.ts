/**
 * Text in PDFs (pdfkit) that prints every name: a font fallback chain and a small typesetter, for
 * badges (src/modules/events/attendee-badges.ts) and training certificates.
 *
 * Fonts: the KRDS font PretendardGOV first (the government's look); a line it cannot draw whole
 * (a Hangul syllable outside its subset such as 똠, Hanja such as 王, Vietnamese such as Nguyễn)
 * is drawn in the first font of the chain that has every glyph of the line — Noto Sans CJK KR
 * (Debian's fonts-noto-cjk: all 11,172 modern syllables, Hanja, Latin), then DejaVu Sans
 * (fonts-dejavu-core: Latin, Greek, Cyrillic with their diacritics); when no one font has them
 * all, each character goes to the first font that has it. So no glyph is a box while a font of the
 * chain has it. Fonts are embedded as subsets, so a PDF prints the same everywhere. System fonts
 * that are missing are left out of the chain (scripts/test-services.sh installs them for tests).
 *
 * Typesetting: every text is put on one logical line first (`oneLine`), then wrapped to the width
 * at spaces (Korean breaks between words, never inside one; only a word wider than the line is
 * cut), on at most `lines` lines; a block that needs more shrinks down to its smallest size, and
 * at that size its last line ends with "…". Callers place blocks by their measured `height`, so
 * wrapped text never runs into the next block. tests/unit/badges.test.ts reads PDFs back with
 * pdf.js and poppler and checks the chain with fontTools.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type PDFKit from 'pdfkit';
import { oneLine } from './text.ts';

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
export const PDF_FONTS: Record<'regular' | 'bold', FontFile[]> = {
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

type Weight = 'regular' | 'bold';

/**
 * The one font for text that pdfkit flows over pages (minutes, reports), where the chain's
 * line-by-line fallback does not reach: the first collection of the chain that is installed
 * (Noto Sans CJK KR: every Hangul syllable, Hanja, Latin), else the KRDS subset. Registered as
 * `doc.registerFont(name, font.data, font.family)`.
 */
function flowFont(weight: Weight): { data: Buffer; family?: string } {
  const chain = PDF_FONTS[weight];
  const file = chain.slice(1).find((f) => f.postscriptName && existsSync(f.path)) ?? chain[0]!;
  return { data: readFont(file), ...(file.postscriptName ? { family: file.postscriptName } : {}) };
}

/** A document's options; `info.Creator` is always finhub. */
type PdfOptions = Omit<PDFKit.PDFDocumentOptions, 'info'> & { info: Omit<PDFKit.DocumentInfo, 'Creator'> & { Title: string } };

/**
 * A new pdfkit document and its bytes once `doc.end()` is called. pdfkit is loaded on first use
 * (with its fonts machinery it weighs tens of MB resident). With `flowFonts`, the flowing text's
 * font (flowFont) is registered as 'regular' and 'bold'.
 */
export async function openPdf(options: PdfOptions, { flowFonts = false } = {}): Promise<{ doc: PDFKit.PDFDocument; done: Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const { Title, ...info } = options.info;
  const doc: PDFKit.PDFDocument = new PDFDocument({ ...options, info: { Title, Creator: 'finhub', ...info } });
  if (flowFonts) {
    for (const weight of ['regular', 'bold'] as const) {
      const font = flowFont(weight);
      doc.registerFont(weight, font.data, font.family as string);
    }
  }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** pdfkit's font object exposes fontkit's; pdfkit has no API of its own for "does this font have the glyph". */
type LoadedFont = { font: { hasGlyphForCodePoint(cp: number): boolean } };

/** The chain as registered in one document: names in order, with a coverage test each (fonts read on first use). */
class FontChain {
  private readonly fonts: Record<Weight, { name: string; file: FontFile; covers?: (cp: number) => boolean }[]>;
  constructor(private readonly doc: PDFKit.PDFDocument) {
    const chain = (w: Weight) => PDF_FONTS[w].filter((f, i) => i === 0 || existsSync(f.path)).map((file, i) => ({ name: `${w}-${i}`, file }));
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

const LINE_HEIGHT = 1.25;
const ELLIPSIS = '…';

/** A block of text: its weight, largest and smallest size, and how many lines it may take. */
export interface BlockStyle {
  weight: Weight;
  max: number;
  min: number;
  lines: number;
}

export interface Block {
  style: BlockStyle;
  size: number;
  lines: { font: string; text: string; width: number }[][];
  height: number;
}

export class Typesetter {
  private readonly chain: FontChain;
  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.chain = new FontChain(doc);
  }

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
