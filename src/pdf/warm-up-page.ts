/**
 * A one-page PDF shaped like what the HKEX e-form gives pdf.js, for a reader to warm up on: the project's fixtures
 * are drawn by pdfkit, whose TrueType fonts carry their own ToUnicode maps and whose lines are one TJ each, so a
 * reader warmed on them alone read its first real return three to five times slower than its tenth. This page has
 *  - lines set as the e-form sets them (a word per Tj, moved by Td, a font at size 1 scaled by the text matrix),
 *    regular and bold alternately, in the e-form's own kind of font: LiberationSans embedded as a simple WinAnsi
 *    TrueType font without a ToUnicode map (the faces pdfjs-dist installs, see pdf-library.ts), so that pdf.js's
 *    TrueType checks and repairs (its cmap, glyph-location and hinting-program code) and its text-content code are
 *    compiled for what a real return gives them; pdfkit's fixtures embed their fonts as CID TrueType instead;
 *  - several pages of those lines with a table's rulings between them, as the e-form's pages are;
 *  - text in the kind of font the e-form sets its Chinese in (on English returns too): a CID-keyed font with the
 *    Identity-H CMap and no ToUnicode map, whose text pdf.js finds through Adobe's character collection
 *    (AdobeHeitiStd is Adobe-GB1). Reading it parses the collection's UCS2 map, which the text-only worker
 *    (pdf-worker-text-only.ts) then keeps for the process.
 *    That font is not embedded: pdf.js works out its text from the font's dictionaries;
 *  - the same kind of font embedded as the e-form embeds AdobeHeitiStd and AdobePiStd: a CID-keyed CFF program
 *    (/FontFile3 /Subtype /CIDFontType0C, built in code by cid-cff-font.ts, since Adobe's may not be carried), one
 *    in Adobe-GB1 without a ToUnicode map setting the Chinese form's labels a line per Tj, one in Adobe-Identity with
 *    a ToUnicode map setting a tick in a box, as the e-form sets both, so that pdf.js's CFF parser (its INDEXes,
 *    DICTs, FDArray, FDSelect, charset and charstring checks) and its conversion of the font are compiled before the
 *    first real return, whose fonts these are.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { buildCidKeyedCff, type CffGlyph, type CidKeyedCffFont } from './cid-cff-font.js';
import { PDFJS_LIBERATION_SANS } from './pdf-library.js';

/** The CID of the e-form's tick in AdobePiStd, which its ToUnicode map reads as U+2714 (heavy check mark). */
const TICK_CID = 79;

/** The collections warmed: simplified Chinese (the e-form's AdobeHeitiStd) and traditional. */
const COLLECTIONS = ['GB1', 'CNS1'] as const;

/** In Adobe-GB1 and Adobe-CNS1 alike, CIDs 1-95 are printable ASCII in order: CID 34 is "A". */
const CID_OF_A = 34;

/** Pages of lines: the e-form's returns run to ten; three repeat its per-page work without making the read long. */
const PAGES = 3;

/** One width (LiberationSans's digits', in thousandths of the size) for every character: each Td clears its word. */
const WIDTH = 556;
const FIRST_CHAR = 32;
const LAST_CHAR = 122;

/**
 * Lines as the e-form writes them: a word per Tj, moved along by Td past the word, in a font set at size 1 and scaled
 * by the text matrix, the two faces alternately, with a table's rulings below, so that pdf.js's text-content code
 * runs on the shapes a real return gives it, often enough to be compiled.
 */
function eFormShapedLines(): string[] {
  const words = ['Monthly ', 'Return ', 'for ', 'Equity ', 'Issuer ', '1,234,567,890 ', 'HKD ', '0.10 '];
  const lines = Array.from({ length: 60 }, (_, line) => {
    const runs = words
      .map((word, i) => `${i === 0 ? '' : `${((words[i - 1]?.length ?? 0) * 0.6).toFixed(1)} 0 Td `}(${word})Tj`)
      .join(' ');
    return `BT /TT${line % 2} 1 Tf 9 0 0 9 22.11 ${(560 - line * 9).toFixed(3)} Tm ${runs} ET`;
  });
  const rulings = Array.from({ length: 10 }, (_, row) => `0.5 w 20.693 ${(40 + row * 10).toFixed(3)} 777.827 10 re S`);
  return [...lines, ...rulings];
}

/**
 * The CIDs in Adobe-GB1 of the characters the Chinese lines use (the collection's UCS2 map, through which pdf.js
 * reads them): the e-form sets its Chinese, traditional characters included, in AdobeHeitiStd, a GB1 font, and its
 * digits and punctuation in the same font's proportional glyphs (CIDs 1-95 are printable ASCII). CID 275 is the
 * full-width full stop an English return sets as a list's bullet.
 */
