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
 * The audience of a return stored before audiences were recorded, decided on the side of privacy: one uploaded in
 * Slack may have been a draft in a private channel, and the store never learnt what kind of conversation it came
 * from, so it is seen only where it was shared until the same return is shared in a public channel or fetched from
 * HKEXnews (which makes it public, as for any return). One read from a path or from HKEXnews was public already.
 */
export function legacyAudienceOf(source: ProvenanceSource): Audience {
  return source.kind === 'slack' && source.channelId ? onlyIn(source.channelId) : WORKSPACE;
}
