/**
 * The monthly digest as Slack messages. Companies that moved get a section each, largest change first; the quiet
 * ones and those not yet held are listed by name. A long watchlist is split over several messages, each within
 * Slack's limits (50 blocks, 3,000 characters a section, and about 13,000 characters a message, past which Slack
 * answers msg_blocks_too_long); no company is ever left unnamed.
 */

import type { Digest, FiledCompany } from '../view-models/digest.js';
import type { KnownBlock } from './block-kit.js';
import { context, paginateBlocks, SLACK_LIMITS, section, truncate } from './blocks.js';
import { companyName, headlineChange, pendingName, renderCompanyText } from './digest-company.js';
import { formatMonth } from './figures.js';
import type { SlackMessage } from './message.js';

export interface DigestRenderOptions {
  /** At most this many messages (a response URL takes five posts); default: as many as the digest needs. */
  readonly maxMessages?: number;
  /** Characters of JSON per message, kept well below the ~13,000 at which Slack refuses one. Default 12,000. */
  readonly maxMessageChars?: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-12-07" -> "Thu 7 Dec 2023". */
export function formatDeadline(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${SHORT_MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

function filedCount(digest: Digest): number {
  return digest.moved.length + digest.quiet.length;
}

function latePending(digest: Digest) {
  return digest.pending.filter((company) => company.late);
}

function notHeldPending(digest: Digest) {
  return digest.pending.filter((company) => !company.late);
}

function summaryText(digest: Digest): string {
  const month = formatMonth(digest.month);
  const late = latePending(digest).length;
  const counts = [
    `${digest.moved.length} moved or flagged`,
    `${digest.quiet.length} quiet`,
    ...(late > 0 ? [`${late} late (not on HKEXnews)`] : []),
    `${digest.pending.length - late} not held yet`,
  ].join(', ');
  return `*${filedCount(digest)} of ${digest.watchedCount}* watched companies have filed for ${month} (deadline ${formatDeadline(digest.deadline)}): ${counts}.`;
}

/**
 * A list under a title, every name in it: as many sections as the names need, each within Slack's 3,000 characters,
 * the later ones titled "(continued)". A digest never leaves a watched company unnamed.
 */
function listSections(title: string, names: readonly string[]): KnownBlock[] {
  const room = SLACK_LIMITS.sectionText - 40;
  const sections: KnownBlock[] = [];
  let line = title;
  let count = 0;
  for (const name of names) {
    const next = count === 0 ? `${line}${name}` : `${line}, ${name}`;
    if (next.length > room && count > 0) {
      sections.push(section(line));
      line = `${title.replace(/: $/, ' (continued): ')}${name}`;
      count = 1;
    } else {
      line = next;
      count += 1;
    }
  }
  if (count > 0) sections.push(section(line));
  return sections;
}

function tailBlocks(digest: Digest): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (digest.quiet.length > 0) {
    const quietName = (company: FiledCompany) => `${companyName(company)}${company.late ? ' (filed late)' : ''}`;
    blocks.push(...listSections('*Quiet* (no change): ', digest.quiet.map(quietName)));
  }
  const late = latePending(digest);
  if (late.length > 0) {
    const title = `:hourglass_flowing_sand: *Late: no ${formatMonth(digest.month)} return on HKEXnews by the deadline* (${late.length}): `;
    blocks.push(...listSections(title, late.map(pendingName)));
  }
  const notHeld = notHeldPending(digest);
  if (notHeld.length > 0) {
    const title = `*No ${formatMonth(digest.month)} return held yet* (${notHeld.length}): `;
    blocks.push(...listSections(title, notHeld.map(pendingName)));
  }
  blocks.push(
    context(
      'Changes are against the previous return held, else the preceding balance the return prints. `/shares 00020` shows a company’s card.',
    ),
  );
  return blocks;
}

/** Companies past those given a section each: one line each, named with their largest change. */
function overflowBlocks(rest: readonly FiledCompany[]): KnownBlock[] {
  if (rest.length === 0) return [];
  const names = rest.map((company) => `${companyName(company)} ${headlineChange(company)}`);
  return listSections(`*${rest.length} more that moved* (\`/shares CODE\` for the card): `, names);
}

function fallbackText(digest: Digest, page: number, pages: number): string {
  const month = formatMonth(digest.month);
  if (page > 0) return `${month} digest, continued (${page + 1} of ${pages})`;
  const parts = [`${month} digest: ${filedCount(digest)} of ${digest.watchedCount} watched companies have filed`];
  const largest = digest.moved[0];
  if (largest) parts.push(`largest change ${companyName(largest)} ${headlineChange(largest)}`);
  const late = latePending(digest);
  if (late.length > 0) parts.push(`late: ${late.map((company) => company.stockCode).join(', ')}`);
  const notHeld = notHeldPending(digest);
  if (notHeld.length > 0) {
    parts.push(`not held yet: ${notHeld.map((company) => company.stockCode).join(', ')}`);
  }
  return truncate(`${parts.join('; ')}.`, SLACK_LIMITS.fallbackText);
}

/**
 * The one digest renderer, for the scheduled digest and the one asked for. Every watched company is named: each that
 * moved has a section (largest change first), the quiet and pending ones are listed, over as many messages as that
 * takes. Where `maxMessages` is too few for a section each (a reply through a response URL may be posted five
 * times), the smallest changes are listed one line each, still named with their largest change.
 */
export function renderDigest(digest: Digest, options: DigestRenderOptions = {}): SlackMessage[] {
  const maxMessages = Math.max(1, options.maxMessages ?? Number.POSITIVE_INFINITY);
  const maxChars = options.maxMessageChars ?? 12_000;
  const title = `Monthly digest · ${formatMonth(digest.month)}`;
  const companies = digest.moved.map((company) => section(renderCompanyText(company)));
  const tail = tailBlocks(digest);
  const pagesWith = (detailed: number) =>
    paginateBlocks(
      title,
      [
        section(summaryText(digest)),
        ...companies.slice(0, detailed),
        ...overflowBlocks(digest.moved.slice(detailed)),
        ...tail,
      ],
      maxChars,
    );
  // The most companies that keep a section each within the messages allowed: fewer sections, fewer messages.
  let detailed = companies.length;
  let pages = pagesWith(detailed);
  while (pages.length > maxMessages && detailed > 0) {
    detailed = Math.max(0, detailed - Math.max(1, Math.ceil((pages.length - maxMessages) * 3)));
    pages = pagesWith(detailed);
  }
  return pages.map((blocks, page) => ({ text: fallbackText(digest, page, pages.length), blocks }));
}