const GB1_CIDS: Readonly<Record<string, number>> = {
  ' ': 1,
  '(': 9,
  ')': 10,
  '.': 15,
  '0': 17,
  '1': 18,
  '2': 19,
  '3': 20,
  '5': 22,
  '9': 26,
  ':': 27,
  表: 1110,
  代: 1405,
  的: 1445,
  分: 1651,
  份: 1658,
  股: 1826,
  截: 2217,
  年: 2893,
  普: 3060,
  券: 3210,
  人: 3238,
  日: 3248,
  如: 3266,
  上: 3336,
  市: 3431,
  通: 3673,
  行: 3995,
  月: 4357,
  至: 4544,
  報: 7736,
  變: 7753,
  動: 7885,
  發: 7913,
  號: 8002,
  類: 8200,
  證: 8840,
  '．': 275,
};

/** Labels of a Chinese FF301 (00328's first page), each set as one Tj in the embedded GB1 font. */
const CHINESE_LABELS = [
  '股份發行人的證券變動月報表',
  '截至月份: 2025年9月30日',
  '1. 股份分類',
  '普通股',
  '證券代號 (如上市)',
];

/** Widths in AdobeHeitiStd's proportional glyphs (a Chinese FF301's /W); ideographs and the bullet are 1000. */
const PROPORTIONAL_WIDTHS: Readonly<Record<string, number>> = { ' ': 224, '(': 322, ')': 322, '.': 245, ':': 245 };
const DIGIT_WIDTH = 562;

/** AdobeHeitiStd's font DICTs, as a Chinese FF301's subset has them: generic, ideographs, proportional. */
const HEI_FONT_DICTS: CidKeyedCffFont['fontDicts'] = [
  {
    name: 'WarmUpHei-Generic',
    defaultWidthX: 1000,
    blueValues: [-250, -250, 1100, 1100],
    stdHW: 50,
    stdVW: 50,
    languageGroup: 1,
  },
  {
    name: 'WarmUpHei-Hanzi',
    defaultWidthX: 1000,
    blueValues: [-250, -250, 1100, 1100],
    stdHW: 51,
    stdVW: 61,
    languageGroup: 1,
  },
  {
    name: 'WarmUpHei-Proportional',
    defaultWidthX: 562,
    nominalWidthX: 621,
    blueValues: [-12, 0, 766, 777, 551, 563],
    stdHW: 91,
    stdVW: 116,
  },
];

function heiGlyphs(): CffGlyph[] {
  return Object.entries(GB1_CIDS)
    .map(([char, cid]): CffGlyph => {
      if (char === ' ') return { cid, fd: 0, width: PROPORTIONAL_WIDTHS[char] ?? DIGIT_WIDTH, blank: true };
      if (cid > 95) return { cid, fd: cid === 275 ? 0 : 1, width: 1000 };
      return { cid, fd: 2, width: PROPORTIONAL_WIDTHS[char] ?? DIGIT_WIDTH };
    })
    .sort((a, b) => a.cid - b.cid);
}

/** The two embedded CID fonts: the e-form's Chinese (GB1, no ToUnicode) and its tick (Identity, a ToUnicode map). */
const EMBEDDED_CID_FONTS: readonly { readonly font: CidKeyedCffFont; readonly toUnicode?: string }[] = [
  {
    font: {
      name: 'WARMUP+WarmUpHei-Regular',
      registry: 'Adobe',
      ordering: 'GB1',
      supplement: 5,
      notice: 'Drawn for the hkex-shares-bot warm-up page.',
      fontDicts: HEI_FONT_DICTS,
      glyphs: heiGlyphs(),
      fdSelectFormat: 3,
    },
  },
  {
    font: {
      name: 'WARMUP+WarmUpPi',
      registry: 'Adobe',
      ordering: 'Identity',
      supplement: 0,
      notice: 'Drawn for the hkex-shares-bot warm-up page.',
      fontDicts: [
        { name: 'WarmUpPi', defaultWidthX: 0, blueValues: [-25, 0, 725, 750, -250, -225], stdHW: 50, stdVW: 50 },
      ],
      glyphs: [{ cid: TICK_CID, fd: 0, width: 846 }],
      fdSelectFormat: 0,
    },
    toUnicode: toUnicodeCMap(TICK_CID, 0x2714),
  },
];

