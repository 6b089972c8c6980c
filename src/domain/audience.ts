/**
 * Who may see a return: the whole workspace (read from a public channel, from HKEXnews, or by ingest), or only the
 * conversations it was shared in (private channels, group DMs, DMs: a company secretary's team reviewing a draft
 * before it is filed, then the board's channel it is passed on to). A viewer is the conversation that asks; it sees
 * the workspace's returns and those shared in it.
 */
import { z } from 'zod';
import type { ProvenanceSource } from './stored-return.js';

const WorkspaceAudienceSchema = z.object({ kind: z.literal('workspace') });

/** Every conversation the return was shared in, in the order it was first shared there; never empty. */
const ConversationsAudienceSchema = z.object({
  kind: z.literal('conversations'),
  channelIds: z.tuple([z.string()], z.string()),
});

/**
 * As a store written before a return could be shared in several conversations holds it: the one it was read in.
 * Read as a set of one, so that a later private share widens it like any other.
 */
const OneConversationSchema = z
  .object({ kind: z.literal('conversation'), channelId: z.string() })
  .transform(({ channelId }) => ({ kind: 'conversations' as const, channelIds: [channelId] as [string] }));

export const AudienceSchema = z.union([WorkspaceAudienceSchema, ConversationsAudienceSchema, OneConversationSchema]);
export type Audience = z.infer<typeof WorkspaceAudienceSchema> | z.infer<typeof ConversationsAudienceSchema>;

/** The asking conversation; `workspace` asks on behalf of no conversation and sees only what is public. */
export type Viewer = { readonly kind: 'workspace' } | { readonly kind: 'conversation'; readonly channelId: string };

export const WORKSPACE: Audience & Viewer = { kind: 'workspace' };

/** The audience of a return read in one private conversation. */
export function onlyIn(channelId: string): Audience {
  return { kind: 'conversations', channelIds: [channelId] };
}

/** The viewer that is one conversation asking. */
export function viewerIn(channelId: string): Viewer {
  return { kind: 'conversation', channelId };
}

export function isVisibleTo(audience: Audience, viewer: Viewer): boolean {
  return (
    audience.kind === 'workspace' || (viewer.kind === 'conversation' && audience.channelIds.includes(viewer.channelId))
  );
}

/**
 * The audience of a held return once it is read again for `incoming`: the workspace when it is read in a public
 * place, else every conversation of either. Null when `held` already reaches everyone `incoming` does, so a save
 * never narrows who may see a return.
 */
export function widenedBy(held: Audience, incoming: Audience): Audience | null {
  if (held.kind === 'workspace') return null;
  if (incoming.kind === 'workspace') return WORKSPACE;
  const added = incoming.channelIds.filter((channelId) => !held.channelIds.includes(channelId));
  return added.length === 0 ? null : { kind: 'conversations', channelIds: [...held.channelIds, ...added] };
}

/**
 * The viewer who sees what a save for `audience` is for: the workspace, or the conversation it was read in (a save
 * is read in one place; an audience of several conversations is made by saves, one conversation each).
 */
export function readerOf(audience: Audience): Viewer {
  return audience.kind === 'workspace' ? WORKSPACE : viewerIn(audience.channelIds[0]);
}

/** Who may see it, in words for the log: `the workspace`, or `only C1` / `only C1, C2`. */
export function describeAudience(audience: Audience): string {
  return audience.kind === 'workspace' ? 'the workspace' : `only ${audience.channelIds.join(', ')}`;
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
