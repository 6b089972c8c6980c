/**
 * `hkex-shares fetch` as a user runs it: a child process pointed at the project's fake HKEXnews (HKEXNEWS_URL), which
 * lists 01149's Next Day Disclosure Returns beside its monthly returns and ignores the category asked for, so that
 * only the client's own reading of headlines and titles keeps them out.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFilingStore } from '../../src/store/index.js';
import { type FakeHkexnews, FILINGS_DIR, sharedFilingDocuments, startFakeHkexnews } from '../helpers/fake-hkexnews.js';
import { saveFixture } from '../helpers/fixture-specs.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'hkex-shares.js');
const corpusAvailable = existsSync(path.join(FILINGS_DIR, '01149_2011-01.pdf'));
if (!corpusAvailable) console.warn(`Skipping hkex-shares fetch over the corpus: ${FILINGS_DIR} not found`);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function fetchCommand(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'fetch', ...args], {
      cwd: dir,
      env: { ...process.env, DATA_DIR: '', HKEXNEWS_URL: fake.url, HKEXNEWS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
let fake: FakeHkexnews;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fetch-command-'));
  fake = await startFakeHkexnews({ documents: sharedFilingDocuments(), ignoreCategory: true });
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!corpusAvailable)('hkex-shares fetch against the fake HKEXnews', () => {
  it('stores the monthly returns of the months asked for and nothing else', async () => {
    const data = path.join(dir, 'data-2011');
    const run = await fetchCommand(['01149', '--since', '2011-01', '--until', '2011-12', '--data', data]);
    expect(run.stderr).toContain(`Asking HKEXnews (${fake.url}) for the returns of 01149, 2011-01 to 2011-12`);
    expect(run.code).toBe(0);
    // 2011's releases (and three months after) hold two returns and one Next Day Disclosure Return.
    expect(run.stdout).toContain('HKEXnews listed 3 documents in the search for monthly returns');
    expect(run.stdout).toMatch(/^ {2}stored {16}2$/m);
    expect(run.stdout).toMatch(/^ {2}other headlines {7}1$/m);
    expect(run.stdout).toMatch(/^ {2}not monthly returns {3}0$/m);
    expect(run.stdout).toContain(
      '01149 2011-06-08 "Next Day Disclosure Return" (Next Day Disclosure Returns - [Others])',
    );
    expect([...fake.downloads.keys()].sort()).toEqual([
      '/listedco/listconews/sehk/2011/0201/a110201.pdf',
      '/listedco/listconews/sehk/2011/0906/a110907.pdf',
    ]);
    const store = await openFilingStore({ dir: data });
    try {
      expect(await store.monthsHeld('01149')).toEqual(['2011-08', '2011-01']);
      const january = await store.forMonth('01149', '2011-01');
      expect(january?.monthlyReturn.dateSubmitted).toBe('2011-02-01');
      expect(january?.provenance.source).toEqual({
        kind: 'hkexnews',
        newsId: expect.stringMatching(/^\d+$/),
        url: `${fake.url}/listedco/listconews/sehk/2011/0201/a110201.pdf`,
        title: 'Monthly Return of Equity Issuer on Movements in Securities for the month ended 31 January 2011',
        releasedAt: '2011-02-01T16:30+08:00',
      });
    } finally {
      await store.close();
    }

    // The second run writes the code and the months as `/shares` reads them: the same grammar, the same request.
    const again = await fetchCommand(['1149.HK', '--since', 'Jan 2011', '--until', '12/2011', '--data', data]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^ {2}already held {10}2$/m);
    expect(fake.downloads.get('/listedco/listconews/sehk/2011/0201/a110201.pdf')).toBe(1);
  });

  it('fails with a clear message, exit 1 and nothing stored when HKEXnews sends a web page', async () => {
    const data = path.join(dir, 'data-broken');
    fake.fail('html', { endpoint: 'search' });
    try {
      const run = await fetchCommand(['01149', '--since', '2013-01', '--until', '2013-12', '--data', data]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('not fetched: 01149: HKEXnews sent a web page where a search result was expected');
      const store = await openFilingStore({ dir: data });
      expect(await store.listIssuers()).toEqual([]);
      await store.close();
    } finally {
      fake.heal();
    }
  });
});

describe('hkex-shares fetch usage', () => {
  it('refuses a code that is not one and a month that is not one, with exit 2', async () => {
    const run = await fetchCommand(['tencent']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tencent is not a stock code: HKEX codes have one to five digits, such as 00020.');
    const month = await fetchCommand(['700', '--since', '2024-13']);
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('--since must be a month such as 2011-01 or "Jan 2011", not "2024-13"');
  });

  it('says what a Shanghai code is where no held return prints it, as /shares does, with exit 2', async () => {
    const run = await fetchCommand(['600036', '--data', path.join(dir, 'data-a-share')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'hkex-shares fetch: 600036 is a Shanghai Stock Exchange code (six digits, as A and B shares are numbered there), not an HKEX one',
    );
  });

  it('asks HKEXnews for the held A+H issuer whose returns print a Shanghai code, saying which class it is', async () => {
    const data = path.join(dir, 'data-a-plus-h');
    const store = await openFilingStore({ dir: data });
    await saveFixture(store, '01338_2025-09_a-plus-h-sse', { sha256: 'c'.repeat(64) });
    await store.close();
    const run = await fetchCommand(['601338', '--since', '2025-09', '--until', '2025-09', '--data', data]);
    expect(run.stderr).toContain(
      "601338 is SSE 601338, the Shanghai Stock Exchange code of Donghai Port Machinery Co., Ltd.'s Ordinary shares – A Shares; the issuer files its returns with HKEX under 01338.",
    );
    expect(run.stderr).toContain('for the returns of 01338, 2025-09 to 2025-09');
  });

  it('does nothing when HKEXnews is turned off', async () => {
    const before = fake.requests.length;
    const run = await fetchCommand(['700', '--data', path.join(dir, 'off')], { HKEXNEWS: 'off' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('HKEXnews is turned off (HKEXNEWS=off); nothing was fetched.');
    expect(fake.requests.length).toBe(before);
  });
});
