/**
 * Small PDFs made on the fly for the extraction tests, so they run without the corpus: a page of text at known
 * positions, a page with no text at all, a password-protected file.
 */
import PDFDocument from 'pdfkit';

export interface PdfSpec {
  /** Per page, the lines to print: [x, y from the top, text]. */
  readonly pages?: readonly (readonly (readonly [number, number, string])[])[];
  /** Draw a rectangle instead of text, as a scan without a text layer would have. */
  readonly noText?: boolean;
  readonly userPassword?: string;
  readonly landscape?: boolean;
}

export function makePdf(spec: PdfSpec = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: spec.landscape ? 'landscape' : 'portrait',
    autoFirstPage: false,
    ...(spec.userPassword
      ? { userPassword: spec.userPassword, ownerPassword: `${spec.userPassword}-owner`, pdfVersion: '1.7' as const }
      : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  const pages = spec.pages ?? [[[72, 72, 'Monthly Return for Equity Issuer']]];
  for (const lines of pages) {
    doc.addPage();
    if (spec.noText) {
      doc.rect(72, 72, 200, 100).fill('#333333');
      continue;
    }
    doc.font('Helvetica').fontSize(9);
    for (const [x, y, text] of lines) doc.text(text, x, y, { lineBreak: false });
  }
  doc.end();
  return done;
}
