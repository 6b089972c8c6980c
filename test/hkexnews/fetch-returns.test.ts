/**
 * fetchMonthlyReturns against the fake HKEXnews with the project's fixtures and a real store on disk: a
 * resubmission supersedes as an upload would, the PDF's first page overrules a misleading listing, a file already
 * held from Slack is not stored twice, and a document the site fails to give is named and nothing is stored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHkexnewsClient } from '../../src/hkexnews/hkexnews-client.js';
import { createRateLimiter } from '../../src/hkexnews/rate-limiter.js';
import { fetchMonthlyReturns } from '../../src/services/fetch-returns.js';
import { ingestFiling } from '../../src/services/ingest-filing.js';
import { openFilingStore } from '../../src/store/index.js';
import {
  type FakeHkexnews,
  fixtureDocuments,
  monthlyReturnTitle,
  startFakeHkexnews,
} from '../helpers/fake-hkexnews.js';
import { drawDocument } from '../helpers/legacy-form-pdf.js';

let dir: string;
let fake: FakeHkexnews;
const fixtures = fixtureDocuments();
const now = () => new Date('2025-12-03T02:00:00Z');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fetch-returns-'));
  fake = await startFakeHkexnews({ documents: fixtures });
  // Listed as a monthly return, but its first page is a Next Day Disclosure Return.
  fake.addDocument({
    ...(fixtures.find((d) => d.stockCode === '03388') as (typeof fixtures)[number]),
    releasedAt: '2024-11-04 18:00',
    title: monthlyReturnTitle('2024-10-31', 'en'),
    path: '/listedco/listconews/sehk/2024/1104/2024110400999.pdf',
    bytes: await drawDocument(['Next Day Disclosure Return']),
  });
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

function clientOf(url: string) {
  return createHkexnewsClient({
    baseUrl: url,
    maxBytes: 20 * 1024 * 1024,
    backoffMs: 1,
    retries: 1,
    limiter: createRateLimiter({ perSecond: 1000 }),
  });
}

async function withStore<T>(name: string, work: (store: Awaited<ReturnType<typeof openFilingStore>>) => Promise<T>) {
  const store = await openFilingStore({ dir: path.join(dir, name) });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

describe('fetchMonthlyReturns', () => {
  it('stores a resubmission found on HKEXnews as superseding the original, which stays in history', async () => {
    await withStore('resubmission', async (store) => {
      const summary = await fetchMonthlyReturns(
        { store, client: clientOf(fake.url), now },
        { stockCodes: ['02288'], since: '2025-03', until: '2025-03' },
      );
      expect(summary.outcomes.map((o) => (o.kind === 'saved' ? o.status : o.kind))).toEqual([
        'stored',
        'superseded-earlier',
      ]);
      const submissions = await store.submissions('02288', '2025-03');
      expect(submissions.map((s) => [s.monthlyReturn.dateSubmitted, s.supersededBy === null])).toEqual([
        ['2025-04-09', true],
        ['2025-04-02', false],
      ]);
    });
  });

  it('refuses a document listed as a monthly return whose first page is not one, and stores nothing for it', async () => {
    await withStore('mislabelled', async (store) => {
      const summary = await fetchMonthlyReturns(
        { store, client: clientOf(fake.url), now },
        { stockCodes: ['03388'], since: '2024-09', until: '2024-10' },
      );
      const kinds = summary.outcomes.map((o) => [o.file.split('/').at(-1), o.kind]);
      expect(kinds).toEqual([
        ['2024100400001.pdf', 'saved'],
        ['2024110400999.pdf', 'not-a-monthly-return'],
      ]);
      expect(await store.monthsHeld('03388')).toEqual(['2024-09']);
    });
  });

  it('answers "already held" for a file first shared in Slack, without storing it twice, and links it to HKEXnews', async () => {
    await withStore('uploaded', async (store) => {
      const upload = fixtures.find(
        (d) => d.stockCode === '00020' && d.releasedAt.startsWith('2023-12'),
      ) as (typeof fixtures)[number];
      await ingestFiling(
        { store, now },
        { bytes: upload.bytes, fileName: '00020.pdf', source: { kind: 'path', path: '00020.pdf' } },
      );
      const summary = await fetchMonthlyReturns(
        { store, client: clientOf(fake.url), now },
        { stockCodes: ['00020'], since: '2023-10', until: '2023-11' },
      );
      expect(summary.outcomes.map((o) => (o.kind === 'saved' ? `${o.reportMonth} ${o.status}` : o.kind))).toEqual([
        '2023-10 stored',
        '2023-11 already-held',
      ]);
      expect(await store.submissions('00020', '2023-11')).toHaveLength(1);
      // The same sha256 on HKEXnews: the held return keeps its source and gains the site's listing of the file.
      const held = await store.forMonth('00020', '2023-11');
      expect(held?.provenance.source).toEqual({ kind: 'path', path: '00020.pdf' });
      expect(held?.hkexnews).toMatchObject({
        url: `${fake.url}${upload.path}`,
        releasedAt: `${upload.releasedAt.replace(' ', 'T')}+08:00`,
      });
      // Fetched again, the linked document is recognised by its NEWS_ID and not downloaded.
      const downloads = fake.downloads.get(upload.path);
      await fetchMonthlyReturns(
        { store, client: clientOf(fake.url), now },
        { stockCodes: ['00020'], since: '2023-11', until: '2023-11' },
      );
      expect(fake.downloads.get(upload.path)).toBe(downloads);
    });
  });

  it('skips returns whose title reports a month outside those asked for, without downloading them', async () => {
    await withStore('outside', async (store) => {
      const before = fake.requestsTo('document').length;
      const summary = await fetchMonthlyReturns(
        { store, client: clientOf(fake.url), now },
        { stockCodes: ['00020'], since: '2023-11', until: '2023-11' },
      );
      expect(summary.outsideMonths.map((p) => p.document.title)).toEqual([monthlyReturnTitle('2023-10-31', 'en')]);
      expect(fake.requestsTo('document').length - before).toBe(1);
    });
  });

  it('names a document HKEXnews fails to give and a code it does not list, and stores nothing', async () => {
    await withStore('failing', async (store) => {
      fake.fail('missing', { endpoint: 'document' });
      try {
        const summary = await fetchMonthlyReturns(
          { store, client: clientOf(fake.url), now },
          { stockCodes: ['08425', '09999'], since: '2024-10', until: '2024-10' },
        );
        expect(summary.outcomes).toEqual([
          {
            kind: 'unreadable',
            file: expect.stringMatching(/\/2024110400001\.pdf$/),
            code: 'hkexnews-failure',
            message: 'HKEXnews has no document at 2024110400001.pdf',
          },
        ]);
        expect(summary.codeProblems).toEqual([
          { stockCode: '09999', message: '09999 is not listed on HKEXnews', code: 'not-found' },
        ]);
        expect(await store.listIssuers()).toEqual([]);
      } finally {
        fake.heal();
      }
    });
  });
});
