/**
 * Who may see a return, end to end: the real app over signed HTTP, the real ingest of a fixture PDF, the fake Slack
 * describing each conversation through conversations.info. A return read in a private channel, a group DM or a DM
 * is answered there and is "not held" everywhere else, by every /shares answer, button and digest; it becomes
 * public once the same return is shared in a public channel or fetched from HKEXnews.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnownBlock } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { viewerIn } from '../../src/domain/audience.js';
import { CARD_ACTIONS, encodeReturnRef } from '../../src/format/card-actions.js';
import { type FakeHkexnews, fixtureDocuments, startFakeHkexnews } from '../helpers/fake-hkexnews.js';
import { renderPlainText } from '../helpers/plain-text.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../helpers/slack-harness.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/03388_2024-09_treasury.pdf');
const HARBOURFRONT = 'Harbourfront Digital Holdings Limited (03388) · September 2024';
const DRAFTS = 'C0DRAFTS';
const PUBLIC = 'C0GENERAL';
const OTHER_PUBLIC = 'C0MARKETS';
const OTHER_PRIVATE = 'C0BOARD';
/** The fake Slack's workspace, which auth.test names as the bot token's: what the bot saves is stamped with it. */
const TEAM = 'T0001';
const inTeam = (channel: string) => `${TEAM}/${channel}`;
/** Read in a public channel of the token's workspace: every conversation of it. */
const WHOLE_TEAM = { kind: 'conversations', channelIds: [], teamIds: [TEAM] };

let t: TestApp | null = null;
let hkexnews: FakeHkexnews | null = null;

afterEach(async () => {
  await t?.close();
  await hkexnews?.close();
  t = null;
  hkexnews = null;
});

async function start(options: TestAppOptions = {}): Promise<TestApp> {
  t = await startTestApp({ now: () => new Date('2024-11-20T02:00:00Z'), ...options });
  t.fakeSlack.addConversation(DRAFTS, { type: 'private' });
  t.fakeSlack.addConversation(OTHER_PRIVATE, { type: 'private' });
  t.fakeSlack.addConversation(PUBLIC, { type: 'public' });
  t.fakeSlack.addConversation(OTHER_PUBLIC, { type: 'public' });
  return t;
}

async function share(app: TestApp, channel: string) {
  await app.uploadFile({ name: '03388_2024-09.pdf', bytes: readFileSync(FIXTURE) }, { channel });
  await app.idle();
  return app.botMessages().at(-1);
}

/** What `/shares <text>` in `channel` answered, as a reader sees it, every message joined. */
async function ask(app: TestApp, text: string, channel: string): Promise<string> {
  const sent = await app.sendCommand(text, { channel });
  await app.idle();
  return app.fakeSlack
    .callsTo('response_url')
    .filter((call) => call.url === sent.responseUrl && !call.body.delete_original)
    .map((call) => renderPlainText(call.body as { text: string; blocks?: KnownBlock[] }))
    .join('\n');
}

/** Everything the bot made visible to a whole conversation: messages posted there, files, in-channel answers. */
function shownToEveryone(app: TestApp, channel: string): string {
  return app.fakeSlack.calls
    .filter(
      (call) =>
        (call.method === 'chat.postMessage' && call.body.channel === channel) ||
        (call.method === 'files.completeUploadExternal' && call.body.channel_id === channel) ||
        (call.method === 'response_url' && call.body.response_type === 'in_channel'),
    )
    .map((call) => JSON.stringify(call.body))
    .join('\n');
}

