/**
 * Recognises an uploaded file by its content (magic bytes), never by its name alone. The
 * `file-type` library tells PDF, PNG, JPEG, GIF, WebP and XLSX/DOCX/PPTX (ZIP whose
 * [Content_Types].xml names the main part); this file adds what it lacks: HWPX (a ZIP whose
 * first entry is the hwp+zip mimetype), HWP (an OLE compound file holding an HWP FileHeader)
 * and plain UTF-8 text (TXT, or CSV when so named). A name whose extension contradicts the
 * content is refused.
 */
import { fileTypeFromBuffer } from 'file-type';

export type FileKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'txt' | 'csv' | 'xlsx' | 'docx' | 'pptx' | 'hwp' | 'hwpx';

const FILE_KINDS: Record<FileKind, { mimeType: string; extensions: readonly string[] }> = {
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

/** Every media type a stored file is served with (the OpenAPI document lists them for the download). */
export const FILE_MIME_TYPES = [...new Set(Object.values(FILE_KINDS).map((k) => k.mimeType))];

/** file-type's answer (its `ext`) for each kind it recognises itself. */
const FROM_FILE_TYPE: Readonly<Record<string, FileKind>> = {
  pdf: 'pdf',
  ai: 'pdf', // a PDF that Illustrator also keeps its data in is still a PDF
  png: 'png',
  apng: 'png',
  jpg: 'jpeg',
  gif: 'gif',
  webp: 'webp',
  xlsx: 'xlsx',
  docx: 'docx',
  pptx: 'pptx',
};

/** HWPX, like ODF and EPUB, starts with a stored "mimetype" entry (a local header is 30 bytes, then the name). */
const isHwpx = (b: Buffer) => b.toString('latin1', 30, 38) === 'mimetype' && b.subarray(0, 256).includes('application/hwp+zip');
/** HWP 5 keeps "HWP Document File" uncompressed at the start of its FileHeader stream. */
const HWP_SIGNATURE = Buffer.from('HWP Document File', 'latin1');
/** Control characters other than tab, line feed, form feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
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

const extensionOf = (fileName: string) => {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : null;
};

/** The kind of content, from its bytes (the name only tells TXT from CSV). */
export async function sniff(b: Buffer, fileName: string): Promise<FileKind | null> {
  const found = await fileTypeFromBuffer(b);
  const known = found && FROM_FILE_TYPE[found.ext];
  if (known) return known;
  if (found?.ext === 'zip') return isHwpx(b) ? 'hwpx' : null;
  if (found?.ext === 'cfb') return b.includes(HWP_SIGNATURE) ? 'hwp' : null;
  // Text formats file-type names (XML, iCalendar, PostScript …) are accepted as plain text, as before.
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
export async function recognise(b: Buffer, fileName: string): Promise<Recognised> {
  const kind = await sniff(b, fileName);
  if (!kind) return { ok: false, reason: 'unsupported' };
  const { mimeType, extensions } = FILE_KINDS[kind];
  const extension = extensionOf(fileName);
  if (extension === null) return { ok: true, kind, mimeType, fileName: `${fileName || 'file'}.${extensions[0]}` };
  if (!extensions.includes(extension)) return { ok: false, reason: 'mismatch', kind, extension };
  return { ok: true, kind, mimeType, fileName };
}
