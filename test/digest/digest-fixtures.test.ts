/**
 * Digests over the project's fixture filings (fixtures/*.pdf), read by the real pipeline: SenseTime's two quiet
 * months of WVR shares, Harbourfront's treasury movements, and Golden Bauhinia's balance that does not add up.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDigest } from '../../src/format/digest.js';
import { loadDigest } from '../../src/services/digest-content.js';
import { ingestFiling } from '../../src/services/ingest-filing.js';
import { createMemoryFilingStore } from '../helpers/memory-filing-store.js';
import { renderPlainText } from '../helpers/plain-text.js';

const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../fixtures');
const FILES = ['00020_2023-10', '00020_2023-11', '03388_2024-09_treasury', '01892_2023-06_balance-mismatch'];
const available = FILES.every((name) => existsSync(path.join(FIXTURES_DIR, `${name}.pdf`)));
if (!available) console.warn(`Skipping the digest fixture tests: run \`npm run fixtures\` to draw ${FIXTURES_DIR}.`);

describe.skipIf(!available)('digests over the fixture filings', () => {
  const store = createMemoryFilingStore();

  beforeAll(async () => {
    for (const name of FILES) {
      const bytes = new Uint8Array(await readFile(path.join(FIXTURES_DIR, `${name}.pdf`)));
      await ingestFiling(
        { store, now: () => new Date('2024-10-10T00:00:00Z') },
        { bytes, fileName: `${name}.pdf`, source: { kind: 'path', path: `${name}.pdf` } },
      );
    }
  }, 60_000);

  it('puts SenseTime’s November 2023 among the quiet, both WVR classes unchanged on October', async () => {
    const digest = await loadDigest(store, ['00020', '01892', '03388'], '2023-11');
    expect(digest.moved).toHaveLength(0);
    const [sensetime] = digest.quiet;
    expect(sensetime?.classes.map((c) => [c.closing, c.change, c.comparedWith])).toEqual([
      [25_948_809_928, 0, { kind: 'previous-return', month: '2023-10' }],
      [7_520_115_072, 0, { kind: 'previous-return', month: '2023-10' }],
    ]);
    expect(digest.pending.map((p) => [p.stockCode, p.latestMonthHeld])).toEqual([
      ['01892', '2023-06'],
      ['03388', '2024-09'],
    ]);
    const plain = renderPlainText(renderDigest(digest)[0] ?? { text: '' });
    expect(plain).toContain('Quiet (no change): SenseTime Group Inc. (00020)');
  });

  it('reads Harbourfront’s September 2024: -4,500,000 issued, treasury up 2,500,000 to 4,500,000', async () => {
    const digest = await loadDigest(store, ['03388'], '2024-09');
    const [harbourfront] = digest.moved;
    expect(harbourfront?.classes[0]).toMatchObject({
      closing: 995_500_000,
      previousClosing: 1_000_000_000,
      change: -4_500_000,
      comparedWith: { kind: 'preceding-balance' },
      treasuryClosing: 4_500_000,
      treasuryChange: 2_500_000,
    });
    expect(harbourfront?.classes[0]?.changePercent).toBeCloseTo(-0.45, 10);
    const plain = renderPlainText(renderDigest(digest)[0] ?? { text: '' });
    expect(plain).toContain(
      'Ordinary shares: 995,500,000 (-4,500,000, -0.45% vs preceding balance as printed); treasury 4,500,000 (+2,500,000)',
    );
  });

  it('lists Harbourfront’s repurchases and treasury transfers from III(E)', async () => {
    const digest = await loadDigest(store, ['03388'], '2024-09');
    expect(digest.moved[0]?.movements.map((m) => [m.kind, m.issuedChange, m.treasuryChange])).toEqual([
      ['repurchase', -5_000_000, 3_000_000],
      ['treasury-transfer', 500_000, -500_000],
    ]);
  });

  it('raises no flag on Harbourfront, whose III(E) table adds up to its part II movement', async () => {
    const digest = await loadDigest(store, ['03388'], '2024-09');
    expect(digest.moved[0]?.flags).toEqual([]);
  });

  it('shows Golden Bauhinia’s June 2023 change with the flag that its closing balance does not add up', async () => {
    const digest = await loadDigest(store, ['01892'], '2023-06');
    const [golden] = digest.moved;
    // The printed closing (1,255,500,000) is kept as filed; the flag says it should be 1,255,000,000.
    expect(golden?.classes[0]).toMatchObject({ closing: 1_255_500_000, change: 5_500_000 });
    expect(golden?.flags.map((f) => f.code)).toContain('balance-mismatch');
    const plain = renderPlainText(renderDigest(digest)[0] ?? { text: '' });
    // An error flag has the card's icon for an error (format/flag-icon.ts).
    expect(plain).toMatch(/✗ .*1,255,500,000/);
  });
});
