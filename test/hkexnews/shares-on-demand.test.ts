/**
 * `/shares CODE` for a code nobody shared, end to end: the real app over signed HTTP, the fake Slack, and the fake
 * HKEXnews serving the project's fixtures. The bot says at once that it is looking the code up, then answers with the
 * card of what HKEXnews holds, linked to the document; a failing site gets a clear answer and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeHkexnews, fixtureDocuments, startFakeHkexnews } from '../helpers/fake-hkexnews.js';
import { askShares, startTestApp, type TestApp } from '../helpers/slack-harness.js';

let fake: FakeHkexnews;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeHkexnews({ documents: fixtureDocuments() });
  t = await startTestApp({ hkexnewsUrl: fake.url, now: () => new Date('2024-11-20T02:00:00Z') });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

const ask = (text: string) => askShares(t, text);

describe('/shares for a code nobody shared', () => {
  it('says it is looking the code up on HKEXnews, then answers with the card linked to the document', async () => {
    const answers = await ask('03388');
    expect(answers.map((a) => a.body.text)[0]).toBe('Looking up 03388 on HKEXnews…');
    expect(answers).toHaveLength(2);
    const card = JSON.stringify(answers[1]?.body.blocks);
    expect(card).toContain('Harbourfront Digital Holdings Limited (03388) · September 2024');
    expect(card).toContain('Issued: *995,500,000*');
    expect(card).toContain(
      `<${fake.url}/listedco/listconews/sehk/2024/1004/2024100400001.pdf|HKEXnews, released 2024-10-04 17:00 HKT>`,
    );
    expect(await t.store.monthsHeld('03388')).toEqual(['2024-09']);
  });

  it('asks HKEXnews nothing for a code already held', async () => {
    const before = fake.requests.length;
    const answers = await ask('03388');
    expect(answers).toHaveLength(1);
    expect(fake.requests.length).toBe(before);
  });

  it('answers a failing HKEXnews with a clear message, and stores nothing', async () => {
    fake.fail('html', { endpoint: 'search' });
    try {
      const answers = await ask('08425 2024-10');
      expect(answers.map((a) => a.body.text)).toEqual([
        'Looking up 08425 on HKEXnews…',
        ':warning: HKEXnews did not give me what I asked for: HKEXnews sent a web page where a search result was expected. Nothing was stored; please try again later.',
      ]);
      expect(await t.store.monthsHeld('08425')).toEqual([]);
    } finally {
      fake.heal();
    }
  });

  it('answers a code HKEXnews does not list as not held', async () => {
    const answers = await ask('09999');
    expect(answers[0]?.body.text).toBe('Looking up 09999 on HKEXnews…');
    expect(String(answers[1]?.body.text)).toMatch(/09999/);
    expect(await t.store.monthsHeld('09999')).toEqual([]);
  });
});

describe('/shares CODE history', () => {
  it('fills the months of the last twelve missing from HKEXnews and answers once; held documents are not downloaded again', async () => {
    const app = await startTestApp({ hkexnewsUrl: fake.url, now: () => new Date('2023-12-20T02:00:00Z') });
    try {
      const ask = (text: string) => askShares(app, text);
      const searchesBefore = fake.requestsTo('search').length;
      const answers = await ask('00020 history');
      expect(answers).toHaveLength(1);
      // December 2022 to November 2023 are reported in releases from 1 December 2022 to today: two searches.
      const windows = fake
        .requestsTo('search')
        .slice(searchesBefore)
        .map((r) => [r.query.fromDate, r.query.toDate]);
      expect(windows).toEqual([
        ['20221221', '20231220'],
        ['20221201', '20221220'],
      ]);
      expect(await app.store.monthsHeld('00020')).toEqual(['2023-11', '2023-10']);
      expect(String(answers[0]?.body.text)).toContain('SenseTime Group Inc. (00020)');
      const history = JSON.stringify(answers[0]?.body.blocks);
      expect(history).toContain('Nov 2023');
      expect(history).toContain('Oct 2023');

      const downloads = fake.requestsTo('document').length;
      expect(await ask('00020 history')).toHaveLength(1);
      expect(fake.requestsTo('document').length).toBe(downloads);
    } finally {
      await app.close();
    }
  });
});

describe('an HKEXnews link pasted in a channel', () => {
  it('is unfurled with the card of the return, stored with the site listing as provenance', async () => {
    const url = `${fake.url}/listedco/listconews/sehk/2024/1104/2024110400001.pdf`;
    const other = 'https://example.com/report.pdf';
    await t.sendEvent({
      type: 'link_shared',
      channel: 'C0FILINGS',
      user: 'U0READER',
      message_ts: '1733200000.000100',
      links: [
        { domain: '127.0.0.1', url },
        { domain: 'example.com', url: other },
      ],
    });
    await t.idle();
    const unfurl = t.fakeSlack.callsTo('chat.unfurl').at(-1);
    expect(unfurl?.body.channel).toBe('C0FILINGS');
    expect(unfurl?.body.ts).toBe('1733200000.000100');
    const unfurls = (
      typeof unfurl?.body.unfurls === 'string' ? JSON.parse(unfurl.body.unfurls) : unfurl?.body.unfurls
    ) as Record<string, { blocks: unknown[] }>;
    expect(Object.keys(unfurls)).toEqual([url]);
    expect(JSON.stringify(unfurls[url]?.blocks)).toContain(
      'Kowloon Smart Logistics Holdings Limited (08425) · October 2024',
    );
    const stored = await t.store.forMonth('08425', '2024-10');
    expect(stored?.provenance.source).toMatchObject({ kind: 'hkexnews', url, releasedAt: '2024-11-04T17:00+08:00' });
  });
});

describe('a return shared in Slack, later seen on HKEXnews', () => {
  it('links its card to the HKEXnews document once the same file is unfurled from there', async () => {
    const document = fixtureDocuments().find((d) => d.stockCode === '01892');
    const { file } = await t.uploadFile({ name: '01892 June.pdf', bytes: document?.bytes ?? new Uint8Array() });
    await t.idle();
    const shared = await t.store.forMonth('01892', '2023-06');
    expect(shared?.provenance.source).toMatchObject({ kind: 'slack', fileId: file.id });
    expect(shared?.hkexnews).toBeUndefined();

    const url = `${fake.url}${document?.path}`;
    await t.sendEvent({
      type: 'link_shared',
      channel: 'C0FILINGS',
      user: 'U0READER',
      message_ts: '1733200000.000200',
      links: [{ domain: '127.0.0.1', url }],
    });
    await t.idle();
    const linked = await t.store.forMonth('01892', '2023-06');
    expect(linked?.provenance.source).toMatchObject({ kind: 'slack', fileId: file.id });
    expect(linked?.hkexnews).toMatchObject({ url, releasedAt: '2023-07-05T17:00+08:00' });
    expect(await t.store.submissions('01892', '2023-06')).toHaveLength(1);

    const answers = await ask('01892 2023-06');
    const card = JSON.stringify(answers[0]?.body.blocks);
    expect(card).toContain(`01892 June.pdf> · <${url}|HKEXnews, released 2023-07-05 17:00 HKT>`);
  });
});
