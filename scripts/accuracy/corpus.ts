/**
 * The accuracy run over a folder of filings with hand-checked truth: every `NAME.truth.json` beside a `NAME.pdf`
 * is parsed and compared field by field, with the comparator of its form. Shared by `npm run accuracy` and the
 * test suite, so both count the same fields the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MonthlyReturn } from '../../src/domain/monthly-return.js';
import { parseMonthlyReturn } from '../../src/parse/index.js';
import { extractText } from '../../src/pdf/extract-text.js';
import { compareFf301 } from './ff301.js';
import { unaccountedLeaves, watchReads } from './model-leaves.js';
import { amendTruth, type TruthAmendment } from './truth-amendments.js';
import type { FieldComparison } from './types.js';

export type Comparator = (truth: unknown, model: MonthlyReturn) => FieldComparison[];

export interface FileAccuracy {
  readonly name: string;
  /** The truth's `form`: "FF301", or the pre-2021 form's name. */
  readonly form: string;
  /** False when no comparator covers the form yet. */
  readonly covered: boolean;
  readonly comparisons: readonly FieldComparison[];
  /** Why the file could not be parsed at all. */
  readonly error?: string;
  /** The truth amendments used for this file (truth-amendments.ts), and those its truth holds already. */
  readonly amendments?: { readonly applied: readonly TruthAmendment[]; readonly unneeded: readonly TruthAmendment[] };
}

export interface AccuracyTotals {
  readonly files: number;
  readonly checked: number;
  readonly right: number;
  readonly uncertain: number;
}

export function defaultFilingsDir(): string {
  return process.env.HKEX_FILINGS_DIR ?? path.resolve(import.meta.dirname, '../../../shared/filings');
}

/**
 * Folders of the corpus read beside its top level: the Chinese pre-2021 returns sit apart so that a reader of the
 * top level is not surprised by them, and are read all the same.
 */
export const CORPUS_SUBFOLDERS: readonly string[] = ['zh-legacy'];

/**
 * The names (without extension, relative to `dir`) of every filing in `dir` and its CORPUS_SUBFOLDERS that has both
 * a PDF and a truth file: "01149_2011-08", "zh-legacy/01149_2011-08_zh".
 */
export function listTruthFiles(dir: string): string[] {
  return ['', ...CORPUS_SUBFOLDERS].flatMap((folder) => {
    const at = path.join(dir, folder);
    if (!existsSync(at)) return [];
    return readdirSync(at)
      .filter((name) => name.endsWith('.truth.json'))
      .map((name) => path.posix.join(folder, name.replace(/\.truth\.json$/, '')))
      .filter((name) => existsSync(path.join(dir, `${name}.pdf`)))
      .sort();
  });
}

/** The pre-2021 comparator lives in its own module, which may not be there yet. */
async function loadLegacyComparator(): Promise<Comparator | undefined> {
  const file = path.join(import.meta.dirname, 'legacy.ts');
  if (!existsSync(file)) return undefined;
  const module = (await import('./legacy.js')) as { compareLegacy?: Comparator };
  return module.compareLegacy;
}

export async function runAccuracy(
  dir: string,
  options: { readonly only?: (truth: { form?: unknown }) => boolean } = {},
): Promise<FileAccuracy[]> {
  const legacy = await loadLegacyComparator();
  const results: FileAccuracy[] = [];
  for (const name of listTruthFiles(dir)) {
    const shared = JSON.parse(readFileSync(path.join(dir, `${name}.truth.json`), 'utf8')) as { form?: unknown };
    if (options.only && !options.only(shared)) continue;
    const form = String(shared.form ?? 'unknown');
    const compare = form === 'FF301' ? compareFf301 : legacy;
    if (!compare) {
      results.push({ name, form, covered: false, comparisons: [] });
      continue;
    }
    const { truth, applied, unneeded } = amendTruth(name, shared);
    const amendments = applied.length + unneeded.length > 0 ? { amendments: { applied, unneeded } } : {};
    try {
      const bytes = readFileSync(path.join(dir, `${name}.pdf`));
      const parsed = parseMonthlyReturn(await extractText(bytes, undefined, name), name);
      const comparisons = compareBothWays(compare, truth, parsed.monthlyReturn).map((field) =>
        applied.some((amendment) => amendment.path === field.field)
          ? { ...field, field: `${field.field} (truth amended)` }
          : field,
      );
      results.push({ name, form, covered: true, comparisons, ...amendments });
    } catch (error) {
      results.push({ name, form, covered: true, comparisons: [], error: (error as Error).message });
    }
  }
  return results;
}

