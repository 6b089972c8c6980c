/**
 * The manifests do what the README says: the Messages tab on (uploads in a DM), each event the code listens for
 * declared, and the bot scopes exactly those the calls in the code need, as src/slack/web-api-scopes.ts maps them.
 * The calls are read from the sources, so a new call without its scope (or a scope left behind) fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_SCOPES, OTHER_SCOPES, scopesOf, WEB_API_SCOPES } from '../../src/slack/web-api-scopes.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
}

const sources = sourcesOf(path.join(ROOT, 'src')).join('\n');
const calledMethods = [
  ...new Set(
    [...sources.matchAll(/\bclient\.(auth|chat|files|reactions|conversations|users|views)\.(\w+)\(/g)].map(
      (m) => `${m[1]}.${m[2]}`,
    ),
  ),
].sort();
const listenedEvents = [...new Set([...sources.matchAll(/\bapp\.event\('(\w+)'/g)].map((m) => m[1] ?? ''))].sort();

/** The items of the YAML list under `key:` (a block of "- item" lines), comments aside. */
function listUnder(yaml: string, key: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const text = line.trim();
    if (text.startsWith('#') || text === '') continue;
    if (!text.startsWith('- ')) break;
    items.push(text.slice(2).trim());
  }
  return items.sort();
}

function settingOf(yaml: string, key: string): string | null {
  return new RegExp(`^\\s*${key}:\\s*(\\S+)`, 'm').exec(yaml)?.[1] ?? null;
}

describe.each(['manifest.yml', 'manifest.http.yml'])('%s', (name) => {
  const yaml = readFileSync(path.join(ROOT, name), 'utf8');

  it('enables the Messages tab, writable, so that a user can share a return in a DM', () => {
    expect(settingOf(yaml, 'messages_tab_enabled')).toBe('true');
    expect(settingOf(yaml, 'messages_tab_read_only_enabled')).toBe('false');
  });

  it('declares exactly the events the code listens for', () => {
    expect(listenedEvents).toEqual(['file_shared', 'link_shared']);
    expect(listUnder(yaml, 'bot_events')).toEqual(listenedEvents);
  });

  it('asks for each scope a call, an event or the command needs, and for no other', () => {
    const needed = new Set<string>(Object.keys(OTHER_SCOPES));
    for (const method of calledMethods) {
      expect(Object.keys(WEB_API_SCOPES), `${method} is called but has no entry in web-api-scopes.ts`).toContain(
        method,
      );
      for (const scope of scopesOf(method as keyof typeof WEB_API_SCOPES)) needed.add(scope);
    }
    for (const event of listenedEvents) needed.add(EVENT_SCOPES[event as keyof typeof EVENT_SCOPES]);
    expect(listUnder(yaml, 'bot')).toEqual([...needed].sort());
    expect(listUnder(yaml, 'bot')).toEqual([
      'channels:read',
      'chat:write',
      'commands',
      'files:read',
      'files:write',
      'groups:read',
      'im:read',
      'im:write',
      'links:read',
      'links:write',
      'mpim:read',
      'reactions:write',
    ]);
  });

  it('leaves no entry of the scope table unused by the code', () => {
    expect(Object.keys(WEB_API_SCOPES).sort()).toEqual(calledMethods);
  });

  it(`is in ${name === 'manifest.yml' ? 'Socket Mode' : 'HTTP mode'}`, () => {
    expect(settingOf(yaml, 'socket_mode_enabled')).toBe(name === 'manifest.yml' ? 'true' : 'false');
  });
});
