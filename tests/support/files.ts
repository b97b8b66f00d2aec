/** Small sample files of every kind the evidence upload accepts (and some it refuses), built in memory. */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

/** A ZIP archive with stored (uncompressed) entries, in the given order. */
export function zip(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** [Content_Types].xml naming the main part, as every Office writer puts it (file-type reads it). */
const contentTypes = (part: string, type: string) =>
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}.main+xml"/></Types>`;

/** A 1×1 PNG (signature, IHDR, IDAT, IEND). */
const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const samples = {
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'),
  png: () => Buffer.from(PNG_1x1, 'base64'),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(24, 2)]),
  gif: () => Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.alloc(16, 3)]),
  webp: () => Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from([20, 0, 0, 0]), Buffer.from('WEBPVP8 ', 'latin1'), Buffer.alloc(12, 4)]),
  txt: () => Buffer.from('전주시 금융아카데미 결과 보고\n참석 120명\n', 'utf8'),
  csv: () => Buffer.from('\uFEFF회차,참석\n1,60\n2,60\n', 'utf8'),
  docx: () => zip({ '[Content_Types].xml': contentTypes('word/document.xml', 'wordprocessingml.document'), 'word/document.xml': '<w:document/>' }),
  pptx: () => zip({ '[Content_Types].xml': contentTypes('ppt/presentation.xml', 'presentationml.presentation'), 'ppt/presentation.xml': '<p:presentation/>' }),
  hwpx: () => zip({ mimetype: 'application/hwp+zip', 'Contents/section0.xml': '<hs:sec/>' }),
  hwp: () => {
    const b = Buffer.alloc(1536);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
    Buffer.from('F\0i\0l\0e\0H\0e\0a\0d\0e\0r\0', 'latin1').copy(b, 512);
    Buffer.from('HWP Document File', 'latin1').copy(b, 1024);
    return b;
  },
  xlsx: async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('집행').addRow(['2023-07-10', 1000000]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  },
  // refused
  exe: () => Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(64, 0)]),
  plainZip: () => zip({ 'readme.txt': 'hello' }),
  msWordDoc: () => {
    const b = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
    Buffer.from('W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0', 'latin1').copy(b, 512);
    return b;
  },
  latin1Text: () => Buffer.from('caf\xe9 cr\xe8me\n', 'latin1'),
  binaryish: () => Buffer.from('looks like text\u0001\u0002 but has control bytes', 'utf8'),
};
