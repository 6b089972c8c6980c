import { describe, expect, it } from 'vitest';
import { ingestFailed, renderIngestSummary } from '../../src/cli/ingest-summary.js';
import type { BulkIngestSummary, FileOutcome } from '../../src/services/bulk-ingest.js';

function saved(
  file: string,
  status: 'stored' | 'superseded-earlier' | 'older-than-held' | 'already-held',
  extra = {},
): FileOutcome {
  return {
    kind: 'saved',
    file: `/in/${file}`,
    status,
    stockCode: '01149',
    reportMonth: '2013-05',
    issuerName: 'Anxin-China Holdings Limited',
    dateSubmitted: '2013-08-07',
    sameContent: false,
    otherDateSubmitted: status === 'superseded-earlier' ? '2013-06-03' : null,
    errorFlags: 0,
    ...extra,
  };
}

function summaryOf(outcomes: FileOutcome[], found: Partial<BulkIngestSummary['found']> = {}): BulkIngestSummary {
  return {
    found: { files: outcomes.map((outcome) => outcome.file), skipped: [], missing: [], ...found },
    outcomes,
    interrupted: false,
    elapsedMs: 2000,
  };
}

describe('renderIngestSummary', () => {
  it('counts each outcome and names the resubmission with both submission dates', () => {
    const summary = summaryOf([
      saved('a.pdf', 'stored'),
      saved('b.pdf', 'superseded-earlier', { errorFlags: 1 }),
      saved('c.pdf', 'already-held'),
      {
        kind: 'not-a-monthly-return',
        file: '/in/nddr.pdf',
        message: 'nddr.pdf is not a monthly return',
        looksLike: 'Next Day Disclosure Return',
      },
    ]);
    expect(renderIngestSummary(summary, { dataDir: './data', verbose: false }).split('\n')).toEqual([
      'Read 4 of 4 PDF files in 2.0 s (2.0 per second) into ./data',
      '  stored                1',
      '  superseded earlier    1',
      '      stored 01149 2013-05, submitted 2013-08-07, replacing the submission of 2013-06-03 (1 figure error flagged): b.pdf',
      '  already held          1',
      '  not monthly returns   1',
      '      not a monthly return (looks like Next Day Disclosure Return): nddr.pdf',
      '  unreadable            0',
      '  with figures that do not add up (stored, and flagged): b.pdf',
    ]);
    expect(ingestFailed(summary)).toBe(false);
  });

  it('says how many files a stopped run left, and names at most five skipped files', () => {
    const summary: BulkIngestSummary = {
      ...summaryOf([saved('a.pdf', 'stored')], {
        files: ['/in/a.pdf', '/in/b.pdf', '/in/c.pdf'],
        skipped: ['1.txt', '2.txt', '3.txt', '4.txt', '5.txt', '6.txt'].map((name) => `/in/${name}`),
      }),
      interrupted: true,
    };
    const text = renderIngestSummary(summary, { dataDir: './data', verbose: false });
    expect(text).toContain('Stopped after reading 1 of 3 PDF files');
    expect(text).toContain('  skipped, not .pdf: 6 (1.txt, 2.txt, 3.txt, 4.txt, 5.txt, …)');
    expect(text).toContain('  not read: 2 (run the same command again to read them)');
  });

  it('counts an unreadable file or a missing path as a failed run', () => {
    const unreadable = summaryOf([
      { kind: 'unreadable', file: '/in/x.pdf', code: 'unreadable-filing', message: 'x.pdf is not a PDF' },
    ]);
    expect(ingestFailed(unreadable)).toBe(true);
    expect(ingestFailed(summaryOf([saved('a.pdf', 'stored')], { missing: ['nowhere'] }))).toBe(true);
  });
});
