/**
 * Badges print every name (issue 12): an international forum has guests named Nguyễn and 王.
 * Checked by tools that did not write the PDF:
 * - fontTools (python3-fonttools): the font chain of src/server/pdf-text.ts covers
 *   every modern Hangul syllable (11,172), the CJK ideographs of Unicode 1.1 (all of KS X 1001's
 *   Hanja among them), Latin with its diacritics (U+00C0–U+024F, U+1E00–U+1EFB: Vietnamese), and
 *   every character of the names below, in both weights;
 * - poppler's pdftotext and pdf.js read each name back whole, and no drawn glyph is .notdef (a box:
 *   pdfkit maps it to U+0000);
 * - pdf.js's text positions: wrapped titles and names never overlap other text, stay inside their
 *   badge, and Korean breaks between words.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { badgesPdf, type PerSheet } from '../../src/modules/events/attendee-badges.ts';
import { certificatePdf } from '../../src/modules/training/certificate-pdf.ts';
import { PDF_FONTS } from '../../src/server/pdf-text.ts';
import type { AttendeeRow } from '../../src/modules/events/presenters.ts';
import { python } from '../support/independent.ts';

/** Names in several scripts, with their Latin spelling and affiliation. */
const GUESTS: [string, string | null, string | null][] = [
  ['홍길동', 'Hong Gil-dong', '전주시 금융산업과'],
  ['똠얌꿍 뷁', null, '국민연금공단 기금운용본부'],
  ['Nguyễn Văn An', null, 'Ngân hàng Nhà nước Việt Nam'],
  ['王小明', 'Wang Xiaoming', '中国人民银行'],
  ['鈴木一郎', 'Suzuki Ichirō', '日本銀行'],
  ['金大中', '김대중', null],
  ['Jürgen Müller', null, 'Deutsche Bundesbank'],
  ['Łukasz Żółć', null, 'Narodowy Bank Polski'],
  ['Ştefan Ţiriac', null, 'Banca Naţională a României'],
  ['Søren Ærø', null, 'Danmarks Nationalbank'],
  ['François Lefèvre', null, 'Banque de France'],
  ['José Martínez Núñez', null, 'Banco de España'],
  ['Ольга Петрова', 'Olga Petrova', 'Банк России'],
  ['Αλέξανδρος Παπαδόπουλος', null, 'Τράπεζα της Ελλάδος'],
];

function attendee(id: number, name: string, nameEn: string | null, affiliation: string | null): AttendeeRow {
  return { r: { id, name, status: 'confirmed' }, er: { nameEn, affiliation, country: null }, category: 'general' } as unknown as AttendeeRow;
}

const EVENT = { titleKo: '제4회 지니포럼', titleEn: '4th GENIE Forum' };
const LONG_EVENT = {
  titleKo: '제4회 전북 국제금융포럼 — 지니포럼 2026: 자산운용 중심의 금융중심지 도약을 위한 국제 협력과 연기금 생태계',
  titleEn: '4th Jeonbuk International Finance Forum (GENIE Forum 2026): asset management and the pension fund ecosystem',
};

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** pdf.js: each page's text items with their positions, and every glyph drawn. */
async function readWithPdfjs(pdf: Buffer): Promise<{ pages: { items: Item[]; width: number; height: number }[]; glyphs: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false }).promise;
  const pages: { items: Item[]; width: number; height: number }[] = [];
  const glyphs: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items
      .filter((it): it is typeof it & { str: string; transform: number[]; width: number } => 'str' in it && it.str.trim().length > 0)
      .map((it) => ({ str: it.str, x: it.transform[4]!, y: it.transform[5]!, width: it.width, size: it.transform[3]! }));
    pages.push({ items, width, height });
    const ops = await page.getOperatorList();
    ops.fnArray.forEach((fn, k) => {
      if (fn !== pdfjs.OPS.showText) return;
      for (const g of ops.argsArray[k]![0] as ({ unicode: string } | number)[]) if (typeof g === 'object' && g) glyphs.push(g.unicode);
    });
  }
  await doc.destroy();
  return { pages, glyphs };
}

/**
 * pdf.js items of one line (the same baseline in the same badge column) joined in reading order: a
 * line drawn in several fonts is several items, and badges side by side share baselines.
 */
function lines(items: Item[], cols = 1, pageWidth = 1): { text: string; y: number; size: number; col: number }[] {
  const byLine = new Map<string, Item[]>();
  const colOf = (it: Item) => Math.min(cols - 1, Math.floor((it.x / pageWidth) * cols));
  for (const it of items) {
    const key = `${colOf(it)}:${Math.round(it.y * 10) / 10}`;
    byLine.set(key, [...(byLine.get(key) ?? []), it]);
  }
  return [...byLine.values()]
    .map((its) => ({
      y: its[0]!.y,
      col: colOf(its[0]!),
      size: Math.max(...its.map((i) => i.size)),
      text: its
        .sort((a, b) => a.x - b.x)
        .map((i) => i.str)
        .join(''),
    }))
    .sort((a, b) => a.col - b.col || b.y - a.y);
}

