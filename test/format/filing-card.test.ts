import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../src/domain/flag.js';
import { SLACK_LIMITS } from '../../src/format/blocks.js';
import { renderFilingCard, shortIssuerName } from '../../src/format/filing-card.js';
import { buildFilingCard, buildFilingCardForSave } from '../../src/services/filing-card.js';
import { makeIssuedShareClass } from '../helpers/factories.js';
import { createMemoryFilingStore } from '../helpers/memory-filing-store.js';
import { renderPlainText } from '../helpers/plain-text.js';
import { makeSenseTimeReturn, SENSETIME_NAME, saveSample } from '../helpers/sample-returns.js';

function allTexts(blocks: KnownBlock[]): string[] {
  return (
    JSON.stringify(blocks)
      .match(/"text":"(?:[^"\\]|\\.)*"/g)
      ?.map((t) => JSON.parse(t.slice(7)) as string) ?? []
  );
}

async function senseTimeCard(options: { october?: number; november?: number; flags?: Flag[] } = {}) {
  const store = createMemoryFilingStore();
  if (options.october !== undefined) {
    await saveSample(store, makeSenseTimeReturn({ month: '2023-10', classBClosing: options.october }));
  }
  const november = makeSenseTimeReturn({ classBPreceding: options.october, classBClosing: options.november });
  const saved = await store.save({
    monthlyReturn: november,
    flags: options.flags ?? [],
    provenance: {
      source: {
        kind: 'slack',
        fileId: 'F1',
        fileName: '00020_2023-11.pdf',
        channelId: 'C1',
        userId: 'U1',
        permalink: 'https://example.slack.com/files/U1/F1/00020_2023-11.pdf',
      },
      sha256: 'b'.repeat(64),
      readAt: '2023-12-07T01:00:00.000Z',
      parserVersion: '0.1.0',
    },
  });
  return { store, card: await buildFilingCardForSave(store, saved) };
}

