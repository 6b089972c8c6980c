/**
 * Parse benchmark, per file and per form (English FF301, Chinese FF301, pre-2021 English, pre-2021 Chinese): warm,
 * in one process, our whole read of a return (readFiling: PDF bytes -> checked MonthlyReturn) beside
 *   - pdf.js's getTextContent on every page, opened with our options (what the extraction cannot do without),
 *   - pdf-parse's own getText(), bare as the library comes, and with the character maps,
 *   - poppler's `pdftotext -layout` as a whole process, the native floor (left out, with a note, where absent).
 * Every PDF of the corpus (../shared/filings and its zh-legacy/) and of fixtures/ is read; one that cannot be read as
 * a return is skipped and listed with the reason. Targets, per file: a Chinese FF301 reads in at most twice bare
 * getText(); any return in at most 1.3 times getTextContent with the same options.
 *
 *   npm run bench -- parse          (HKEX_FILINGS_DIR overrides ../shared/filings; BENCH_ROUNDS, default 7;
 *                                    BENCH_ONLY, a pattern the files' names must match)
 */
import { parseMonthlyReturn } from '../../src/parse/index.js';
import { extractText } from '../../src/pdf/extract-text.js';
import { loadPdfParse, openPdf, PDFJS_RESOURCES } from '../../src/pdf/pdf-library.js';
import { readFiling } from '../../src/services/read-filing.js';
import {
  type BenchPdf,
  benchPdfs,
  FORM_GROUPS,
  type FormGroup,
  formGroupOf,
  hasPdftotext,
  median,
  ms,
  NO_PDFTOTEXT,
  timePdftotext,
  times,
  verdict,
} from './bench-support.js';

const TARGET = { chineseToBare: 2, toTextContent: 1.3 };
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
const { corpus, ...all } = benchPdfs();
const pdfs = all.pdfs.filter((pdf) => !only || only.test(pdf.name));
// pdf-parse as extractText loads it, so that every contender runs with the same engine built-ins (see loadPdfParse).
const PDFParse = await loadPdfParse();

async function whole(pdf: BenchPdf): Promise<number> {
  const started = performance.now();
  await readFiling(pdf.bytes, { fileName: pdf.name });
  return performance.now() - started;
}

async function parsingOnly(pdf: BenchPdf): Promise<number> {
  const doc = await extractText(pdf.bytes, undefined, pdf.name);
  const started = performance.now();
  parseMonthlyReturn(doc, pdf.name);
  return performance.now() - started;
}

/** pdf.js alone, opened as extractText opens it: every page's getTextContent, nothing kept. */
async function textContent(pdf: BenchPdf): Promise<number> {
  const started = performance.now();
  const opened = await openPdf(new Uint8Array(pdf.bytes));
  try {
    const doc = await opened.document;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      await page.getTextContent();
      page.cleanup();
    }
  } finally {
    await opened.destroy();
  }
  return performance.now() - started;
}

/** pdf-parse's getText(): bare, it reads no glyph of a CJK font; with the character maps it reads what we read. */
async function getText(pdf: BenchPdf, withCharacterMaps: boolean): Promise<number> {
  const started = performance.now();
  const parser = new PDFParse({ data: new Uint8Array(pdf.bytes), ...(withCharacterMaps ? PDFJS_RESOURCES : {}) });
  try {
    await parser.getText();
  } finally {
    await parser.destroy();
  }
  return performance.now() - started;
}

interface FileSamples {
  readonly pdf: BenchPdf;
  readonly group: FormGroup;
  readonly whole: number[];
  readonly parse: number[];
  readonly textContent: number[];
  readonly bare: number[];
  readonly withMaps: number[];
  readonly pdftotext: number[];
}

