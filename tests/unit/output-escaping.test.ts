/**
 * Each output format escapes text for itself, whatever the database holds (a name or title stored
 * with CR LF or another control character before the input rule of src/server/text.ts, or by
 * another path). Each output is read back by a parser someone else wrote:
 *   - CSV (csv-stringify): a cell with CR, LF or CR LF is quoted and reads back as one cell
 *     (python's csv module);
 *   - XLSX (exceljs): every XML part is well-formed (python's expat), the cell keeps its line break;
 *   - PDF badges (pdfkit): each name is drawn on one line (pdfjs);
 *   - e-mail (nodemailer): a subject with CR LF starts no header of its own (mailparser; the SMTP
 *     server on loopback and the .eml file channel).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { EmailChannel, FileChannel } from '../../src/modules/notifications/channels/index.ts';
import { badgesPdf } from '../../src/modules/events/attendee-badges.ts';
import { attendeesCsv, attendeesXlsx } from '../../src/modules/events/attendee-exports.ts';
import type { AttendeeRow } from '../../src/modules/events/presenters.ts';
import { readCsv } from '../support/independent.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

const PYTHON = '/usr/bin/python3';

/** An attendee as the database could hold it (only the fields the exports read). */
function attendee(id: number, name: string, nameEn: string | null, affiliation: string | null): AttendeeRow {
  return {
    r: { id, status: 'confirmed', name, phone: '01012345678', email: `p${id}@example.com`, createdAt: new Date('2026-09-01T00:00:00Z'), checkedInAt: null },
    er: { nameEn, affiliation, country: 'KR' },
    category: 'general',
  } as unknown as AttendeeRow;
}

const ROWS = [
  attendee(1, '홍\r\n길동', 'Hong\nGil-dong', '전주시\r금융과'),
  attendee(2, '김\u0007지니\u0085', 'Kim\u2028Genie', '=cmd|\u001b'),
  attendee(3, '이름, "따옴표"', null, null),
];

describe('CSV: line breaks inside a cell are quoted', () => {
  it('python csv reads one row per attendee, each cell as stored', () => {
    const csv = attendeesCsv(ROWS);
    const rows = JSON.parse(
      execFileSync(PYTHON, ['-c', 'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))'], {
        input: csv.replace(/^\uFEFF/, ''),
        encoding: 'utf8',
      }),
    ) as string[][];
    assert.equal(rows.length, 1 + ROWS.length, `one header and ${ROWS.length} rows: ${JSON.stringify(rows)}`);
    const read = readCsv(csv);
    assert.ok(read.bom && read.crlf && !read.bareLf, 'records end with CR LF; the line breaks left are inside quoted cells');
    assert.deepEqual(
      rows.slice(1).map((r) => [r[0], r[3], r[4], r[5]]),
      [
        ['1', '홍\r\n길동', 'Hong\nGil-dong', '전주시\r금융과'],
        ['2', '김\u0007지니\u0085', 'Kim\u2028Genie', "'=cmd|\u001b"],
        ['3', '이름, "따옴표"', '', ''],
      ],
    );
  });
});

describe('XLSX: well-formed XML whatever the cells hold', () => {
  it('every XML part parses (python expat), and the cells read back', async () => {
    const buf = await attendeesXlsx('행사\r\n제목\u0007', ROWS);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-xlsx-'));
    try {
      const file = path.join(dir, 'a.xlsx');
      fs.writeFileSync(file, buf);
      const out = execFileSync(
        PYTHON,
        [
          '-c',
          `import json, sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
ns = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
parts = {n: ET.fromstring(z.read(n)) for n in z.namelist() if n.endswith('.xml') or n.endswith('.rels')}
strings = [''.join(t.text or '' for t in si.iter(ns + 't')) for si in parts['xl/sharedStrings.xml'].iter(ns + 'si')]
title = parts['docProps/core.xml'].find('{http://purl.org/dc/elements/1.1/}title')
print(json.dumps({'strings': strings, 'title': title.text if title is not None else None}))`,
          file,
        ],
        { encoding: 'utf8' },
      );
      const { strings, title } = JSON.parse(out) as { strings: string[]; title: string | null };
      assert.ok(strings.includes('홍\n길동'), JSON.stringify(strings));
      assert.ok(strings.includes('이름, "따옴표"'));
      assert.ok(
        strings.some((s) => s.startsWith('김') && s.includes('지니')),
        JSON.stringify(strings),
      );
      assert.equal(title, '행사 제목 ', 'the workbook title on one line');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PDF badges: every text on one line', () => {
  it('pdfjs finds each name whole, its line breaks and control characters folded to spaces', async () => {
    const pdf = await badgesPdf({ titleKo: '지니포럼\r\n2026', titleEn: 'GENIE\u0007Forum' }, ROWS.slice(0, 2), 1);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false }).promise;
    const pages: string[][] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((it) => ('str' in it ? it.str : '')).filter((s) => s.trim().length > 0));
    }
    await doc.destroy();
    assert.equal(pages.length, 2);
    const joined = pages.map((p) => p.join('|'));
    for (const [page, expected] of [
      [0, ['지니포럼 2026', 'GENIE Forum', '홍 길동', 'Hong Gil-dong', '전주시 금융과']],
      [1, ['김 지니', 'Kim Genie', '=cmd|']],
    ] as const) {
      for (const text of expected)
        assert.ok(
          pages[page]!.some((s) => s.trim() === text),
          `page ${page + 1} draws ${JSON.stringify(text)} on one line: ${joined[page]}`,
        );
    }
  });
});

describe('e-mail: a subject with a line break starts no header', () => {
  let smtp: TestSmtp;
  let dataDir: string;
  const SUBJECT = '[지니포럼\r\nBcc: evil@attacker.test\r\n\r\n본문 주입] 신청이 확정되었습니다\u0007\u0085';
  const SHOWN = '[지니포럼 Bcc: evil@attacker.test 본문 주입] 신청이 확정되었습니다 ';
  const message = (id: number) => ({
    id,
    channel: 'email' as const,
    recipient: 'person@example.com',
    subject: SUBJECT,
    body: '안내 / Notice',
    kind: 'registration.confirmed',
    createdAt: new Date(),
  });

  before(async () => {
    smtp = await startSmtp();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-mail-'));
  });
  after(async () => {
    await smtp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('over SMTP: one recipient, the subject folded to one line, the body intact', async () => {
    const channel = new EmailChannel({ smtpUrl: smtp.url, from: 'finhub <no-reply@jeonju.test>' });
    try {
      await channel.send(message(1));
    } finally {
      channel.close();
    }
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0]!;
    assert.equal(mail.subject, SHOWN);
    assert.equal(mail.headers.get('bcc'), undefined);
    assert.equal(mail.text?.trim(), '안내 / Notice');
  });

  it('as an .eml file: likewise', async () => {
    await new FileChannel(dataDir).send(message(2));
    const file = path.join(dataDir, 'outbox', '2-registration.confirmed.eml');
    const raw = fs.readFileSync(file);
    const headerBlock = raw.toString('utf8').split(/\r?\n\r?\n/)[0]!;
    assert.ok(!/^bcc:/im.test(headerBlock), headerBlock);
    const mail = await simpleParser(raw);
    assert.equal(mail.subject, SHOWN);
    assert.equal(mail.headers.get('bcc'), undefined);
    assert.equal(mail.text?.trim(), '안내 / Notice');
  });
});
