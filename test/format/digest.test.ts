import type { KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestSource } from '../../src/digest/build-digest.js';
import type { StockCode } from '../../src/domain/stock-code.js';
import { renderDigest } from '../../src/format/digest.js';
import { formatPercent } from '../../src/format/digest-company.js';
import { NOVEMBER_RETURNS, NOVEMBER_WATCHLIST, storedReturnFor } from '../digest/digest-returns.js';
import { renderPlainText } from '../helpers/plain-text.js';

function novemberSources(): DigestSource[] {
  return NOVEMBER_WATCHLIST.map((stockCode) => {
    const held = NOVEMBER_RETURNS.filter((spec) => spec.stockCode === stockCode);
    const current = held.find((spec) => spec.month === '2023-11');
    const previous = held.find((spec) => spec.month === '2023-10');
    return {
      stockCode,
      current: current ? storedReturnFor(current) : null,
      previous: previous ? storedReturnFor(previous) : null,
    };
  });
}

/** `count` companies, company i growing by i+1 shares on a base of 1,000,000, none held for `pending` more. */
function largeDigest(count: number, pending = 0) {
  const sources: DigestSource[] = [];
  for (let i = 0; i < count; i += 1) {
    const stockCode = String(10_000 + i).padStart(5, '0') as StockCode;
    const spec = { stockCode, issuerName: `Company Number ${i} Holdings Limited`, preceding: 1_000_000 };
    sources.push({
      stockCode,
      current: storedReturnFor({ ...spec, month: '2023-11', closing: 1_000_000 + i + 1 }),
      previous: storedReturnFor({ ...spec, month: '2023-10', closing: 1_000_000 }),
    });
  }
  for (let i = 0; i < pending; i += 1) {
    sources.push({ stockCode: String(30_000 + i).padStart(5, '0'), current: null, previous: null });
  }
  return buildDigest({ month: '2023-11', deadline: '2023-12-07', sources });
}

function sectionTexts(blocks: readonly KnownBlock[]): string[] {
  return blocks.filter((b): b is SectionBlock => b.type === 'section').map((b) => b.text?.text ?? '');
}

const november = buildDigest({ month: '2023-11', deadline: '2023-12-07', sources: novemberSources() });

describe('renderDigest', () => {
  const [message, ...others] = renderDigest(november);

  it('fits the November watchlist in one message of nine blocks', () => {
    expect(others).toHaveLength(0);
    expect(message?.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'section',
      'section',
      'section',
      'section',
      'context',
    ]);
  });

  it('opens with how many watched companies have filed, and the deadline', () => {
    expect(sectionTexts(message?.blocks ?? [])[0]).toBe(
      '*6 of 8* watched companies have filed for November 2023 (deadline Thu 7 Dec 2023): 4 moved or flagged, 2 quiet, 2 not held yet.',
    );
  });

  it('shows the consolidation first, with its closing balance, change, percent and movement', () => {
    expect(sectionTexts(message?.blocks ?? [])[1]).toBe(
      [
        '*Consolidated Example Limited (02628)* · submitted 2023-12-06',
        'Ordinary shares: *100,000,000* (-900,000,000, -90.00% vs Oct 2023)',
        '• Share consolidation: -900,000,000 issued',
      ].join('\n'),
    );
  });

  it('lists options exercised and repurchases under Tencent', () => {
    expect(sectionTexts(message?.blocks ?? [])[3]).toBe(
      [
        '*Tencent Holdings Limited (00700)* · submitted 2023-12-06',
        'Ordinary shares: *9,492,000,000* (-8,000,000, -0.08% vs Oct 2023)',
        '• Share options exercised: +2,000,000 issued',
        '• Repurchases: -10,000,000 issued (2 entries)',
      ].join('\n'),
    );
  });

  it('shows a flag beside an unchanged count', () => {
    expect(sectionTexts(message?.blocks ?? [])[4]).toContain(
      ':warning: Ordinary shares: 500,000,000 + 0 = 500,000,000, but the form says 500,000,100',
    );
  });

  it('summarises the quiet companies and those not held yet on one line each', () => {
    const texts = sectionTexts(message?.blocks ?? []);
    expect(texts[5]).toBe('*Quiet* (no change): HSBC Holdings plc (00005), AIA Group Limited (01299)');
    expect(texts[6]).toBe(
      '*No November 2023 return held yet* (2): 00388 (no return held yet), Alibaba Group Holding Limited (09988, latest Oct 2023)',
    );
  });

  it('gives a text fallback that a phone notification can stand on', () => {
    expect(message?.text).toBe(
      'November 2023 digest: 6 of 8 watched companies have filed; largest change Consolidated Example Limited (02628) -90.00%; not held yet: 00388, 09988.',
    );
  });

  it('reads as plain text with the consolidation above the placing', () => {
    const plain = renderPlainText(message ?? { text: '' });
    expect(plain.indexOf('Consolidated Example')).toBeLessThan(plain.indexOf('Example Holdings Limited (00020)'));
  });
});

