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
 * The CID font is not embedded: pdf.js works out its text from the font's dictionaries.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PDFJS_LIBERATION_SANS } from './pdf-library.js';

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
      ].join('\n'),
      'latin1',
    ),
  );
  const trueTypeFirst = 3 + fonts.length * 3;
  const contentObject = trueTypeFirst + 6;
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
  objects.push(...trueTypeFonts(trueTypeFirst));
  objects.push({ dict: `<< /Length ${content.length} /Filter /FlateDecode >>`, stream: content });
  const fontRefs = [
    ...fonts.map((font) => `/${font.name} ${font.first} 0 R`),
    `/TT0 ${trueTypeFirst + 2} 0 R /TT1 ${trueTypeFirst + 5} 0 R`,
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
