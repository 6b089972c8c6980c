/**
 * The one /shares grammar end to end: forms that used to mean different things per sub-command (a month in the
 * digest, 5.HK outside watch, the sub-command first) give the same answer as their plain forms, over signed HTTP to
 * the real app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOVEMBER_RETURNS, saveInputFor } from '../digest/digest-returns.js';
import { saveFixture } from '../helpers/fixture-specs.js';
import { startTestApp, type TestApp } from '../helpers/slack-harness.js';

const DEC_3 = new Date('2023-12-03T04:00:00Z');
let t: TestApp;

/** Sends `/shares <text>` in channel C0001 and returns the one answer posted to its response URL. */
async function ask(text: string) {
  const sent = await t.sendCommand(text);
  expect(sent.status).toBe(200);
  await t.idle();
  const answers = t.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl);
  expect(answers).toHaveLength(1);
  const answer = t.botMessages().find((m) => m.via === 'response_url' && m.text === answers[0]?.body.text);
  if (!answer) throw new Error(`no answer to /shares ${text}`);
  return answer;
}

beforeAll(async () => {
  t = await startTestApp({ now: () => DEC_3 });
  for (const spec of NOVEMBER_RETURNS) await t.store.save(saveInputFor(spec));
});

afterAll(async () => {
  await t.close();
});

describe('/shares in any accepted form', () => {
  it('answers 20.HK and HK0020 with the card of 00020, not a name search', async () => {
    const plain = (await ask('00020')).plain;
    expect(plain).toContain('Example Holdings Limited (00020) · November 2023');
    expect((await ask('20.HK')).plain).toBe(plain);
    expect((await ask('HK0020')).plain).toBe(plain);
  });

  it('answers history with the sub-command first as with it last', async () => {
    const last = await ask('00020 history');
    expect(last.plain).toContain('Nov 2023');
    expect((await ask('history 00020')).text).toBe(last.text);
  });

  it('answers a month written as Nov 2023, the month first', async () => {
    const plain = (await ask('00020 2023-11')).plain;
    expect(plain).toContain('Example Holdings Limited (00020) · November 2023');
    expect((await ask('Nov 2023 00020')).plain).toBe(plain);
  });

  it('posts the digest of a month written 11/2023, and says 5.HK is watched as 00005', async () => {
    const watched = await ask('watch 20 5.HK');
    expect(watched.plain).toContain('00005 HSBC Holdings plc · latest Nov 2023');
    const digest = await ask('digest 11/2023');
    expect(digest.responseType).toBe('in_channel');
    expect(digest.text).toMatch(/^November 2023 digest: 2 of 2 watched companies have filed/);
    expect((await ask('2023年11月 digest')).text).toBe(digest.text);
  });

  it('suggests history for a typo in front of the code', async () => {
    expect((await ask('histroy 00020')).plain).toBe('Did you mean /shares 00020 history?');
  });

  it("answers an A share's Shanghai code with what it is, and the issuer's HKEX code with its card naming it", async () => {
    await saveFixture(t.store, '01338_2025-09_a-plus-h-sse', { sha256: 'a'.repeat(64) });
    const answer = await ask('600036');
    expect(answer.responseType).toBe('ephemeral');
    expect(answer.plain).toBe(
      "600036 is a Shanghai Stock Exchange code (six digits, as A and B shares are numbered there), not an HKEX one: HKEX codes have one to five digits, such as 00020. Ask with the issuer's HKEX code (its H shares') or a word of its name, for example /shares sensetime.",
    );
    expect((await ask('000333 history')).plain).toContain('000333 is a Shenzhen Stock Exchange code');
    const card = (await ask('01338')).plain;
    expect(card).toContain('Donghai Port Machinery Co., Ltd. (01338) · September 2025');
    expect(card).toContain('Ordinary shares – A Shares · SSE 601338\nIssued: 4,803,600,000 · +3,600,000 in the month');
  });

  it("answers the Shanghai code of a held A+H issuer's A shares with that issuer's card, saying which class it is", async () => {
    await saveFixture(t.store, '01338_2025-09_a-plus-h-sse', { sha256: 'a'.repeat(64) });
    const answer = await ask('601338');
    expect(answer.responseType).toBe('ephemeral');
    const [note, ...card] = answer.plain.split('\n');
    expect(note).toBe(
      "ℹ 601338 is SSE 601338, the Shanghai Stock Exchange code of Donghai Port Machinery Co., Ltd.'s Ordinary shares – A Shares; the issuer files its returns with HKEX under 01338.",
    );
    expect(card.join('\n')).toBe((await ask('01338')).plain);
    const history = await ask('601338 history');
    expect(history.plain).toContain('ℹ 601338 is SSE 601338, the Shanghai Stock Exchange code of');
    expect(history.plain).toContain('Donghai Port Machinery Co., Ltd. (01338) · issued shares by month');
    expect(history.plain).toMatch(/Sep 2025 {2}H Shares {15}1,600,000,000 {3}no change/);
    expect(history.plain).toMatch(
      /Sep 2025 {2}A Shares \(SSE 601338\) {2}4,803,600,000 {2}\+3,600,000 {9}0 {2}4,803,600,000/,
    );
    expect(history.text).toContain(
      'A Shares (SSE 601338) 4,803,600,000 (+3,600,000 in the month, treasury 0, total 4,803,600,000)',
    );
  });

  it("answers an HDR issuer's code with its card naming the depositary, the ratio and the underlying class", async () => {
    await saveFixture(t.store, '06288_2025-08_hdr-depositary', { sha256: 'b'.repeat(64) });
    const card = (await ask('6288')).plain;
    expect(card).toContain('Aurora Pacific Minerals Ltd. (06288) · August 2025');
    expect(card).toContain(
      'Depositary: Harbour Trust Depositary Limited · Ratio: 1 HDR : 2 shares · Underlying: Ordinary shares, not listed on SEHK',
    );
  });

  it('refuses a 4,000-character query at once, saying how long one may be', async () => {
    const answer = await ask(`x${' sensetme'.repeat(444)}`);
    expect(answer.responseType).toBe('ephemeral');
    expect(answer.plain).toContain('That is 3,997 characters: /shares reads at most 1,000.');
  });
});