describe('renderDigest on a long watchlist', () => {
  const digest = largeDigest(150, 40);

  it('splits 150 moved companies over several messages within 50 blocks and 12,000 characters each', () => {
    const messages = renderDigest(digest);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      expect(JSON.stringify(m.blocks).length).toBeLessThanOrEqual(12_000);
    }
    const shown = messages.flatMap((m) => sectionTexts(m.blocks)).filter((t) => t.startsWith('*Company Number'));
    const moreLine = messages.flatMap((m) => sectionTexts(m.blocks)).find((t) => t.startsWith('*+'));
    const more = Number(/^\*\+(\d+) more that moved/.exec(moreLine ?? '')?.[1] ?? 0);
    expect(shown.length + more).toBe(150);
    expect(messages[1]?.text).toBe(`November 2023 digest, continued (2 of ${messages.length})`);
  });

  it('keeps a slash-command reply to one message, the rest as "+N more"', () => {
    const [only, ...rest] = renderDigest(digest, { maxMessages: 1 });
    expect(rest).toHaveLength(0);
    const texts = sectionTexts(only?.blocks ?? []);
    const shown = texts.filter((t) => t.startsWith('*Company Number')).length;
    const more = Number(/^\*\+(\d+) more that moved/.exec(texts.find((t) => t.startsWith('*+')) ?? '')?.[1]);
    expect(shown + more).toBe(150);
    // The largest change (company 149, +150 shares) comes first.
    expect(texts[1]).toContain('Company Number 149 Holdings Limited (10149)');
    expect(texts.at(-1)).toMatch(/^\*No November 2023 return held yet\* \(40\): 30000 \(no return held yet\)/);
    expect(JSON.stringify(only?.blocks).length).toBeLessThanOrEqual(12_000);
  });

  it('cuts a quiet list of 600 companies to one section with "+N more"', () => {
    const quietOnly = largeDigest(0);
    const many = {
      ...quietOnly,
      watchedCount: 600,
      quiet: Array.from({ length: 600 }, (_, i) => ({
        stockCode: String(20_000 + i),
        issuerName: `Quiet Company ${i} Limited`,
        dateSubmitted: null,
        resubmission: false,
        classes: [],
        movements: [],
        flags: [],
      })),
    };
    const texts = sectionTexts(renderDigest(many)[0]?.blocks ?? []);
    const quiet = texts.find((t) => t.startsWith('*Quiet*')) ?? '';
    expect(quiet.length).toBeLessThanOrEqual(3000);
    const listed = (quiet.match(/Quiet Company/g) ?? []).length;
    expect(quiet.endsWith(`, +${600 - listed} more`)).toBe(true);
  });
});

describe('formatPercent', () => {
  it('shows two decimals with a sign, and a tiny change as <0.01%', () => {
    expect(formatPercent(5)).toBe('+5.00%');
    expect(formatPercent(-0.0842105)).toBe('-0.08%');
    expect(formatPercent(0.0001)).toBe('+<0.01%');
    expect(formatPercent(null)).toBeNull();
  });
});
