/**
 * The typeface as the server serves it (dist/web, built by pretest; scripts/subset-fonts.mjs):
 * PretendardGOV in slices by unicode-range. Each slice is read with fontTools, not with the
 * library that cut it. Nothing of the font is lost, each slice is used for the characters it has,
 * and the slice every page fetches (`ui`, declared last so it wins) holds every character of the
 * platform's own texts and is a fraction of the whole font.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ANY_KIND } from '../support/db.ts';
import { readFontCodePoints } from '../support/independent.ts';

interface Face {
  weight: number;
  url: string;
  ranges: [number, number][];
}

const FONTS: Record<number, string> = { 400: 'Regular', 500: 'Medium', 700: 'Bold' };
const covers = (face: Face, cp: number) => face.ranges.some(([a, b]) => cp >= a && cp <= b);

function parseFaces(css: string): Face[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => {
    const weight = Number(/font-weight:\s*(\d+)/.exec(body!)![1]);
    const url = /url\(["']?([^"')]+)["']?\)/.exec(body!)![1]!;
    const range = /unicode-range:\s*([^;}]+)/.exec(body!)?.[1] ?? 'U+0-10FFFF';
    const ranges = range.split(',').map((part): [number, number] => {
      const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
      return [Number.parseInt(a!, 16), Number.parseInt(b ?? a!, 16)];
    });
    return { weight, url, ranges };
  });
}

/** The characters of the Korean screen texts and the seeded plan, as a page would show them. */
function screenCharacters(): Set<number> {
  const files = [...fs.globSync('src/web/i18n*.ts'), ...fs.globSync('src/modules/**/types.ts'), ...fs.globSync(path.join('..', 'shared', 'seed', '*.txt'))];
  assert.ok(files.length > 10, files.join());
  const cps = new Set<number>();
  for (const f of files) for (const ch of fs.readFileSync(f, 'utf8')) if (ch.codePointAt(0)! >= 0x20 && !/\s/.test(ch)) cps.add(ch.codePointAt(0)!);
  return cps;
}

describe('the typeface in slices (dist/web)', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let faces: Face[];
  const cmaps = new Map<string, number[]>();

  before(async () => {
    t = await openTestApp(ANY_KIND);
    app = await buildApp({ config: { logLevel: 'silent' }, database: t.database, web: true });
    const html = (await app.inject('/')).body;
    const cssUrl = /href="(\/assets\/index-[^"]+\.css)"/.exec(html)![1]!;
    faces = parseFaces((await app.inject(cssUrl)).body);
    for (const face of faces) {
      const res = await app.inject(face.url);
      assert.equal(res.statusCode, 200, face.url);
      assert.match(res.headers['cache-control'] as string, /immutable/);
      cmaps.set(face.url, readFontCodePoints(res.rawPayload));
    }
  });
  after(async () => {
    await app.close();
    await t.close();
  });

  it('keeps every character of each weight in the slice a browser picks for it', () => {
    for (const [weight, name] of Object.entries(FONTS)) {
      const own = faces.filter((f) => f.weight === Number(weight));
      assert.ok(own.length > 3, `${name}: ${own.length} slices`);
      const whole = readFontCodePoints(fs.readFileSync(`node_modules/krds-uiux/resources/fonts/PretendardGOV-${name}.subset.woff2`));
      const has = new Map(own.map((f) => [f, new Set(cmaps.get(f.url))]));
      // The browser takes a character from the last declared face whose unicode-range names it.
      const lost = whole.filter((cp) => {
        const picked = own.findLast((f) => covers(f, cp));
        return !picked || !has.get(picked)!.has(cp);
      });
      assert.deepEqual(
        lost.map((cp) => String.fromCodePoint(cp)),
        [],
        `${name}: characters no slice gives`,
      );
    }
  });

  it('gives every character of the screen texts from the slice declared last, which is small', () => {
    const wanted = [...screenCharacters()];
    for (const weight of Object.keys(FONTS).map(Number)) {
      const own = faces.filter((f) => f.weight === weight);
      const ui = own.at(-1)!;
      assert.match(ui.url, /-ui-/, 'the ui slice is declared last, so it wins where ranges overlap');
      const has = new Set(cmaps.get(ui.url)!);
      // A character the font lacks altogether falls back to the system font wherever it is.
      const inFont = new Set(own.flatMap((f) => cmaps.get(f.url)!));
      const missing = wanted.filter((cp) => inFont.has(cp) && !has.has(cp)).map((cp) => String.fromCodePoint(cp));
      assert.deepEqual(missing, [], `weight ${weight}: screen characters outside the ui slice`);
    }
    assert.ok(wanted.includes('합'.codePointAt(0)!) && wanted.includes('콘'.codePointAt(0)!));
  });

  it('makes the slice every page fetches a fraction of the whole font', async () => {
    for (const [weight, name] of Object.entries(FONTS)) {
      const ui = faces.filter((f) => f.weight === Number(weight)).at(-1)!;
      const uiBytes = (await app.inject(ui.url)).rawPayload.length;
      const wholeBytes = fs.statSync(`node_modules/krds-uiux/resources/fonts/PretendardGOV-${name}.subset.woff2`).size;
      console.log(`# font ${name}: ui slice ${uiBytes} B of ${wholeBytes} B (${((100 * uiBytes) / wholeBytes).toFixed(0)}%)`);
      assert.ok(uiBytes < wholeBytes / 3, `${name}: ${uiBytes} B`);
    }
  });
});
