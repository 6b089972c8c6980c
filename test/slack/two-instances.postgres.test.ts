/**
 * Two bots as `npm start` runs them (dist/main.js, HTTP mode) on one PostgreSQL database, against one fake Slack:
 * an upload whose file_shared event reaches both (and is retried) is stored once and answered with one card, and
 * the digest both schedulers find due at start-up goes out once. `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestDueDigest } from '../../src/digest/digest-schedule.js';
import type { Viewer } from '../../src/domain/audience.js';
import { postFileShared, type RunningBot } from '../helpers/bot-process.js';
import { postgresSkipReason } from '../helpers/postgres-database.js';
import { startTwoBots, type TwoBots } from '../helpers/two-bots.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/00020_2023-11.pdf');
const SECRET = 'two-instances-secret';
const DIGEST_CHANNEL = 'C0DIGEST';

/** Resolves once `done` answers true, as fakeSlack.waitFor does for what the fake records; fails after 30 s. */
async function until(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('waited in vain');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(postgresSkipReason !== null)(
  `two bots on one PostgreSQL database${postgresSkipReason ? ` (skipped: ${postgresSkipReason})` : ''}`,
  () => {
    let two: TwoBots;

    beforeAll(async () => {
      two = await startTwoBots({
        secret: SECRET,
        // Watched before either bot starts, with no workspace named (as a store of a bot that did not know its
        // workspace holds it): the first bot to start stamps it with the token's workspace, the second finds that
        // done, and each one's scheduler finds the digest due and unsent at start-up.
        before: (store) =>
          store.saveWatchlist({
            channelId: DIGEST_CHANNEL,
            stockCodes: ['00020'],
            digestEnabled: true,
            updatedAt: '2023-01-01T00:00:00.000Z',
          }),
      });
    }, 90_000);

    afterAll(() => two?.close());

    it('store an upload delivered to both, and retried, once, and answer it with one card', async () => {
      const { fakeSlack, store, bots } = two;
      const file = fakeSlack.addFile({ name: '00020_2023-11.pdf', bytes: readFileSync(FIXTURE) });
      const ts = '1700030000.000100';
      fakeSlack.addShare(file.id, { channel: 'C1', ts });
      const deliver = ({ port }: RunningBot, retryNum: number) =>
        postFileShared(fakeSlack, { port, secret: SECRET }, { fileId: file.id, channel: 'C1', ts, retryNum });
      const [first, second] = bots;
      const responses = await Promise.all([deliver(first, 0), deliver(second, 0), deliver(first, 1)]);
      // Each bot acknowledges once the claim is in the database: the one that won it, and the ones that found it.
      expect(responses.map((response) => response?.status)).toEqual([200, 200, 200]);

      const cards = () =>
        fakeSlack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1' && c.body.thread_ts === ts);
      await fakeSlack.waitFor(() => cards().length > 0, 60_000);
      await until(async () => (await store.unfinishedSlackUploads()).length === 0);
      expect(cards()).toHaveLength(1);
      expect(String(cards()[0]?.body.text)).toContain('00020');
      // Read in a channel of the token's workspace: that workspace's.
      const inWorkspace: Viewer = { kind: 'workspace', teamId: fakeSlack.teamId };
      expect(await store.submissions('00020', '2023-11', inWorkspace)).toHaveLength(1);
      expect(fakeSlack.downloads.get(file.id)).toBe(1);
    });

    it('post the digest both schedulers find due once, and record it once', async () => {
      const { fakeSlack, store, bots } = two;
      const month = latestDueDigest(new Date(), { timeOfDay: '10:00', timeZone: 'Asia/Hong_Kong' }).month;
      const digestPosts = () => fakeSlack.callsTo('chat.postMessage').filter((c) => c.body.channel === DIGEST_CHANNEL);
      await fakeSlack.waitFor(() => digestPosts().length > 0, 60_000);
      // Stopped by SIGTERM, each bot lets its scheduler's run finish first: after this, neither will post again.
      await Promise.all(
        bots.map(async ({ bot }) => {
          bot.child.kill('SIGTERM');
          await bot.exited;
        }),
      );
      const record = await store.findDigestRecord(DIGEST_CHANNEL, month, fakeSlack.teamId);
      expect(record?.trigger).toBe('catch-up');
      expect(await store.listWatchlists()).toMatchObject([{ channelId: DIGEST_CHANNEL, teamId: fakeSlack.teamId }]);
      expect(digestPosts().map((post) => post.response?.ts)).toEqual(record?.messageTs);
      expect(digestPosts()).toHaveLength(1);
    });
  },
);
