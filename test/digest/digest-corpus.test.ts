/**
 * Digests over real returns read by the real pipeline (PDF -> text -> model -> store): the Alco Holdings 10-into-1
 * capital reorganisation of September 2025 (original and resubmission), and Anxin-China's June 2013 option
 * exercises and repurchase on the pre-2021 form.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDigest } from '../../src/format/digest.js';
import { loadDigest } from '../../src/services/digest-content.js';
import { ingestFiling } from '../../src/services/ingest-filing.js';
import type { Digest } from '../../src/view-models/digest.js';
import { FILINGS_DIR } from '../helpers/corpus.js';
import { createMemoryFilingStore } from '../helpers/memory-filing-store.js';
import { renderPlainText } from '../helpers/plain-text.js';

const available = existsSync(path.join(FILINGS_DIR, '00328_2025-09_resubmitted.pdf'));
if (!available) console.warn(`Skipping the digest corpus tests: no filings in ${FILINGS_DIR} (set HKEX_FILINGS_DIR).`);

const FILES = [
  '00328_2024-12',
  '00328_2025-09',
  '00328_2025-09_resubmitted',
  '01149_2013-05',
  '01149_2013-05_resubmitted',
  '01149_2013-06',
  '01477_2023-12',
  '01723_2026-01',
];

describe.skipIf(!available)('digests over the real filings', () => {
  const store = createMemoryFilingStore();
  let september: Digest;
  let june2013: Digest;

  beforeAll(async () => {
    for (const name of FILES) {
      const bytes = new Uint8Array(await readFile(path.join(FILINGS_DIR, `${name}.pdf`)));
      await ingestFiling(
        { store, now: () => new Date('2026-02-10T00:00:00Z') },
        { bytes, fileName: `${name}.pdf`, source: { kind: 'path', path: `${name}.pdf` } },
      );
    }
    september = await loadDigest(store, ['00328', '01149', '01477', '01723'], '2025-09');
    june2013 = await loadDigest(store, ['01149'], '2013-06');
  }, 120_000);

  it('reads Alco’s resubmitted September 2025 as -103,101,179 shares, -90.00%, against December 2024', () => {
    const [alco] = september.moved;
    expect(alco?.stockCode).toBe('00328');
    expect(alco?.resubmission).toBe(true);
    expect(alco?.classes[0]).toMatchObject({
      closing: 11_455_686,
      previousClosing: 114_556_865,
      change: -103_101_179,
      comparedWith: { kind: 'previous-return', month: '2024-12' },
      treasuryClosing: 0,
    });
    expect(alco?.classes[0]?.changePercent).toBeCloseTo(-90, 4);
    expect(alco?.movements.map((m) => m.issuedChange)).toEqual([-103_101_179]);
  });

  it('counts one of four watched as filed for September 2025, naming the others by their latest return', () => {
    expect(september.quiet).toHaveLength(0);
    expect(september.pending.map((p) => [p.stockCode, p.latestMonthHeld])).toEqual([
      ['01149', '2013-06'],
      ['01477', '2023-12'],
      ['01723', '2026-01'],
    ]);
    const [message] = renderDigest(september);
    expect(message?.text).toMatch(
      /^September 2025 digest: 1 of 4 watched companies have filed; largest change Alco Holdings Limited \(00328\) -90\.00%/,
    );
    const plain = renderPlainText(message ?? { text: '' });
    expect(plain).toContain('普通股: 11,455,686 (-103,101,179, -90.00% vs Dec 2024); treasury 0');
    expect(plain).toContain('• Capital reorganisation: -103,101,179 issued');
  });

  it('reads Anxin-China’s June 2013: +12,538,000 on options, -2,200,000 repurchased, +0.36% on May', () => {
    const [anxin] = june2013.moved;
    expect(anxin?.classes[0]).toMatchObject({
      closing: 2_881_487_808,
      previousClosing: 2_871_149_808,
      change: 10_338_000,
      comparedWith: { kind: 'previous-return', month: '2013-05' },
    });
    expect(anxin?.classes[0]?.changePercent).toBeCloseTo(0.36006, 4);
    expect(anxin?.movements[0]).toMatchObject({ kind: 'options-exercised', issuedChange: 12_538_000 });
    expect(anxin?.movements.slice(1).map((m) => m.issuedChange)).toEqual([-2_200_000]);
  });
});