describe('renderFilingCard', () => {
  it('heads the card with the issuer, its code and the month', async () => {
    const { card } = await senseTimeCard();
    const message = renderFilingCard(card);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'SenseTime Group Inc. (00020) · November 2023', emoji: false },
    });
  });

  it('shows the submission date, status and form version', async () => {
    const { card } = await senseTimeCard();
    const plain = renderPlainText(renderFilingCard(card));
    expect(plain).toContain('Submitted 2023-12-06 · New submission · FF301 v1.0.2 · English');
  });

  it('shows issued shares of each class with the change against the previous month held', async () => {
    const { card } = await senseTimeCard({ october: 25_948_000_000 });
    const plain = renderPlainText(renderFilingCard(card));
    expect(plain).toContain(
      'WVR ordinary shares – Class B ordinary shares · SEHK 00020 / 80020 RMB\nIssued: 25,948,809,928 · +809,928 in the month · +809,928 vs Oct 2023',
    );
    expect(plain).toContain(
      'WVR ordinary shares – Class A ordinary shares · not listed on SEHK\nIssued: 7,520,115,072 · no change in the month · no change vs Oct 2023',
    );
  });

  it('says plainly when no earlier month is held', async () => {
    const { card } = await senseTimeCard();
    const plain = renderPlainText(renderFilingCard(card));
    expect(plain).toContain('No earlier month is held for 00020: nothing to compare with.');
    expect(plain).toContain('Every check passed (no earlier month held to check continuity against)');
  });

  it('shows authorised capital per class and in total', async () => {
    const { card } = await senseTimeCard();
    const plain = renderPlainText(renderFilingCard(card));
    expect(plain).toContain(
      'WVR ordinary shares – Class B ordinary shares: 1,992,000,000,000 shares × USD 0.000000025 = USD 49,800',
    );
    expect(plain).toContain('Total: USD 50,000');
  });

  it('lists the option scheme movement with the shares left outstanding', async () => {
    const { card } = await senseTimeCard();
    const plain = renderPlainText(renderFilingCard(card));
    expect(plain).toMatch(
      /Options · Class B Shares held by SenseTalent.*: Other Sold -12,189,548; outstanding 3,537,208,529 → 3,525,018,981/,
    );
  });

  it('flags a continuity break between the preceding balance and the closing balance held', async () => {
    // October closes at 25,948,000,000 but November opens at 25,900,000,000.
    const store = createMemoryFilingStore();
    await saveSample(store, makeSenseTimeReturn({ month: '2023-10', classBClosing: 25_948_000_000 }));
    const saved = await saveSample(store, makeSenseTimeReturn({ classBPreceding: 25_900_000_000 }));
    const card = await buildFilingCardForSave(store, saved);
    const plain = renderPlainText(renderFilingCard(card));
    expect(plain).toContain('Flags (1)');
    expect(plain).toContain(
      '✗ II · Class B ordinary shares: issued shares at close of preceding month is 25,900,000,000, but the 2023-10 return held closes at 25,948,000,000',
    );
  });

  it('says which return a resubmission supersedes', async () => {
    const store = createMemoryFilingStore();
    await saveSample(store, makeSenseTimeReturn());
    const resubmission = makeSenseTimeReturn({
      classBClosing: 25_948_809_999,
      classBPreceding: 25_948_809_928,
      overrides: { status: 'resubmission', dateSubmitted: '2023-12-08' },
    });
    const saved = await saveSample(store, resubmission);
    expect(saved.status).toBe('superseded-earlier');
    const message = renderFilingCard(await buildFilingCardForSave(store, saved));
    expect(renderPlainText(message)).toContain(
      '↻ Resubmission: supersedes the return for November 2023 submitted 2023-12-06',
    );
    expect(message.text).toContain('Resubmission, supersedes an earlier one');
  });

  it('gives a fallback text that reads on a phone', async () => {
    const { card } = await senseTimeCard({ october: 25_948_809_928 });
    expect(renderFilingCard(card).text).toBe(
      'SenseTime Group Inc. (00020), Nov 2023: issued WVR ordinary shares – Class B ordinary shares 25,948,809,928 (no change vs Oct 2023); WVR ordinary shares – Class A ordinary shares 7,520,115,072 (no change vs Oct 2023)',
    );
  });

  it('carries History, Chart, Previous month and Show all buttons naming the return, and Post to channel only when asked', async () => {
    const { card } = await senseTimeCard();
    const buttons = (message: ReturnType<typeof renderFilingCard>) =>
      message.blocks
        .flatMap((b) => (b.type === 'actions' ? b.elements : []))
        .map((e) => ('value' in e ? `${e.action_id}=${e.value}` : ''));
    expect(buttons(renderFilingCard(card))).toEqual([
      'shares_history=00020:2023-11',
      'shares_chart=00020:2023-11',
      'shares_previous_month=00020:2023-11',
      'shares_show_all=00020:2023-11',
    ]);
    expect(buttons(renderFilingCard(card, { postToChannel: true }))).toHaveLength(5);
  });

  it('stays within Slack limits for an issuer with many classes and flags', async () => {
    const store = createMemoryFilingStore();
    const classes = Array.from({ length: 30 }, (_, i) =>
      makeIssuedShareClass({ className: `Class ${i} ${'preference '.repeat(40)}`, description: null, stockCode: null }),
    );
    const flags: Flag[] = Array.from({ length: 70 }, (_, i) => ({
      code: 'balance-mismatch',
      severity: 'error',
      section: 'II',
      subject: null,
      message: `Row ${i}: ${'1,000 + '.repeat(60)}= 0`,
      expected: null,
      actual: null,
    }));
    const monthlyReturn = makeSenseTimeReturn({
      overrides: {
        issuerName: 'X'.repeat(400),
        issuedShares: { title: 'II', hasTreasuryColumns: false, classes, remarks: null },
      },
    });
    const saved = await store.save({
      monthlyReturn,
      flags,
      provenance: {
        source: { kind: 'path', path: '/x.pdf' },
        sha256: 'c'.repeat(64),
        readAt: '2023-12-07T00:00:00Z',
        parserVersion: '0.1.0',
      },
    });
    const message = renderFilingCard(await buildFilingCard(store, saved.stored), { postToChannel: true });
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    const header = message.blocks[0];
    expect(header?.type === 'header' && header.text.text.length).toBeLessThanOrEqual(150);
    expect(header?.type === 'header' && header.text.text.endsWith('(00020) · November 2023')).toBe(true);
    for (const text of allTexts(message.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    const plain = renderPlainText(message);
    expect(plain).toContain('+22 more classes');
    // Each flag line is about 500 characters: five fit in a 3,000-character section, the count of the rest closes it.
    expect(plain).toContain('Flags (70)');
    expect(plain).toContain('+65 more flags');
    expect(message.blocks.at(-1)?.type).toBe('actions');
  });
});

describe('shortIssuerName', () => {
  it('drops the trailing description of a WVR issuer', () => {
    expect(shortIssuerName(SENSETIME_NAME)).toBe('SenseTime Group Inc.');
  });

  it('drops every trailing bracket of a name', () => {
    expect(
      shortIssuerName(
        'Ocumension Therapeutics (the “Company”) (Incorporated in the Cayman Islands with limited liability)',
      ),
    ).toBe('Ocumension Therapeutics');
  });

  it('keeps a name that is nothing but brackets', () => {
    expect(shortIssuerName('(Holdings)')).toBe('(Holdings)');
  });
});
