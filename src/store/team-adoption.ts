/**
 * A store used with one SLACK_BOT_TOKEN before the bot knew its workspace holds Slack records that name none: its
 * Slack returns read in public channels (audience `workspace`, as public as an HKEXnews filing), those of private
 * conversations (bare channel ids), its watchlists, digest records and upload claims. Served later to many
 * workspaces (OAuth), every workspace would see them. At the first start with a token (auth.test names its team),
 * each backend stamps them with that workspace, once, and records it as the store's token workspace: from then on
 * they are that workspace's, as the records the bot writes with its team known are. The rules, here once for all
 * backends.
 */
import { z } from 'zod';
import { type Audience, audienceKeys, conversationKey, wholeWorkspace } from '../domain/audience.js';
import { type SlackUpload, slackUploadKey } from '../domain/slack-upload.js';
import { audienceOf, type DigestRecord, type StoredReturn, type Watchlist } from '../domain/stored-return.js';

/** The workspace whose single bot token first used the store, and when its records were stamped with it. */
export const TokenWorkspaceSchema = z.object({
  teamId: z.string().min(1),
  adoptedAt: z.string(),
});
export type TokenWorkspace = z.infer<typeof TokenWorkspaceSchema>;

/** How many records one adoption stamped. */
export interface AdoptedCounts {
  readonly returns: number;
  readonly watchlists: number;
  readonly digestRecords: number;
  readonly slackUploads: number;
}

export interface TeamAdoption {
  /** The store's token workspace: the one just recorded, or the one recorded at an earlier start. */
  readonly workspace: TokenWorkspace;
  /** What this call stamped; null when the store had been adopted before, and nothing was looked at. */
  readonly stamped: AdoptedCounts | null;
}

/**
 * A Slack return of the token's workspace as it is held once stamped with `teamId`, or null when it names its
 * workspace already or is public as a filing is. Read in a public channel, it becomes the workspace's (unless the
 * same file has been seen on HKEXnews since: a public filing); read in private conversations, each is named with the
 * workspace. Returns read from HKEXnews, by `ingest` or `fetch` are everyone's and stay so. A Slack return made
 * public by another file of the same content fetched later cannot be told from one read in a public channel: it
 * becomes the workspace's, and another workspace asking for it fetches that file again, which makes it public.
 */
export function adoptedReturn(stored: StoredReturn, teamId: string): StoredReturn | null {
  if (stored.provenance.source.kind !== 'slack') return null;
  const held = audienceOf(stored);
  const audience = adoptedAudience(held, stored, teamId);
  if (stored.audience && sameKeys(held, audience)) return null;
  return { ...stored, audience };
}

/** A month's submissions with their Slack returns stamped, and how many were; null when none needed it. */
export function adoptedMonth(
  submissions: readonly StoredReturn[],
  teamId: string,
): { readonly submissions: StoredReturn[]; readonly stamped: number } | null {
  let stamped = 0;
  const adopted = submissions.map((held) => {
    const stampedReturn = adoptedReturn(held, teamId);
    if (stampedReturn) stamped++;
    return stampedReturn ?? held;
  });
  return stamped > 0 ? { submissions: adopted, stamped } : null;
}

function adoptedAudience(held: Audience, stored: StoredReturn, teamId: string): Audience {
  if (held.kind === 'workspace') return stored.hkexnews ? held : wholeWorkspace(teamId);
  // A conversation named with its workspace is of a workspace of many already.
  const channelIds = held.channelIds.map((key) => (key.includes('/') ? key : conversationKey(key, teamId)));
  return { ...held, channelIds };
}

function sameKeys(a: Audience, b: Audience): boolean {
  return JSON.stringify(audienceKeys(a)) === JSON.stringify(audienceKeys(b));
}

/** A watchlist or digest record that names no workspace, stamped; null when it names one. */
export function adoptedChannelRecord<T extends Watchlist | DigestRecord>(record: T, teamId: string): T | null {
  return record.teamId === undefined ? { ...record, teamId } : null;
}

/** An upload claim that names no workspace, stamped, under the key a share of that workspace has; else null. */
export function adoptedSlackUpload(upload: SlackUpload, teamId: string): SlackUpload | null {
  if (upload.teamId !== undefined) return null;
  return { ...upload, teamId, key: slackUploadKey({ ...upload, teamId }) };
}

/** The log line of an adoption at start-up; null when there is nothing to say. */
export function describeAdoption(adoption: TeamAdoption, tokenTeamId: string): string | null {
  const { workspace, stamped } = adoption;
  if (workspace.teamId !== tokenTeamId) {
    return (
      `this store's Slack records from a single bot token are workspace ${workspace.teamId}'s (since ` +
      `${workspace.adoptedAt}); this token is of workspace ${tokenTeamId}, which does not see them`
    );
  }
  if (!stamped) return null;
  const counts = [
    [stamped.returns, 'Slack return'],
    [stamped.watchlists, 'watchlist'],
    [stamped.digestRecords, 'digest record'],
    [stamped.slackUploads, 'upload claim'],
  ] as const;
  const said = counts.map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`).join(', ');
  return `this store's records are now those of workspace ${tokenTeamId}, the bot token's: stamped ${said} that named no workspace`;
}
