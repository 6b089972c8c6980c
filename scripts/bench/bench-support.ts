/**
 * What the benches share: quantiles, the PDFs they read (the corpus, its zh-legacy/ folder and the fixtures), which
 * form each one is, the CPU time of finished child processes, and poppler's `pdftotext` as the native floor.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MonthlyReturn } from '../../src/domain/monthly-return.js';
import { CORPUS_SUBFOLDERS, defaultFilingsDir } from '../accuracy/corpus.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? Number.NaN) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/** "x1.42 (target <= x1.5: met)". */
export function verdict(ratio: number, target: number, sign: '<=' | '>=' = '<='): string {
  const met = sign === '<=' ? ratio <= target : ratio >= target;
  return `target ${sign} ${target}: ${met ? 'met' : 'NOT met'}`;
}

export interface BenchPdf {
  /** "01723_2026-01.pdf", "zh-legacy/01149_2011-08_zh.pdf", "fixtures/02288_2025-03.pdf". */
  readonly name: string;
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** Every PDF of the corpus's top level and its CORPUS_SUBFOLDERS, then of fixtures/: each a monthly return. */
export function benchPdfs(): { pdfs: BenchPdf[]; corpus: string | null } {
  const dir = defaultFilingsDir();
  const corpus = existsSync(dir) ? dir : null;
  const folders: [string, string][] = [
    ...(corpus ? ['', ...CORPUS_SUBFOLDERS].map((sub): [string, string] => [path.join(dir, sub), sub]) : []),
    [path.join(ROOT, 'fixtures'), 'fixtures'],
  ];
  const pdfs = folders.flatMap(([folder, label]) =>
    (existsSync(folder) ? readdirSync(folder) : [])
      .filter((name) => name.toLowerCase().endsWith('.pdf'))
      .sort()
      .map((name) => {
        const file = path.join(folder, name);
        return { name: label ? `${label}/${name}` : name, file, bytes: new Uint8Array(readFileSync(file)) };
      }),
  );
  return { pdfs, corpus };
}

export const FORM_GROUPS = ['English FF301', 'Chinese FF301', 'pre-2021 English', 'pre-2021 Chinese'] as const;
export type FormGroup = (typeof FORM_GROUPS)[number];

export function formGroupOf(monthlyReturn: MonthlyReturn): FormGroup {
  const { kind, language } = monthlyReturn.form;
  if (kind === 'FF301') return language === 'en' ? 'English FF301' : 'Chinese FF301';
  return language === 'en' ? 'pre-2021 English' : 'pre-2021 Chinese';
}

/**
 * CPU seconds (user + system) of this process's children that have finished and been waited for, from Linux's
 * /proc/self/stat (cutime, cstime; in clock ticks, 1/100 s on Linux); null elsewhere.
 */
export function finishedChildrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** This process's own CPU seconds, user + system. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

let pdftotextFound: boolean | undefined;

/** Whether poppler's pdftotext is on PATH (poppler-utils); a bench notes its absence and goes on without it. */
export function hasPdftotext(): boolean {
  if (pdftotextFound === undefined) {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      pdftotextFound = true;
    } catch {
      pdftotextFound = false;
    }
  }
  return pdftotextFound;
}

export const NO_PDFTOTEXT = 'pdftotext not found (apt-get install poppler-utils): the native floor is left out';

/** One whole `pdftotext -layout FILE -` process, in milliseconds of wall time; null if it failed. */
export function timePdftotext(file: string): number | null {
  const started = performance.now();
  const run = spawnSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
  return run.status === 0 ? performance.now() - started : null;
}

export const ms = (value: number, width = 8) => `${Number.isNaN(value) ? '-' : value.toFixed(1)} ms`.padStart(width);
export const times = (value: number) => (Number.isFinite(value) ? `x${value.toFixed(2)}` : '-');
