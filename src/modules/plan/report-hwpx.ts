/**
 * A quarterly report as HWPX (OWPML, KS X 6101: the format Korean offices open in Hangul): a zip
 * (fflate) with `mimetype` first and stored, version.xml, settings.xml, META-INF/container.xml,
 * META-INF/manifest.xml, Contents/content.hpf (the package: metadata, manifest, spine),
 * Contents/header.xml (fonts, border fills, character and paragraph shapes, the 바탕글 style) and
 * Contents/section0.xml (A4 page, the blocks of report-document.ts as paragraphs and tables).
 * Read back in tests by python's zipfile + ElementTree and by hwpxjs, neither of which wrote it.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { reportBlocks, reportTitle, type ReportBlock } from './report-document.ts';
import type { ReportResponse } from './report-api-schema.ts';

export const HWPX_MIME = 'application/hwp+zip';

const NS = {
  ha: 'http://www.hancom.co.kr/hwpml/2011/app',
  hp: 'http://www.hancom.co.kr/hwpml/2011/paragraph',
  hs: 'http://www.hancom.co.kr/hwpml/2011/section',
  hc: 'http://www.hancom.co.kr/hwpml/2011/core',
  hh: 'http://www.hancom.co.kr/hwpml/2011/head',
  hpf: 'http://www.hancom.co.kr/schema/2011/hpf',
  dc: 'http://purl.org/dc/elements/1.1/',
  opf: 'http://www.idpf.org/2007/opf/',
};
const XMLNS = Object.entries(NS)
  .map(([k, v]) => `xmlns:${k}="${v}"`)
  .join(' ');
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>';

/** XML text: markup escaped, and characters XML 1.0 forbids dropped (stored text predating the input check). */
const esc = (s: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping what XML cannot carry is the point
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

// ── Sizes (HWPUNIT: 1/7200 inch; 1 pt = 100) ────────────────────────────────────────────────
const PAGE = { width: 59528, height: 84186, left: 5670, right: 5670, top: 4252, bottom: 4252, header: 2835, footer: 2835 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const CELL_MARGIN = { lr: 425, tb: 142 };

/** Character shapes: 0 body, 1 title, 2 heading, 3 table cell, 4 table header. */
const CHAR = { body: 0, title: 1, heading: 2, cell: 3, th: 4 } as const;
/** Paragraph shapes: 0 body, 1 heading (space before), 2 table cell. */
const PARA = { body: 0, heading: 1, cell: 2 } as const;
/** Border fills: 1 none, 2 none (for characters), 3 cell lines, 4 header cell lines on grey. */
const FILL = { none: 1, text: 2, cell: 3, th: 4 } as const;

const LANGS = ['HANGUL', 'LATIN', 'HANJA', 'JAPANESE', 'OTHER', 'SYMBOL', 'USER'];
const per = (v: string | number) => LANGS.map((l) => `${l.toLowerCase()}="${v}"`).join(' ');

function borderFill(id: number, line: 'NONE' | 'SOLID', face = 'none'): string {
  const side = (s: string) => `<hh:${s}Border type="${line}" width="0.12 mm" color="#000000"/>`;
  return (
    `<hh:borderFill id="${id}" threeD="0" shadow="0" centerLine="NONE" breakCellSeparateLine="0">` +
    '<hh:slash type="NONE" Crooked="0" isCounter="0"/><hh:backSlash type="NONE" Crooked="0" isCounter="0"/>' +
    `${side('left')}${side('right')}${side('top')}${side('bottom')}<hh:diagonal type="SOLID" width="0.1 mm" color="#000000"/>` +
    `<hc:fillBrush><hc:winBrush faceColor="${face}" hatchColor="#999999" alpha="0"/></hc:fillBrush></hh:borderFill>`
  );
}

function charPr(id: number, height: number, bold: boolean, color = '#000000'): string {
  return (
    `<hh:charPr id="${id}" height="${height}" textColor="${color}" shadeColor="none" useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="${FILL.text}">` +
    `<hh:fontRef ${per(0)}/><hh:ratio ${per(100)}/><hh:spacing ${per(0)}/><hh:relSz ${per(100)}/><hh:offset ${per(0)}/>` +
    `${bold ? '<hh:bold/>' : ''}<hh:underline type="NONE" shape="SOLID" color="#000000"/><hh:strikeout shape="NONE" color="#000000"/>` +
    '<hh:outline type="NONE"/><hh:shadow type="NONE" color="#C0C0C0" offsetX="10" offsetY="10"/></hh:charPr>'
  );
}

function paraPr(id: number, prev: number, next: number, lineSpacing: number): string {
  const v = (name: string, value: number) => `<hc:${name} value="${value}" unit="HWPUNIT"/>`;
  return (
    `<hh:paraPr id="${id}" tabPrIDRef="0" condense="0" fontLineHeight="0" snapToGrid="1" suppressLineNumbers="0" checked="0">` +
    '<hh:align horizontal="LEFT" vertical="BASELINE"/><hh:heading type="NONE" idRef="0" level="0"/>' +
    '<hh:breakSetting breakLatinWord="KEEP_WORD" breakNonLatinWord="KEEP_WORD" widowOrphan="0" keepWithNext="0" keepLines="0" pageBreakBefore="0" lineWrap="BREAK"/>' +
    '<hh:autoSpacing eAsianEng="0" eAsianNum="0"/>' +
    `<hh:margin>${v('intent', 0)}${v('left', 0)}${v('right', 0)}${v('prev', prev)}${v('next', next)}</hh:margin>` +
    `<hh:lineSpacing type="PERCENT" value="${lineSpacing}" unit="HWPUNIT"/>` +
    `<hh:border borderFillIDRef="${FILL.none}" offsetLeft="0" offsetRight="0" offsetTop="0" offsetBottom="0" connect="0" ignoreMargin="0"/></hh:paraPr>`
  );
}

function headerXml(): string {
  const fonts = LANGS.map(
    (lang) =>
      `<hh:fontface lang="${lang}" fontCnt="1"><hh:font id="0" face="함초롬돋움" type="TTF" isEmbedded="0">` +
      '<hh:typeInfo familyType="FCAT_GOTHIC" weight="6" proportion="4" contrast="0" strokeVariation="1" armStyle="1" letterform="1" midline="1" xHeight="1"/></hh:font></hh:fontface>',
  ).join('');
  return (
    `${DECL}<hh:head ${XMLNS} version="1.4" secCnt="1">` +
    '<hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/>' +
    `<hh:refList><hh:fontfaces itemCnt="${LANGS.length}">${fonts}</hh:fontfaces>` +
    `<hh:borderFills itemCnt="4">${borderFill(FILL.none, 'NONE')}${borderFill(FILL.text, 'NONE')}${borderFill(FILL.cell, 'SOLID')}${borderFill(FILL.th, 'SOLID', '#E8EEF6')}</hh:borderFills>` +
    `<hh:charProperties itemCnt="5">${charPr(CHAR.body, 1000, false)}${charPr(CHAR.title, 1600, true, '#003675')}${charPr(CHAR.heading, 1200, true, '#003675')}${charPr(CHAR.cell, 900, false)}${charPr(CHAR.th, 900, true)}</hh:charProperties>` +
    '<hh:tabProperties itemCnt="1"><hh:tabPr id="0" autoTabLeft="0" autoTabRight="0"/></hh:tabProperties>' +
    `<hh:paraProperties itemCnt="3">${paraPr(PARA.body, 0, 300, 160)}${paraPr(PARA.heading, 900, 300, 160)}${paraPr(PARA.cell, 0, 0, 130)}</hh:paraProperties>` +
    `<hh:styles itemCnt="1"><hh:style id="0" type="PARA" name="바탕글" engName="Normal" paraPrIDRef="${PARA.body}" charPrIDRef="${CHAR.body}" nextStyleIDRef="0" langID="1042" lockForm="0"/></hh:styles>` +
    '</hh:refList><hh:compatibleDocument targetProgram="HWP201X"><hh:layoutCompatibility/></hh:compatibleDocument>' +
    '<hh:docOption><hh:linkinfo path="" pageInherit="0" footnoteInherit="0"/></hh:docOption></hh:head>'
  );
}

/** The section's page settings: carried by the first paragraph, as Hangul writes it. */
const SEC_PR =
  '<hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" tabStop="8000" tabStopVal="4000" tabStopUnit="HWPUNIT" outlineShapeIDRef="0" memoShapeIDRef="0" textVerticalWidthHead="0" masterPageCnt="0">' +
  '<hp:grid lineGrid="0" charGrid="0" wonggojiFormat="0"/><hp:startNum pageStartsOn="BOTH" page="0" pic="0" tbl="0" equation="0"/>' +
  '<hp:visibility hideFirstHeader="0" hideFirstFooter="0" hideFirstMasterPage="0" border="SHOW_ALL" fill="SHOW_ALL" hideFirstPageNum="0" hideFirstEmptyLine="0" showLineNumber="0"/>' +
  '<hp:lineNumberShape restartType="0" countBy="0" distance="0" startNumber="0"/>' +
  `<hp:pagePr landscape="WIDELY" width="${PAGE.width}" height="${PAGE.height}" gutterType="LEFT_ONLY">` +
  `<hp:margin header="${PAGE.header}" footer="${PAGE.footer}" gutter="0" left="${PAGE.left}" right="${PAGE.right}" top="${PAGE.top}" bottom="${PAGE.bottom}"/></hp:pagePr>` +
  '<hp:pageBorderFill type="BOTH" borderFillIDRef="1" textBorder="PAPER" headerInside="0" footerInside="0" fillArea="PAPER"><hp:offset left="1417" right="1417" top="1417" bottom="1417"/></hp:pageBorderFill>' +
  '</hp:secPr><hp:ctrl><hp:colPr id="" type="NEWSPAPER" layout="LEFT" colCount="1" sameSz="1" sameGap="0"/></hp:ctrl>';

class SectionWriter {
  private nextId = 0;
  private tables = 0;
  private readonly parts: string[] = [];

  /** A paragraph; `first` (the section's settings) goes in a run of its own before the text's. */
  private p(para: number, char: number, text: string, first = ''): string {
    const run = text ? `<hp:t>${esc(text)}</hp:t>` : '<hp:t/>';
    const settings = first ? `<hp:run charPrIDRef="${char}">${first}</hp:run>` : '';
    return `<hp:p id="${this.nextId++}" paraPrIDRef="${para}" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">${settings}<hp:run charPrIDRef="${char}">${run}</hp:run></hp:p>`;
  }

  paragraph(para: number, char: number, text: string): void {
    this.parts.push(this.p(para, char, text, this.parts.length === 0 ? SEC_PR : ''));
  }

  table(header: string[], rows: string[][], widths: number[]): void {
    if (this.parts.length === 0) this.paragraph(PARA.body, CHAR.body, '');
    const total = widths.reduce((a, w) => a + w, 0);
    const colWidths = widths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
    const rowHeight = 1000 + 2 * CELL_MARGIN.tb;
    const all = [header, ...rows];
    const cell = (text: string, row: number, col: number) => {
      const th = row === 0;
      return (
        `<hp:tc name="" header="${th ? 1 : 0}" hasMargin="0" protect="0" editable="0" dirty="0" borderFillIDRef="${th ? FILL.th : FILL.cell}">` +
        '<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER" linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" hasTextRef="0" hasNumRef="0">' +
        `${this.p(PARA.cell, th ? CHAR.th : CHAR.cell, text)}</hp:subList>` +
        `<hp:cellAddr colAddr="${col}" rowAddr="${row}"/><hp:cellSpan colSpan="1" rowSpan="1"/><hp:cellSz width="${colWidths[col]}" height="${rowHeight}"/>` +
        `<hp:cellMargin left="${CELL_MARGIN.lr}" right="${CELL_MARGIN.lr}" top="${CELL_MARGIN.tb}" bottom="${CELL_MARGIN.tb}"/></hp:tc>`
      );
    };
    const trs = all.map((r, i) => `<hp:tr>${r.map((text, j) => cell(text, i, j)).join('')}</hp:tr>`).join('');
    const width = colWidths.reduce((a, w) => a + w, 0);
    const tbl =
      `<hp:tbl id="${++this.tables}" zOrder="0" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="1" rowCnt="${all.length}" colCnt="${header.length}" cellSpacing="0" borderFillIDRef="${FILL.cell}" noAdjust="0">` +
      `<hp:sz width="${width}" widthRelTo="ABSOLUTE" height="${rowHeight * all.length}" heightRelTo="ABSOLUTE" protect="0"/>` +
      '<hp:pos treatAsChar="1" affectLSpacing="0" flowWithText="1" allowOverlap="0" holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="COLUMN" vertAlign="TOP" horzAlign="LEFT" vertOffset="0" horzOffset="0"/>' +
      '<hp:outMargin left="0" right="0" top="0" bottom="283"/>' +
      `<hp:inMargin left="${CELL_MARGIN.lr}" right="${CELL_MARGIN.lr}" top="${CELL_MARGIN.tb}" bottom="${CELL_MARGIN.tb}"/>${trs}</hp:tbl>`;
    this.parts.push(
      `<hp:p id="${this.nextId++}" paraPrIDRef="${PARA.body}" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0"><hp:run charPrIDRef="${CHAR.body}">${tbl}<hp:t/></hp:run></hp:p>`,
    );
  }

  xml(): string {
    return `${DECL}<hs:sec ${XMLNS}>${this.parts.join('')}</hs:sec>`;
  }
}

function sectionXml(blocks: ReportBlock[]): string {
  const w = new SectionWriter();
  for (const b of blocks) {
    if (b.kind === 'title') w.paragraph(PARA.body, CHAR.title, b.text);
    else if (b.kind === 'heading') w.paragraph(PARA.heading, CHAR.heading, b.text);
    else if (b.kind === 'paragraph') w.paragraph(PARA.body, CHAR.body, b.text);
    else w.table(b.header, b.rows, b.widths);
  }
  return w.xml();
}

function contentHpf(title: string, date: string): string {
  return (
    `${DECL}<opf:package ${XMLNS} version="" unique-identifier="" id="">` +
    `<opf:metadata><opf:title>${esc(title)}</opf:title><opf:language>ko</opf:language>` +
    `<opf:meta name="creator" content="text">finhub</opf:meta><opf:meta name="CreatedDate" content="text">${date}</opf:meta><opf:meta name="ModifiedDate" content="text">${date}</opf:meta></opf:metadata>` +
    '<opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>' +
    '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>' +
    '<opf:item id="settings" href="settings.xml" media-type="application/xml"/></opf:manifest>' +
    '<opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" linear="yes"/></opf:spine></opf:package>'
  );
}

const VERSION_XML = `${DECL}<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" tagetApplication="WORDPROCESSOR" major="5" minor="1" micro="0" buildNumber="1" os="1" xmlVersion="1.4" application="finhub" appVersion="1"/>`;
const SETTINGS_XML = `${DECL}<ha:HWPApplicationSetting xmlns:ha="${NS.ha}" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><ha:CaretPosition listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>`;
const CONTAINER_XML =
  `${DECL}<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:hpf="${NS.hpf}"><ocf:rootfiles>` +
  '<ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/>' +
  '<ocf:rootfile full-path="Preview/PrvText.txt" media-type="text/plain"/></ocf:rootfiles></ocf:container>';
const MANIFEST_XML = `${DECL}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`;

export async function reportHwpx(response: ReportResponse): Promise<Buffer> {
  const blocks = reportBlocks(response);
  const title = reportTitle(response.report);
  const date = response.reportedAt ?? response.report.generatedAt;
  const preview = blocks.map((b) => (b.kind === 'table' ? [b.header, ...b.rows].map((r) => r.join('\t')).join('\r\n') : b.text)).join('\r\n');
  // Insertion order is archive order: `mimetype` first and stored, as in EPUB/ODF packages.
  const files: Zippable = {
    mimetype: [strToU8(HWPX_MIME), { level: 0 }],
    'version.xml': strToU8(VERSION_XML),
    'Contents/header.xml': strToU8(headerXml()),
    'Contents/section0.xml': strToU8(sectionXml(blocks)),
    'Preview/PrvText.txt': strToU8(preview.slice(0, 1024)),
    'settings.xml': strToU8(SETTINGS_XML),
    'Contents/content.hpf': strToU8(contentHpf(title, date)),
    'META-INF/container.xml': strToU8(CONTAINER_XML),
    'META-INF/manifest.xml': strToU8(MANIFEST_XML),
  };
  const mtime = new Date(date);
  return Buffer.from(zipSync(files, { level: 6, mtime }));
}
