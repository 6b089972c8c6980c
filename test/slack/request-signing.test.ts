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
