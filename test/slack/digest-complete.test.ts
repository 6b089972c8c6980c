/**
 * A digest asked for with `/shares digest` names every watched company, over as many messages as it needs, each one
 * within Slack's limits (the fake Slack holds every message to them, escaping of `<` included): 100 codes watched,
 * of which 70 moved (long names, treasury shares, flags, the smallest change under 0.005%), 15 quiet and 15 not held.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockCode } from '../../src/domain/stock-code.js';
import { BALANCE_MISMATCH, type DigestReturnSpec, saveInputFor } from '../digest/digest-returns.js';
import { createMemoryFilingStore } from '../helpers/memory-filing-store.js';
import { startTestApp, type TestApp } from '../helpers/slack-harness.js';

const DEC_3 = new Date('2023-12-03T04:00:00Z');
const CODES: StockCode[] = Array.from({ length: 100 }, (_, i) => String(1_000 + i).padStart(5, '0'));

function nameOf(i: number): string {
  return `Company ${i} <Asia & Pacific> International Infrastructure and Logistics Holdings Group Limited`;
}

function specsOf(i: number): DigestReturnSpec[] {
  const base = { stockCode: CODES[i] as StockCode, issuerName: nameOf(i), preceding: 2_000_000_000 };
  const october = { ...base, month: '2023-10', closing: 2_000_000_000 };
  if (i >= 85) return [october]; // not filed for November
  const change = i < 70 ? (i + 1) * 1_000_000 : 0;
  // The smallest change of all, 50 shares on 2,000,000,000: 0.0000025%, shown as <0.01%.
  const closing = 2_000_000_000 + (i === 0 ? 50 : change);
  return [
    october,
    {
      ...base,
      month: '2023-11',
      preceding: 2_000_000_000,
      closing,
      ...(i % 3 === 0 ? { treasury: { preceding: 1_000_000, closing: 1_500_000 } } : {}),
      ...(i % 10 === 5 ? { flags: [BALANCE_MISMATCH] } : {}),
    },
  ];
}

let t: TestApp;

/** Every string in a payload: the text fallback and each block's text. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** A text less what Slack itself writes in angle brackets: mentions, channels, special mentions and links. */
function withoutSlackSyntax(text: string): string {
  return text.replace(/<(?:[@#!][^<>]+|(?:https?|mailto):[^<>]+)>/g, '');
}

beforeAll(async () => {
  const store = createMemoryFilingStore();
  for (let i = 0; i < CODES.length; i++) for (const spec of specsOf(i)) await store.save(saveInputFor(spec));
  t = await startTestApp({ store, now: () => DEC_3 });
});

afterAll(async () => {
  await t.close();
});

describe('/shares digest with 100 watched companies', () => {
  it('names every one of the 100 across its messages, each within Slack limits', async () => {
    const watch = await t.sendCommand(`watch ${CODES.join(' ')}`);
    expect(watch.status).toBe(200);
    await t.idle();
    const sent = await t.sendCommand('digest');
    await t.idle();
    const parts = t.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.length).toBeLessThanOrEqual(5);
    for (const part of parts) expect(part.body.response_type).toBe('in_channel');
    const all = parts.map((part) => JSON.stringify(part.body.blocks)).join('\n');
    for (const code of CODES) expect(all, `${code} is not named`).toContain(`(${code}`);
    // Each moved company with its change, to the share: company 69 grew by 70,000,000 (3.50%).
    expect(all).toContain('+70,000,000, +3.50% vs Oct 2023');
    expect(all).toContain('+50, +&lt;0.01% vs Oct 2023');
    expect(all).toContain('Company 0 &lt;Asia &amp; Pacific&gt; International');
    expect(t.fakeSlack.limitProblems).toEqual([]);
    // No `<` but Slack's own: the change of 50 shares (under 0.005%) and the names' `<Asia` are sent escaped.
    const raw = parts.flatMap((part) => stringsOf(part.body)).filter((text) => withoutSlackSyntax(text).includes('<'));
    expect(raw).toEqual([]);
    expect(parts.flatMap((part) => stringsOf(part.body)).join('\n')).not.toContain('<0.01%');
    expect(parts[1]?.body.text).toBe(`November 2023 digest, continued (2 of ${parts.length})`);
  });
});
