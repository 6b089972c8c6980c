/**
 * A store used with a single bot token, then served to many workspaces through OAuth, end to end on one store and
 * one fake Slack: the bot with the token learns its workspace from auth.test at start, stamps with it what an older
 * bot saved without one (once, logged) and what it saves itself; installed afterwards in that workspace and in
 * another, the app shows the token's workspace its Slack returns and its watchlist's digest, and the other
 * workspace none of them, while returns that are public filings stay everyone's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnownBlock } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createDigestPoster } from '../../src/slack/digest-poster.js';
import type { SaveInput } from '../../src/store/filing-store.js';
import { NOVEMBER_RETURNS, saveInputFor } from '../digest/digest-returns.js';
import { createFakeClock, runUntil, startSchedulerOn } from '../digest/fake-clock.js';
import { type FakeSlack, type FakeWorkspace, startFakeSlack } from '../helpers/fake-slack.js';
import { renderPlainText } from '../helpers/plain-text.js';
import { askShares, openTempFilingStore, startTestApp, TEST_OAUTH, type TestApp } from '../helpers/slack-harness.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/00020_2023-11.pdf');
const GENERAL = 'C0GENERAL';
const OTHER = 'T0BRAVO';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** November 2023's return of a code, as an older bot saved it from a public channel: public, naming no workspace. */
function sharedInSlack(stockCode: string): SaveInput {
  const spec = NOVEMBER_RETURNS.find((s) => s.stockCode === stockCode && s.month === '2023-11');
  if (!spec) throw new Error(`no November return of ${stockCode}`);
  const input = saveInputFor(spec);
  const source = { kind: 'slack' as const, fileId: `F${stockCode}`, fileName: `${stockCode}.pdf`, channelId: GENERAL };
  return {
    ...input,
    provenance: { ...input.provenance, source: { ...source, userId: 'U0001', permalink: null } },
    audience: { kind: 'workspace' },
  };
}

/** An install as a browser makes it: the install page, Slack's authorize page, back to the redirect. */
async function install(app: TestApp, workspace: FakeWorkspace): Promise<void> {
  const page = await fetch(`${app.origin}/slack/install`, { redirect: 'manual' });
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const href = /<a href="([^"]+)"/.exec(await page.text())?.[1]?.replaceAll('&amp;', '&') ?? '';
  const authorize = new URL(href);
  authorize.searchParams.set('team', workspace.teamId);
  const consent = await fetch(authorize, { redirect: 'manual' });
  const done = await fetch(new URL(consent.headers.get('location') ?? ''), { headers: { cookie }, redirect: 'manual' });
  expect(done.status).toBe(200);
}

/** What `/shares <text>` in #general of workspace `team` answered, as a reader sees it. */
async function ask(app: TestApp, text: string, team: string): Promise<string> {
  const answers = await askShares(app, text, { channel: GENERAL, team });
  return answers
    .filter((call) => !call.body.delete_original)
    .map((call) => renderPlainText(call.body as { text: string; blocks?: KnownBlock[] }))
    .join('\n');
}

async function startFakes(): Promise<{ fakeSlack: FakeSlack; store: TestApp['store'] }> {
  const fakeSlack = await startFakeSlack({ oauthClient: { id: TEST_OAUTH.clientId, secret: TEST_OAUTH.clientSecret } });
  const { store, remove } = await openTempFilingStore();
  cleanups.push(() => fakeSlack.close(), remove);
  fakeSlack.addConversation(GENERAL, { type: 'public' });
  return { fakeSlack, store };
}