// Warm: pdf.js's modules and the paths a return takes are compiled once per process, not per filing. A file that
// cannot be read as a return is left out here, and said so.
const files: FileSamples[] = [];
const skipped: string[] = [];
for (const pdf of pdfs) {
  try {
    const parsed = await readFiling(pdf.bytes, { fileName: pdf.name });
    files.push({
      pdf,
      group: formGroupOf(parsed.monthlyReturn),
      whole: [],
      parse: [],
      textContent: [],
      bare: [],
      withMaps: [],
      pdftotext: [],
    });
    await textContent(pdf);
    await getText(pdf, false);
    await getText(pdf, true);
  } catch (error) {
    skipped.push(`${pdf.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (files.length === 0) {
  console.log('parse bench: no readable monthly return (run `npm run fixtures`, or set HKEX_FILINGS_DIR); skipped');
  process.exit(0);
}
const native = hasPdftotext();

for (let round = 0; round < rounds; round++) {
  for (const file of files) {
    // Rotate the order, so that none always runs on a cache another warmed.
    const runs: (() => Promise<void>)[] = [
      async () => void file.whole.push(await whole(file.pdf)),
      async () => void file.parse.push(await parsingOnly(file.pdf)),
      async () => void file.textContent.push(await textContent(file.pdf)),
      async () => void file.bare.push(await getText(file.pdf, false)),
      async () => void file.withMaps.push(await getText(file.pdf, true)),
      async () => {
        const time = native ? timePdftotext(file.pdf.file) : null;
        if (time !== null) file.pdftotext.push(time);
      },
    ];
    for (let i = 0; i < runs.length; i++) await runs[(i + round) % runs.length]?.();
  }
}

console.log(
  `parse bench: ${files.length} returns x ${rounds} rounds, warm, one process (${corpus ?? 'no corpus: fixtures only'})`,
);
if (!native) console.log(`  ${NO_PDFTOTEXT}`);
console.log('  per file, medians: ours (whole read) | getTextContent, same options | getText() bare | with maps |');
console.log('  pdftotext process; then ours against each');
const nameWidth = Math.max(...files.map((file) => file.pdf.name.length)) + 2;
const header = ['file', 'ours', 'content', 'bare', 'maps', 'pdftotext', '/content', '/bare', '/maps', '/pdftotext'];
console.log(
  `  ${header[0]?.padEnd(nameWidth + 2)}${header
    .slice(1, 6)
    .map((h) => h.padStart(10))
    .join('')}  ${header.slice(6).join('  ')}`,
);
const ratiosOf = (file: FileSamples) => {
  const ours = median(file.whole);
  return {
    ours,
    content: ours / median(file.textContent),
    bare: ours / median(file.bare),
    maps: ours / median(file.withMaps),
    native: ours / median(file.pdftotext),
  };
};
for (const group of FORM_GROUPS) {
  const members = files.filter((file) => file.group === group);
  if (members.length === 0) continue;
  console.log(`  ${group} (${members.length})`);
  for (const file of members) {
    const r = ratiosOf(file);
    const cells = [file.whole, file.textContent, file.bare, file.withMaps, file.pdftotext].map((v) =>
      ms(median(v), 10),
    );
    console.log(
      `    ${file.pdf.name.padEnd(nameWidth)}${cells.join('')}  ${[r.content, r.bare, r.maps, r.native].map((v) => times(v).padStart(7)).join('  ')}`,
    );
  }
}

console.log('  per form: median over its files of ours, of which parsing, and the worst file of each ratio');
for (const group of FORM_GROUPS) {
  const members = files.filter((file) => file.group === group);
  if (members.length === 0) continue;
  const worst = (key: 'content' | 'bare' | 'native') => Math.max(...members.map((file) => ratiosOf(file)[key]));
  console.log(
    `    ${group.padEnd(17)} ours ${ms(median(members.map((f) => median(f.whole))))}, parsing ${ms(median(members.map((f) => median(f.parse))))}; worst x content ${times(worst('content'))}, x bare ${times(worst('bare'))}, x pdftotext ${native ? times(worst('native')) : '-'}`,
  );
}

const chinese = files.filter((file) => file.group === 'Chinese FF301');
if (chinese.length > 0) {
  const worst = Math.max(...chinese.map((file) => ratiosOf(file).bare));
  console.log(
    `  target: Chinese FF301 whole read per file x${TARGET.chineseToBare} bare getText(): worst ${times(worst)}, ${verdict(worst, TARGET.chineseToBare)}`,
  );
}
const worstContent = Math.max(...files.map((file) => ratiosOf(file).content));
console.log(
  `  target: every whole read x${TARGET.toTextContent} getTextContent, same options: worst ${times(worstContent)}, ${verdict(worstContent, TARGET.toTextContent)}`,
);
if (skipped.length > 0) {
  console.log(`  skipped, not readable as a return (${skipped.length}):`);
  for (const line of skipped) console.log(`    ${line}`);
}
