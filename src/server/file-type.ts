/**
 * Recognises an uploaded file by its content (magic bytes), never by its name alone:
 * PDF, PNG, JPEG, GIF, WebP, XLSX/DOCX/PPTX (ZIP with the Office parts), HWPX (ZIP with the
 * hwp+zip mimetype), HWP (OLE compound file holding an HWP FileHeader) and plain UTF-8 text
 * (TXT, or CSV when so named). A name whose extension contradicts the content is refused.
 */

export type FileKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'txt' | 'csv' | 'xlsx' | 'docx' | 'pptx' | 'hwp' | 'hwpx';

export const FILE_KINDS: Record<FileKind, { mimeType: string; extensions: readonly string[] }> = {
  pdf: { mimeType: 'application/pdf', extensions: ['pdf'] },
  png: { mimeType: 'image/png', extensions: ['png'] },
  jpeg: { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mimeType: 'image/gif', extensions: ['gif'] },
  webp: { mimeType: 'image/webp', extensions: ['webp'] },
  txt: { mimeType: 'text/plain', extensions: ['txt', 'text'] },
  csv: { mimeType: 'text/csv', extensions: ['csv'] },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  pptx: { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  hwp: { mimeType: 'application/x-hwp', extensions: ['hwp'] },
  hwpx: { mimeType: 'application/hwp+zip', extensions: ['hwpx'] },
};

export const ALLOWED_EXTENSIONS = Object.values(FILE_KINDS).flatMap((k) => k.extensions);

const startsWith = (b: Buffer, sig: number[] | string, at = 0) => {
  const bytes = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return b.length >= at + bytes.length && b.subarray(at, at + bytes.length).equals(bytes);
};

/** The entry names in a ZIP's central directory, or null when it is not a readable ZIP. */
export function zipEntryNames(b: Buffer): string[] | null {
  const lowest = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= lowest; i--) {
    if (b.readUInt32LE(i) !== 0x06054b50) continue;
    const count = b.readUInt16LE(i + 10);
    const size = b.readUInt32LE(i + 12);
    const offset = b.readUInt32LE(i + 16);
    if (offset + size > b.length) return null;
    const names: string[] = [];
    let p = offset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
      const nameLength = b.readUInt16LE(p + 28);
      const extraLength = b.readUInt16LE(p + 30);
      const commentLength = b.readUInt16LE(p + 32);
      if (p + 46 + nameLength > b.length) return null;
      names.push(b.toString('utf8', p + 46, p + 46 + nameLength));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

function zipKind(b: Buffer): FileKind | null {
  const names = zipEntryNames(b);
  if (!names) return null;
  const has = (n: string) => names.includes(n);
  if (has('mimetype') && b.subarray(0, 256).includes('application/hwp+zip')) return 'hwpx';
  if (!has('[Content_Types].xml')) return null;
  if (has('xl/workbook.xml')) return 'xlsx';
  if (has('word/document.xml')) return 'docx';
  if (has('ppt/presentation.xml')) return 'pptx';
  return null;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** HWP 5 keeps "HWP Document File" uncompressed at the start of its FileHeader stream. */
const HWP_SIGNATURE = Buffer.from('HWP Document File', 'latin1');
/** Control characters other than tab, line feed, form feed and carriage return. */
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function isPlainText(b: Buffer): boolean {
  if (b.length === 0) return false;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(b);
    return !BINARY_CONTROL.test(text);
  } catch {
    return false;
  }
}

export const extensionOf = (fileName: string) => {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : null;
};

/** The kind of content, from its bytes (the name only tells TXT from CSV). */
export function sniff(b: Buffer, fileName: string): FileKind | null {
  if (startsWith(b, '%PDF-')) return 'pdf';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a')) return 'gif';
  if (startsWith(b, 'RIFF') && startsWith(b, 'WEBP', 8)) return 'webp';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return zipKind(b);
  if (startsWith(b, OLE)) return b.includes(HWP_SIGNATURE) ? 'hwp' : null;
  if (isPlainText(b)) return extensionOf(fileName) === 'csv' ? 'csv' : 'txt';
  return null;
}

export type Recognised =
  | { ok: true; kind: FileKind; mimeType: string; fileName: string }
  | { ok: false; reason: 'unsupported' }
  | { ok: false; reason: 'mismatch'; kind: FileKind; extension: string };

/**
 * Recognises the file and checks the name against the content. A name without an extension
 * gets the content's; a name with another one is refused.
 */
export function recognise(b: Buffer, fileName: string): Recognised {
  const kind = sniff(b, fileName);
  if (!kind) return { ok: false, reason: 'unsupported' };
  const { mimeType, extensions } = FILE_KINDS[kind];
  const extension = extensionOf(fileName);
  if (extension === null) return { ok: true, kind, mimeType, fileName: `${fileName || 'file'}.${extensions[0]}` };
  if (!extensions.includes(extension)) return { ok: false, reason: 'mismatch', kind, extension };
  return { ok: true, kind, mimeType, fileName };
}