describe('a store of a single bot token, then installed in many workspaces', () => {
  it('keeps the token’s Slack returns and watchlist to its workspace, and public filings everyone’s', async () => {
    const { fakeSlack, store } = await startFakes();
    const TOKEN_TEAM = fakeSlack.teamId;
    // What a bot that did not know its workspace left: a return read in #general, one read there and later
    // fetched from HKEXnews (the same file, so a public filing), and #general's watchlist.
    await store.save(sharedInSlack('00700'));
    const seenOnHkexnews = sharedInSlack('00005');
    await store.save(seenOnHkexnews);
    const listing = { kind: 'hkexnews' as const, newsId: '11', url: 'https://x/11.pdf', title: 'MR', releasedAt: '' };
    await store.save({ ...seenOnHkexnews, provenance: { ...seenOnHkexnews.provenance, source: listing } });
    const since = '2023-11-20T00:00:00.000Z';
    await store.saveWatchlist({
      channelId: GENERAL,
      stockCodes: ['00700'],
      digestEnabled: true,
      updatedAt: since,
      digestSince: since,
    });

    const clock = createFakeClock(new Date('2023-12-01T00:00:00Z'));
    const withToken = await startTestApp({ fakeSlack, store, now: () => clock.now() });
    expect(withToken.logs.map((l) => l.text)).toContain(
      `this store's records are now those of workspace ${TOKEN_TEAM}, the bot token's: stamped 1 Slack return, ` +
        '1 watchlist, 0 digest records, 0 upload claims that named no workspace',
    );
    await withToken.uploadFile({ name: 'nov.pdf', bytes: readFileSync(FIXTURE) }, { channel: GENERAL });
    await withToken.idle();
    expect(withToken.botMessages().at(-1)?.plain).toContain('November 2023');
    expect(withToken.logs.some((l) => l.text.includes(`in ${GENERAL}, visible to only workspace ${TOKEN_TEAM}`))).toBe(
      true,
    );
    await ask(withToken, 'watch 00020', TOKEN_TEAM);
    await withToken.close();
    // A second start with the token stamps nothing, and says nothing of it.
    const again = await startTestApp({ fakeSlack, store, now: () => clock.now() });
    expect(again.logs.filter((l) => l.text.includes('stamped'))).toEqual([]);
    await again.close();

    const many = await startTestApp({ oauth: true, fakeSlack, store, now: () => clock.now() });
    cleanups.push(() => many.close());
    await install(many, fakeSlack.addWorkspace(TOKEN_TEAM));
    await install(many, fakeSlack.addWorkspace(OTHER));

    expect(await ask(many, '00020 2023-11', TOKEN_TEAM)).toContain('Issued: 25,948,809,928');
    const watched = await ask(many, 'watchlist', TOKEN_TEAM);
    expect(watched).not.toContain('This channel watches no companies yet.');
    expect(watched).toMatch(/00020[\s\S]*00700/);
    const inOther = await ask(many, '00020', OTHER);
    expect(inOther).toContain('No returns are held for stock code 00020.');
    expect(inOther).not.toContain('25,948,809,928');
    expect(await ask(many, '00700', OTHER)).toContain('No returns are held for stock code 00700.');
    expect(await ask(many, 'watchlist', OTHER)).toContain('This channel watches no companies yet.');
    // The file HKEXnews lists is a public filing: the other workspace sees it too.
    expect(await ask(many, '00005 2023-11', OTHER)).toContain('00005');
    expect(await ask(many, '00005 2023-11', OTHER)).not.toContain('No return');

    const scheduler = startSchedulerOn(clock, {
      store,
      poster: createDigestPoster(many.app.client),
      postersOf: async (teamId) => ({ poster: createDigestPoster((await many.app.workspaces.of(teamId)).client) }),
    });
    // November 2023's digest is due on Thu 7 Dec 2023 at 10:00 in Hong Kong.
    await runUntil(clock, scheduler, new Date('2023-12-07T02:00:00Z'));
    scheduler.stop();
    const digests = fakeSlack.callsTo('chat.postMessage').filter((c) => String(c.body.text).includes('digest'));
    expect(digests.map((c) => [c.teamId, c.body.channel, String(c.body.text).slice(0, 58)])).toEqual([
      [TOKEN_TEAM, GENERAL, 'November 2023 digest: 2 of 2 watched companies have filed;'],
    ]);
    expect((await store.findDigestRecord(GENERAL, '2023-11', TOKEN_TEAM))?.messageTs).toHaveLength(1);
  });
});
