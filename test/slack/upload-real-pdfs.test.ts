/**
 * Uploads read by the real parser into the real store, end to end: PDFs that are not monthly returns, damaged ones,
 * and real returns from the corpus (skipped where ../shared/filings is absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Of } from '../../src/services/ingest-filing.js';
import { createReadPool } from '../../src/services/ingest-worker-pool.js';
import { FILINGS_DIR as CORPUS } from '../helpers/corpus.js';
import { makeSenseTimeReturn, saveSample } from '../helpers/sample-returns.js';
import { startTestApp, type TestApp } from '../helpers/slack-harness.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const hasCorpus = existsSync(path.join(CORPUS, '00328_2025-09.pdf'));
if (!hasCorpus) console.log(`Real filings not found at ${CORPUS}: the corpus uploads are skipped.`);

/** A small real PDF that says something else: an annual report's cover. */
function annualReportPdf(): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(28).text('Annual Report 2023');
    doc.fontSize(11).text('Chairman’s statement, directors’ report and consolidated financial statements.');
    doc.end();
  });
}

function corpusPdf(name: string): Uint8Array {
  return readFileSync(path.join(CORPUS, name));
}

let t: TestApp;

beforeEach(async () => {
  t = await startTestApp();
});

afterEach(async () => {
  await t.close();
});

describe('an uploaded PDF that is not a monthly return', () => {
  it('is named to the uploader alone, and the thread is left clean', async () => {
    await t.uploadFile({ name: 'annual-report.pdf', bytes: await annualReportPdf() }, { user: 'U77', channel: 'C9' });
    await t.idle();
    const [ephemeral] = t.fakeSlack.callsTo('chat.postEphemeral');
    expect(ephemeral?.body).toMatchObject({ channel: 'C9', user: 'U77' });
    expect(ephemeral?.body.text).toBe(
      'annual-report.pdf is not an HKEX monthly return: its title reads "Annual Report 2023". Nothing was stored.',
    );
    // Nothing is said in the channel: the first page decided it is not a return.
    expect(t.fakeSlack.callsTo('chat.postMessage')).toEqual([]);
    expect(await t.store.listIssuers()).toEqual([]);
  });

  it.skipIf(!hasCorpus)('is recognised as a Next Day Disclosure Return', async () => {
    await t.uploadFile({ name: '01149_nddr_a130322.pdf', bytes: corpusPdf('other-forms/01149_nddr_a130322.pdf') });
    await t.idle();
    expect(t.fakeSlack.callsTo('chat.postEphemeral')[0]?.body.text).toBe(
      '01149_nddr_a130322.pdf is not an HKEX monthly return: it looks like a Next Day Disclosure Return. Nothing was stored.',
    );
  });
});

describe('a damaged PDF', () => {
  it('gets a clear message to the uploader and leaves the store as it was', async () => {
    await saveSample(t.store, makeSenseTimeReturn());
    const before = await t.store.listIssuers();
    const bytes = new TextEncoder().encode(
      '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not the rest of a PDF',
    );
    await t.uploadFile({ name: 'damaged.pdf', bytes });
    await t.idle();
    const reply = t.botMessages().at(-1);
    expect(reply?.via).toBe('chat.postEphemeral');
    expect(reply?.plain).toMatch(/^⚠ I could not read damaged\.pdf: .+\. Nothing was stored\./);
    expect(await t.store.listIssuers()).toEqual(before);
    expect(await t.store.findBySha256(sha256Of(bytes))).toBeNull();
  });
});

