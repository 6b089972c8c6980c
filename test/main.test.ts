/**
 * `npm start` as a user runs it: the composition root in its own process, in HTTP mode, against the local fake
 * Slack; and a missing setting stopping it with a message that names the setting.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { botScopes } from '../src/slack/web-api-scopes.js';
import { openFilingStore } from '../src/store/index.js';
import { freePort, httpBotEnv, postSharesCommand, spawnBot, waitUntilListening } from './helpers/bot-process.js';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The bot with exactly `env`, from an empty folder of its own. */
async function start(env: Record<string, string>) {
  const cwd = await mkdtemp(path.join(tmpdir(), 'hkex-shares-cwd-'));
  folders.push(cwd);
  return spawnBot(env, cwd);
}

let fakeSlack: FakeSlack | undefined;
const folders: string[] = [];

afterEach(async () => {
  await fakeSlack?.close();
  fakeSlack = undefined;
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('npm start', () => {
  it('stops at once, naming each missing setting', async () => {
    const app = await start({});
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('SLACK_BOT_TOKEN is missing');
    expect(app.output()).toContain('SLACK_APP_TOKEN is missing');
  });

  it('answers /shares over HTTP, then stops cleanly on SIGTERM', async () => {
    fakeSlack = await startFakeSlack();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hkex-shares-main-'));
    folders.push(dataDir);
    const port = await freePort();
    const app = await start(httpBotEnv(fakeSlack, { port, dataDir, secret: 'main-secret' }));
    await waitUntilListening(fakeSlack, app, port);

    const { status, responseUrl } = await postSharesCommand(fakeSlack, { port, secret: 'main-secret' }, 'help');
    expect(status).toBe(200);
    const answer = await fakeSlack.waitFor(() => fakeSlack?.calls.find((c) => c.url === responseUrl));
    expect(String(answer.body.text)).toContain('/shares 00020 history');

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });
});

describe('npm start installed in many workspaces', () => {
  it('serves the install page, asking Slack for the manifest’s bot scopes, with no bot token', async () => {
    fakeSlack = await startFakeSlack();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hkex-shares-oauth-'));
    folders.push(dataDir);
    const port = await freePort();
    const { SLACK_BOT_TOKEN: _token, ...env } = httpBotEnv(fakeSlack, { port, dataDir, secret: 'main-secret' });
    const app = await start({
      ...env,
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret',
    });
    await waitUntilListening(fakeSlack, app, port);
    const page = await fetch(`http://127.0.0.1:${port}/slack/install`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    const href = /<a href="([^"]+)"/.exec(await page.text())?.[1]?.replaceAll('&amp;', '&') ?? '';
    const authorize = new URL(href);
    expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorize.searchParams.get('client_id')).toBe('1111.2222');
    expect(authorize.searchParams.get('scope')?.split(',')).toEqual(botScopes());
    expect(fakeSlack.callsTo('auth.test')).toEqual([]);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });
});

describe('npm start with a token Slack refuses', () => {
  it('stops by itself, with one line naming SLACK_BOT_TOKEN, before opening the store', async () => {
    fakeSlack = await startFakeSlack({ botToken: 'xoxb-the-real-one' });
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hkex-shares-main-'));
    folders.push(dataDir);
    const app = await start({
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_MODE: 'http',
      SLACK_SIGNING_SECRET: 'main-secret',
      PORT: String(await freePort()),
      SLACK_API_URL: fakeSlack.apiUrl,
      DATA_DIR: dataDir,
    });
    expect(await app.exited).toBe(1);
    const lines = app.output().trim().split('\n');
    expect(lines).toEqual([
      'The app cannot start: SLACK_BOT_TOKEN was refused by Slack (invalid_auth): copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions',
    ]);
    expect(fakeSlack.callsTo('auth.test')).toHaveLength(1);
    expect(await readdir(dataDir)).toEqual([]);
  });
});

describe('npm start with a DATA_DIR it cannot use', () => {
  it('stops with one line naming DATA_DIR and the reason, no stack', async () => {
    fakeSlack = await startFakeSlack();
    const parent = await mkdtemp(path.join(tmpdir(), 'hkex-shares-main-'));
    folders.push(parent);
    const file = path.join(parent, 'a-file');
    await writeFile(file, 'not a folder');
    const app = await start({
      SLACK_BOT_TOKEN: fakeSlack.botToken,
      SLACK_MODE: 'http',
      SLACK_SIGNING_SECRET: 'main-secret',
      SLACK_API_URL: fakeSlack.apiUrl,
      DATA_DIR: path.join(file, 'data'),
    });
    expect(await app.exited).toBe(1);
    const lines = app.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^The app cannot start: DATA_DIR .*a-file\/data cannot be used: /);
  });

  it('stops with one line naming the database, never its password, when DATABASE_URL cannot be reached', async () => {
    fakeSlack = await startFakeSlack();
    const app = await start({
      SLACK_BOT_TOKEN: fakeSlack.botToken,
      SLACK_MODE: 'http',
      SLACK_SIGNING_SECRET: 'main-secret',
      SLACK_API_URL: fakeSlack.apiUrl,
      DATABASE_URL: 'postgres://bot:s3cret@127.0.0.1:1/shares',
    });
    expect(await app.exited).toBe(1);
    expect(app.output().trim().split('\n')).toEqual([
      expect.stringMatching(
        /^The app cannot start: The store in the database postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/shares could not be opened: .*ECONNREFUSED/,
      ),
    ]);
    expect(app.output()).not.toContain('s3cret');
  });
});

describe('the built command line', () => {
  it('reads a filing on its reader threads into the store', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hkex-shares-cli-'));
    folders.push(dataDir);
    const fixture = path.join(ROOT, 'fixtures', '00020_2023-11.pdf');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, 'bin/hkex-shares.js'), 'ingest', fixture, '--data', dataDir, '--json'],
      { cwd: dataDir, env: { PATH: process.env.PATH ?? '' } },
    );
    expect(JSON.parse(stdout.slice(stdout.indexOf('{'))).counts).toMatchObject({ read: 1, stored: 1, failed: 0 });
    const store = await openFilingStore({ dir: dataDir });
    try {
      const classes = (await store.latest('00020'))?.monthlyReturn.issuedShares.classes;
      expect(classes?.map((c) => c.issuedShares.closing)).toEqual([25_948_809_928, 7_520_115_072]);
    } finally {
      await store.close();
    }
  });
});
