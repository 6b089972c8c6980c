import { describe, expect, it } from 'vitest';
import { loadConfig, loadDatabaseUrl, loadHkexnewsSettings } from '../src/config.js';
import { isAppError } from '../src/domain/errors.js';

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (isAppError(error, 'config-invalid')) return error.message;
    throw error;
  }
  throw new Error('the settings were accepted');
}

describe('loadConfig', () => {
  it('runs in Socket Mode with a bot token and an app token', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(config.connection).toEqual({ mode: 'socket', appToken: 'xapp-1' });
    expect(config.fileOrigins).toEqual(['https://files.slack.com']);
    expect(config.limits.maxBytes).toBe(20 * 1024 * 1024);
    expect(config.digest).toEqual({ timeOfDay: '10:00', timeZone: 'Asia/Hong_Kong' });
  });

  it('runs over HTTP when only a signing secret is given', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret', PORT: '8080' });
    expect(config.connection).toEqual({ mode: 'http', signingSecret: 'secret', port: 8080 });
  });

  it('installs in many workspaces with the three OAuth settings and no bot token, over HTTP', () => {
    const config = loadConfig({
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret',
      SLACK_REDIRECT_URI: 'https://shares.example.com/slack/oauth_redirect',
      SLACK_SIGNING_SECRET: 'secret',
    });
    expect(config.botToken).toBeNull();
    expect(config.oauth).toEqual({
      clientId: '1111.2222',
      clientSecret: 'client-secret',
      stateSecret: 'state-secret',
      redirectUri: 'https://shares.example.com/slack/oauth_redirect',
    });
    expect(config.connection.mode).toBe('http');
  });

  it('names the OAuth settings missing from a partial set, and refuses Socket Mode with them', () => {
    const partial = problems({ SLACK_CLIENT_ID: '1111.2222', SLACK_SIGNING_SECRET: 'secret' });
    expect(partial).toContain('SLACK_CLIENT_SECRET is missing: installing in many workspaces needs');
    expect(partial).toContain('SLACK_STATE_SECRET is missing');
    const socket = problems({
      SLACK_CLIENT_ID: '1',
      SLACK_CLIENT_SECRET: '2',
      SLACK_STATE_SECRET: '3',
      SLACK_APP_TOKEN: 'xapp-1',
    });
    expect(socket).toContain('SLACK_MODE must be http to install in many workspaces');
  });

  it('names every missing setting at once', () => {
    const message = problems({});
    expect(message).toContain('SLACK_BOT_TOKEN is missing');
    expect(message).toContain('SLACK_APP_TOKEN is missing: Socket Mode needs an app-level token');
  });

  it('names each malformed setting with what it should be', () => {
    const message = problems({
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_APP_TOKEN: 'xapp-1',
      MAX_FILE_MB: 'twenty',
      DIGEST_TIME: '25:00',
      DIGEST_TIMEZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
    });
    expect(message.split('\n').slice(1)).toEqual([
      '  - SLACK_BOT_TOKEN must be a bot token starting with xoxb-',
      '  - MAX_FILE_MB must be a whole number of megabytes',
      '  - DIGEST_TIME must be a time of day HH:mm, such as 10:00',
      '  - DIGEST_TIMEZONE must be an IANA time zone such as Asia/Hong_Kong',
      '  - LOG_LEVEL must be one of debug, info, warn, error',
    ]);
  });

  it('asks for the signing secret in HTTP mode', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_MODE: 'http' })).toContain('SLACK_SIGNING_SECRET is missing');
  });

  it('treats blank lines copied from .env.example as unset', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_MODE: '',
      PORT: '',
      DATA_DIR: '',
    });
    expect(config.dataDir).toBe('./data');
  });

  it('keeps the lowdb store without DATABASE_URL, and takes a PostgreSQL URL and nothing else with it', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };
    expect(loadConfig(base).databaseUrl).toBeNull();
    expect(loadConfig({ ...base, DATABASE_URL: '' }).databaseUrl).toBeNull();
    const url = 'postgres://bot:secret@db.internal:5432/shares';
    expect(loadConfig({ ...base, DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadDatabaseUrl({ DATABASE_URL: 'postgresql://db/shares' })).toBe('postgresql://db/shares');
    expect(problems({ ...base, DATABASE_URL: 'mysql://db/shares' })).toContain(
      'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/database',
    );
    expect(() => loadDatabaseUrl({ DATABASE_URL: './data' })).toThrow('DATABASE_URL must be a PostgreSQL URL');
  });

  it('turns file hosts into the origins the token may go to', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_FILE_HOSTS: 'files.slack.com, files-origin.slack.com',
    });
    expect(config.fileOrigins).toEqual(['https://files.slack.com', 'https://files-origin.slack.com']);
  });

  it('points at HKEXnews by default, at HKEXNEWS_URL when set, and nowhere with HKEXNEWS=off', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };
    expect(loadConfig(base).hkexnewsUrl).toBe('https://www1.hkexnews.hk');
    expect(loadConfig({ ...base, HKEXNEWS_URL: 'http://127.0.0.1:4000' }).hkexnewsUrl).toBe('http://127.0.0.1:4000');
    expect(loadConfig({ ...base, HKEXNEWS: 'OFF' }).hkexnewsUrl).toBeNull();
    expect(loadHkexnewsSettings({ HKEXNEWS: 'off', MAX_FILE_MB: '5' })).toEqual({
      hkexnewsUrl: null,
      maxBytes: 5 * 1024 * 1024,
    });
    expect(problems({ ...base, HKEXNEWS_URL: 'www1 hkexnews', HKEXNEWS: 'maybe' })).toContain(
      '  - HKEXNEWS_URL must be a URL such as https://www1.hkexnews.hk\n  - HKEXNEWS must be "on" or "off"',
    );
  });
});
