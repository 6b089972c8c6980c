/**
 * What kind of conversation a channel id is, and whether the bot is in it, from conversations.info (the
 * conversation object's `is_private`, `is_im`, `is_mpim`, `is_ext_shared` and `is_member`; channels:read,
 * groups:read, im:read and mpim:read, one per kind). Who may see a return read there follows from its kind: a
 * public channel of this workspace shares with the workspace; a private channel, a group DM, a DM, a channel shared
 * with another organisation, or one Slack will not describe, keeps it to itself.
 *
 * Answers are kept briefly (a minute): an upload, its answer and the next command in the same conversation ask
 * once. An answer that the bot is not a member is never kept, so an invitation counts at once.
 */
import { type Audience, onlyIn, WORKSPACE, wholeWorkspace } from '../domain/audience.js';
import type { App, Logger } from './bolt.js';

export type ConversationKind = 'public-channel' | 'private-channel' | 'group-dm' | 'dm' | 'unknown';

export interface ConversationInfo {
  readonly kind: ConversationKind;
  /** Shared with another organisation (Slack Connect): people outside the workspace are in it. */
  readonly externallyShared: boolean;
  /** Whether the bot can post there; false for a conversation Slack does not describe to the bot. */
  readonly botIsMember: boolean;
  /** Slack's error code when it would not describe the conversation. */
  readonly error: string | null;
}

export interface Conversations {
  describe(channelId: string): Promise<ConversationInfo>;
  /** Who may see a return read in this conversation. */
  audienceOf(channelId: string): Promise<Audience>;
}

export interface ConversationsOptions {
  readonly ttlMs?: number;
  readonly now?: () => number;
  readonly logger?: Logger;
  /** The workspace the client's token is for, where the app is installed in many. */
  readonly teamId?: string | null;
}

const DEFAULT_TTL_MS = 60_000;

interface SlackConversation {
  readonly is_channel?: boolean;
  readonly is_group?: boolean;
  readonly is_im?: boolean;
  readonly is_mpim?: boolean;
  readonly is_private?: boolean;
  readonly is_ext_shared?: boolean;
  readonly is_member?: boolean;
}

export function toConversationInfo(channel: SlackConversation): ConversationInfo {
  const kind: ConversationKind = channel.is_im
    ? 'dm'
    : channel.is_mpim
      ? 'group-dm'
      : channel.is_private || channel.is_group
        ? 'private-channel'
        : 'public-channel';
  // A DM is described to the bot only when it is one side of it, and the object then carries no is_member.
  const botIsMember = channel.is_member ?? kind === 'dm';
  return { kind, externallyShared: channel.is_ext_shared === true, botIsMember, error: null };
}

/**
 * With a single bot token a public channel shares with everyone the store serves; with the app installed in many
 * workspaces (`teamId`), with that workspace only, and a private conversation is named with its workspace.
 */
export function audienceOfConversation(channelId: string, info: ConversationInfo, teamId?: string | null): Audience {
  if (info.kind === 'public-channel' && !info.externallyShared) return teamId ? wholeWorkspace(teamId) : WORKSPACE;
  return onlyIn(channelId, teamId);
}

export function createConversations(client: App['client'], options: ConversationsOptions = {}): Conversations {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const now = options.now ?? Date.now;
  const kept = new Map<string, { info: ConversationInfo; until: number }>();

  async function ask(channelId: string): Promise<ConversationInfo> {
    try {
      const answer = await client.conversations.info({ channel: channelId });
      return toConversationInfo((answer.channel ?? {}) as SlackConversation);
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error ?? null;
      options.logger?.warn(`conversations.info ${channelId}: ${code ?? String(error)}; taken as private`);
      return { kind: 'unknown', externallyShared: false, botIsMember: false, error: code ?? 'request_failed' };
    }
  }

  async function describe(channelId: string): Promise<ConversationInfo> {
    const hit = kept.get(channelId);
    if (hit && hit.until > now()) return hit.info;
    const info = await ask(channelId);
    if (info.botIsMember) kept.set(channelId, { info, until: now() + ttlMs });
    else kept.delete(channelId);
    return info;
  }

  return {
    describe,
    async audienceOf(channelId) {
      return audienceOfConversation(channelId, await describe(channelId), options.teamId);
    },
  };
}