describe('a return shared in a private channel', () => {
  it('is answered there with its card, and is stored for that conversation only', async () => {
    const app = await start();
    const card = await share(app, DRAFTS);
    expect(card).toMatchObject({ via: 'chat.postMessage', channel: DRAFTS });
    expect(card?.plain).toContain(HARBOURFRONT);
    expect((await app.store.latest('03388', viewerIn(DRAFTS)))?.audience).toEqual({
      kind: 'conversations',
      channelIds: [inTeam(DRAFTS)],
    });
    expect(await app.store.latest('03388')).toBeNull();
    expect(await ask(app, '03388', DRAFTS)).toContain('Issued: 995,500,000');
    expect(
      app.logs.some((l) => l.text.includes(`shared by U0001 in ${DRAFTS}, visible to only ${inTeam(DRAFTS)}`)),
    ).toBe(true);
  });

  it('is not held in a public channel, nor in another private one: card, month, history, csv, list, name', async () => {
    const app = await start();
    await share(app, DRAFTS);
    for (const channel of [PUBLIC, OTHER_PRIVATE]) {
      expect(await ask(app, '03388', channel)).toMatch(/No returns are held for stock code 03388/);
      expect(await ask(app, '03388 2024-09', channel)).toMatch(/No returns are held for stock code 03388/);
      expect(await ask(app, '03388 history', channel)).toMatch(/No returns are held for stock code 03388/);
      expect(await ask(app, '03388 history csv', channel)).toMatch(/No returns are held for stock code 03388/);
      expect(await ask(app, 'list', channel)).not.toContain('03388');
      expect(await ask(app, 'harbourfront', channel)).not.toContain('03388');
    }
    expect(app.fakeSlack.postedFiles).toEqual([]);
    expect(await ask(app, 'harbourfront', DRAFTS)).toContain(HARBOURFRONT);

    // The audit trail: who asked where, and what they got; never the words they typed.
    const audit = app.logs.filter((l) => l.level === 'info' && l.text.startsWith('/shares by ')).map((l) => l.text);
    expect(audit).toContain(`/shares by U0001 in ${PUBLIC}: not held`);
    expect(audit.at(-1)).toMatch(
      new RegExp(`^/shares by U0001 in ${DRAFTS}: card 03388 2024-09 \\(Slack file F\\w+ from ${DRAFTS}\\)$`),
    );
    // At debug, the Web API client logs request bodies; every level an operator runs at holds no text.
    expect(app.logs.filter((l) => l.level !== 'debug' && /harbourfront/i.test(l.text))).toEqual([]);
  });

  it('is never posted into a public channel: the buttons clicked there answer not held', async () => {
    const app = await start();
    await share(app, DRAFTS);
    const value = encodeReturnRef({ stockCode: '03388', month: '2024-09' });
    for (const actionId of [CARD_ACTIONS.postToChannel, CARD_ACTIONS.history, CARD_ACTIONS.previousMonth]) {
      await app.clickButton({ actionId, value, channel: PUBLIC });
      await app.idle();
    }
    const answers = app.botMessages().filter((m) => m.via === 'response_url');
    expect(answers.map((m) => m.responseType)).toEqual(['ephemeral', 'ephemeral', 'ephemeral']);
    expect(answers.map((m) => m.plain).join('\n')).not.toContain('995,500,000');
    expect(shownToEveryone(app, PUBLIC)).not.toContain('Harbourfront');
  });

  it('is left out of a public channel digest, and listed in its own', async () => {
    const app = await start();
    await share(app, DRAFTS);
    await ask(app, 'watch 03388', PUBLIC);
    await ask(app, 'watch 03388', DRAFTS);
    // November 2024's returns fell due on 2024-12-06: ask for September, long due.
    expect(await ask(app, 'digest 2024-09', PUBLIC)).toMatch(/not filed yet|not held/i);
    expect(await ask(app, 'digest 2024-09', PUBLIC)).not.toContain('995,500,000');
    expect(await ask(app, 'digest 2024-09', DRAFTS)).toContain('995,500,000');
  });

  it('shared again in another private channel is answered there from its own file, saying nothing of the first', async () => {
    const app = await start();
    await share(app, DRAFTS);
    const card = await share(app, OTHER_PRIVATE);
    expect(card).toMatchObject({ via: 'chat.postMessage', channel: OTHER_PRIVATE });
    expect(card?.plain).toContain(HARBOURFRONT);
    expect(card?.plain).not.toMatch(/already held/i);
    const [first, second] = [...new Set(app.fakeSlack.callsTo('files.info').map((c) => String(c.body.file)))];
    const links = JSON.stringify(card?.blocks);
    expect(links).toContain(`/${second}/`);
    expect(links).not.toContain(`/${first}/`);
  });

  it('becomes public once the same return is shared in a public channel', async () => {
    const app = await start();
    await share(app, DRAFTS);
    const card = await share(app, PUBLIC);
    expect(card?.plain).toContain(HARBOURFRONT);
    // Every conversation of the token's workspace, and no other workspace it may later be installed in.
    expect((await app.store.latest('03388'))?.audience).toEqual({ ...WHOLE_TEAM, channelIds: [inTeam(DRAFTS)] });
    expect(await ask(app, '03388', OTHER_PUBLIC)).toContain('Issued: 995,500,000');
  });

  it('becomes public once it is fetched from HKEXnews', async () => {
    hkexnews = await startFakeHkexnews({ documents: fixtureDocuments() });
    const app = await start({ hkexnewsUrl: hkexnews.url });
    await share(app, DRAFTS);
    const answer = await ask(app, '03388', PUBLIC);
    expect(answer).toContain('Looking up 03388 on HKEXnews…');
    expect(answer).toContain('Issued: 995,500,000');
    expect((await app.store.latest('03388'))?.audience).toEqual({ kind: 'workspace' });
    expect(await ask(app, '03388', OTHER_PRIVATE)).toContain('Issued: 995,500,000');
  });
});

