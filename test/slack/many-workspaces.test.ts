/**
 * The app installed in two workspaces through Slack's OAuth flow, end to end: the real app's install page and
 * redirect (Bolt's installer), the fake Slack's authorize page and oauth.v2.access handing each workspace its own
 * bot token, the installations kept in the store. Each workspace is then answered with its own token, and what is
 * read in one workspace's public channel stays in that workspace, while HKEXnews returns are everyone's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnownBlock } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { CARD_ACTIONS, encodeReturnRef } from '../../src/format/card-actions.js';
import { createDigestPoster } from '../../src/slack/digest-poster.js';
import { NOVEMBER_RETURNS, saveInputFor } from '../digest/digest-returns.js';
import { createFakeClock, runUntil, startSchedulerOn } from '../digest/fake-clock.js';
import { type FakeHkexnews, fixtureDocuments, startFakeHkexnews } from '../helpers/fake-hkexnews.js';
import type { FakeWorkspace } from '../helpers/fake-slack.js';
import { startFakeSlack } from '../helpers/fake-slack.js';
import { renderPlainText } from '../helpers/plain-text.js';
import {
  openTempFilingStore,
  startTestApp,
  TEST_OAUTH,
  type TestApp,
  type TestAppOptions,
} from '../helpers/slack-harness.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/00020_2023-11.pdf');
const GENERAL = 'C0GENERAL';
const [A, B] = ['T0ALPHA', 'T0BRAVO'];

let t: TestApp | null = null;
let hkexnews: FakeHkexnews | null = null;

afterEach(async () => {
  await t?.close();
  await hkexnews?.close();
  t = null;
  hkexnews = null;
});

/** An install as a browser makes it: the install page, Slack's authorize page, back to the redirect with the cookie. */
async function install(app: TestApp, teamId: string): Promise<FakeWorkspace> {
  const workspace = app.fakeSlack.addWorkspace(teamId);
  const done = await installAs(app, teamId);
  expect(done.status).toBe(200);
  return workspace;
}

/** The install's steps for what the installer chose on Slack's page (a workspace, or an organisation): the last page. */
async function installAs(app: TestApp, teamId: string): Promise<Response> {
  const page = await fetch(`${app.origin}/slack/install`, { redirect: 'manual' });
  expect(page.status).toBe(200);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const href = /<a href="([^"]+)"/.exec(await page.text())?.[1]?.replaceAll('&amp;', '&') ?? '';
  const authorize = new URL(href);
  expect(authorize.origin + authorize.pathname).toBe(`${app.fakeSlack.url}/oauth/v2/authorize`);
  expect(authorize.searchParams.get('scope')).toBe('commands,chat:write,files:read');
  // The installer chooses the workspace on Slack's page and allows the app.
  authorize.searchParams.set('team', teamId);
  const consent = await fetch(authorize, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const back = new URL(consent.headers.get('location') ?? '');
  expect(back.pathname).toBe('/slack/oauth_redirect');
  return fetch(back, { headers: { cookie }, redirect: 'manual' });
}

/** The app, installed in workspaces A and B, each with a public #general of the same channel id. */
async function start(options: TestAppOptions = {}): Promise<TestApp> {
  const app = await startTestApp({ oauth: true, ...options });
  t = app;
  await install(app, A);
  await install(app, B);
  app.fakeSlack.addConversation(GENERAL, { type: 'public' });
  return app;
}

async function ask(app: TestApp, text: string, team: string, channel = GENERAL): Promise<string> {
  const sent = await app.sendCommand(text, { channel, team });
  await app.idle();
  return app.fakeSlack
    .callsTo('response_url')
    .filter((call) => call.url === sent.responseUrl && !call.body.delete_original)
    .map((call) => renderPlainText(call.body as { text: string; blocks?: KnownBlock[] }))
    .join('\n');
}

