/**
 * Every text item extractText gives for every PDF of the corpus (`../shared/filings` or HKEX_FILINGS_DIR, with its
 * sub-folders) and of fixtures/, as one JSON file; with `--compare OLD.json`, the files whose items differ from an
 * earlier dump. Run before and after a change to the extraction: the parser reads these items, so a change that
 * keeps every one of them keeps every parse.
 *
 *   npm run extraction-dump -- OUT.json [--compare BEFORE.json]
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isAppError } from '../src/domain/errors.js';
import { extractText } from '../src/pdf/extract-text.js';
import { defaultFilingsDir } from './accuracy/corpus.js';

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
    try {
      dump[key] = await extractText(new Uint8Array(readFileSync(file)), undefined, path.basename(file));
    } catch (error) {
      dump[key] = { error: isAppError(error) ? error.code : String(error) };
    }
  }
}
writeFileSync(out, JSON.stringify(dump));
const items = Object.values(dump).reduce<number>((sum, doc) => {
  const pages = (doc as { pages?: { items: unknown[] }[] }).pages ?? [];
  return sum + pages.reduce((n, page) => n + page.items.length, 0);
}, 0);
console.log(`${Object.keys(dump).length} PDFs, ${items} text items -> ${out}`);

if (before) {
  const old = JSON.parse(readFileSync(before, 'utf8')) as Record<string, unknown>;
  const keys = new Set([...Object.keys(old), ...Object.keys(dump)]);
  const differing = [...keys].filter((key) => JSON.stringify(old[key]) !== JSON.stringify(dump[key]));
  for (const key of differing) console.log(`differs: ${key}`);
  console.log(differing.length === 0 ? `identical to ${before}` : `${differing.length} of ${keys.size} PDFs differ`);
  process.exitCode = differing.length === 0 ? 0 : 1;
}
