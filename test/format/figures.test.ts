import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatDecimal, formatMonth } from '../../src/format/figures.js';

describe('figures', () => {
  it('groups share counts by thousands', () => {
    expect(formatCount(3_525_018_981)).toBe('3,525,018,981');
    expect(formatCount(-12_189_548)).toBe('-12,189,548');
    expect(formatCount(null)).toBe('–');
  });

  it('signs changes and calls zero no change', () => {
    expect(formatChange(809_928)).toBe('+809,928');
    expect(formatChange(-144_400)).toBe('-144,400');
    expect(formatChange(0)).toBe('no change');
  });

  it('groups money without turning it into a float', () => {
    expect(formatDecimal('300000000')).toBe('300,000,000');
    expect(formatDecimal('0.00000025')).toBe('0.00000025');
    expect(formatDecimal('-1234.5')).toBe('-1,234.5');
  });

  it('names months', () => {
    expect(formatMonth('2023-11')).toBe('November 2023');
  });
});
