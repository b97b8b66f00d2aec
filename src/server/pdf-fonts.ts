/**
 * The KRDS font PretendardGOV (Korean and Latin), regular and bold, for the meeting minutes PDF,
 * whose free text flows over pages with pdfkit's own layout, unpacked once per process. (Badges and
 * certificates set one-line blocks with the fallback chain of pdf-text.ts; moving the minutes onto
 * that chain would cover Hangul outside the subset, Hanja and diacritics too.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

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
