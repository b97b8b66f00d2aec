#!/usr/bin/env node
/**
 * Splits PretendardGOV (the KRDS typeface, ~265 kB per weight) into slices the browser fetches
 * only when a page shows one of their characters, as Google Fonts serves Korean:
 *
 * - `ui`: every character the platform's own texts use (src/web, src/modules, the seeded plan)
 *   plus ASCII. Nearly every page needs only this slice (~40 kB per weight).
 * - `k0`…: the rest of the font's Hangul in fixed blocks, and `sym` for its other characters, so
 *   what staff and citizens type (names, news) still renders in the typeface.
 *
 * The slices carry `unicode-range`; the `ui` face is declared last so that, where it overlaps a
 * block, the browser takes the character from `ui` and does not fetch the block (CSS Fonts 4,
 * §4.5: faces are tried from the last declared). The blocks depend only on the font files and are
 * kept between builds; the `ui` slice is named by a hash of its characters.
 *
 * Writes src/web/fonts/ (ignored by git): the .woff2 files and fonts.css, imported by styles.css.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontverter from 'fontverter';
import * as hb from 'harfbuzzjs';
import subsetFont from 'subset-font';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'src/web/fonts');
const fontDir = path.join(root, 'node_modules/krds-uiux/resources/fonts');
const WEIGHTS = [
  { weight: 400, file: 'PretendardGOV-Regular.subset.woff2', name: 'regular' },
  { weight: 500, file: 'PretendardGOV-Medium.subset.woff2', name: 'medium' },
  { weight: 700, file: 'PretendardGOV-Bold.subset.woff2', name: 'bold' },
];
/** Hangul blocks of about this many syllables: small enough that a typed name costs little. */
const BLOCK = 240;
const isHangul = (cp) => cp >= 0xac00 && cp <= 0xd7a3;

/** Every file under dir whose name matches, skipping the generated fonts themselves. */
function filesUnder(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full === outDir ? [] : filesUnder(full, pattern);
    return pattern.test(e.name) ? [full] : [];
  });
}

/** The characters of the platform's own texts (comments included: a few extra glyphs cost less than a missed one). */
function uiCodePoints() {
  const sources = [
    ...filesUnder(path.join(root, 'src/web'), /\.(ts|tsx|html)$/),
    ...filesUnder(path.join(root, 'src/modules'), /\.ts$/),
    ...filesUnder(path.join(root, '../shared/seed'), /\.txt$/),
  ];
  const cps = new Set();
  for (let cp = 0x20; cp <= 0x7e; cp++) cps.add(cp);
  for (const file of sources) for (const ch of readFileSync(file, 'utf8')) if (ch.codePointAt(0) > 0x7e) cps.add(ch.codePointAt(0));
  return cps;
}

const hex = (n) => n.toString(16).toUpperCase();

/** `U+AC00-AC0F, U+AC20` from sorted code points. */
function unicodeRange(cps) {
  const sorted = [...cps].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `U+${hex(sorted[i])}` : `U+${hex(sorted[i])}-${hex(sorted[j])}`);
    i = j + 1;
  }
  return parts.join(', ');
}

async function fontCodePoints(font) {
  const face = new hb.Face(new hb.Blob(await fontverter.convert(font, 'sfnt')));
  return [...face.collectUnicodes()].sort((a, b) => a - b);
}

/** Writes the slice unless a file of that name is there already (names change when contents do). */
async function slice(font, file, cps) {
  const target = path.join(outDir, file);
  if (!existsSync(target)) writeFileSync(target, await subsetFont(font, String.fromCodePoint(...cps), { targetFormat: 'woff2' }));
  return statSync(target).size;
}

const started = Date.now();
mkdirSync(outDir, { recursive: true });
const wanted = uiCodePoints();
const faces = [];
const keep = new Set(['fonts.css']);
let uiBytes = 0;
for (const { weight, file, name } of WEIGHTS) {
  const font = readFileSync(path.join(fontDir, file));
  const fontHash = createHash('sha256').update(font).digest('hex').slice(0, 8);
  const all = await fontCodePoints(font);
  const hangul = all.filter(isHangul);
  // A block's range is the whole interval up to the next block, gaps included, so the CSS stays
  // short; a character in a gap fetches the block and then falls back to the next typeface.
  const blocks = [];
  for (let i = 0; i < hangul.length; i += BLOCK) {
    const last = i + BLOCK < hangul.length ? hangul[i + BLOCK] - 1 : 0xd7a3;
    blocks.push([`k${blocks.length}`, hangul.slice(i, i + BLOCK), `U+${hex(i === 0 ? 0xac00 : hangul[i])}-${hex(last)}`]);
  }
  blocks.push(['sym', all.filter((cp) => !isHangul(cp) && cp > 0x7e), 'U+7F-ABFF, U+D7A4-10FFFF']);
  const ui = all.filter((cp) => wanted.has(cp));
  const uiHash = createHash('sha256')
    .update(`${fontHash}:${ui.join(',')}`)
    .digest('hex')
    .slice(0, 8);
  for (const [block, cps, range] of [...blocks, [`ui-${uiHash}`, ui, unicodeRange(ui)]]) {
    const out = `${name}-${block}${block.startsWith('ui') ? '' : `-${fontHash}`}.woff2`;
    const bytes = await slice(font, out, cps);
    if (block.startsWith('ui')) uiBytes += bytes;
    keep.add(out);
    faces.push(
      `@font-face {\n  font-family: 'Pretendard GOV';\n  font-weight: ${weight};\n  font-display: swap;\n  src: url('./${out}') format('woff2');\n  unicode-range: ${range};\n}`,
    );
  }
}
for (const f of readdirSync(outDir)) if (!keep.has(f)) rmSync(path.join(outDir, f));
const css = `/* Generated by scripts/subset-fonts.mjs — do not edit. */\n${faces.join('\n')}\n`;
const cssPath = path.join(outDir, 'fonts.css');
if (!existsSync(cssPath) || readFileSync(cssPath, 'utf8') !== css) writeFileSync(cssPath, css);
console.log(
  `finhub: fonts in ${faces.length} slices (${wanted.size} characters in the platform's texts; ui slices ${Math.round(uiBytes / 1024)} kB for ${WEIGHTS.length} weights) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
