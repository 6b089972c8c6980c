/** Requests that Slack did not sign are refused before any listener runs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest, startTestApp, type TestApp } from '../helpers/slack-harness.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

function commandBody(responseUrl: string): string {
  return new URLSearchParams({
    command: '/shares',
    text: 'list',
    user_id: 'U1',
    channel_id: 'C1',
    team_id: 'T0001',
    response_url: responseUrl,
  }).toString();
}

describe('request signing', () => {
  it('refuses a request signed with another secret', async () => {
    const responseUrl = t.fakeSlack.responseUrl();
    const body = commandBody(responseUrl);
    const sent = await t.post(body, 'application/x-www-form-urlencoded', signSlackRequest('not-the-secret', body));
    await t.idle();
    expect(sent.status).toBe(401);
    expect(t.fakeSlack.callsTo('response_url').filter((c) => c.url === responseUrl)).toEqual([]);
  });

  it('refuses a correctly signed request older than five minutes', async () => {
    const body = commandBody(t.fakeSlack.responseUrl());
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const sent = await t.post(
      body,
      'application/x-www-form-urlencoded',
      signSlackRequest(t.signingSecret, body, stale),
    );
    expect(sent.status).toBe(401);
  });

  it('accepts the same request signed with the app secret', async () => {
    const responseUrl = t.fakeSlack.responseUrl();
    const sent = await t.post(commandBody(responseUrl), 'application/x-www-form-urlencoded');
    await t.idle();
    expect(sent.status).toBe(200);
    expect(t.fakeSlack.callsTo('response_url').filter((c) => c.url === responseUrl)).toHaveLength(1);
  });
});

describe('bodies that are not objects', () => {
  it('answers a signed null JSON body 400, and goes on answering', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      for (const body of ['null', '42', '"text"', '[]']) {
        expect((await t.post(body, 'application/json')).status).toBe(400);
      }
      const payload = new URLSearchParams({ payload: 'null' }).toString();
      expect((await t.post(payload, 'application/x-www-form-urlencoded')).status).toBe(400);
      const responseUrl = t.fakeSlack.responseUrl();
      expect((await t.post(commandBody(responseUrl), 'application/x-www-form-urlencoded')).status).toBe(200);
      await t.idle();
      expect(t.fakeSlack.callsTo('response_url').filter((c) => c.url === responseUrl)).toHaveLength(1);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
  });

  it('still refuses an unsigned request before looking at its body', async () => {
    const sent = await t.post('{"type":"event_callback"}', 'application/json', signSlackRequest('other', '{}'));
    expect(sent.status).toBe(401);
  });
});