describe('a return shared in one private channel, then in another', () => {
  const BOARD = 'G0BOARD';

  it('is answered in both, by every answer, and in no other conversation until it is shared in public', async () => {
    const app = await start();
    app.fakeSlack.addConversation(BOARD, { type: 'private' });
    await share(app, DRAFTS);
    const card = await share(app, BOARD);
    expect(card).toMatchObject({ via: 'chat.postMessage', channel: BOARD });
    expect(card?.plain).not.toMatch(/already held/i);
    expect((await app.store.latest('03388', viewerIn(BOARD)))?.audience).toEqual({
      kind: 'conversations',
      channelIds: [inTeam(DRAFTS), inTeam(BOARD)],
    });
    expect(
      app.logs.some((l) => l.text.includes(`in ${BOARD}, visible to only ${inTeam(DRAFTS)}, ${inTeam(BOARD)}`)),
    ).toBe(true);

    for (const channel of [DRAFTS, BOARD]) {
      expect(await ask(app, '03388', channel)).toContain('Issued: 995,500,000');
      expect(await ask(app, '03388 2024-09', channel)).toContain('Issued: 995,500,000');
      expect(await ask(app, '03388 history', channel)).toContain('995,500,000');
      expect(await ask(app, 'list', channel)).toContain('03388');
      expect(await ask(app, 'harbourfront', channel)).toContain(HARBOURFRONT);
      await ask(app, 'watch 03388', channel);
      expect(await ask(app, 'digest 2024-09', channel)).toContain('995,500,000');
    }
    expect(app.fakeSlack.postedFiles.map((f) => f.channel).sort()).toEqual([DRAFTS, BOARD]);
    const csv = await ask(app, '03388 history csv', BOARD);
    expect(csv).not.toMatch(/No returns are held/);
    const value = encodeReturnRef({ stockCode: '03388', month: '2024-09' });

    const shownInChannel = () => app.fakeSlack.calls.filter((c) => c.body.response_type === 'in_channel').length;
    const digestsPosted = shownInChannel();
    for (const channel of [PUBLIC, OTHER_PRIVATE]) {
      expect(await ask(app, '03388', channel)).toMatch(/No returns are held for stock code 03388/);
      expect(await ask(app, '03388 history', channel)).toMatch(/No returns are held for stock code 03388/);
      expect(await ask(app, 'list', channel)).not.toContain('03388');
      await app.clickButton({ actionId: CARD_ACTIONS.postToChannel, value, channel });
      await app.idle();
      expect(shownToEveryone(app, channel).match(/"channel(_id)?":"[^"]+"/g) ?? []).toEqual([]);
    }
    expect(shownInChannel()).toBe(digestsPosted);
    // Post to channel in the second conversation posts it there for everyone.
    await app.clickButton({ actionId: CARD_ACTIONS.postToChannel, value, channel: BOARD });
    await app.idle();
    expect(shownInChannel()).toBe(digestsPosted + 1);
    const posted = app.fakeSlack.calls.filter((c) => c.body.response_type === 'in_channel').at(-1);
    expect(JSON.stringify(posted?.body)).toContain('Issued: *995,500,000*');

    await share(app, OTHER_PUBLIC);
    expect((await app.store.latest('03388'))?.audience).toEqual({
      ...WHOLE_TEAM,
      channelIds: [inTeam(DRAFTS), inTeam(BOARD)],
    });
    expect(await ask(app, '03388', PUBLIC)).toContain('Issued: 995,500,000');
    expect(await ask(app, '03388', OTHER_PRIVATE)).toContain('Issued: 995,500,000');
  });
});

describe('a draft of the next month shared in a private channel', () => {
  it('is the latest there only: elsewhere the card, the list and a typo’s suggestions stop at the month before', async () => {
    const app = await start();
    const fixture = (name: string) => path.resolve(import.meta.dirname, `../../fixtures/${name}`);
    await app.uploadFile({ name: 'oct.pdf', bytes: readFileSync(fixture('00020_2023-10.pdf')) }, { channel: PUBLIC });
    await app.uploadFile({ name: 'nov.pdf', bytes: readFileSync(fixture('00020_2023-11.pdf')) }, { channel: DRAFTS });
    await app.idle();
    // The drafts channel asks first, so that the name index is built from its view.
    expect(await ask(app, 'sensetme', DRAFTS)).toContain('latest Nov 2023 · 2 months');
    expect(await ask(app, 'sensetme', PUBLIC)).toContain('latest Oct 2023 · 1 month');
    expect(await ask(app, 'list', PUBLIC)).not.toContain('Nov 2023');
    expect(await ask(app, '00020', PUBLIC)).toContain('October 2023');
    expect(await ask(app, '00020', DRAFTS)).toContain('November 2023');
  });
});

describe('a resubmission shared in a private channel', () => {
  it('leaves the public card of the submission it replaces as it was, and is current only there', async () => {
    const app = await start();
    const fixture = (name: string) => path.resolve(import.meta.dirname, `../../fixtures/${name}`);
    await app.uploadFile({ name: 'a.pdf', bytes: readFileSync(fixture('02288_2025-03.pdf')) }, { channel: PUBLIC });
    await app.idle();
    await app.uploadFile(
      { name: 'b.pdf', bytes: readFileSync(fixture('02288_2025-03_resubmitted.pdf')) },
      { channel: DRAFTS },
    );
    await app.idle();
    expect(app.fakeSlack.callsTo('chat.update').filter((c) => c.body.channel === PUBLIC)).toEqual([]);
    expect(await ask(app, '02288', PUBLIC)).not.toMatch(/resubmission/i);
    expect(await ask(app, '02288', DRAFTS)).toMatch(/resubmission/i);
  });
});

describe('a return shared in a DM or a group DM with the bot', () => {
  it('is answered in the DM, and held for it alone', async () => {
    const app = await start();
    app.fakeSlack.addConversation('D0ANALYST', { type: 'im' });
    const card = await share(app, 'D0ANALYST');
    expect(card).toMatchObject({ via: 'chat.postMessage', channel: 'D0ANALYST' });
    expect(card?.plain).toContain(HARBOURFRONT);
    expect(await ask(app, '03388', 'D0ANALYST')).toContain('Issued: 995,500,000');
    expect(await ask(app, '03388', PUBLIC)).toMatch(/No returns are held for stock code 03388/);
  });

  it('is answered in the group DM, and held for it alone', async () => {
    const app = await start();
    app.fakeSlack.addConversation('C0TRIO', { type: 'mpim' });
    expect((await share(app, 'C0TRIO'))?.plain).toContain(HARBOURFRONT);
    expect(await ask(app, '03388', 'C0TRIO')).toContain('Issued: 995,500,000');
    expect(await ask(app, '03388', PUBLIC)).toMatch(/No returns are held for stock code 03388/);
  });
});

describe('a channel Slack will not describe', () => {
  it('keeps what was read there to itself', async () => {
    const app = await start();
    app.fakeSlack.failNext('conversations.info', 'missing_scope');
    await share(app, 'C0UNKNOWN');
    expect(await ask(app, '03388', PUBLIC)).toMatch(/No returns are held for stock code 03388/);
    expect(await ask(app, '03388', 'C0UNKNOWN')).toContain('Issued: 995,500,000');
  });
});
