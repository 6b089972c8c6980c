/**
 * Who may see a return: the whole workspace (read from a public channel, from HKEXnews, or by ingest), or only the
 * conversation it was shared in (a private channel, a group DM or a DM: a company secretary's team reviewing a
 * draft before it is filed). A viewer is the conversation that asks; it sees the workspace's returns and its own.
 */
import { z } from 'zod';
import type { ProvenanceSource } from './stored-return.js';

export const AudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workspace') }),
  z.object({ kind: z.literal('conversation'), channelId: z.string() }),
]);
export type Audience = z.infer<typeof AudienceSchema>;

/** The asking conversation; `workspace` asks on behalf of no conversation and sees only what is public. */
export type Viewer = Audience;

export const WORKSPACE: Audience = { kind: 'workspace' };

export function onlyIn(channelId: string): Audience {
  return { kind: 'conversation', channelId };
}

export function isVisibleTo(audience: Audience, viewer: Viewer): boolean {
  return audience.kind === 'workspace' || (viewer.kind === 'conversation' && viewer.channelId === audience.channelId);
}

/**
 * The audience of a return stored before audiences were recorded. Every return was answerable in every
 * conversation then, and Slack's side does not yet say which conversation asks, so such a return keeps the
 * workspace audience it had: narrowing it now would hide returns people uploaded before, in every channel.
 */
export function legacyAudienceOf(_source: ProvenanceSource): Audience {
  return WORKSPACE;
}
