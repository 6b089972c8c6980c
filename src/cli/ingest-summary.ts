/**
 * What `hkex-shares ingest` reports at the end: how many files were read and what became of them, with the names of
 * those a user has to look at (superseded submissions, files that are not monthly returns, unreadable ones).
 */
import path from 'node:path';
import type { BulkIngestSummary, FileOutcome } from '../services/bulk-ingest.js';

export interface IngestCounts {
  readonly found: number;
  readonly read: number;
  readonly stored: number;
  readonly superseded: number;
  readonly olderThanHeld: number;
  readonly alreadyHeld: number;
  readonly notMonthlyReturns: number;
  readonly unreadable: number;
  readonly failed: number;
}

export function countOutcomes(summary: BulkIngestSummary): IngestCounts {
  const saved = (status: string) =>
    summary.outcomes.filter((outcome) => outcome.kind === 'saved' && outcome.status === status).length;
  const kind = (name: FileOutcome['kind']) => summary.outcomes.filter((outcome) => outcome.kind === name).length;
  return {
    found: summary.found.files.length,
    read: summary.outcomes.length,
    stored: saved('stored'),
    superseded: saved('superseded-earlier'),
    olderThanHeld: saved('older-than-held'),
    alreadyHeld: saved('already-held'),
    notMonthlyReturns: kind('not-a-monthly-return'),
    unreadable: kind('unreadable'),
    failed: kind('failed'),
  };
}

/** Whether the run left anything undone: a file unreadable or not saved, or a path that does not exist. */
export function ingestFailed(summary: BulkIngestSummary): boolean {
  const counts = countOutcomes(summary);
  return counts.unreadable > 0 || counts.failed > 0 || summary.found.missing.length > 0;
}

/** One line about one file, as the progress lines and the verbose listing print it. */
export function describeOutcome(outcome: FileOutcome): string {
  const name = path.basename(outcome.file);
  switch (outcome.kind) {
    case 'saved': {
      const what = `${outcome.stockCode} ${outcome.reportMonth}`;
      const flagged =
        outcome.errorFlags > 0
          ? ` (${outcome.errorFlags} figure error${outcome.errorFlags === 1 ? '' : 's'} flagged)`
          : '';
      switch (outcome.status) {
        case 'stored':
          return `stored ${what}${flagged}: ${name}`;
        case 'superseded-earlier':
          return `stored ${what}, submitted ${outcome.dateSubmitted ?? '?'}, replacing the submission of ${outcome.otherDateSubmitted ?? '?'}${flagged}: ${name}`;
        case 'older-than-held':
          return `kept ${what}, submitted ${outcome.dateSubmitted ?? '?'}, as history: the submission of ${outcome.otherDateSubmitted ?? '?'} is held${flagged}: ${name}`;
        case 'already-held':
          return `already held ${what}${outcome.sameContent ? ' (same return, other file)' : ''}: ${name}`;
      }
      return name;
    }
    case 'not-a-monthly-return':
      return `not a monthly return${outcome.looksLike ? ` (looks like ${outcome.looksLike})` : ''}: ${name}`;
    case 'unreadable':
      return `unreadable: ${outcome.message}`;
    case 'failed':
      return `not saved: ${name}: ${outcome.message}`;
  }
}

/** Files that are not PDFs, named in the summary up to this many (all with --verbose). */
const SKIPPED_SHOWN = 5;

export function renderIngestSummary(
  summary: BulkIngestSummary,
  options: { dataDir: string; verbose: boolean },
): string {
  const counts = countOutcomes(summary);
  const seconds = summary.elapsedMs / 1000;
  const rate = seconds > 0 ? counts.read / seconds : 0;
  const lines: string[] = [];
  lines.push(
    `${summary.interrupted ? 'Stopped after reading' : 'Read'} ${counts.read} of ${counts.found} PDF file${counts.found === 1 ? '' : 's'} in ${seconds.toFixed(1)} s (${rate.toFixed(1)} per second) into ${options.dataDir}`,
  );
  const listed = (kinds: (outcome: FileOutcome) => boolean) =>
    summary.outcomes.filter(kinds).map((outcome) => `      ${describeOutcome(outcome)}`);
  const isSaved = (status: string) => (outcome: FileOutcome) => outcome.kind === 'saved' && outcome.status === status;
  const row = (label: string, count: number, details: string[] = []) => {
    lines.push(`  ${label.padEnd(22)}${count}`);
    lines.push(...details);
  };
  row('stored', counts.stored, options.verbose ? listed(isSaved('stored')) : []);
  row('superseded earlier', counts.superseded, listed(isSaved('superseded-earlier')));
  if (counts.olderThanHeld > 0) row('older than held', counts.olderThanHeld, listed(isSaved('older-than-held')));
  row('already held', counts.alreadyHeld, options.verbose ? listed(isSaved('already-held')) : []);
  row(
    'not monthly returns',
    counts.notMonthlyReturns,
    listed((outcome) => outcome.kind === 'not-a-monthly-return'),
  );
  row(
    'unreadable',
    counts.unreadable,
    listed((outcome) => outcome.kind === 'unreadable'),
  );
  if (counts.failed > 0)
    row(
      'not saved',
      counts.failed,
      listed((outcome) => outcome.kind === 'failed'),
    );
  const flagged = summary.outcomes.filter(
    (outcome) => outcome.kind === 'saved' && outcome.status !== 'already-held' && outcome.errorFlags > 0,
  );
  if (flagged.length > 0) {
    lines.push(
      `  with figures that do not add up (stored, and flagged): ${flagged.map((o) => path.basename(o.file)).join(', ')}`,
    );
  }
  const skipped = summary.found.skipped.map((file) => path.basename(file));
  if (skipped.length > 0) {
    const shown =
      options.verbose || skipped.length <= SKIPPED_SHOWN ? skipped : [...skipped.slice(0, SKIPPED_SHOWN), '…'];
    lines.push(`  skipped, not .pdf: ${skipped.length} (${shown.join(', ')})`);
  }
  for (const missing of summary.found.missing) lines.push(`  not found: ${missing}`);
  if (summary.interrupted) {
    lines.push(`  not read: ${counts.found - counts.read} (run the same command again to read them)`);
  }
  return lines.join('\n');
}

export function summaryAsJson(summary: BulkIngestSummary, dataDir: string): object {
  return {
    dataDir,
    interrupted: summary.interrupted,
    elapsedMs: Math.round(summary.elapsedMs),
    counts: countOutcomes(summary),
    outcomes: summary.outcomes,
    skipped: summary.found.skipped,
    missing: summary.found.missing,
  };
}