describe('the fixture returns', () => {
  const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
  const hasFixtures = existsSync(path.join(FIXTURES, '00020_2023-11.pdf'));
  if (!hasFixtures) console.log(`Fixture PDFs not found in ${FIXTURES}: run \`npm run fixtures\`.`);

  it.skipIf(!hasFixtures)('give SenseTime a card with its figures and the change on the month before', async () => {
    await t.uploadFile({ name: '00020_2023-10.pdf', bytes: fixture('00020_2023-10.pdf') });
    await t.idle();
    await t.uploadFile({ name: '00020_2023-11.pdf', bytes: fixture('00020_2023-11.pdf') });
    await t.idle();
    const card = t.botMessages().at(-1);
    expect(card?.plain).toContain('SenseTime Group Inc. (00020) · November 2023');
    expect(card?.plain).toContain(
      'WVR ordinary shares – Class B ordinary shares · SEHK 00020 / 80020 RMB\nIssued: 25,948,809,928 · no change in the month · no change vs Oct 2023',
    );
    expect(card?.plain).toContain('Other Sold -12,189,548; outstanding 3,537,208,529 → 3,525,018,981');
    expect(card?.plain).toContain('✓ Every check passed and it follows on from Oct 2023.');
  });

  it.skipIf(!hasFixtures)(
    'are answered in the thread when a return, known from its first page, is refused',
    async () => {
      const short = await startTestApp({ limits: { maxBytes: 20 * 1024 * 1024, maxPages: 1, timeoutMs: 15_000 } });
      try {
        await short.uploadFile({ name: '00020_2023-11.pdf', bytes: fixture('00020_2023-11.pdf') }, { channel: 'C3' });
        await short.idle();
        expect(short.botMessages()).toMatchObject([{ via: 'chat.postMessage', channel: 'C3' }]);
        expect(short.botMessages()[0]?.plain).toMatch(
          /^⚠ 00020_2023-11\.pdf has \d+ pages; the limit is 1\. Nothing was stored\.$/,
        );
      } finally {
        await short.close();
      }
    },
  );

  it.skipIf(!hasFixtures)('flag a return whose balance does not add up', async () => {
    await t.uploadFile({ name: 'bm.pdf', bytes: fixture('01892_2023-06_balance-mismatch.pdf') });
    await t.idle();
    expect(t.botMessages().at(-1)?.plain).toContain(
      '✗ II · Ordinary shares, issued shares: 1,250,000,000 + 5,000,000 = 1,255,000,000, but the form says 1,255,500,000',
    );
  });

  it.skipIf(!hasFixtures)('are read on a worker thread as the app reads them', async () => {
    const readers = createReadPool({ size: 1 });
    const app = await startTestApp({ read: readers.read });
    try {
      await app.uploadFile({ name: '00020_2023-11.pdf', bytes: fixture('00020_2023-11.pdf') });
      await app.idle();
      expect(app.botMessages().at(-1)?.plain).toContain('Issued: 25,948,809,928');
    } finally {
      await app.close();
      await readers.close();
    }
  });
});

describe.skipIf(!hasCorpus)('real monthly returns', () => {
  it('reads an upload into a card with the figures of the return', async () => {
    await t.uploadFile({ name: '01477_2023-12.pdf', bytes: corpusPdf('01477_2023-12.pdf') });
    await t.idle();
    const card = t.botMessages().at(-1);
    expect(card?.plain).toContain('Ocumension Therapeutics (01477) · December 2023');
    expect(card?.plain).toContain('Issued: 690,903,850');
    expect(card?.plain).toContain('Submitted 2024-01-03 · New submission · FF301 v1.0.2 · English');
  });

  it('redraws 01149 January 2011 once October 2009 arrives after it: the 15 months between are a note, not a warning, and the renaming between them is one', async () => {
    await t.uploadFile(
      { name: '01149_2011-01.pdf', bytes: corpusPdf('01149_2011-01.pdf') },
      { ts: '1700003000.000100' },
    );
    await t.idle();
    const january = t.botMessages().find((m) => m.threadTs === '1700003000.000100');
    expect(january?.plain).toContain('No earlier month is held for 01149: nothing to compare with.');
    await t.uploadFile(
      { name: '01149_2009-10.pdf', bytes: corpusPdf('01149_2009-10.pdf') },
      { ts: '1700004000.000100' },
    );
    await t.idle();
    const updated = t.botMessages().find((m) => m.via === 'chat.update' && m.ts === january?.ts);
    expect(updated?.plain).toContain('vs Oct 2009');
    const lines = updated?.plain.split('\n') ?? [];
    const continuity = lines.filter((line) => line.includes('(no return is held for the months between)'));
    expect(continuity.length).toBeGreaterThan(0);
    for (const line of continuity) expect(line).not.toContain('⚠');
    // The one warning is the company's renaming between the two (Broad Intelligence became Anxin-China in 2010).
    const warnings = lines.filter((line) => line.includes('⚠'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('but the 2009-10 return held for 01149 names "Broad Intelligence International');
    expect(updated?.plain).not.toContain('nothing to compare with');
  });

  it('says which return a resubmission supersedes, and shows the consolidated figure', async () => {
    await t.uploadFile({ name: '00328_2025-09.pdf', bytes: corpusPdf('00328_2025-09.pdf') });
    await t.idle();
    await t.uploadFile({ name: '00328_2025-09_resubmitted.pdf', bytes: corpusPdf('00328_2025-09_resubmitted.pdf') });
    await t.idle();
    // The last message is the first card, updated to say it is superseded: the new card is the last posted.
    const card = t.botMessages().findLast((m) => m.via === 'chat.postMessage');
    expect(card?.plain).toContain('↻ Resubmission: supersedes the return for September 2025 submitted 2025-10-08');
    // The 10:1 consolidation: 114,556,865 shares became 11,455,686.
    expect(card?.plain).toContain('Issued: 11,455,686');
    expect((await t.store.latest('00328'))?.monthlyReturn.status).toBe('resubmission');
  });

  it('stores one return when Slack retries the upload event', async () => {
    const { file, event } = await t.uploadFile({ name: '00328_2024-12.pdf', bytes: corpusPdf('00328_2024-12.pdf') });
    await t.sendEvent(event, { retryNum: 1 });
    await t.idle();
    expect(await t.store.submissions('00328', '2024-12')).toHaveLength(1);
    expect(t.fakeSlack.downloads.get(file.id)).toBe(1);
  });
});
