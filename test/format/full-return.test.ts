/**
 * The whole return behind "Show all" and `/shares CODE MONTH full`: every part III row and flag as held, within a
 * modal's limits (100 blocks, a title of 24 characters) and, for what a modal cannot hold, a message's.
 */
import { describe, expect, it } from 'vitest';
import { renderFullReturnMessages, renderFullReturnModal, renderFullReturnText } from '../../src/format/full-return.js';
import { checkBlockKit } from '../helpers/block-kit-limits.js';
import { makeMonthlyReturn } from '../helpers/factories.js';
import { loadFixtureReturn } from '../helpers/fixture-specs.js';
import { makeLargeReturn, makeNumberedFlag } from '../helpers/large-return.js';
import { renderPlainText } from '../helpers/plain-text.js';

const NAME = { stockCode: '00020', month: '2023-11', issuerName: 'Example Holdings Limited' } as const;

function textOf(name: string): string {
  return renderFullReturnText({ monthlyReturn: loadFixtureReturn(name), flags: [] });
}

/** What a reader can reach: the modal's text and the messages after it. */
function reachable(modal: ReturnType<typeof renderFullReturnModal>): string {
  const blocks = modal.view.blocks as Parameters<typeof renderPlainText>[0]['blocks'];
  return [renderPlainText({ text: '', blocks }), ...modal.rest.map(renderPlainText)].join('\n');
}

describe('the whole return of the fixture returns', () => {
  it("shows 06863's HDRs of part IV: 48,000,000 → +1,500,000 → 49,500,000", () => {
    expect(textOf('06863_2025-05_hdr')).toContain(
      'Hong Kong Depositary Receipts, each representing one ordinary share (06863): HDRs 48,000,000 -> +1,500,000 -> 49,500,000',
    );
  });

  it("shows 03388's repurchase pending cancellation and the treasury movement", () => {
    const text = textOf('03388_2024-09_treasury');
    expect(text).toContain(
      'Repurchase of shares (shares repurchased for cancellation but not yet cancelled) (repurchase) 2024-09-27: issued shares –; pending cancellation -1,200,000; at HKD 4.25; approved 2024-05-28',
    );
    expect(text).toContain('treasury shares 2,000,000 -> +2,500,000 -> 4,500,000');
    expect(text).toContain('III(E): The 1,200,000 shares repurchased on 27 September 2024 were cancelled');
  });

  it("shows 02597's conversion and share award with the new shares each issued", () => {
    const text = textOf('02597_2025-10_options-warrants-convertibles');
    expect(text).toContain(
      'HK$500,000,000 3.5% convertible bonds due 2028: HKD 500,000,000 -> 480,000,000 (Converted -20,000,000)\n' +
        '        new shares issued 2,500,000; issuable at close 60,000,000; type Bond/Notes; conversion price HKD 8',
    );
    expect(text).toContain('new shares issued 1,500,000; issuable at close 18,500,000; approved 2023-06-20');
  });

  it("names 01866's A shares by their listing in Shanghai, not as unlisted", () => {
    const text = textOf('01866_2025-06_a-plus-h');
    expect(text).toContain('(Shanghai 605988)');
    expect(text).not.toContain('unlisted');
  });

  it("names 01338's A shares by their Shanghai code in every part, apart from the HKEX codes", () => {
    const text = textOf('01338_2025-09_a-plus-h-sse');
    expect(text).toContain('Donghai Port Machinery Co., Ltd. (01338)');
    expect(text).toContain('Ordinary shares – A Shares (SSE 601338): shares 6,000,000,000 -> – -> 6,000,000,000');
    expect(text).toContain(
      'Ordinary shares – A Shares (SSE 601338): excluding treasury 4,800,000,000 -> +3,600,000 -> 4,803,600,000',
    );
  });

  it("shows 06288's depositary, HDR ratio and underlying class under its HDRs", () => {
    expect(textOf('06288_2025-08_hdr-depositary')).toContain(
      [
        '  Hong Kong Depositary Receipts, each representing two ordinary shares (06288): HDRs 30,000,000 -> +1,200,000 -> 31,200,000',
        '    underlying shares 60,000,000 -> +2,400,000 -> 62,400,000',
        '    Depositary: Harbour Trust Depositary Limited',
        '    Ratio: 1 HDR : 2 shares',
        '    Underlying: Ordinary shares, not listed on SEHK',
      ].join('\n'),
    );
  });

  it("names 02496's Series A preference shares", () => {
    expect(textOf('02496_2025-08_three-classes')).toContain('Series A preference shares');
  });
});

describe('Show all on a large return', () => {
  it('reaches every one of 30 schemes and 15 flags in one modal within its limits', () => {
    const flags = Array.from({ length: 15 }, (_, i) => makeNumberedFlag(i + 1));
    const modal = renderFullReturnModal({ monthlyReturn: makeLargeReturn(30), flags }, NAME);
    expect(checkBlockKit(modal.view as unknown as Record<string, unknown>, { surface: 'modal' })).toEqual([]);
    expect(modal.view.title.text).toBe('00020 · Nov 2023');
    expect(modal.rest).toEqual([]);
    const text = reachable(modal);
    for (let i = 1; i <= 30; i++) {
      expect(text).toContain(`Share Option Scheme ${i} (adopted on ${(i % 28) + 1} June 2019): outstanding`);
    }
    for (let i = 1; i <= 15; i++) expect(text).toContain(`[error] III(A) · Scheme ${i}: 1,000 + 5`);
    expect(text).toContain('Share Option Scheme 30 (adopted on 3 June 2019): outstanding 1,000,030 -> 970,000');
  });

  it('says in the modal where the rest is when 120 long flags need more than 100 blocks, and posts the rest', () => {
    const flags = Array.from({ length: 120 }, (_, i) => makeNumberedFlag(i + 1, `Flag ${i + 1}. ${'x'.repeat(2_000)}`));
    const modal = renderFullReturnModal({ monthlyReturn: makeLargeReturn(30), flags }, NAME);
    expect(modal.view.blocks).toHaveLength(100);
    expect(checkBlockKit(modal.view as unknown as Record<string, unknown>, { surface: 'modal' })).toEqual([]);
    expect(renderPlainText({ text: '', blocks: [modal.view.blocks.at(-1) as never] })).toMatch(
      /^ℹ A window holds 100 blocks and this return needs \d+: the rest is posted in the card's thread, in \d+ messages\.$/,
    );
    expect(modal.rest.length).toBeGreaterThan(1);
    for (const message of modal.rest) expect(checkBlockKit({ ...message })).toEqual([]);
    const text = reachable(modal);
    for (let i = 1; i <= 120; i++) expect(text).toContain(`Scheme ${i} · Flag ${i}. xxx`);
  });

  it('splits a remark longer than a section over sections, keeping every character', () => {
    const remark = `${'A long remark. '.repeat(400)}The end.`;
    const monthlyReturn = { ...makeMonthlyReturn(), remarks: remark };
    const [message, ...more] = renderFullReturnMessages({ monthlyReturn, flags: [] }, NAME);
    expect(more).toEqual([]);
    expect(checkBlockKit({ ...message })).toEqual([]);
    const plain = renderPlainText(message as never).replace(/\s+/g, ' ');
    expect(plain).toContain(`Return: ${remark}`.replace(/\s+/g, ' ').slice(0, 200));
    expect(plain).toContain('The end.');
    expect(message?.text).toBe('Example Holdings Limited (00020), Nov 2023: the whole return');
  });
});
