/**
 * Two bots as `npm start` runs them (dist/main.js, HTTP mode) on one PostgreSQL database, against one fake Slack
 * and one fake HKEXnews serving 01149's real returns: asked `/shares 01149 2011-08` at the same moment, one looks
 * the code up, searches its listing and downloads the return while the other waits for it and takes its listing,
 * and both answer with the same card from the one return stored.
 * A claim left by a holder that died holds the document until its lease runs out; then a bot takes it over.
 * `npm run build` first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClaimKey } from '../../src/services/fetch-returns.js';
import { postSharesCommand, type RunningBot } from '../helpers/bot-process.js';
import { type FakeHkexnews, FILINGS_DIR, sharedFilingDocuments, startFakeHkexnews } from '../helpers/fake-hkexnews.js';
import { postgresSkipReason } from '../helpers/postgres-database.js';
import { startTwoBots, type TwoBots } from '../helpers/two-bots.js';

const SECRET = 'two-instances-hkexnews-secret';
const corpusAvailable = existsSync(path.join(FILINGS_DIR, '01149_2011-08.pdf'));
const skipReason = postgresSkipReason ?? (corpusAvailable ? null : `${FILINGS_DIR} not found`);
if (!corpusAvailable) console.warn(`Skipping two bots fetching from HKEXnews: ${FILINGS_DIR} not found`);

describe.skipIf(skipReason !== null)(
  `two bots fetching from HKEXnews on one PostgreSQL database${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let fake: FakeHkexnews;
    let two: TwoBots;

    /** Asks one bot, and resolves with its answers once the card (the second: "Looking up…" first) is in. */
    const ask = async ({ port }: RunningBot, text: string) => {
      const { fakeSlack } = two;
      const { status, responseUrl } = await postSharesCommand(fakeSlack, { port, secret: SECRET }, text);
      expect(status).toBe(200);
      const answers = () => fakeSlack.callsTo('response_url').filter((c) => c.url === responseUrl);
      await fakeSlack.waitFor(() => answers().length >= 2, 60_000);
      return answers().map((call) => call.body);
    };

    /** The path of 01149's English return for the month ended `monthEnded` ("June 2012"), as the fake lists it. */
    const documentOf = (monthEnded: string) => {
      const found = sharedFilingDocuments().find(
        (d) => d.stockCode === '01149' && d.language === 'en' && d.title.endsWith(monthEnded),
      );
      if (!found) throw new Error(`01149's return for ${monthEnded} is not in the corpus`);
      return found.path;
    };

    beforeAll(async () => {
      fake = await startFakeHkexnews({ documents: sharedFilingDocuments().filter((d) => d.stockCode === '01149') });
      two = await startTwoBots({ secret: SECRET, env: { HKEXNEWS_URL: fake.url } });
    }, 90_000);

    afterAll(async () => {
      await two?.close();
      await fake?.close();
    });

    it('download a return both are asked for at once a single time, and answer both with its card', async () => {
      const [first, second] = two.bots;
      const [here, there] = await Promise.all([ask(first, '01149 2011-08'), ask(second, '01149 2011-08')]);
      for (const answers of [here, there]) {
        expect(answers[0]?.text).toBe('Looking up 01149 on HKEXnews…');
        const card = JSON.stringify(answers[1]?.blocks);
        expect(card).toContain('Anxin-China Holdings Limited (01149) · August 2011');
        // Hand-checked on the PDF: 2,592,537,458 at the close of July, (5,940,000) in the month.
        expect(card).toContain('Issued: *2,586,597,458*');
      }
      expect(here[1]?.blocks).toEqual(there[1]?.blocks);
      // One look-up and one search (August to November 2011's releases, one page) for both questions.
      expect(fake.requestsTo('prefix').map((r) => r.query.name)).toEqual(['01149']);
      expect(fake.requestsTo('search').map((r) => `${r.query.fromDate}-${r.query.toDate}`)).toEqual([
        '20110801-20111130',
      ]);
      expect(fake.downloads.get(documentOf('31 August 2011'))).toBe(1);
      expect(fake.requestsTo('document')).toHaveLength(1);
      const stored = await two.store.submissions('01149', '2011-08');
      expect(stored.map((s) => s.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing)).toEqual([2_586_597_458]);
    });

    it('wait out the lease of a claim whose holder died, then fetch the return once', async () => {
      const june = documentOf('30 June 2012');
      const leaseMs = 3_000;
      // A holder that claimed the document and died: its claim stays until the lease runs out.
      const claimedAt = performance.now();
      const { store, bots } = two;
      const dead = await store.fetchClaims.claim(documentClaimKey(`${fake.url}${june}`), leaseMs);
      expect(dead.outcome).toBe('claimed');
      const answers = await ask(bots[0], '01149 2012-06');
      const card = JSON.stringify(answers[1]?.blocks);
      expect(card).toContain('Anxin-China Holdings Limited (01149) · June 2012');
      // Hand-checked on the PDF: 2,713,226,598 at the close of May, 2,732,226,598 at the close of June.
      expect(card).toContain('Issued: *2,732,226,598*');
      expect(fake.downloads.get(june)).toBe(1);
      // Not before the lease ran out (a bound load can only delay), and the claim is free again after.
      const download = fake.requestsTo('document').find((r) => r.path === june);
      expect(download?.at).toBeGreaterThanOrEqual(claimedAt + leaseMs - 5);
      expect((await store.fetchClaims.claim(documentClaimKey(`${fake.url}${june}`), 1)).outcome).toBe('claimed');
    });
  },
);
