/**
 * A one-page PDF shaped like what the HKEX e-form gives pdf.js, for a reader to warm up on: the project's fixtures
 * are drawn by pdfkit, whose TrueType fonts carry their own ToUnicode maps and whose lines are one TJ each, so a
 * reader warmed on them alone read its first real return three to five times slower than its tenth. This page has
 *  - lines set as the e-form sets them (a word per Tj, moved by Td, a font at size 1 scaled by the text matrix, a
 *    simple WinAnsi font without a ToUnicode map), so that pdf.js's text-content code is compiled for that shape;
 *  - text in the kind of font the e-form sets its Chinese in (on English returns too): a CID-keyed font with the
 *    Identity-H CMap and no ToUnicode map, whose text pdf.js finds through Adobe's character collection
 *    (AdobeHeitiStd is Adobe-GB1). Reading it parses the collection's UCS2 map, which the text-only worker
 *    (pdf-worker-text-only.ts) then keeps for the process.
 * No font is embedded: pdf.js works out the text from the fonts' dictionaries, which is all a warm-up needs.
 */

/** The collections warmed: simplified Chinese (the e-form's AdobeHeitiStd) and traditional. */
const COLLECTIONS = ['GB1', 'CNS1'] as const;

/** In Adobe-GB1 and Adobe-CNS1 alike, CIDs 1-95 are printable ASCII in order: CID 34 is "A". */
const CID_OF_A = 34;

/**
 * Lines as the e-form writes them: a word per Tj, moved along by Td, in a font set at size 1 and scaled by the text
 * matrix, so that pdf.js's text-content code runs on the shapes a real return gives it, often enough to be compiled.
 */
function eFormShapedLines(): string[] {
  const words = ['Monthly ', 'Return ', 'for ', 'Equity ', 'Issuer ', '1,234,567,890 ', 'HKD ', '0.10 '];
  return Array.from({ length: 60 }, (_, line) => {
    const runs = words.map((word, i) => `${i === 0 ? '' : '4.2 0 Td '}(${word})Tj`).join(' ');
    return `BT /TT0 1 Tf 9 0 0 9 22.11 ${(600 - line * 9).toFixed(3)} Tm ${runs} ET`;
  });
}

export function renderWarmUpPage(): Uint8Array {
  const fonts = COLLECTIONS.map((ordering, i) => ({ ordering, name: `F${i + 1}`, first: 3 + i * 3 }));
  const hex = (text: string) =>
    [...text].map((c) => (c.charCodeAt(0) - 'A'.charCodeAt(0) + CID_OF_A).toString(16).padStart(4, '0')).join('');
  const content = [
    ...fonts.map((font, i) => `BT /${font.name} 12 Tf 72 ${720 - i * 20} Td <${hex(`WARM${font.ordering}`)}> Tj ET`),
    ...eFormShapedLines(),
  ].join('\n');
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${3 + fonts.length * 3} 0 R] /Count 1 >>`,
  ];
  for (const font of fonts) {
    objects.push(
      `<< /Type /Font /Subtype /Type0 /BaseFont /AdobeHeitiStd-Regular /Encoding /Identity-H /DescendantFonts [${font.first + 1} 0 R] >>`,
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /AdobeHeitiStd-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (${font.ordering}) /Supplement 4 >> /FontDescriptor ${font.first + 2} 0 R /DW 1000 >>`,
      '<< /Type /FontDescriptor /FontName /AdobeHeitiStd-Regular /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
    );
  }
  const fontRefs = [
    ...fonts.map((font) => `/${font.name} ${font.first} 0 R`),
    `/TT0 ${3 + fonts.length * 3 + 2} 0 R`,
  ].join(' ');
  objects.push(
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << ${fontRefs} >> >> /Contents ${objects.length + 2} 0 R >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /TrueType /BaseFont /Arial /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 122 >>',
  );
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