describe('the app installed in two workspaces through OAuth', () => {
  it('keeps each workspace’s token, and answers each with its own', async () => {
    const app = await startTestApp({ oauth: true });
    t = app;
    const [alpha, bravo] = [await install(app, A), await install(app, B)];
    expect((await app.store.findInstallation(A))?.bot).toMatchObject({ token: alpha.botToken, userId: `UBOT${A}` });
    expect((await app.store.findInstallation(B))?.bot.token).toBe(bravo.botToken);
    expect(app.fakeSlack.callsTo('oauth.v2.access').map((c) => c.body.client_id)).toEqual(['1111.2222', '1111.2222']);

    app.fakeSlack.addConversation(GENERAL, { type: 'public' });
    await app.uploadFile({ name: 'nov.pdf', bytes: readFileSync(FIXTURE) }, { channel: GENERAL, team: A });
    await app.idle();
    // Everything the upload needed went with workspace A's token: the file, the channel, the card.
    const calls = app.fakeSlack.calls.filter((c) =>
      ['files.info', 'conversations.info', 'chat.postMessage'].includes(c.method),
    );
    expect(new Set(calls.map((c) => c.teamId))).toEqual(new Set([A]));
    expect(app.botMessages().at(-1)?.plain).toContain('November 2023');
    expect((await app.store.latest('00020', { kind: 'workspace', teamId: A }))?.audience).toEqual({
      kind: 'conversations',
      channelIds: [],
      teamIds: [A],
    });
  });

  it('shows a return read in a public channel of A in every conversation of A, and in none of B', async () => {
    hkexnews = await startFakeHkexnews({ documents: fixtureDocuments().filter((d) => d.stockCode === '03388') });
    const now = () => new Date('2024-11-20T02:00:00Z');
    const app = await start({ hkexnewsUrl: hkexnews.url, now });
    await app.uploadFile({ name: 'nov.pdf', bytes: readFileSync(FIXTURE) }, { channel: GENERAL, team: A });
    await app.idle();

    expect(await ask(app, '00020 2023-11', A)).toContain('Issued: 25,948,809,928');
    expect(await ask(app, '00020 2023-11', A, 'C0MARKETS')).toContain('Issued: 25,948,809,928');
    const inB = await ask(app, '00020 2023-11', B);
    expect(inB).not.toContain('25,948,809,928');
    expect(inB).toMatch(/No .*00020/);
    expect(await ask(app, 'list', B)).not.toContain('00020');
    // A button of A's card, clicked in B's channel of the same id: not held there either.
    const value = encodeReturnRef({ stockCode: '00020', month: '2023-11' });
    const click = await app.clickButton({ actionId: CARD_ACTIONS.history, value, channel: GENERAL, team: B });
    await app.idle();
    const clicked = app.fakeSlack.callsTo('response_url').filter((c) => c.url === click.responseUrl);
    const answer = clicked.map((c) => renderPlainText(c.body as { text: string })).join('\n');
    expect(answer).not.toContain('25,948,809,928');
    expect(answer).toMatch(/No .*00020/);

    // Fetched from HKEXnews when B asks: everyone's, so A sees it too, from the store.
    expect(await ask(app, '03388', B)).toContain('Issued: 995,500,000');
    const fetched = hkexnews.downloads.size;
    expect(await ask(app, '03388', A)).toContain('Issued: 995,500,000');
    expect(hkexnews.downloads.size).toBe(fetched);
    expect((await app.store.latest('03388'))?.audience).toEqual({ kind: 'workspace' });
  });

  it('keeps the watchlists of the same channel id in the two workspaces apart', async () => {
    const app = await start();
    await ask(app, 'watch 00020', A);
    await ask(app, 'watch 03388 00700', B);
    expect(await ask(app, 'watchlist', A)).toContain('00020');
    expect(await ask(app, 'watchlist', A)).not.toContain('03388');
    expect(await ask(app, 'watchlist', B)).not.toContain('00020');
    expect((await app.store.getWatchlist(GENERAL, A))?.stockCodes).toEqual(['00020']);
    expect((await app.store.getWatchlist(GENERAL, B))?.stockCodes).toEqual(['00700', '03388']);
    expect(await app.store.getWatchlist(GENERAL)).toBeNull();
  });

  it('posts each workspace’s scheduled digest with that workspace’s token, and records them apart', async () => {
    const clock = createFakeClock(new Date('2023-12-01T00:00:00Z'));
    const app = await start({ now: () => clock.now() });
    for (const spec of NOVEMBER_RETURNS) await app.store.save(saveInputFor(spec));
    await ask(app, 'watch 00020', A);
    await ask(app, 'watch 00020 00700', B);
    const scheduler = startSchedulerOn(clock, {
      store: app.store,
      poster: createDigestPoster(app.app.client),
      postersOf: async (teamId) => ({ poster: createDigestPoster((await app.app.workspaces.of(teamId)).client) }),
    });
    // November 2023's digest is due on Thu 7 Dec 2023 at 10:00 in Hong Kong.
    await runUntil(clock, scheduler, new Date('2023-12-07T02:00:00Z'));
    scheduler.stop();
    const posts = app.fakeSlack.callsTo('chat.postMessage').filter((c) => c.body.channel === GENERAL);
    expect(posts.map((c) => [c.teamId, String(c.body.text).slice(0, 58)])).toEqual([
      [A, 'November 2023 digest: 1 of 1 watched companies have filed;'],
      [B, 'November 2023 digest: 2 of 2 watched companies have filed;'],
    ]);
    expect((await app.store.findDigestRecord(GENERAL, '2023-11', A))?.teamId).toBe(A);
    expect((await app.store.findDigestRecord(GENERAL, '2023-11', B))?.teamId).toBe(B);
    expect(await app.store.findDigestRecord(GENERAL, '2023-11')).toBeNull();
  });

  it('resumes an upload a stopped app left unanswered with the token of the workspace it was shared in', async () => {
    const fakeSlack = await startFakeSlack({
      oauthClient: { id: TEST_OAUTH.clientId, secret: TEST_OAUTH.clientSecret },
    });
    const { store, remove } = await openTempFilingStore();
    try {
      const first = await start({ fakeSlack, store });
      const bytes = readFileSync(FIXTURE);
      // The download trickles, so that the first app is stopped with the upload in hand.
      const file = fakeSlack.addFile({ name: 'nov.pdf', bytes, trickle: { bytes: 16_384, everyMs: 20 } });
      const downloading = fakeSlack.downloadStarted(file.id);
      fakeSlack.addShare(file.id, { channel: GENERAL, ts: '1700001000.000001' });
      await first.sendEvent(
        { type: 'file_shared', file_id: file.id, channel_id: GENERAL, user_id: 'U0001', event_ts: '1700001000.000001' },
        { team: A },
      );
      await downloading;
      expect(await first.app.stop(0)).toEqual([expect.stringContaining(file.id)]);
      await first.close();
      t = null;
      expect((await store.unfinishedSlackUploads()).map((u) => u.teamId)).toEqual([A]);

      const second = await startTestApp({ oauth: true, fakeSlack, store });
      t = second;
      await second.idle();
      const card = fakeSlack.callsTo('chat.postMessage').filter((c) => c.body.channel === GENERAL);
      expect(card.map((c) => c.teamId)).toEqual([A]);
      expect(await store.unfinishedSlackUploads()).toEqual([]);
      expect((await store.latest('00020', { kind: 'workspace', teamId: A }))?.reportMonth).toBe('2023-11');
      expect(await store.latest('00020', { kind: 'workspace', teamId: B })).toBeNull();
    } finally {
      await t?.close();
      t = null;
      await fakeSlack.close();
      await remove();
    }
  });

  it('refuses an Enterprise Grid org-wide install, saying why to the installer, and revokes its token', async () => {
    const app = await startTestApp({ oauth: true });
    t = app;
    const org = app.fakeSlack.addOrganization('E0STARSHIP');
    const done = await installAs(app, org.teamId);
    expect(done.status).toBe(403);
    const page = await done.text();
    expect(page).toContain('This app is installed one workspace at a time: an org-wide install');
    expect(page).toContain('nothing was installed');
    expect(await app.store.contents().installations()).toEqual([]);
    expect(app.fakeSlack.callsTo('auth.revoke').map((c) => c.teamId)).toEqual([org.teamId]);
    expect(app.logs.map((l) => l.text)).toContain(
      'an org-wide install in Enterprise Grid organisation E0STARSHIP was refused',
    );
    // A workspace installs as before.
    await install(app, A);
    expect((await app.store.findInstallation(A))?.team.id).toBe(A);
  });

  it('answers a workspace that never installed the app with nothing from another', async () => {
    const app = await start();
    const sent = await app.sendCommand('list', { channel: GENERAL, team: 'T0NOBODY' });
    await app.idle();
    // Bolt's authorize finds no installation: no listener runs, and nothing is answered.
    expect(app.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl)).toEqual([]);
  });
});
