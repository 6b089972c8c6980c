import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestSource } from '../../src/digest/build-digest.js';
import type { ReportMonth } from '../../src/domain/monthly-return.js';
import type { StockCode } from '../../src/domain/stock-code.js';
import {
  type DigestReturnSpec,
  makeOtherMovement,
  NOVEMBER_RETURNS,
  NOVEMBER_WATCHLIST,
  storedReturnFor,
} from './digest-returns.js';

function sourcesFor(
  codes: readonly StockCode[],
  month: ReportMonth,
  specs: readonly DigestReturnSpec[],
): DigestSource[] {
  return codes.map((stockCode) => {
    const held = specs.filter((spec) => spec.stockCode === stockCode);
    const current = held.find((spec) => spec.month === month);
    const previous = held.filter((spec) => spec.month < month).sort((a, b) => (a.month < b.month ? 1 : -1))[0];
    return {
      stockCode,
      current: current ? storedReturnFor(current) : null,
      previous: previous ? storedReturnFor(previous) : null,
    };
  });
}

const november = buildDigest({
  month: '2023-11',
  deadline: '2023-12-07',
  sources: sourcesFor(NOVEMBER_WATCHLIST, '2023-11', NOVEMBER_RETURNS),
});

describe('buildDigest', () => {
  it('counts six of eight watched companies as filed', () => {
    expect(november.watchedCount).toBe(8);
    expect(november.moved.length + november.quiet.length).toBe(6);
  });

  it('orders the companies that moved by the size of their change, a flag-only return last', () => {
    expect(november.moved.map((c) => c.stockCode)).toEqual(['02628', '00020', '00700', '00066']);
  });

  it('measures a 10-into-1 consolidation as -900,000,000 shares, -90%, against October', () => {
    const [consolidated] = november.moved;
    expect(consolidated?.classes[0]).toMatchObject({
      closing: 100_000_000,
      previousClosing: 1_000_000_000,
      change: -900_000_000,
      changePercent: -90,
      comparedWith: { kind: 'previous-return', month: '2023-10' },
    });
    expect(consolidated?.movements).toEqual([
      {
        kind: 'consolidation',
        label: 'Share consolidation',
        issuedChange: -900_000_000,
        treasuryChange: null,
        rows: 1,
      },
    ]);
  });

  it('nets repurchases against options exercised: -8,000,000 shares, -0.084%', () => {
    const tencent = november.moved.find((c) => c.stockCode === '00700');
    expect(tencent?.classes[0]?.change).toBe(-8_000_000);
    expect(tencent?.classes[0]?.changePercent).toBeCloseTo(-0.0842105, 6);
    expect(tencent?.movements).toEqual([
      {
        kind: 'options-exercised',
        label: 'Share options exercised',
        issuedChange: 2_000_000,
        treasuryChange: null,
        rows: 1,
      },
      { kind: 'repurchase', label: 'Repurchases', issuedChange: -10_000_000, treasuryChange: null, rows: 2 },
    ]);
  });

  it('keeps a return with an unchanged count but a flag out of the quiet ones', () => {
    const flagged = november.moved.find((c) => c.stockCode === '00066');
    expect(flagged?.classes[0]?.change).toBe(0);
    expect(flagged?.flags.map((f) => f.code)).toEqual(['balance-mismatch']);
  });

  it('puts the unchanged returns among the quiet, by code, the first month held measured on its preceding balance', () => {
    expect(november.quiet.map((c) => c.stockCode)).toEqual(['00005', '01299']);
    expect(november.quiet[1]?.classes[0]?.comparedWith).toEqual({ kind: 'preceding-balance' });
  });

  it('lists the companies with no November return, naming those with an earlier return held', () => {
    expect(november.pending).toEqual([
      { stockCode: '00388', issuerName: null, latestMonthHeld: null, late: false },
      { stockCode: '09988', issuerName: 'Alibaba Group Holding Limited', latestMonthHeld: '2023-10', late: false },
    ]);
  });

  it('names a company not filed by its latest return, even one of a later month', () => {
    const later = storedReturnFor({
      stockCode: '01723',
      issuerName: 'Moon Inc.',
      month: '2026-01',
      preceding: 1,
      closing: 1,
    });
    const digest = buildDigest({
      month: '2025-09',
      deadline: '2025-10-09',
      sources: [{ stockCode: '01723', current: null, previous: null, latest: later }],
    });
    expect(digest.pending).toEqual([
      { stockCode: '01723', issuerName: 'Moon Inc.', latestMonthHeld: '2026-01', late: false },
    ]);
  });

  it('compares with the latest earlier month held when the month before is missing, and notes the gap', () => {
    const specs: DigestReturnSpec[] = [
      { stockCode: '00020', issuerName: 'Example', month: '2023-09', preceding: 990, closing: 1_000 },
      { stockCode: '00020', issuerName: 'Example', month: '2023-11', preceding: 1_010, closing: 1_020 },
    ];
    const digest = buildDigest({
      month: '2023-11',
      deadline: '2023-12-07',
      sources: sourcesFor(['00020'], '2023-11', specs),
    });
    const company = digest.moved[0];
    expect(company?.classes[0]).toMatchObject({
      previousClosing: 1_000,
      change: 20,
      changePercent: 2,
      comparedWith: { kind: 'previous-return', month: '2023-09' },
    });
    // A gap across months not held is information, not a warning about the return.
    expect(company?.flags.map((f) => [f.code, f.severity])).toEqual([['continuity-break', 'info']]);
  });

  it('reads treasury movements: 3,000,000 repurchased into treasury', () => {
    const specs: DigestReturnSpec[] = [
      {
        stockCode: '00388',
        issuerName: 'Exchange Example',
        month: '2024-07',
        preceding: 1_267_000_000,
        closing: 1_267_000_000,
        treasury: { preceding: 0, closing: 3_000_000 },
        otherMovements: [
          makeOtherMovement({
            event: 'Repurchase of shares (shares held as treasury shares)',
            type: 'repurchase',
            changeInIssuedShares: -3_000_000,
            changeInTreasuryShares: 3_000_000,
          }),
        ],
      },
    ];
    const digest = buildDigest({
      month: '2024-07',
      deadline: '2024-08-07',
      sources: sourcesFor(['00388'], '2024-07', specs),
    });
    const company = digest.moved[0];
    expect(company?.classes[0]).toMatchObject({ treasuryClosing: 3_000_000, treasuryChange: 3_000_000 });
    expect(company?.movements[0]).toMatchObject({ issuedChange: -3_000_000, treasuryChange: 3_000_000 });
  });

  it('leaves the percentage unknown rather than dividing by a zero base', () => {
    const specs: DigestReturnSpec[] = [
      { stockCode: '00020', issuerName: 'New Listing', month: '2023-11', preceding: 0, closing: 500 },
    ];
    const digest = buildDigest({
      month: '2023-11',
      deadline: '2023-12-07',
      sources: sourcesFor(['00020'], '2023-11', specs),
    });
    expect(digest.moved[0]?.classes[0]).toMatchObject({ change: 500, changePercent: null });
  });
});

