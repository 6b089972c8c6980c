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
      ':x: Ordinary shares: 500,000,000 + 0 = 500,000,000, but the form says 500,000,100',
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

  it('names every company within five messages, those past a section each one line each with their change', () => {
    const messages = renderDigest(largeDigest(400, 40), { maxMessages: 5 });
    expect(messages.length).toBeLessThanOrEqual(5);
    const texts = messages.flatMap((m) => sectionTexts(m.blocks));
    const sections = texts.filter((t) => t.startsWith('*Company Number')).length;
    const all = texts.join('\n');
    for (let i = 0; i < 400; i += 1) expect(all).toContain(`Company Number ${i} Holdings Limited (${10_000 + i})`);
    for (let i = 0; i < 40; i += 1) expect(all).toContain(`${30_000 + i} (no return held yet)`);
    // The largest change (company 399, +400 shares) keeps its section; the smallest are listed with theirs.
    expect(texts[1]).toContain('Company Number 399 Holdings Limited (10399)');
    const overflow = texts.filter((t) => t.startsWith(`*${400 - sections} more that moved*`));
    expect(overflow[0]).toContain(`Company Number ${399 - sections} Holdings Limited`);
    expect(overflow.at(-1)).toMatch(/Company Number 0 Holdings Limited \(10000\) \+&lt;0\.01%$/);
    for (const m of messages) expect(JSON.stringify(m.blocks).length).toBeLessThanOrEqual(12_000);
  });

  it('lists a quiet list of 600 companies over as many sections as it needs, naming each', () => {
    const quietOnly = largeDigest(0);
    const many = {
      ...quietOnly,
      watchedCount: 600,
      quiet: Array.from({ length: 600 }, (_, i) => ({
        stockCode: String(20_000 + i),
        issuerName: `Quiet Company ${i} Limited`,
        dateSubmitted: null,
        resubmission: false,
        late: false,
        classes: [],
        movements: [],
        flags: [],
      })),
    };
    const texts = renderDigest(many).flatMap((m) => sectionTexts(m.blocks));
    const quiet = texts.filter((t) => t.startsWith('*Quiet*'));
    expect(quiet.length).toBeGreaterThan(1);
    expect(quiet[0]).toMatch(/^\*Quiet\* \(no change\): Quiet Company 0 Limited \(20000\), /);
    expect(quiet[1]).toMatch(/^\*Quiet\* \(no change\) \(continued\): /);
    for (const text of quiet) expect(text.length).toBeLessThanOrEqual(3000);
    expect((quiet.join(', ').match(/Quiet Company \d+ Limited/g) ?? []).length).toBe(600);
  });
});

describe('formatPercent', () => {
  it('shows two decimals with a sign, and a tiny change as an escaped <0.01%', () => {
    expect(formatPercent(5)).toBe('+5.00%');
    expect(formatPercent(-0.0842105)).toBe('-0.08%');
    // Escaped: the digest is mrkdwn, where a raw `<` would open a link.
    expect(formatPercent(0.0001)).toBe('+&lt;0.01%');
    expect(formatPercent(-0.004)).toBe('-&lt;0.01%');
    expect(formatPercent(null)).toBeNull();
  });
});
