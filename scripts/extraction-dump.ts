/**
 * Every text item extractText gives for every PDF of the corpus (`../shared/filings` or HKEX_FILINGS_DIR, with its
 * sub-folders) and of fixtures/, as one JSON file; with `--compare OLD.json`, the files whose items differ from an
 * earlier dump. Run before and after a change to the extraction: the parser reads these items, so a change that
 * keeps every one of them keeps every parse. Beside them, every item exactly as pdf.js gives it (extraction-items.ts),
 * so that a change to how pdf.js is run is held to pdf.js's own output, not only to what we keep of it.
 *
 *   npm run extraction-dump -- OUT.json [--compare BEFORE.json]
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isAppError } from '../src/domain/errors.js';
import { extractText } from '../src/pdf/extract-text.js';
import { defaultFilingsDir } from './accuracy/corpus.js';
import { pdfJsItems } from './extraction-items.js';

function listPdfs(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listPdfs(full);
    return name.toLowerCase().endsWith('.pdf') ? [full] : [];
  });
}

const [out, flag, before] = process.argv.slice(2);
if (!out || (flag !== undefined && (flag !== '--compare' || !before))) {
  console.error('Usage: extraction-dump OUT.json [--compare BEFORE.json]');
  process.exit(2);
}
const roots = [defaultFilingsDir(), path.join(import.meta.dirname, '..', 'fixtures')];
const dump: Record<string, unknown> = {};
for (const root of roots) {
  for (const file of listPdfs(root)) {
    const key = `${path.basename(root)}/${path.relative(root, file)}`;
    const bytes = new Uint8Array(readFileSync(file));
    let extracted: unknown;
    try {
      extracted = await extractText(bytes, undefined, path.basename(file));
    } catch (error) {
      extracted = { error: isAppError(error) ? error.code : String(error) };
    }
    dump[key] = { extracted, raw: await pdfJsItems(new Uint8Array(bytes)) };
  }
}
writeFileSync(out, JSON.stringify(dump));
const entries = Object.values(dump) as { extracted: { pages?: { items: unknown[] }[] }; raw: unknown }[];
const items = entries.reduce((sum, { extracted }) => {
  return sum + (extracted.pages ?? []).reduce((n, page) => n + page.items.length, 0);
}, 0);
const rawCount = entries.reduce((sum, { raw }) => {
  return sum + (Array.isArray(raw) ? raw.reduce((n: number, page: unknown[]) => n + page.length, 0) : 0);
}, 0);
console.log(`${Object.keys(dump).length} PDFs, ${items} text items (${rawCount} as pdf.js gives them) -> ${out}`);

if (before) {
  const old = JSON.parse(readFileSync(before, 'utf8')) as Record<string, unknown>;
  const keys = new Set([...Object.keys(old), ...Object.keys(dump)]);
  const differing = [...keys].filter((key) => JSON.stringify(old[key]) !== JSON.stringify(dump[key]));
  for (const key of differing) console.log(`differs: ${key}`);
  console.log(differing.length === 0 ? `identical to ${before}` : `${differing.length} of ${keys.size} PDFs differ`);
  process.exitCode = differing.length === 0 ? 0 : 1;
}