/** A ToUnicode CMap of one code, as the e-form gives its tick (Adobe-Identity-UCS, a bfchar). */
function toUnicodeCMap(code: number, unicode: number): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo',
    '<< /Registry (Adobe)',
    '/Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    '1 beginbfchar',
    `<${hex(code)}> <${hex(unicode)}>`,
    'endbfchar',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}

/** A CID font's /W: a run of CIDs of one width as `first last width`, others as `first [widths]`; the rest /DW. */
function cidWidths(glyphs: readonly CffGlyph[], defaultWidth: number): string {
  const runs: CffGlyph[][] = [];
  for (const glyph of glyphs.filter((g) => g.width !== defaultWidth)) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && last.cid + 1 === glyph.cid) run.push(glyph);
    else runs.push([glyph]);
  }
  return runs
    .map((run) =>
      run.length > 1 && run.every((g) => g.width === run[0]?.width)
        ? `${run[0]?.cid} ${run.at(-1)?.cid} ${run[0]?.width}`
        : `${run[0]?.cid} [${run.map((g) => g.width).join(' ')}]`,
    )
    .join(' ');
}

/** Each embedded CID font as the e-form writes it: Type0, its CIDFontType0, descriptor, program (and ToUnicode). */
function embeddedCidFonts(firstObject: number): { objects: PdfObject[]; fonts: number[] } {
  const objects: PdfObject[] = [];
  const fonts: number[] = [];
  for (const { font, toUnicode } of EMBEDDED_CID_FONTS) {
    const first = firstObject + objects.length;
    const program = deflateSync(buildCidKeyedCff(font));
    const name = `/${font.name}`;
    const toUnicodeRef = toUnicode === undefined ? '' : ` /ToUnicode ${first + 4} 0 R`;
    fonts.push(first);
    objects.push(
      `<< /Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H /DescendantFonts [${first + 1} 0 R]${toUnicodeRef} >>`,
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont ${name} /CIDSystemInfo << /Registry (${font.registry}) /Ordering (${font.ordering}) /Supplement ${font.supplement} >> /FontDescriptor ${first + 2} 0 R /DW 1000 /W [${cidWidths(font.glyphs, 1000)}] >>`,
      `<< /Type /FontDescriptor /FontName ${name} /Flags 4 /FontBBox [-163 -283 1087 967] /ItalicAngle 0 /Ascent 967 /Descent -283 /CapHeight 763 /XHeight 551 /StemV 116 /FontFile3 ${first + 3} 0 R >>`,
      { dict: `<< /Subtype /CIDFontType0C /Filter /FlateDecode /Length ${program.length} >>`, stream: program },
    );
    if (toUnicode !== undefined) {
      const stream = deflateSync(Buffer.from(toUnicode, 'latin1'));
      objects.push({ dict: `<< /Filter /FlateDecode /Length ${stream.length} >>`, stream });
    }
  }
  return { objects, fonts };
}

/**
 * The Chinese labels and a ticked box, set as the e-form sets them: a cell's text in its own BT, a label a Tj of
 * two-byte codes in the GB1 font (/H0), rulings drawn in a saved state between cells, and a tick (/H1) set at 7
 * points inside a filled and stroked box beside an English line in the TrueType face; right of the English lines.
 */
function cidFontLines(): string[] {
  const hex = (text: string) => [...text].map((c) => (GB1_CIDS[c] ?? 0).toString(16).padStart(4, '0')).join('');
  const labels = CHINESE_LABELS.map(
    (label, i) =>
      `BT 1 i /H0 1 Tf ${i === 0 ? 11 : 9} 0 0 ${i === 0 ? 11 : 9} 452.11 ${(491.328 - i * 20).toFixed(3)} Tm <${hex(label)}>Tj ET\n` +
      `0 i 0.499 w q 1 0 0 1 452.11 ${(485 - i * 20).toFixed(3)} cm 0 0 m 142.23 0 l S Q`,
  );
  const tick = [
    '1 1 1 rg 1 i 456.363 336.471 10 10 re f 0 i 456.363 336.471 10 10 re S',
    `BT 0 0 0 rg 1 i /TT0 1 Tf 9 0 0 9 487.685 338.865 Tm (has been complied with)Tj /H1 1 Tf 7 0 0 7 458.402 338.943 Tm <${TICK_CID.toString(16).padStart(4, '0')}>Tj`,
    `/H0 1 Tf 0 -2.028 TD <${hex('．')}>Tj /TT0 1 Tf 3.15 -0.133 Td (the same nominal value)Tj ET`,
  ];
  return [...labels, ...tick];
}

/** An object of the file: a dictionary, or a dictionary with its stream. */
type PdfObject = string | { readonly dict: string; readonly stream: Buffer };

/** The two faces as the e-form embeds them: simple TrueType, WinAnsi, no ToUnicode map, the font file deflated. */
function trueTypeFonts(firstObject: number): PdfObject[] {
  const widths = Array.from({ length: LAST_CHAR - FIRST_CHAR + 1 }, () => WIDTH).join(' ');
  return PDFJS_LIBERATION_SANS.flatMap((file, i): PdfObject[] => {
    const program = readFileSync(file);
    const stream = deflateSync(program);
    const name = `/KPGVHD+LiberationSans${i === 0 ? '' : '-Bold'}`;
    const first = firstObject + i * 3;
    return [
      { dict: `<< /Length ${stream.length} /Length1 ${program.length} /Filter /FlateDecode >>`, stream },
      `<< /Type /FontDescriptor /FontName ${name} /Flags 32 /FontBBox [-203 -303 1050 910] /ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 /FontFile2 ${first} 0 R >>`,
      `<< /Type /Font /Subtype /TrueType /BaseFont ${name} /Encoding /WinAnsiEncoding /FirstChar ${FIRST_CHAR} /LastChar ${LAST_CHAR} /Widths [${widths}] /FontDescriptor ${first + 1} 0 R >>`,
    ];
  });
}

export function renderWarmUpPage(): Uint8Array {
  const fonts = COLLECTIONS.map((ordering, i) => ({ ordering, name: `F${i + 1}`, first: 3 + i * 3 }));
  const hex = (text: string) =>
    [...text].map((c) => (c.charCodeAt(0) - 'A'.charCodeAt(0) + CID_OF_A).toString(16).padStart(4, '0')).join('');
  const content = deflateSync(
    Buffer.from(
      [
        ...fonts.map(
          (font, i) => `BT /${font.name} 12 Tf 72 ${585 - i * 12} Td <${hex(`WARM${font.ordering}`)}> Tj ET`,
        ),
        ...eFormShapedLines(),
        ...cidFontLines(),
      ].join('\n'),
      'latin1',
    ),
  );
  const trueTypeFirst = 3 + fonts.length * 3;
  const embedded = embeddedCidFonts(trueTypeFirst + 6);
  const contentObject = trueTypeFirst + 6 + embedded.objects.length;
  const firstPage = contentObject + 1;
  const pages = Array.from({ length: PAGES }, (_, i) => `${firstPage + i} 0 R`);
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.join(' ')}] /Count ${PAGES} >>`,
  ];
  for (const font of fonts) {
    objects.push(
      `<< /Type /Font /Subtype /Type0 /BaseFont /AdobeHeitiStd-Regular /Encoding /Identity-H /DescendantFonts [${font.first + 1} 0 R] >>`,
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /AdobeHeitiStd-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (${font.ordering}) /Supplement 4 >> /FontDescriptor ${font.first + 2} 0 R /DW 1000 >>`,
      '<< /Type /FontDescriptor /FontName /AdobeHeitiStd-Regular /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
    );
  }
  objects.push(...trueTypeFonts(trueTypeFirst), ...embedded.objects);
  objects.push({ dict: `<< /Length ${content.length} /Filter /FlateDecode >>`, stream: content });
  const fontRefs = [
    ...fonts.map((font) => `/${font.name} ${font.first} 0 R`),
    `/TT0 ${trueTypeFirst + 2} 0 R /TT1 ${trueTypeFirst + 5} 0 R`,
    ...embedded.fonts.map((object, i) => `/H${i} ${object} 0 R`),
  ].join(' ');
  for (let i = 0; i < PAGES; i++) {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 841.89 595.276] /Resources << /Font << ${fontRefs} >> >> /Contents ${contentObject} 0 R >>`,
    );
  }
  return new Uint8Array(writePdf(objects));
}

/** The file around its objects: header, each object at the offset its cross-reference table gives, trailer. */
function writePdf(objects: readonly PdfObject[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n', 'latin1')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  for (const [i, object] of objects.entries()) {
    offsets.push(length);
    const part =
      typeof object === 'string'
        ? Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`, 'latin1')
        : Buffer.concat([
            Buffer.from(`${i + 1} 0 obj\n${object.dict}\nstream\n`, 'latin1'),
            object.stream,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ]);
    parts.push(part);
    length += part.length;
  }
  let trailer = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) trailer += `${String(offset).padStart(10, '0')} 00000 n \n`;
  trailer += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(trailer, 'latin1'));
  return Buffer.concat(parts);
}
