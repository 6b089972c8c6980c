import { describe, expect, it } from 'vitest';
import { StoredReturnSchema } from '../../src/domain/stored-return.js';
import { toStoredReturn } from '../../src/store/submissions.js';
import { makeMarketReturn, monthsFrom } from './market-returns.js';

describe('returns made for measuring the store', () => {
  it('validate, and weigh what a parsed return weighs (5 to 15 KB of JSON)', () => {
    const codes = Array.from({ length: 80 }, (_, i) => String(1 + i * 37).padStart(5, '0'));
    const sizes = codes.map((code) => {
      const stored = toStoredReturn(makeMarketReturn(code, '2024-03'));
      expect(StoredReturnSchema.safeParse(stored).success).toBe(true);
      return JSON.stringify(stored).length;
    });
    for (const size of sizes) expect(size).toBeGreaterThan(5_000);
    for (const size of sizes) expect(size).toBeLessThan(15_000);
  });

  it('are the same for the same code and month, and differ between months', () => {
    expect(makeMarketReturn('00020', '2024-03')).toEqual(makeMarketReturn('00020', '2024-03'));
    expect(makeMarketReturn('00020', '2024-03').provenance.sha256).not.toBe(
      makeMarketReturn('00020', '2024-04').provenance.sha256,
    );
  });

  it('count months across a year end', () => {
    expect(monthsFrom('2023-11', 3)).toEqual(['2023-11', '2023-12', '2024-01']);
  });
});
