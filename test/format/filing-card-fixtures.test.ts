import { describe, expect, it } from 'vitest';
import { renderFilingCard } from '../../src/format/filing-card.js';
import { buildFilingCardForSave } from '../../src/services/filing-card.js';
import { checkBlockKit } from '../helpers/block-kit-limits.js';
import { saveFixture } from '../helpers/fixture-specs.js';
import { createMemoryFilingStore } from '../helpers/memory-filing-store.js';
import { renderPlainText } from '../helpers/plain-text.js';

async function cardOf(...names: string[]) {
  const store = createMemoryFilingStore();
  let saved: Awaited<ReturnType<typeof saveFixture>> | undefined;
  for (const [i, name] of names.entries()) {
    saved = await saveFixture(store, name, { sha256: String(i + 1).repeat(64) });
  }
  if (!saved) throw new Error('no fixture named');
  const message = renderFilingCard(await buildFilingCardForSave(store, saved));
  expect(checkBlockKit({ ...message })).toEqual([]);
  return { message, plain: renderPlainText(message) };
}

describe('the card of the fixture returns', () => {
  it('shows the HDRs of part IV as a class of their own under their stock code', async () => {
    const { message, plain } = await cardOf('06863_2025-05_hdr');
    expect(plain).toContain('HDRs (part IV) · SEHK 06863');
    expect(plain).toContain('HDRs: 49,500,000 · +1,500,000 in the month');
    expect(plain).toContain('Underlying shares: 49,500,000 · +1,500,000 in the month');
    expect(message.text).toContain('HDRs 06863 49,500,000 (+1,500,000 in the month)');
    // The ordinary shares are listed in London, not unlisted.
    expect(plain).toContain('Ordinary shares · London\nIssued: 1,512,000,000');
  });

  it('shows treasury and total movements and the repurchase pending cancellation with its price', async () => {
    const { message, plain } = await cardOf('03388_2024-09_treasury');
    expect(plain).toContain('Issued: 995,500,000 · -4,500,000 in the month');
    expect(plain).toContain('Treasury: 4,500,000 · +2,500,000 in the month');
    expect(plain).toContain('Total: 1,000,000,000 · -2,000,000 in the month');
    expect(plain).toContain(
      'Repurchase of shares (shares repurchased for cancellation but not yet cancelled): pending cancellation -1,200,000; at HKD 4.25; on 2024-09-27',
    );
    expect(plain).toContain('Remarks (III(E)): The 1,200,000 shares repurchased on 27 September 2024');
    expect(message.text).toBe(
      'Harbourfront Digital Holdings Limited (03388), Sep 2024: issued Ordinary shares 995,500,000 (-4,500,000 in the month)',
    );
  });

  it('leads part III with the rows that moved issued shares most: the conversion, then the share award', async () => {
    const { message, plain } = await cardOf('02597_2025-10_options-warrants-convertibles');
    const rows = plain.split('\n').filter((line) => line.startsWith('• '));
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatch(
      /^• Convertibles · HK\$500,000,000 3\.5% convertible bonds due 2028: Converted -20,000,000;.*conversion price HKD 8; 2,500,000 new shares issued$/,
    );
    expect(rows[1]).toMatch(/^• Other arrangement · 2023 Share Award Scheme .*: 1,500,000 new shares issued$/);
    expect(rows[2]).toContain('1,250,000 new shares issued');
    expect(rows.at(-1)).toContain('Lapsed -200,000');
    expect(plain).not.toContain('more rows');
    expect(message.text).toContain('issued Ordinary shares 1,257,650,000 (+7,250,000 in the month)');
  });

  it('names each class by its class name, and each conversion row by its class', async () => {
    const { plain } = await cardOf('02496_2025-08_three-classes');
    expect(plain).toContain(
      'Series A preference shares – Convertible into ordinary shares one for one · not listed on SEHK',
    );
    expect(plain).toContain('Series B preference shares – Redeemable, non-voting · not listed on SEHK');
    expect(plain).toContain(
      'Other movement (Ordinary shares) · Conversion of Series A preference shares into ordinary shares: issued shares +5,000,000',
    );
    expect(plain).toContain(
      'Other movement (Series A preference shares – Convertible into ordinary shares one for one) · Conversion of Series A preference shares into ordinary shares: issued shares -5,000,000',
    );
  });

  it('names where each class of an A+H issuer is listed, the same in parts I and II', async () => {
    const { plain } = await cardOf('01866_2025-06_a-plus-h');
    expect(plain).toContain(
      'Ordinary shares – A shares · Shanghai 605988\nIssued: 2,851,250,000 · +1,250,000 in the month',
    );
    expect(plain).toContain('Ordinary shares – H shares · SEHK 01866');
    expect(plain).toContain('Ordinary shares – A shares: 3,000,000,000 shares × RMB 1 = RMB 3,000,000,000');
    expect(plain).toContain('Public float: complied with (Initial Prescribed Threshold - 25%');
  });

  it('names an A share by the Shanghai code its stock code cell prints, in parts I and II and III(A)', async () => {
    const { message, plain } = await cardOf('01338_2025-09_a-plus-h-sse');
    expect(plain).toContain('Ordinary shares – A Shares · SSE 601338\nIssued: 4,803,600,000 · +3,600,000 in the month');
    expect(plain).toContain('Ordinary shares – H Shares · SEHK 01338\nIssued: 1,600,000,000');
    expect(plain).not.toMatch(/SEHK 60133|SEHK 01338 \/|unlisted/);
    expect(message.text).toContain('Donghai Port Machinery Co., Ltd. (01338), Sep 2025');
  });

  it("shows an HDR's depositary, its ratio of 1 HDR to 2 shares and the underlying class", async () => {
    const { message, plain } = await cardOf('06288_2025-08_hdr-depositary');
    expect(plain).toContain(
      'HDRs (part IV) · SEHK 06288\nHong Kong Depositary Receipts, each representing two ordinary shares\n' +
        'Depositary: Harbour Trust Depositary Limited · Ratio: 1 HDR : 2 shares · Underlying: Ordinary shares, not listed on SEHK\n' +
        'HDRs: 31,200,000 · +1,200,000 in the month',
    );
    expect(plain).toContain('Underlying shares: 62,400,000 · +2,400,000 in the month');
    expect(message.text).toContain('HDRs 06288 31,200,000 (+1,200,000 in the month)');
  });

  it('shows no depositary line for HDRs whose part IV prints none', async () => {
    const { plain } = await cardOf('06863_2025-05_hdr');
    expect(plain).not.toContain('Depositary:');
  });

  it('shows both the month’s movement and the change against the month held before', async () => {
    const { message, plain } = await cardOf('00020_2023-10', '00020_2023-11');
    expect(plain).toContain('WVR ordinary shares – Class B ordinary shares · SEHK 00020 / 80020 RMB');
    expect(plain).toMatch(/Issued: [\d,]+ · no change in the month · no change vs Oct 2023/);
    expect(message.text).toContain('(no change vs Oct 2023)');
  });
});

describe('the card of a resubmission', () => {
  it("lists what changed from 02288 as first submitted, field by field, and quotes the filer's remark", async () => {
    const { message, plain } = await cardOf('02288_2025-03', '02288_2025-03_resubmitted');
    expect(plain).toContain('What changed from the submission of 2025-04-02 (was → now):');
    expect(plain).toContain('• status: new → resubmission');
    expect(plain).toContain('• date submitted: 2025-04-02 → 2025-04-09');
    expect(plain).toMatch(/• III\(A\) · [^\n]* · Exercised: -300,000 → -320,000\n/);
    expect(plain).toMatch(/• III\(A\) · [^\n]* · new shares issued: 300,000 → 320,000\n/);
    expect(plain).toMatch(/• II · [^\n]* · issued shares · movement: 300,000 → 320,000\n/);
    expect(plain).toContain(
      "Filer's remark (II): “This return supersedes the return submitted on 2 April 2025, which understated the options exercised by 20,000.”",
    );
    expect(message.text).toContain('Resubmission, supersedes an earlier one');
  });
});
