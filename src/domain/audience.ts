/**
 * Who may see a return: the whole workspace (read from a public channel, from HKEXnews, or by ingest), or only the
 * conversations it was shared in (private channels, group DMs, DMs: a company secretary's team reviewing a draft
 * before it is filed, then the board's channel it is passed on to). A viewer is the conversation that asks; it sees
 * the workspace's returns and those shared in it.
 */
import { z } from 'zod';
import type { ProvenanceSource } from './stored-return.js';

const WorkspaceAudienceSchema = z.object({ kind: z.literal('workspace') });

/**
 * Every conversation the return was shared in, in the order it was first shared there, and (with the app installed
 * in many workspaces) every workspace it was read in a public channel of: `teamIds`. A conversation of a workspace
 * other than the one a single bot token serves is named `TEAM/CHANNEL` (conversationKey). Never empty.
 */
const ConversationsAudienceSchema = z
  .object({
    kind: z.literal('conversations'),
    channelIds: z.array(z.string().min(1)),
    teamIds: z.array(z.string().min(1)).optional(),
  })
  .refine((audience) => audience.channelIds.length + (audience.teamIds?.length ?? 0) > 0, 'names no one');

/**
 * As a store written before a return could be shared in several conversations holds it: the one it was read in.
 * Read as a set of one, so that a later private share widens it like any other.
 */
const OneConversationSchema = z
  .object({ kind: z.literal('conversation'), channelId: z.string() })
  .transform(({ channelId }) => ({ kind: 'conversations' as const, channelIds: [channelId] }));

export const AudienceSchema = z.union([WorkspaceAudienceSchema, ConversationsAudienceSchema, OneConversationSchema]);
export type Audience = z.infer<typeof WorkspaceAudienceSchema> | z.infer<typeof ConversationsAudienceSchema>;

/**
 * The asking conversation; `workspace` asks on behalf of no conversation and sees only what is public. `teamId` is
 * the workspace it asks in, where the app serves many (absent for a single bot token).
 */
export type Viewer =
  | { readonly kind: 'workspace'; readonly teamId?: string }
  | { readonly kind: 'conversation'; readonly channelId: string; readonly teamId?: string };

/** Everyone: a return read from HKEXnews, by ingest or fetch, or in a public channel under a single bot token. */
export const WORKSPACE: Audience & Viewer = { kind: 'workspace' };

/** How a conversation is named in an audience: its channel id, qualified by its workspace where there are many. */
export function conversationKey(channelId: string, teamId?: string | null): string {
  return teamId ? `${teamId}/${channelId}` : channelId;
}

/** The audience of a return read in one private conversation (of workspace `teamId`, where there are many). */
export function onlyIn(channelId: string, teamId?: string | null): Audience {
  return { kind: 'conversations', channelIds: [conversationKey(channelId, teamId)] };
}

/** The audience of a return read in a public channel of one workspace of many: every conversation of it. */
export function wholeWorkspace(teamId: string): Audience {
  return { kind: 'conversations', channelIds: [], teamIds: [teamId] };
}

/** The viewer that is one conversation asking. */
export function viewerIn(channelId: string, teamId?: string | null): Viewer {
  return teamId ? { kind: 'conversation', channelId, teamId } : { kind: 'conversation', channelId };
}

/** What an audience must name for a viewer to see a return: its conversation, or its whole workspace. */
export function keysOf(viewer: Viewer): string[] {
  const team = viewer.teamId ? [`${viewer.teamId}/*`] : [];
  return viewer.kind === 'conversation' ? [conversationKey(viewer.channelId, viewer.teamId), ...team] : team;
}

/** What an audience names, as keysOf names a viewer; null for everyone. */
export function audienceKeys(audience: Audience): string[] | null {
  if (audience.kind === 'workspace') return null;
  return [...audience.channelIds, ...(audience.teamIds ?? []).map((teamId) => `${teamId}/*`)];
}

export function isVisibleTo(audience: Audience, viewer: Viewer): boolean {
  const keys = audienceKeys(audience);
  return keys === null || keysOf(viewer).some((key) => keys.includes(key));
}

/**
 * The audience of a held return once it is read again for `incoming`: everyone when it is read in a public place,
 * else every conversation (and workspace) of either. Null when `held` already reaches everyone `incoming` does, so
 * a save never narrows who may see a return.
 */
export function widenedBy(held: Audience, incoming: Audience): Audience | null {
  if (held.kind === 'workspace') return null;
  if (incoming.kind === 'workspace') return WORKSPACE;
  const channelIds = union(held.channelIds, incoming.channelIds);
  const teamIds = union(held.teamIds ?? [], incoming.teamIds ?? []);
  if (channelIds.length === held.channelIds.length && teamIds.length === (held.teamIds?.length ?? 0)) return null;
  return { kind: 'conversations', channelIds, ...(teamIds.length > 0 ? { teamIds } : {}) };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...a, ...b.filter((item) => !a.includes(item))];
}

/**
 * The viewer who sees what a save for `audience` is for: everyone, or the conversation (or workspace) it was read
 * in (a save is read in one place; an audience of several is made by saves, one place each).
 */
export function readerOf(audience: Audience): Viewer {
  if (audience.kind === 'workspace') return WORKSPACE;
  const [first] = audience.channelIds;
  if (first === undefined) {
    const [teamId] = audience.teamIds ?? [];
    return teamId ? { kind: 'workspace', teamId } : WORKSPACE;
  }
  const slash = first.indexOf('/');
  return slash < 0 ? viewerIn(first) : viewerIn(first.slice(slash + 1), first.slice(0, slash));
}

/**
 * Who may see it, in words for the log: `the workspace` (everyone), or `only C1` / `only C1, C2` / `only workspace
 * T1` (read in a public channel of T1, the bot's workspace or one of many).
 */
export function describeAudience(audience: Audience): string {
  if (audience.kind === 'workspace') return 'the workspace';
  const teams = (audience.teamIds ?? []).map((teamId) => `workspace ${teamId}`);
  return `only ${[...audience.channelIds, ...teams].join(', ')}`;
}

/**
 * The audience of a return stored before audiences were recorded, decided on the side of privacy: one uploaded in
 * Slack may have been a draft in a private channel, and the store never learnt what kind of conversation it came
 * from, so it is seen only where it was shared until the same return is shared in a public channel or fetched from
 * HKEXnews (which makes it public, as for any return). One read from a path or from HKEXnews was public already.
 */
export function legacyAudienceOf(source: ProvenanceSource): Audience {
  return source.kind === 'slack' && source.channelId ? onlyIn(source.channelId) : WORKSPACE;
}
