/**
 * The HKEXnews client against the project's fake HKEXnews on 127.0.0.1: the look-up, the search with its paging and
 * date windows, the download, and every way the site can fail, each a clear error naming HKEXnews.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { createHkexnewsClient, type HkexnewsClient } from '../../src/hkexnews/hkexnews-client.js';
import { createRateLimiter } from '../../src/hkexnews/rate-limiter.js';
import { type FakeDocument, type FakeHkexnews, fixtureDocuments, startFakeHkexnews } from '../helpers/fake-hkexnews.js';

let fake: FakeHkexnews;
let client: HkexnewsClient;
const fixtures = fixtureDocuments();

function clientFor(url: string, overrides: Partial<Parameters<typeof createHkexnewsClient>[0]> = {}) {
  // A limiter of its own, so that these tests do not queue behind each other; the rate test uses the process's.
  return createHkexnewsClient({
    baseUrl: url,
    maxBytes: 20 * 1024 * 1024,
    timeoutMs: 2_000,
    retries: 2,
    backoffMs: 1,
    limiter: createRateLimiter({ perSecond: 1000 }),
    ...overrides,
  });
}

async function failureOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  fake = await startFakeHkexnews({ documents: fixtures });
  client = clientFor(fake.url);
});
afterEach(() => fake.heal());
afterAll(() => fake.close());

describe('the look-up and the search', () => {
  it('finds the internal stock id of a code, and nothing for a code the site does not list', async () => {
    expect(await client.findStock('02288')).toEqual({
      stockId: fake.stockIdOf('02288'),
      stockCode: '02288',
      name: 'LOTUS HARBOUR',
    });
    expect(await client.findStock('09999')).toBeNull();
    const lookUp = fake.requestsTo('prefix').at(-1);
    expect(lookUp?.query).toMatchObject({ callback: 'callback', lang: 'EN', type: 'A', name: '09999', market: 'SEHK' });
  });

  it('lists the monthly returns released between two dates, newest first, with release time and link', async () => {
    const stockId = fake.stockIdOf('02288');
    const documents = await client.searchDocuments({
      stockId,
      from: '2025-04-01',
      to: '2025-05-31',
      category: 'monthlyReturns',
    });
    expect(documents.map((d) => [d.releasedAt, d.headline])).toEqual([
      ['2025-04-09T17:00+08:00', 'Monthly Returns'],
      ['2025-04-02T17:00+08:00', 'Monthly Returns'],
    ]);
    expect(documents[0]?.title).toBe(
      'Monthly Return of Equity Issuer on Movements in Securities for the month ended 31 March 2025',
    );
    expect(documents[0]?.url).toBe(`${fake.url}/listedco/listconews/sehk/2025/0409/2025040900001.pdf`);
    const search = fake.requestsTo('search').at(-1);
    expect(search?.query).toMatchObject({
      stockId: String(stockId),
      fromDate: '20250401',
      toDate: '20250531',
      t1code: '51500',
      t2Gcode: '-2',
      t2code: '-2',
      lang: 'E',
      rowRange: '100',
    });
  });

  it('pages with a growing rowRange while the site says hasNextRow, and reads every record once', async () => {
    const base = fixtures[0] as FakeDocument;
    const paged = await startFakeHkexnews();
    try {
      for (let day = 0; day < 150; day++) {
        const date = new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
        paged.addDocument({ ...base, stockCode: '04321', releasedAt: `${date} 09:00`, path: `/listedco/x/${day}.pdf` });
      }
      const documents = await clientFor(paged.url).searchDocuments({
        stockId: paged.stockIdOf('04321'),
        from: '2020-01-01',
        to: '2020-12-31',
        category: 'monthlyReturns',
      });
      expect(documents).toHaveLength(150);
      expect(new Set(documents.map((d) => d.newsId)).size).toBe(150);
      expect(paged.requestsTo('search').map((r) => r.query.rowRange)).toEqual(['100', '200']);
    } finally {
      await paged.close();
    }
  });

  it('cuts a long date range into searches of at most twelve months', async () => {
    const before = fake.requestsTo('search').length;
    await client.searchDocuments({
      stockId: fake.stockIdOf('00020'),
      from: '2021-07-01',
      to: '2024-06-30',
      category: 'monthlyReturns',
    });
    const windows = fake
      .requestsTo('search')
      .slice(before)
      .map((r) => [r.query.fromDate, r.query.toDate]);
    expect(windows).toEqual([
      ['20230701', '20240630'],
      ['20220701', '20230630'],
      ['20210701', '20220630'],
    ]);
  });

  it('downloads a document byte for byte', async () => {
    const document = fixtures.find((d) => d.stockCode === '02288') as FakeDocument;
    const bytes = await client.download(`${fake.url}${document.path}`);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(sha(bytes)).toBe(sha(document.bytes));
  });
});

describe('when HKEXnews fails', () => {
  const stockQuery = () => ({
    stockId: fake.stockIdOf('02288'),
    from: '2025-04-01',
    to: '2025-04-30',
    category: 'monthlyReturns' as const,
  });

  it('names a web page sent where JSON was expected', async () => {
    fake.fail('html', { endpoint: 'search' });
    const error = await failureOf(client.searchDocuments(stockQuery()));
    expect(error.code).toBe('hkexnews-failure');
    expect(error.message).toBe('HKEXnews sent a web page where a search result was expected');
  });

  it('names malformed JSON, and a look-up that is not JSONP', async () => {
    fake.fail('malformed-json', { endpoint: 'search' });
    expect((await failureOf(client.searchDocuments(stockQuery()))).message).toBe(
      'HKEXnews sent malformed JSON where a search result was expected',
    );
    fake.fail('malformed-json', { endpoint: 'prefix' });
    expect((await failureOf(client.findStock('02288'))).message).toBe(
      'HKEXnews sent something other than a JSONP answer where the stock look-up was expected',
    );
  });

  it('names a 403 refusal without retrying it', async () => {
    const before = fake.requests.length;
    fake.fail('forbidden', { endpoint: 'prefix' });
    const error = await failureOf(client.findStock('02288'));
    expect(error.message).toBe('HKEXnews refused the look-up of 02288 (refused: 403 Forbidden)');
    expect(fake.requests.length - before).toBe(1);
  });

  it('names a document HKEXnews does not have (404) and one it sends as a web page', async () => {
    expect((await failureOf(client.download(`${fake.url}/listedco/listconews/sehk/2025/0101/gone.pdf`))).message).toBe(
      'HKEXnews has no document at gone.pdf',
    );
    const document = fixtures[0] as FakeDocument;
    fake.fail('html', { endpoint: 'document' });
    expect((await failureOf(client.download(`${fake.url}${document.path}`))).message).toMatch(
      /^HKEXnews sent a web page in place of \d+\.pdf$/,
    );
  });

  it('retries a 500 and a 429 and succeeds when the site recovers', async () => {
    const before = fake.requests.length;
    fake.fail('server-error', { endpoint: 'prefix', times: 1 });
    fake.fail('rate-limited', { endpoint: 'prefix', times: 1 });
    expect((await client.findStock('02288'))?.stockCode).toBe('02288');
    expect(fake.requests.length - before).toBe(3);
  });

  it('gives up after its bounded retries on a failing site', async () => {
    const before = fake.requests.length;
    fake.fail('server-error', { endpoint: 'prefix' });
    const error = await failureOf(client.findStock('02288'));
    expect(error.message).toBe('HKEXnews answered 500 (3 tries)');
    expect(fake.requests.length - before).toBe(3);
  });

  it('gives up on a slow site at the time limit, and on a dead one', async () => {
    const impatient = clientFor(fake.url, { timeoutMs: 150, retries: 1 });
    fake.fail('slow', { endpoint: 'prefix' });
    expect((await failureOf(impatient.findStock('02288'))).message).toBe(
      'HKEXnews did not answer within 0.1 s (2 tries)',
    );
    fake.heal();
    fake.fail('dead', { endpoint: 'prefix' });
    expect((await failureOf(impatient.findStock('02288'))).message).toBe('HKEXnews could not be reached (2 tries)');
  });

  it('stops a download over the size limit while it streams', async () => {
    const document = fixtures[0] as FakeDocument;
    fake.fail('oversize', { endpoint: 'document' });
    const small = clientFor(fake.url, { maxBytes: 1024 * 1024 });
    const error = await failureOf(small.download(`${fake.url}${document.path}`));
    expect(error.code).toBe('filing-too-large');
    expect(error.message).toMatch(/on HKEXnews is over 1\.0 MB, the limit$/);
  });

  it('downloads nothing from another host', async () => {
    const before = fake.requests.length;
    const error = await failureOf(client.download('http://127.0.0.2:9/listedco/a.pdf'));
    expect(error.message).toBe(`a.pdf is not on HKEXnews (127.0.0.2:9); only ${fake.url} is used`);
    expect(fake.requests.length).toBe(before);
  });
});

describe('politeness', () => {
  it('starts at most two requests a second from one process', async () => {
    const polite = createHkexnewsClient({ baseUrl: fake.url, maxBytes: 1024 * 1024 });
    const other = createHkexnewsClient({ baseUrl: fake.url, maxBytes: 1024 * 1024 });
    const before = fake.requests.length;
    const started = performance.now();
    await Promise.all([
      polite.findStock('02288'),
      other.findStock('00020'),
      polite.findStock('01570'),
      other.findStock('03388'),
      polite.findStock('06863'),
    ]);
    const times = fake.requests.slice(before).map((r) => r.at);
    expect(times).toHaveLength(5);
    // The k-th request may start 500 ms x k after the first at the earliest, and cannot arrive before it starts: a
    // lower bound a loaded machine can only delay, never break (arrival gaps can shrink when one request is late).
    const arrivals = times.map((t) => t - started).sort((a, b) => a - b);
    arrivals.forEach((arrival, k) => {
      expect(arrival).toBeGreaterThanOrEqual(500 * k - 5);
    });
  });
});