describe('buildDigest: late filers', () => {
  const spec = { stockCode: '01723', issuerName: 'Moon Inc.', month: '2025-09', preceding: 1, closing: 1 } as const;
  // September 2025's deadline is Thu 9 Oct 2025: published by 08:30 that morning.
  const deadline = '2025-10-09';
  const releasedOn = (releasedAt: string) => {
    const stored = storedReturnFor(spec);
    const source = {
      kind: 'hkexnews' as const,
      newsId: '1',
      url: 'https://www1.hkexnews.hk/x.pdf',
      title: 't',
      releasedAt,
    };
    return { ...stored, provenance: { ...stored.provenance, source } };
  };
  const filed = (current: ReturnType<typeof releasedOn>) =>
    buildDigest({ month: '2025-09', deadline, sources: [{ stockCode: '01723', current, previous: null }] }).quiet;

  it('names a return released on HKEXnews after 08:30 on the deadline day as filed late, one before it as on time', () => {
    expect(filed(releasedOn('2025-10-09T08:29+08:00'))[0]?.late).toBe(false);
    expect(filed(releasedOn('2025-10-09T16:31+08:00'))[0]?.late).toBe(true);
  });

  it('names a code HKEXnews was asked about and lists nothing for as late; one not asked about as not held', () => {
    const digest = buildDigest({
      month: '2025-09',
      deadline,
      sources: [
        { stockCode: '01723', current: null, previous: null },
        { stockCode: '00020', current: null, previous: null },
      ],
      checkedOnHkexnews: ['01723'],
    });
    expect(digest.pending.map((p) => [p.stockCode, p.late])).toEqual([
      ['00020', false],
      ['01723', true],
    ]);
  });
});
