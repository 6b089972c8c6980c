import { describe, expect, it } from 'vitest';
import { compareSubmissions } from '../../src/domain/compare-submissions.js';
import type { MonthlyReturn } from '../../src/domain/monthly-return.js';
import { loadFixtureReturn } from '../helpers/fixture-specs.js';

describe('compareSubmissions', () => {
  it("lists every field 02288's resubmission changed, named in the form's words", () => {
    const changes = compareSubmissions(
      loadFixtureReturn('02288_2025-03'),
      loadFixtureReturn('02288_2025-03_resubmitted'),
    );
    const scheme = 'Share Option Scheme adopted on 26 May 2020';
    expect(changes.map((c) => [c.where.join(' · '), c.was, c.now])).toEqual([
      ['status', 'new', 'resubmission'],
      ['date submitted', '2025-04-02', '2025-04-09'],
      ['II · Ordinary shares · issued shares · movement', 300_000, 320_000],
      ['II · Ordinary shares · issued shares · closing', 860_300_000, 860_320_000],
      ['II · Ordinary shares · total issued shares · closing', 860_300_000, 860_320_000],
      [
        'II · remarks',
        null,
        'This return supersedes the return submitted on 2 April 2025, which understated the options exercised by 20,000.',
      ],
      [`III · (A) · Ordinary shares · ${scheme} · Exercised`, -300_000, -320_000],
      [`III · (A) · Ordinary shares · ${scheme} · outstanding closing`, 11_700_000, 11_680_000],
      [`III · (A) · Ordinary shares · ${scheme} · new shares issued`, 300_000, 320_000],
      [`III · (A) · Ordinary shares · ${scheme} · shares issuable at close`, 11_700_000, 11_680_000],
      ['III · (A) · totals · Ordinary shares · increase in issued shares', 300_000, 320_000],
      ['III · (A) · funds raised', '450000', '480000'],
      ['III · totals · Ordinary shares · change in issued shares', 300_000, 320_000],
    ]);
  });

  it('tells a total that became a figure by its figure, not by the "N/A" it printed before', () => {
    const march = loadFixtureReturn('02288_2025-03');
    const withTotal = (total: MonthlyReturn['detailsOfMovements']['totals'][number]): MonthlyReturn => ({
      ...march,
      detailsOfMovements: { ...march.detailsOfMovements, totals: [total] },
    });
    const notApplicable = withTotal({
      className: 'Ordinary shares',
      changeInIssuedShares: null,
      changeInTreasuryShares: null,
      printedInstead: { changeInIssuedShares: 'N/A' },
    });
    const figure = withTotal({
      className: 'Ordinary shares',
      changeInIssuedShares: 300_000,
      changeInTreasuryShares: null,
    });
    expect(compareSubmissions(notApplicable, figure).map((c) => [c.where.join(' · '), c.was, c.now])).toEqual([
      ['III · totals · Ordinary shares · change in issued shares', null, 300_000],
    ]);
    // The same N/A return read before the parser kept what a total prints instead: no change to tell.
    const readBefore = withTotal({
      className: 'Ordinary shares',
      changeInIssuedShares: null,
      changeInTreasuryShares: null,
    });
    expect(compareSubmissions(readBefore, notApplicable)).toEqual([]);
  });

  it('finds nothing between a return and itself', () => {
    const march = loadFixtureReturn('02288_2025-03');
    expect(compareSubmissions(march, structuredClone(march))).toEqual([]);
  });
});