/** The truth's fields against the model, then the model's leaves the truth did not account for. */
export function compareBothWays(compare: Comparator, truth: unknown, model: MonthlyReturn): FieldComparison[] {
  const watched = watchReads(model);
  const comparisons = compare(truth, watched.model);
  return [...comparisons, ...unaccountedLeaves(truth, model, watched.reads)];
}

export function totalsOf(files: readonly FileAccuracy[]): AccuracyTotals {
  const counted = files.flatMap((file) => file.comparisons.filter((field) => !field.uncertain));
  return {
    files: files.filter((file) => file.covered).length,
    checked: counted.length,
    right: counted.filter((field) => field.ok).length,
    uncertain: files.reduce((sum, file) => sum + file.comparisons.filter((field) => field.uncertain).length, 0),
  };
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 90 ? `${text.slice(0, 87)}...` : text;
}

function percent(right: number, checked: number): string {
  return checked === 0 ? '-' : `${((100 * right) / checked).toFixed(1)}%`;
}

/** The report `npm run accuracy` prints: per file, then the total. */
export function formatAccuracyReport(files: readonly FileAccuracy[]): string {
  const out: string[] = [];
  for (const file of files) {
    if (!file.covered) {
      out.push(`${file.name} (${file.form}): not covered yet`);
      continue;
    }
    if (file.error) {
      out.push(`${file.name} (${file.form}): NOT PARSED: ${file.error}`);
      continue;
    }
    const totals = totalsOf([file]);
    out.push(
      `${file.name} (${file.form}): ${totals.right}/${totals.checked} fields right (${percent(totals.right, totals.checked)})`,
    );
    for (const field of file.comparisons) {
      if (field.uncertain) {
        const verdict = field.ok ? 'agrees' : 'differs';
        out.push(
          `    ? ${field.field} (uncertain in the truth, not counted; ${verdict}): expected ${show(field.expected)}, got ${show(field.actual)}`,
        );
      } else if (!field.ok) {
        out.push(`    x ${field.field}: expected ${show(field.expected)}, got ${show(field.actual)}`);
      }
    }
    for (const amendment of file.amendments?.applied ?? []) {
      out.push(`    + truth amended: ${amendment.path} as printed on page ${amendment.page} (${amendment.reason})`);
    }
    for (const amendment of file.amendments?.unneeded ?? []) {
      out.push(`    ! truth amendment no longer needed, the truth holds it: ${amendment.path}`);
    }
  }
  const totals = totalsOf(files);
  const notCovered = files.filter((file) => !file.covered).length;
  const amended = files.reduce((sum, file) => sum + (file.amendments?.applied.length ?? 0), 0);
  out.push('');
  if (amended > 0) {
    out.push(`Truth amendments applied (scripts/accuracy/truth-amendments.ts): ${amended}, each compared as printed`);
  }
  out.push(
    `Total: ${totals.right}/${totals.checked} fields right (${percent(totals.right, totals.checked)}) in ${totals.files} files` +
      (totals.uncertain > 0 ? `; ${totals.uncertain} uncertain fields shown, not counted` : '') +
      (notCovered > 0 ? `; ${notCovered} files not covered yet` : ''),
  );
  return out.join('\n');
}