function pdftotext(pdf: Buffer): string {
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

describe('badges: fonts for every script, read back by independent tools', () => {
  it('fontTools: the font chain covers all modern Hangul syllables, Unicode 1.1 Hanja, Latin with diacritics, and every guest’s name', () => {
    const text = GUESTS.flat().filter(Boolean).join('') + EVENT.titleKo + EVENT.titleEn + LONG_EVENT.titleKo + LONG_EVENT.titleEn;
    const result = python<Record<string, { files: string[]; missing: Record<string, string[]>; pretendardHangul: number }>>(
      `
import json, sys
from fontTools.ttLib import TTFont, TTCollection
inp = json.loads(sys.stdin.read())
def cmap(f):
    if f['path'].endswith('.ttc'):
        faces = [x for x in TTCollection(f['path']).fonts if x['name'].getDebugName(6) == f['postscriptName']]
        assert faces, 'no face ' + f['postscriptName']
        return faces[0].getBestCmap()
    return TTFont(f['path']).getBestCmap()
ranges = {
  'hangul': range(0xAC00, 0xD7A4),
  'hanja (Unicode 1.1 ideographs)': range(0x4E00, 0x9FA6),
  'latin': list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1EFC)),
  'names': sorted({ord(c) for c in inp['text'] if not c.isspace()}),
}
out = {}
for weight, chain in inp['chains'].items():
    maps = [cmap(f) for f in chain]
    out[weight] = {
      'files': [f['path'] for f in chain],
      'missing': {k: [chr(cp) for cp in r if not any(cp in m for m in maps)] for k, r in ranges.items()},
      'pretendardHangul': sum(cp in maps[0] for cp in ranges['hangul']),
    }
print(json.dumps(out))
`,
      JSON.stringify({ chains: PDF_FONTS, text }),
    );
    for (const weight of ['regular', 'bold']) {
      const r = result[weight]!;
      assert.equal(r.files.length, 3, `${weight}: PretendardGOV, Noto Sans CJK KR, DejaVu Sans`);
      assert.deepEqual(r.missing, { hangul: [], 'hanja (Unicode 1.1 ideographs)': [], latin: [], names: [] }, weight);
      // The KRDS subset alone has a quarter of the syllables: the fallback is what makes 똠 or 뷁 print.
      assert.ok(r.pretendardHangul < 11_172, `PretendardGOV subset: ${r.pretendardHangul} syllables`);
    }
  });

  for (const perSheet of [1, 8] as PerSheet[]) {
    it(`pdftotext and pdf.js read every name back whole, no glyph is a box (${perSheet} per sheet)`, async () => {
      const pdf = await badgesPdf(
        EVENT,
        GUESTS.map(([n, e, a], i) => attendee(i + 1, n, e, a)),
        perSheet,
      );
      const poppler = pdftotext(pdf).replace(/\s+/g, ' ');
      const { pages, glyphs } = await readWithPdfjs(pdf);
      // Each badge column's lines in reading order; a name that wraps continues on the next line.
      const cols = perSheet === 1 ? 1 : 2;
      const pdfjsText = pages.flatMap((p) => lines(p.items, cols, p.width).map((l) => l.text));
      const joined = pdfjsText.join(' ');
      for (const text of GUESTS.flat().filter((s): s is string => !!s)) {
        assert.ok(poppler.includes(text), `pdftotext reads ${text}`);
        assert.ok(joined.includes(text), `pdf.js reads ${text}: ${JSON.stringify(pdfjsText)}`);
      }
      // Names wider than the badge wrap between words, never inside one.
      const vocabulary = new Set([...GUESTS.flat(), EVENT.titleKo, EVENT.titleEn, '일반 · General'].flatMap((t) => (t ? t.split(' ') : [])));
      for (const l of pdfjsText) for (const word of l.split(' ')) assert.ok(vocabulary.has(word), `"${word}" (in "${l}") is a whole word`);
      assert.equal(pages.length, perSheet === 1 ? GUESTS.length : Math.ceil(GUESTS.length / 8));
      const boxes = glyphs.filter((u) => !u || u === '\u0000' || u === '\uFFFD');
      assert.deepEqual(boxes, [], 'no glyph drawn is .notdef');
      assert.ok(glyphs.length > 200);
    });
  }

  it('wrapped titles and names never overlap, stay inside their badge, and Korean breaks between words', async () => {
    const longKo = '전북특별자치도 전주시 덕진구 기린대로 국민연금공단 기금운용본부 해외대체투자실 인프라투자팀';
    const longName = '김수한무 거북이와 두루미 삼천갑자 동방삭 치치카포';
    const oneWord = '김수한무거북이와두루미삼천갑자동방삭치치카포사리사리센타워리워리세브리깡무두셀라구름이허리케인';
    const guests = [
      attendee(1, longName, 'Kim Suhanmu Geobugiwa Durumi Samcheongapja Dongbangsak', longKo),
      attendee(2, 'Jürgen Müller-Lüdenscheidt von Hohenzollern', 'Łukasz Żółć', 'Deutsche Bundesbank Frankfurt am Main Zentrale Abteilung Finanzstabilität'),
      attendee(3, oneWord, null, longKo),
      attendee(4, '王小明', null, null),
    ];
    for (const perSheet of [1, 4, 8] as PerSheet[]) {
      const pdf = await badgesPdf(LONG_EVENT, guests, perSheet);
      const { pages } = await readWithPdfjs(pdf);
      const cols = perSheet === 1 ? 1 : 2;
      const rowsPerPage = perSheet / cols;
      for (const [pi, page] of pages.entries()) {
        const margin = perSheet === 1 ? 0 : (10 * 72) / 25.4;
        const w = (page.width - 2 * margin) / cols;
        const h = (page.height - 2 * margin) / rowsPerPage;
        // Text boxes: from the descender to the ascender of the line's size.
        const boxes = page.items.map((it) => ({ ...it, bottom: it.y - 0.22 * it.size, top: it.y + 0.9 * it.size, right: it.x + it.width }));
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const overlapX = Math.min(a.right, b.right) - Math.max(a.x, b.x);
            const overlapY = Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom);
            assert.ok(overlapX <= 0.5 || overlapY <= 0.5, `page ${pi + 1} (${perSheet}/sheet): "${a.str}" and "${b.str}" overlap`);
          }
          // inside one badge's slot
          const col = Math.floor((a.x - margin) / w);
          const row = Math.floor((page.height - margin - a.top) / h);
          const left = margin + col * w;
          const top = page.height - margin - row * h;
          assert.ok(a.x >= left - 0.5 && a.right <= left + w + 0.5, `"${a.str}" within its badge's width`);
          assert.ok(a.top <= top + 0.5 && a.bottom >= top - h - 0.5, `"${a.str}" within its badge's height`);
        }
        // Korean lines: whole words, in order (the one word longer than a line is the only one cut).
        const words = new Set(`${longKo} ${longName} ${LONG_EVENT.titleKo}`.split(' '));
        for (const l of lines(page.items, cols, page.width)) {
          if (!/[가-힣]/.test(l.text) || l.text.includes(oneWord.slice(0, 4)) || oneWord.includes(l.text.replace('…', ''))) continue;
          if (l.text.includes('·')) continue; // the category band
          for (const word of l.text.replace(/…$/, '').split(' ')) assert.ok(words.has(word), `"${word}" in "${l.text}" is a whole word`);
        }
      }
      // The long name and the title wrap instead of being cut.
      const all = pages.flatMap((p) => lines(p.items, cols, p.width).map((l) => l.text));
      assert.equal(
        all
          .filter((t) => LONG_EVENT.titleKo.includes(t))
          .join(' ')
          .split(' ')[0],
        '제4회',
        'the title starts on its first line',
      );
      const name = pages.flatMap((p) => lines(p.items, cols, p.width)).filter((l) => longName.includes(l.text) && l.text.length > 1);
      assert.equal(name.map((l) => l.text).join(' '), longName, `the long name wraps between words: ${JSON.stringify(name)}`);
    }
  });

  it('training certificates print every holder too (pdftotext and pdf.js, no .notdef)', async () => {
    for (const holder of ['Nguyễn Văn An', '王小明', '똠얌꿍', 'Αλέξανδρος Παπαδόπουλος']) {
      const d = {
        certificate: { code: 'JJ-2026-0001', completedOn: '2026-11-30', attendancePct: 100, score: 92 },
        holder,
        cohort: { name: '2026년 1기', startsOn: '2026-09-01', endsOn: '2026-11-30' },
        course: { titleKo: '연기금 자산운용 실무과정', titleEn: 'Pension fund asset management', hours: 40 },
      } as unknown as Parameters<typeof certificatePdf>[0];
      const pdf = await certificatePdf(d, 'https://finhub.example.go.kr/certificates/JJ-2026-0001');
      assert.ok(pdftotext(pdf).includes(holder), `pdftotext reads ${holder}`);
      const { pages, glyphs } = await readWithPdfjs(pdf);
      assert.ok(
        lines(pages[0]!.items).some((l) => l.text === holder),
        holder,
      );
      assert.deepEqual(
        glyphs.filter((u) => !u || u === '\u0000' || u === '\uFFFD'),
        [],
      );
    }
  });
});
