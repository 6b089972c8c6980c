/**
 * The answers to `/shares watch`, `unwatch`, `watchlist` and `digest on|off`: what changed, what the list now
 * holds, and when the next digest comes.
 */
import type { DigestFailure } from '../view-models/digest.js';
import type { NextDigest, UnwatchChange, WatchChange, WatchedCode } from '../view-models/watchlist-change.js';
import { MAX_WATCHED_CODES } from '../view-models/watchlist-change.js';
import { context, escapeMrkdwn, moreNote, SLACK_LIMITS, section, takeWithRest, truncate } from './blocks.js';
import { formatDeadline } from './digest.js';
import { formatMonth, formatShortMonth } from './figures.js';
import { shortIssuerName } from './filing-card.js';
import type { SlackMessage } from './message.js';

const MAX_LINES = 40;

function message(lines: readonly string[], footer?: string): SlackMessage {
  const text = truncate(lines.join('\n'), SLACK_LIMITS.sectionText);
  const blocks = [section(text), ...(footer ? [context(footer)] : [])];
  return { text: truncate(text.replace(/[*`]/g, ''), SLACK_LIMITS.fallbackText), blocks };
}

function codes(list: readonly string[]): string {
  return list.map((code) => `\`${escapeMrkdwn(code)}\``).join(', ');
}

function watchedLine(entry: WatchedCode): string {
  if (entry.issuerName === null) return `\`${entry.stockCode}\` no return held yet: it counts once one is read`;
  const latest = entry.latestMonth ? ` · latest ${formatShortMonth(entry.latestMonth)}` : '';
  return `\`${entry.stockCode}\` ${escapeMrkdwn(shortIssuerName(entry.issuerName))}${latest}`;
}

function nextDigestLine(next: NextDigest | null): string {
  if (next === null) return 'Scheduled digests are off in this channel: `/shares digest on` turns them back on.';
  return `Next digest: ${formatMonth(next.month)}, on ${formatDeadline(next.deadline)} at ${next.timeOfDay} (${next.timeZone}), the filing deadline.`;
}

export function renderNothingWatched(): SlackMessage {
  return message([
    'This channel watches no companies yet.',
    '`/shares watch 00020 00700` adds some; after each month’s filing deadline a digest of their returns is posted here.',
  ]);
}

export function renderWatchChange(change: WatchChange, next: NextDigest | null): SlackMessage {
  const lines: string[] = [];
  if (change.added.length > 0) {
    const { shown, rest } = takeWithRest(change.added, MAX_LINES);
    lines.push(`*Now watching in this channel* (${change.added.length} added):`, ...shown.map(watchedLine));
    const more = moreNote(rest);
    if (more) lines.push(more);
  }
  if (change.alreadyWatched.length > 0) lines.push(`Already watched: ${codes(change.alreadyWatched)}.`);
  if (change.overLimit.length > 0) {
    lines.push(
      `:warning: Not added, the list is full at ${MAX_WATCHED_CODES} codes: ${codes(change.overLimit)}. \`/shares unwatch\` makes room.`,
    );
  }
  if (change.malformed.length > 0) {
    lines.push(
      `:warning: Not stock codes, so not added: ${codes(change.malformed)}. HKEX codes have one to five digits, such as 00020 or 700.`,
    );
  }
  return message(lines, `${change.watchlist.stockCodes.length} watched. ${nextDigestLine(next)}`);
}

export function renderUnwatchChange(change: UnwatchChange): SlackMessage {
  const lines: string[] = [];
  if (change.removed.length > 0) lines.push(`*No longer watched in this channel:* ${codes(change.removed)}.`);
  if (change.notWatched.length > 0) lines.push(`Not on this channel’s watchlist: ${codes(change.notWatched)}.`);
  if (change.malformed.length > 0) lines.push(`:warning: Not stock codes: ${codes(change.malformed)}.`);
  const left = change.watchlist?.stockCodes.length ?? 0;
  return message(
    lines,
    left === 0 ? 'The watchlist is now empty.' : `${left} still watched: \`/shares watchlist\` lists them.`,
  );
}

export function renderWatchlist(entries: readonly WatchedCode[], next: NextDigest | null): SlackMessage {
  const { shown, rest } = takeWithRest(entries, MAX_LINES);
  const lines = [`*This channel watches ${entries.length} compan${entries.length === 1 ? 'y' : 'ies'}:*`];
  lines.push(...shown.map(watchedLine));
  const more = moreNote(rest);
  if (more) lines.push(more);
  return message(lines, nextDigestLine(next));
}

export function renderDigestToggle(on: boolean, changed: boolean, next: NextDigest | null): SlackMessage {
  const state = on ? 'on' : 'off';
  const first = changed
    ? `Scheduled digests are now *${state}* in this channel.`
    : `Scheduled digests were already *${state}* here.`;
  const lines = [first];
  if (!on) lines.push('The watchlist is kept; `/shares digest` still shows a digest on request.');
  return message(lines, nextDigestLine(next));
}

/** `/shares watch` where the bot is not: how to let it post, since a digest it cannot post helps nobody. */
export function renderCannotPost(conversation: 'channel' | 'other'): SlackMessage {
  return conversation === 'channel'
    ? message([
        'I am not in this channel, so I could not post its digests: nothing was added.',
        'Invite me with `/invite @shares` (or the channel’s settings › Integrations › Add apps), then `/shares watch` again.',
      ])
    : message([
        'I cannot post in this conversation, so nothing was added.',
        'Watch codes in a channel I am in, or in a DM with me (the app’s Messages tab).',
      ]);
}

export function renderDigestNotDue(due: NextDigest): SlackMessage {
  return message([
    `The ${formatMonth(due.month)} digest is not due yet, and none of the companies watched here has filed for it.`,
    `It goes out on ${formatDeadline(due.deadline)} at ${due.timeOfDay} (${due.timeZone}), the filing deadline.`,
  ]);
}

const FAILURE_REASONS: Record<string, string> = {
  not_in_channel: 'I am not a member of that channel. Invite me there with `/invite @shares`',
  channel_not_found: 'I cannot see that channel (a private channel I was never invited to, or one deleted)',
  is_archived: 'the channel is archived',
};

/** The DM to a watchlist's owner when its scheduled digest could not be posted. */
export function renderDigestFailure(failure: DigestFailure): SlackMessage {
  const reason = failure.slackError
    ? (FAILURE_REASONS[failure.slackError] ?? `Slack refused the post (${escapeMrkdwn(failure.slackError)})`)
    : 'the post failed';
  const retry = failure.retry
    ? `I will try again on ${formatDeadline(failure.retry.date)} at ${failure.retry.timeOfDay} (${failure.retry.timeZone}), and each business day after until the next digest is due.`
    : 'It will not be tried again: ask for it there with `/shares digest`.';
  return message([
    `I could not post the ${formatMonth(failure.month)} digest of your watchlist in <#${failure.channelId}>: ${reason}.`,
    retry,
  ]);
}
