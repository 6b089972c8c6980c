import { describe, expect, it } from 'vitest';
import { compareSubmissions } from '../../src/domain/compare-submissions.js';
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

  it('finds nothing between a return and itself', () => {
    const march = loadFixtureReturn('02288_2025-03');
    expect(compareSubmissions(march, structuredClone(march))).toEqual([]);
  });
});
