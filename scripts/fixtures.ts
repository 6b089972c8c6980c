/**
 * npm run fixtures: renders fixtures/<name>.pdf from every fixtures/specs/<name>.json. The PDFs are committed, so
 * only whoever changes a spec or the renderer needs the fonts (LiberationSans, a CJK font, DejaVu Sans).
 * `npm run fixtures -- <name>...` renders only the named fixtures.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateFonts, MissingFontError } from './fixtures/fonts.js';
import { renderMonthlyReturn } from './fixtures/render-monthly-return.js';
import { loadFixtureSpecs } from './fixtures/spec.js';

const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

async function main(names: readonly string[]): Promise<void> {
  const fonts = locateFonts();
  const specs = loadFixtureSpecs(path.join(FIXTURES_DIR, 'specs')).filter(
    ({ name }) => names.length === 0 || names.includes(name),
  );
  if (specs.length === 0) throw new Error(`no fixture spec matches ${names.join(', ')}`);
  for (const { name, spec } of specs) {
    const { bytes, pages } = await renderMonthlyReturn(spec.monthlyReturn, fonts);
    if (pages !== spec.monthlyReturn.form.pages) {
      throw new Error(`${name}: the spec says ${spec.monthlyReturn.form.pages} pages, the rendered PDF has ${pages}`);
    }
    writeFileSync(path.join(FIXTURES_DIR, `${name}.pdf`), bytes);
    console.log(`${name}.pdf  ${pages} pages  ${(bytes.byteLength / 1024).toFixed(0)} KB`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof MissingFontError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
