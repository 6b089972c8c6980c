/**
 * `/shares CODE history` fills in from HKEXnews the months missing from the last twelve (`history fetch 36` for
 * more), end to end: the real app over signed HTTP, the fake Slack, and the fake HKEXnews serving 01149's real
 * returns from ../shared/filings beside its Next Day Disclosure Returns. A month already held, however it came, is
 * not downloaded again.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiling } from '../../src/services/ingest-filing.js';
import { type FakeHkexnews, FILINGS_DIR, sharedFilingDocuments, startFakeHkexnews } from '../helpers/fake-hkexnews.js';
import { askShares, startTestApp, type TestApp } from '../helpers/slack-harness.js';

const corpusAvailable = existsSync(path.join(FILINGS_DIR, '01149_2013-06.pdf'));
if (!corpusAvailable) console.warn(`Skipping the history fill over the corpus: ${FILINGS_DIR} not found`);

let fake: FakeHkexnews;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeHkexnews({ documents: sharedFilingDocuments().filter((d) => d.stockCode === '01149') });
  t = await startTestApp({ hkexnewsUrl: fake.url, now: () => new Date('2013-10-20T02:00:00Z') });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

const ask = (text: string) => askShares(t, text);

const downloaded = () => [...fake.downloads.keys()].map((p) => p.split('/').at(-1)).sort();

describe.skipIf(!corpusAvailable)('/shares CODE history over HKEXnews', () => {
  it('fills the last twelve months in one answer, leaving a month already held alone', async () => {
    // June 2013 was shared before: held, so HKEXnews's copy of it is not fetched.
    const bytes = readFileSync(path.join(FILINGS_DIR, '01149_2013-06.pdf'));
    await ingestFiling(
      { store: t.store, now: () => new Date('2013-07-06T02:00:00Z') },
      { bytes, fileName: '01149_2013-06.pdf', source: { kind: 'path', path: '01149_2013-06.pdf' } },
    );
    const started = performance.now();
    const answers = await ask('01149 history');
    expect(answers).toHaveLength(1);
    expect(String(answers[0]?.body.text)).toContain('Anxin-China Holdings Limited (01149)');
    // October 2012 to September 2013: May (filed, then resubmitted in August) and September are on HKEXnews.
    expect(downloaded()).toEqual(['a130603.pdf', 'a1308072.pdf', 'a131003.pdf']);
    expect(await t.store.monthsHeld('01149')).toEqual(['2013-09', '2013-06', '2013-05']);
    // The resubmission found on HKEXnews replaced the first May return, as a shared one would.
    const may = await t.store.submissions('01149', '2013-05');
    expect(may.map((s) => [s.monthlyReturn.dateSubmitted, s.supersededBy === null])).toEqual([
      ['2013-08-07', true],
      ['2013-06-03', false],
    ]);
    const history = JSON.stringify(answers[0]?.body.blocks);
    for (const month of ['Sep 2013', 'Jun 2013', 'May 2013']) expect(history).toContain(month);
    // Next Day Disclosure Returns are listed under their own headline and never asked for.
    expect(fake.requestsTo('search').every((r) => r.query.t1code === '51500')).toBe(true);
    // The app's client shares the process's limit of two requests a second: the k-th request cannot start (so cannot
    // arrive) before 500 ms x k after the command, a bound a loaded machine can delay but never break.
    const times = fake.requests.map((r) => r.at);
    expect(fake.requests.map((r) => r.endpoint)).toEqual([
      'prefix',
      'search',
      'search',
      'document',
      'document',
      'document',
    ]);
    const arrivals = times.map((t) => t - started).sort((a, b) => a - b);
    arrivals.forEach((arrival, k) => {
      expect(arrival).toBeGreaterThanOrEqual(500 * k - 5);
    });
  });

  it('fills thirty-six months with `history fetch 36`, downloading only what is new', async () => {
    const before = fake.requestsTo('document').length;
    const answers = await ask('01149 history fetch 36');
    expect(answers).toHaveLength(1);
    // October 2010 onwards: January and August 2011 and June 2012 are added; nothing held is fetched again.
    expect(
      fake
        .requestsTo('document')
        .slice(before)
        .map((r) => r.path.split('/').at(-1))
        .sort(),
    ).toEqual(['2012063001.pdf', 'a110201.pdf', 'a110907.pdf']);
    expect(await t.store.monthsHeld('01149')).toEqual([
      '2013-09',
      '2013-06',
      '2013-05',
      '2012-06',
      '2011-08',
      '2011-01',
    ]);
    const history = JSON.stringify(answers[0]?.body.blocks);
    expect(history).toContain('Jan 2011');

    // Asked again, nothing is missing that HKEXnews has: searched, but nothing downloaded.
    const documents = fake.requestsTo('document').length;
    expect(await ask('01149 history fetch 36')).toHaveLength(1);
    expect(fake.requestsTo('document').length).toBe(documents);
  });

  it('refuses a fetch of no months or of more than ten years, with an example', async () => {
    const answers = await ask('01149 history fetch 500');
    expect(answers.map((a) => a.body.text)).toEqual([
      expect.stringContaining(
        '`fetch` takes a number of months from 1 to 120, for example `/shares 00020 history fetch 36`.',
      ),
    ]);
  });
});
