/**
 * Two bots as `npm start` runs them (dist/main.js, HTTP mode) on one PostgreSQL database, against one fake Slack
 * and one fake HKEXnews: the same `link_shared` of an HKEXnews document reaches both at once (behind a load
 * balancer, Slack's retry of a delivery it thought unanswered lands on the other instance), then once more as a
 * later retry. The document is downloaded once and the message unfurled once. `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEvent, type RunningBot } from '../helpers/bot-process.js';
import { type FakeDocument, type FakeHkexnews, fixtureDocuments, startFakeHkexnews } from '../helpers/fake-hkexnews.js';
import { postgresSkipReason } from '../helpers/postgres-database.js';
import { startTwoBots, type TwoBots } from '../helpers/two-bots.js';

const SECRET = 'two-instances-unfurl-secret';
const ALREADY = 'link_shared in C0FILINGS at 1733200000.000300: unfurled already';

describe.skipIf(postgresSkipReason !== null)(
  `two bots unfurling one HKEXnews link on one PostgreSQL database${postgresSkipReason ? ` (skipped: ${postgresSkipReason})` : ''}`,
  () => {
    let fake: FakeHkexnews;
    let two: TwoBots;
    let kowloon: FakeDocument;

    beforeAll(async () => {
      const found = fixtureDocuments().find((d) => d.stockCode === '08425');
      if (!found) throw new Error('the fixture return of 08425 is missing');
      kowloon = found;
      fake = await startFakeHkexnews({ documents: [kowloon] });
      two = await startTwoBots({ secret: SECRET, env: { HKEXNEWS_URL: fake.url } });
    }, 90_000);

    afterAll(async () => {
      await two?.close();
      await fake?.close();
    });

    it('download the document once and unfurl the message once, whichever of them Slack delivers it to', async () => {
      const { fakeSlack, store, bots } = two;
      const link = `${fake.url}${kowloon.path}`;
      const event = {
        type: 'link_shared',
        channel: 'C0FILINGS',
        user: 'U0READER',
        message_ts: '1733200000.000300',
        links: [{ domain: '127.0.0.1', url: link }],
      };
      const deliver = (bot: RunningBot, retryNum: number) =>
        postEvent(fakeSlack, { port: bot.port, secret: SECRET }, event, { eventId: 'EvLINK0001', retryNum });
      const [first, second] = bots;
      const acks = await Promise.all([deliver(first, 0), deliver(second, 1)]);
      expect(acks.map((ack) => ack?.status)).toEqual([200, 200]);
      const saidAlready = () => bots.filter(({ bot }) => bot.output().includes(ALREADY)).length;
      // One unfurls; the other waits for it and then finds it done.
      await fakeSlack.waitFor(() => fakeSlack.callsTo('chat.unfurl').length === 1 && saidAlready() === 1, 60_000);
      // Slack's next retry, later, to the bot that unfurled: done already there too.
      const unfurler = bots.find(({ bot }) => !bot.output().includes(ALREADY)) as RunningBot;
      expect((await deliver(unfurler, 2))?.status).toBe(200);
      await fakeSlack.waitFor(() => saidAlready() === 2, 60_000);

      const unfurls = fakeSlack.callsTo('chat.unfurl');
      expect(unfurls).toHaveLength(1);
      expect(unfurls[0]?.body.ts).toBe('1733200000.000300');
      const body = unfurls[0]?.body.unfurls;
      const sent = JSON.stringify(typeof body === 'string' ? JSON.parse(body) : body);
      expect(sent).toContain('Kowloon Smart Logistics Holdings Limited (08425) · October 2024');
      expect(fake.downloads.get(kowloon.path)).toBe(1);
      const stored = await store.submissions('08425', '2024-10');
      // The fixture's spec: 200,000,000 at the close of September, 240,000,000 at the close of October.
      expect(stored.map((s) => s.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing)).toEqual([240_000_000]);
    });
  },
);
