/**
 * Readers written by other people, for checking the files finhub produces (issue 12): each runs
 * Debian's python3 with a library from Debian's packages (scripts/test-services.sh installs them)
 * and answers JSON. Nothing here uses finhub's own code or the npm packages that wrote the file.
 *   - icalendar (python3-icalendar) and vobject (python3-vobject): .ics files;
 *   - openpyxl (python3-openpyxl): .xlsx cells with their types;
 *   - csv (python's standard library): CSV records and line ends;
 *   - jsonschema (python3-jsonschema): the OpenAPI document against the OpenAPI 3.1 meta-schema,
 *     component schemas against JSON Schema 2020-12, live answers against their declared schemas;
 *   - fontTools (python3-fonttools, python3-brotli): the glyphs of the fonts embedded in a PDF, and
 *     the code points of the web font slices;
 *   - pdftotext and pdffonts (poppler-utils): the text of a PDF and its fonts;
 *   - zipfile and xml.etree (python's standard library): HWPX packages (OWPML), their parts and text;
 *   - lxml (python3-lxml): XML against its XML Schema (sitemap.xml, tests/api/sitemap.test.ts).
 */
import { execFileSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';

export function python<T>(script: string, input: string | Buffer, args: string[] = []): T {
  const out = execFileSync(PYTHON, ['-c', script, ...args], { input, maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as T;
}

export interface IcsEvent {
  UID: string | null;
  SUMMARY: string | null;
  DESCRIPTION: string | null;
  LOCATION: string | null;
  URL: string | null;
  STATUS: string | null;
  SEQUENCE: number | null;
  DTSTART: string | null;
  DTEND: string | null;
  DTSTAMP: string | null;
  'LAST-MODIFIED': string | null;
}
export interface IcsReading {
  name: string | null;
  xwrCalname: string | null;
  components: string[];
  events: IcsEvent[];
}

/** python icalendar: the calendar's texts and each VEVENT's, times as UTC ISO strings. */
const ICALENDAR = `
import json, sys, icalendar, datetime
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
def text(c, name):
    v = c.get(name)
    return None if v is None else str(v)
def when(c, name):
    v = c.get(name)
    if v is None: return None
    d = v.dt
    return d.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
def seq(c):
    v = c.get('SEQUENCE')
    return None if v is None else int(v)
print(json.dumps({
  'name': text(cal, 'NAME'), 'xwrCalname': text(cal, 'X-WR-CALNAME'),
  'components': [c.name for c in cal.walk()],
  'events': [dict({k: text(e, k) for k in ('UID', 'SUMMARY', 'DESCRIPTION', 'LOCATION', 'URL', 'STATUS')},
                  SEQUENCE=seq(e), **{k: when(e, k) for k in ('DTSTART', 'DTEND', 'DTSTAMP', 'LAST-MODIFIED')}) for e in cal.walk('VEVENT')],
}))
`;

/** vobject: the same reading by a second, unrelated parser. */
const VOBJECT = `
import json, sys, vobject, datetime
text = sys.stdin.buffer.read().decode('utf-8')
cals = list(vobject.readComponents(text))
assert len(cals) == 1, 'one calendar, found %d' % len(cals)
cal = cals[0]
def val(c, name):
    key = name.lower()
    return c.contents[key][0].value if key in c.contents else None
def s(c, name):
    v = val(c, name)
    return None if v is None else str(v)
def when(c, name):
    v = val(c, name)
    return None if v is None else v.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
events = [x for x in cal.getChildren() if x.name == 'VEVENT']
print(json.dumps({
  'name': s(cal, 'NAME'), 'xwrCalname': s(cal, 'X-WR-CALNAME'),
  'components': ['VCALENDAR'] + [x.name for x in cal.getChildren() if isinstance(x, vobject.base.Component)],
  'events': [dict({k: s(e, k) for k in ('UID', 'SUMMARY', 'DESCRIPTION', 'LOCATION', 'URL', 'STATUS')},
                  SEQUENCE=None if val(e, 'SEQUENCE') is None else int(val(e, 'SEQUENCE')),
                  **{k: when(e, k) for k in ('DTSTART', 'DTEND', 'DTSTAMP', 'LAST-MODIFIED')}) for e in events],
}))
`;

const readIcsWithIcalendar = (ics: string) => python<IcsReading>(ICALENDAR, ics);
const readIcsWithVobject = (ics: string) => python<IcsReading>(VOBJECT, ics);

/** Both parsers; they must agree on everything finhub wrote. */
export function readIcs(ics: string): IcsReading {
  const a = readIcsWithIcalendar(ics);
  const b = readIcsWithVobject(ics);
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`icalendar and vobject disagree:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
  return a;
}

/** RFC 5545 §3.1: CR LF line ends only, no line longer than 75 octets. */
export function icsLineProblems(ics: string): string[] {
  const problems: string[] = [];
  if (!ics.endsWith('\r\n')) problems.push('does not end with CR LF');
  if (/[^\r]\n/.test(ics) || /\r(?!\n)/.test(ics)) problems.push('a bare LF or CR');
  for (const line of ics.split('\r\n')) if (Buffer.byteLength(line, 'utf8') > 75) problems.push(`longer than 75 octets: ${line}`);
  return problems;
}

/** One cell as openpyxl reads it: its Python type and value (dates as ISO text), and its number format. */
export interface XlsxCell {
  type: 'NoneType' | 'str' | 'int' | 'float' | 'datetime' | 'date' | 'bool';
  value: string | number | boolean | null;
  format: string;
}

const OPENPYXL = `
import json, sys, io, datetime, openpyxl
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
out = {}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            t = type(v).__name__
            if isinstance(v, (datetime.datetime, datetime.date)): v = v.isoformat()
            cells.append({'type': t, 'value': v, 'format': c.number_format})
        rows.append(cells)
    out[ws.title] = rows
print(json.dumps(out))
`;

/** Every sheet's rows as openpyxl reads them. */
export const readXlsx = (xlsx: Buffer) => python<Record<string, XlsxCell[][]>>(OPENPYXL, xlsx);

/** python's csv module (RFC 4180 dialect "excel"): the records, and whether every record ends with CR LF and the file starts with the BOM. */
export const readCsv = (csv: string | Buffer) =>
  python<{ bom: boolean; crlf: boolean; bareLf: boolean; rows: string[][] }>(
    `
import csv, io, json, sys, re
raw = sys.stdin.buffer.read()
bom = raw.startswith(b'\\xef\\xbb\\xbf')
text = raw.decode('utf-8-sig')
rows = list(csv.reader(io.StringIO(text, newline='')))
# Outside quoted cells every record ends with CR LF: strip quoted cells, then look at the line ends.
bare = re.sub(r'"(?:[^"]|"")*"', '', text)
print(json.dumps({'bom': bom, 'crlf': bare.endswith('\\r\\n') and '\\n' not in bare.replace('\\r\\n', ''), 'bareLf': '\\n' in bare.replace('\\r\\n', ''), 'rows': rows}))
`,
    csv,
  );

/**
 * python3-jsonschema (Draft 2020-12): the OpenAPI document against the vendored OpenAPI 3.1
 * meta-schema (tests/fixtures/openapi/), every Schema Object in it against JSON Schema 2020-12's
 * meta-schema, and each live answer against its declared schema (references resolve inside the
 * document). Answers a list of problems, empty when all is valid.
 */
export function validateOpenApi(doc: unknown, meta: unknown, answers: { name: string; schema: unknown; instance: unknown }[]): string[] {
  return python<string[]>(
    `
import json, sys, jsonschema
from jsonschema import Draft202012Validator
inp = json.loads(sys.stdin.buffer.read())
doc, meta = inp['doc'], inp['meta']
problems = []
for e in Draft202012Validator(meta).iter_errors(doc):
    problems.append('document: %s at %s' % (e.message[:300], '/'.join(map(str, e.absolute_path))))
# every Schema Object: components, parameters, request bodies and responses
def schemas():
    for name, s in doc.get('components', {}).get('schemas', {}).items():
        yield 'components/schemas/' + name, s
    for path, ops in doc.get('paths', {}).items():
        for method, op in ops.items():
            if not isinstance(op, dict): continue
            for p in op.get('parameters', []):
                if 'schema' in p: yield '%s %s parameter %s' % (method, path, p.get('name')), p['schema']
            for mt, c in op.get('requestBody', {}).get('content', {}).items():
                if 'schema' in c: yield '%s %s body %s' % (method, path, mt), c['schema']
            for status, r in op.get('responses', {}).items():
                for mt, c in r.get('content', {}).items():
                    if 'schema' in c: yield '%s %s %s %s' % (method, path, status, mt), c['schema']
for where, s in schemas():
    for e in Draft202012Validator(Draft202012Validator.META_SCHEMA).iter_errors(s):
        problems.append('%s: not a JSON Schema 2020-12 schema: %s at %s' % (where, e.message[:300], '/'.join(map(str, e.absolute_path))))
for a in inp['answers']:
    schema = dict(a['schema']) if isinstance(a['schema'], dict) else a['schema']
    if isinstance(schema, dict): schema['components'] = doc.get('components', {})
    for e in Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).iter_errors(a['instance']):
        problems.append('%s: %s at %s' % (a['name'], e.message[:300], '/'.join(map(str, e.absolute_path))))
print(json.dumps(problems))
`,
    JSON.stringify({ doc, meta, answers }),
  );
}

/** poppler's pdftotext: the text of a PDF (UTF-8). */
export const pdfText = (pdf: Buffer) => execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: pdf }).toString('utf8');

/** poppler's pdffonts: each font's name, type, whether it is embedded and a subset. */
export function pdfFonts(pdf: Buffer): { name: string; type: string; embedded: boolean; subset: boolean }[] {
  const out = execFileSync('/usr/bin/pdffonts', ['-'], { input: pdf }).toString('utf8').split('\n').slice(2).filter(Boolean);
  // name type [encoding] emb sub uni object ID: read the yes/no columns from the right.
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    const [emb, sub] = cols.slice(-5, -3);
    return { name: cols[0]!, type: cols[1]!, embedded: emb === 'yes', subset: sub === 'yes' };
  });
}

/** An HWPX package as python's zipfile and ElementTree read it (no finhub code, no npm package). */
export interface HwpxReading {
  /** Archive members in order, with how each is stored. */
  members: { name: string; stored: boolean }[];
  mimetype: string;
  /** container.xml → the rootfile paths. */
  rootfiles: string[];
  /** content.hpf: title, manifest hrefs and spine idrefs. */
  title: string | null;
  manifest: string[];
  spine: string[];
  /** header.xml: the counts it declares against the children it has (each pair equal when sound). */
  headerCounts: { element: string; declared: number; found: number }[];
  /** Every referenced charPr/paraPr/borderFill id in the section exists in the header. */
  danglingRefs: string[];
  /** section0.xml: each paragraph's text outside tables, and each table's cell texts by row. */
  paragraphs: string[];
  tables: { rowCnt: number; colCnt: number; rows: string[][] }[];
  pagePr: { width: number; height: number } | null;
}

const HWPX_READER = `
import io, json, sys, zipfile
import xml.etree.ElementTree as ET
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
assert z.testzip() is None, 'a corrupt member'
HP = '{http://www.hancom.co.kr/hwpml/2011/paragraph}'
HH = '{http://www.hancom.co.kr/hwpml/2011/head}'
OPF = '{http://www.idpf.org/2007/opf/}'
OCF = '{urn:oasis:names:tc:opendocument:xmlns:container}'
members = [{'name': i.filename, 'stored': i.compress_type == zipfile.ZIP_STORED} for i in z.infolist()]
container = ET.fromstring(z.read('META-INF/container.xml'))
rootfiles = [r.get('full-path') for r in container.iter(OCF + 'rootfile')]
hpf = ET.fromstring(z.read(rootfiles[0]))
title = hpf.find('.//' + OPF + 'title')
manifest = [i.get('href') for i in hpf.iter(OPF + 'item')]
ids = {i.get('id'): i.get('href') for i in hpf.iter(OPF + 'item')}
spine = [ids[r.get('idref')] for r in hpf.iter(OPF + 'itemref')]
header = ET.fromstring(z.read('Contents/header.xml'))
counts = []
for el in header.iter():
    if el.get('itemCnt') is not None:
        counts.append({'element': el.tag.split('}')[1], 'declared': int(el.get('itemCnt')), 'found': len(list(el))})
def idset(tag): return {e.get('id') for e in header.iter(HH + tag)}
chars, paras, fills = idset('charPr'), idset('paraPr'), idset('borderFill')
sec = ET.fromstring(z.read('Contents/section0.xml'))
dangling = []
for e in sec.iter():
    for attr, pool in (('charPrIDRef', chars), ('paraPrIDRef', paras), ('borderFillIDRef', fills)):
        v = e.get(attr)
        if v is not None and v not in pool: dangling.append('%s %s=%s' % (e.tag.split('}')[1], attr, v))
def text(p): return ''.join(t.text or '' for t in p.iter(HP + 't'))
in_table = set()
tables = []
for tbl in sec.iter(HP + 'tbl'):
    rows = []
    for tr in tbl.findall(HP + 'tr'):
        rows.append([text(tc) for tc in tr.findall(HP + 'tc')])
    for p in tbl.iter(HP + 'p'): in_table.add(id(p))
    tables.append({'rowCnt': int(tbl.get('rowCnt')), 'colCnt': int(tbl.get('colCnt')), 'rows': rows})
paragraphs = [text(p) for p in sec.iter(HP + 'p') if id(p) not in in_table and p.find('.//' + HP + 'tbl') is None]
page = sec.find('.//' + HP + 'pagePr')
print(json.dumps({
  'members': members, 'mimetype': z.read('mimetype').decode('ascii'), 'rootfiles': rootfiles,
  'title': title.text if title is not None else None, 'manifest': manifest, 'spine': spine,
  'headerCounts': counts, 'danglingRefs': dangling, 'paragraphs': paragraphs, 'tables': tables,
  'pagePr': {'width': int(page.get('width')), 'height': int(page.get('height'))} if page is not None else None,
}, ensure_ascii=False))
`;

/** Reads an HWPX package with python's zipfile and ElementTree. */
export const readHwpx = (hwpx: Buffer) => python<HwpxReading>(HWPX_READER, hwpx);

const FONT_CMAP = `
import sys, io, json
from fontTools.ttLib import TTFont
font = TTFont(io.BytesIO(sys.stdin.buffer.read()))
print(json.dumps(sorted(font.getBestCmap().keys())))
`;
/** The code points a font (.woff2, .ttf, .otf) has glyphs for, read by fontTools (woff2 needs python3-brotli). */
export const readFontCodePoints = (font: Buffer) => python<number[]>(FONT_CMAP, font);
