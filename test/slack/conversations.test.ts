/**
 * What kind a conversation is, asked of the fake Slack through the real Web API client: the audience a return read
 * there gets, and how long an answer is kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type App, LogLevel, webApi } from '../../src/slack/bolt.js';
import { createConversations } from '../../src/slack/conversations.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';

let fakeSlack: FakeSlack | null = null;

afterEach(async () => {
  await fakeSlack?.close();
  fakeSlack = null;
});

async function conversationsAt(clock: { now: number }) {
  fakeSlack = await startFakeSlack();
  const client = new webApi.WebClient(fakeSlack.botToken, {
    slackApiUrl: fakeSlack.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  }) as unknown as App['client'];
  return { fake: fakeSlack, conversations: createConversations(client, { now: () => clock.now, ttlMs: 60_000 }) };
}

describe('createConversations', () => {
  it('shares with the workspace only what a public channel of its own read', async () => {
    const { fake, conversations } = await conversationsAt({ now: 0 });
    fake.addConversation('C1', { type: 'public' });
    fake.addConversation('C2', { type: 'private' });
    fake.addConversation('C3', { type: 'mpim' });
    fake.addConversation('D4', { type: 'im' });
    fake.addConversation('C5', { type: 'public', externallyShared: true });
    const audiences = await Promise.all(['C1', 'C2', 'C3', 'D4', 'C5'].map((id) => conversations.audienceOf(id)));
    expect(audiences).toEqual([
      { kind: 'workspace' },
      { kind: 'conversations', channelIds: ['C2'] },
      { kind: 'conversations', channelIds: ['C3'] },
      { kind: 'conversations', channelIds: ['D4'] },
      { kind: 'conversations', channelIds: ['C5'] },
    ]);
    expect((await conversations.describe('D4')).botIsMember).toBe(true);
  });

  it('keeps an answer a minute, and never keeps one that the bot is not a member', async () => {
    const clock = { now: 0 };
    const { fake, conversations } = await conversationsAt(clock);
    fake.addConversation('C1', { type: 'public' });
    fake.addConversation('C2', { type: 'public', botIsMember: false });
    await conversations.describe('C1');
    await conversations.describe('C2');
    clock.now = 59_999;
    await conversations.describe('C1');
    await conversations.describe('C2');
    expect(fake.callsTo('conversations.info').map((c) => c.body.channel)).toEqual(['C1', 'C2', 'C2']);
    clock.now = 60_000;
    await conversations.describe('C1');
    expect(fake.callsTo('conversations.info')).toHaveLength(4);
  });

  it('takes a conversation Slack will not describe as private, and the bot as not in it', async () => {
    const { fake, conversations } = await conversationsAt({ now: 0 });
    fake.addConversation('C9', { type: 'private', botIsMember: false });
    expect(await conversations.describe('C9')).toEqual({
      kind: 'unknown',
      externallyShared: false,
      botIsMember: false,
      error: 'channel_not_found',
    });
    expect(await conversations.audienceOf('C9')).toEqual({ kind: 'conversations', channelIds: ['C9'] });
  });
});
