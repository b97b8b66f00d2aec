/** Evidence files are recognised by content, and a name that contradicts the content is refused. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognise, sniff } from '../../src/server/file-type.ts';
import { samples, zip } from '../support/files.ts';

describe('file type by content', () => {
  it('recognises every accepted kind', async () => {
    const cases: [Buffer, string, string][] = [
      [samples.pdf(), 'a.pdf', 'pdf'],
      [samples.png(), 'a.png', 'png'],
      [samples.jpeg(), 'a.jpg', 'jpeg'],
      [samples.gif(), 'a.gif', 'gif'],
      [samples.webp(), 'a.webp', 'webp'],
      [samples.txt(), 'a.txt', 'txt'],
      [samples.csv(), 'a.csv', 'csv'],
      [await samples.xlsx(), 'a.xlsx', 'xlsx'],
      [samples.docx(), 'a.docx', 'docx'],
      [samples.pptx(), 'a.pptx', 'pptx'],
      [samples.hwp(), 'a.hwp', 'hwp'],
      [samples.hwpx(), 'a.hwpx', 'hwpx'],
    ];
    for (const [bytes, name, kind] of cases) assert.equal(await sniff(bytes, name), kind, name);
  });

  it('refuses what it does not know, whatever the name says', async () => {
    for (const [bytes, name] of [
      [samples.exe(), 'setup.pdf'],
      [samples.plainZip(), 'archive.xlsx'],
      [samples.msWordDoc(), 'old.hwp'],
      [samples.latin1Text(), 'notes.txt'],
      [samples.binaryish(), 'notes.txt'],
      [Buffer.alloc(0), 'empty.txt'],
    ] as const) {
      assert.deepEqual(await recognise(bytes, name), { ok: false, reason: 'unsupported' }, name);
    }
  });

  it('refuses a name whose extension contradicts the content, and names a file without one', async () => {
    assert.deepEqual(await recognise(samples.png(), 'report.pdf'), { ok: false, reason: 'mismatch', kind: 'png', extension: 'pdf' });
    assert.deepEqual(await recognise(samples.txt(), 'page.html'), { ok: false, reason: 'mismatch', kind: 'txt', extension: 'html' });
    assert.deepEqual(await recognise(samples.jpeg(), 'photo.JPEG'), { ok: true, kind: 'jpeg', mimeType: 'image/jpeg', fileName: 'photo.JPEG' });
    assert.deepEqual(await recognise(samples.pdf(), '결과보고'), { ok: true, kind: 'pdf', mimeType: 'application/pdf', fileName: '결과보고.pdf' });
  });

  it('tells HWPX by its first entry and survives a truncated archive', async () => {
    assert.equal(await sniff(zip({ mimetype: 'application/epub+zip', 'a.xhtml': '<a/>' }), 'a.hwpx'), null);
    assert.equal(await sniff(zip({ 'Contents/section0.xml': '<hs:sec/>', mimetype: 'application/hwp+zip' }), 'a.hwpx'), null);
    assert.equal(await sniff(samples.hwpx().subarray(0, 60), 'a.hwpx'), 'hwpx');
    assert.equal(await sniff(samples.docx().subarray(0, 20), 'a.docx'), null);
  });

  it('takes text that file-type names (XML, iCalendar) as plain text, as before', async () => {
    assert.equal(await sniff(Buffer.from('<?xml version="1.0"?><a/>'), 'a.txt'), 'txt');
    assert.equal(await sniff(Buffer.from('BEGIN:VCALENDAR\n'), 'a.txt'), 'txt');
  });
});
