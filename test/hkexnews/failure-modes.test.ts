/**
 * Every way HKEXnews can fail, through the real app and the real client against the project's fake HKEXnews: a web
 * page where JSON was expected, malformed JSON, a 403, a 404 document, a web page in place of a PDF, a slow site and
 * a dead one. Each is answered with a clear message naming HKEXnews, the store's files are byte for byte what they
 * were, and a question the store can answer is not kept waiting behind the failing one.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiling } from '../../src/services/ingest-filing.js';
import {
  type Endpoint,
  type FailureMode,
  type FakeHkexnews,
  fixtureDocuments,
  startFakeHkexnews,
} from '../helpers/fake-hkexnews.js';
import { askShares, openTempFilingStore, startTestApp, type TestApp } from '../helpers/slack-harness.js';

let fake: FakeHkexnews;
let t: TestApp;
let data: Awaited<ReturnType<typeof openTempFilingStore>>;
const fixtures = fixtureDocuments();

/** Every file of the store, with the sha256 of its bytes. */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return files;
}

beforeAll(async () => {
  fake = await startFakeHkexnews({ documents: fixtures });
  data = await openTempFilingStore();
  const held = fixtures.find((d) => d.stockCode === '00020' && d.releasedAt.startsWith('2023-12'));
  await ingestFiling(
    { store: data.store, now: () => new Date('2023-12-07T02:00:00Z') },
    { bytes: held?.bytes ?? new Uint8Array(), fileName: '00020.pdf', source: { kind: 'path', path: '00020.pdf' } },
  );
  t = await startTestApp({
    store: data.store,
    hkexnewsUrl: fake.url,
    hkexnewsClient: { timeoutMs: 300, retries: 1, backoffMs: 1 },
    now: () => new Date('2024-11-20T02:00:00Z'),
  });
});
afterAll(async () => {
  await t.close();
  await fake.close();
  await data.remove();
});

const failures: [string, FailureMode, Endpoint, string][] = [
  ['a web page for JSON', 'html', 'search', 'HKEXnews sent a web page where a search result was expected'],
  ['malformed JSON', 'malformed-json', 'search', 'HKEXnews sent malformed JSON where a search result was expected'],
  [
    'a look-up that is not JSONP',
    'malformed-json',
    'prefix',
    'HKEXnews sent something other than a JSONP answer where the stock look-up was expected',
  ],
  ['a 403', 'forbidden', 'prefix', 'HKEXnews refused the look-up of 08425 (refused: 403 Forbidden)'],
  ['a 404 document', 'missing', 'document', 'HKEXnews has no document at 2024110400001.pdf'],
  ['a web page for the PDF', 'html', 'document', 'HKEXnews sent a web page in place of 2024110400001.pdf'],
  ['a slow site', 'slow', 'prefix', 'HKEXnews did not answer within 0.3 s (2 tries)'],
  ['a dead site', 'dead', 'prefix', 'HKEXnews could not be reached (2 tries)'],
];

describe('when HKEXnews fails, /shares for a code nobody shared', () => {
  it.each(failures)(
    'answers %s with a message naming HKEXnews, and leaves the store as it was',
    async (_, mode, endpoint, message) => {
      const before = await filesOf(data.dir);
      fake.fail(mode, { endpoint });
      try {
        const answers = await askShares(t, '08425 2024-10');
        expect(answers.map((a) => a.body.text)).toEqual([
          'Looking up 08425 on HKEXnews…',
          `:warning: HKEXnews did not give me what I asked for: ${message}. Nothing was stored; please try again later.`,
        ]);
      } finally {
        fake.heal();
      }
      expect(await filesOf(data.dir)).toEqual(before);
      expect(await t.store.monthsHeld('08425')).toEqual([]);
    },
  );

  it('answers a history once from what is held when HKEXnews cannot fill in the missing months, saying why', async () => {
    const before = await filesOf(data.dir);
    fake.fail('forbidden', { endpoint: 'search' });
    try {
      const answers = await askShares(t, '00020 history');
      expect(answers).toHaveLength(1);
      const blocks = JSON.stringify(answers[0]?.body.blocks);
      expect(blocks).toContain(
        ':warning: HKEXnews could not fill in the missing months: HKEXnews refused the search (refused: 403 Forbidden). Below is what is held; nothing was stored, please try again later.',
      );
      expect(blocks).toContain('Nov 2023');
    } finally {
      fake.heal();
    }
    expect(await filesOf(data.dir)).toEqual(before);
  });

  it('keeps no other question waiting while the site does not answer', async () => {
    // A site of its own that never answers, and a client that would wait 30 s for it.
    const silent = await startFakeHkexnews({ documents: fixtures });
    silent.fail('slow', { endpoint: 'prefix' });
    const app = await startTestApp({
      store: data.store,
      hkexnewsUrl: silent.url,
      hkexnewsClient: { timeoutMs: 30_000, retries: 0 },
      now: () => new Date('2024-11-20T02:00:00Z'),
    });
    try {
      const waiting = await app.sendCommand('08425 2024-10');
      const held = await app.sendCommand('00020 2023-11');
      const answered = await app.fakeSlack.waitFor(() => app.fakeSlack.calls.find((c) => c.url === held.responseUrl));
      expect(String(answered.body.text)).toContain('SenseTime Group Inc. (00020)');
      const toWaiting = () => app.fakeSlack.calls.filter((c) => c.url === waiting.responseUrl).map((c) => c.body.text);
      expect(toWaiting()).toEqual(['Looking up 08425 on HKEXnews…']);
      // The site goes away: the look-up ends with a message, and nothing was stored.
      await silent.close();
      await app.idle();
      expect(toWaiting()).toEqual([
        'Looking up 08425 on HKEXnews…',
        ':warning: HKEXnews did not give me what I asked for: HKEXnews could not be reached (1 try). Nothing was stored; please try again later.',
      ]);
      expect(await data.store.monthsHeld('08425')).toEqual([]);
    } finally {
      await app.close();
      await silent.close().catch(() => undefined);
    }
  });
});
