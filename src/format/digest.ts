/**
 * The monthly digest as Slack messages. Companies that moved get a section each, largest change first; the quiet
 * ones and those not yet held get one line each. A long watchlist is split over several messages, each within
 * Slack's limits (50 blocks, 3,000 characters a section, and about 13,000 characters a message, past which Slack
 * answers msg_blocks_too_long); past `maxMessages`, the rest is shortened to "+N more".
 */

import type { Digest, FiledCompany } from '../view-models/digest.js';
import type { KnownBlock } from './block-kit.js';
import { context, header, SLACK_LIMITS, section, truncate } from './blocks.js';
import { companyName, headlineChange, pendingName, renderCompanyText } from './digest-company.js';
import { formatMonth } from './figures.js';
import type { SlackMessage } from './message.js';

export interface DigestRenderOptions {
  /** At most this many messages (a reply to a slash command is one). Default 5. */
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

function summaryText(digest: Digest): string {
  const month = formatMonth(digest.month);
  const counts = [
    `${digest.moved.length} moved or flagged`,
    `${digest.quiet.length} quiet`,
    `${digest.pending.length} not held yet`,
  ].join(', ');
  return `*${filedCount(digest)} of ${digest.watchedCount}* watched companies have filed for ${month} (deadline ${formatDeadline(digest.deadline)}): ${counts}.`;
}

/** A list on one line, cut with "+N more" so that it fits a section. */
function oneLineList(title: string, names: readonly string[]): string {
  const room = SLACK_LIMITS.sectionText - title.length - 20;
  let shown = names.length;
  while (shown > 0 && names.slice(0, shown).join(', ').length > room) shown -= 1;
  const rest = names.length - shown;
  return `${title}${names.slice(0, shown).join(', ')}${rest > 0 ? `, +${rest} more` : ''}`;
}

function tailBlocks(digest: Digest): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (digest.quiet.length > 0) {
    blocks.push(section(oneLineList(`*Quiet* (no change): `, digest.quiet.map(companyName))));
  }
  if (digest.pending.length > 0) {
    const title = `*No ${formatMonth(digest.month)} return held yet* (${digest.pending.length}): `;
    blocks.push(section(oneLineList(title, digest.pending.map(pendingName))));
  }
  blocks.push(
    context(
      'Changes are against the previous return held, else the preceding balance the return prints. `/shares 00020` shows a company’s card.',
    ),
  );
  return blocks;
}

function overflowBlock(rest: readonly FiledCompany[]): KnownBlock {
  const names = rest.map((company) => `${companyName(company)} ${headlineChange(company)}`);
  return section(oneLineList(`*+${rest.length} more that moved:* `, names));
}

function sizeOf(blocks: readonly KnownBlock[]): number {
  return JSON.stringify(blocks).length;
}

function fallbackText(digest: Digest, page: number, pages: number): string {
  const month = formatMonth(digest.month);
  if (page > 0) return `${month} digest, continued (${page + 1} of ${pages})`;
  const parts = [`${month} digest: ${filedCount(digest)} of ${digest.watchedCount} watched companies have filed`];
  const largest = digest.moved[0];
  if (largest) parts.push(`largest change ${companyName(largest)} ${headlineChange(largest)}`);
  if (digest.pending.length > 0) {
    parts.push(`not held yet: ${digest.pending.map((company) => company.stockCode).join(', ')}`);
  }
  return truncate(`${parts.join('; ')}.`, SLACK_LIMITS.fallbackText);
}

export function renderDigest(digest: Digest, options: DigestRenderOptions = {}): SlackMessage[] {
  const maxMessages = Math.max(1, options.maxMessages ?? 5);
  const maxChars = options.maxMessageChars ?? 12_000;
  const title = `Monthly digest · ${formatMonth(digest.month)}`;
  const fits = (blocks: readonly KnownBlock[]) =>
    blocks.length <= SLACK_LIMITS.blocksPerMessage && sizeOf(blocks) <= maxChars;

  const pages: KnownBlock[][] = [[header(title), section(summaryText(digest))]];
  const companies = digest.moved.map((company) => section(renderCompanyText(company)));
  let placed = 0;
  for (const block of companies) {
    const page = pages.at(-1) as KnownBlock[];
    if (fits([...page, block])) page.push(block);
    else if (pages.length < maxMessages) pages.push([header(`${title} (continued)`), block]);
    else break;
    placed += 1;
  }

  // The quiet, pending and footer lines close the last message; companies give way to them, and to a "+N more".
  const tail = tailBlocks(digest);
  let last = pages.at(-1) as KnownBlock[];
  const closing = () => (placed < companies.length ? [overflowBlock(digest.moved.slice(placed)), ...tail] : tail);
  while (!fits([...last, ...closing()])) {
    if (pages.length < maxMessages && last.length > 1) {
      last = [header(`${title} (continued)`)];
      pages.push(last);
    } else if (last.length > (pages.length === 1 ? 2 : 1)) {
      last.pop();
      placed -= 1;
    } else {
      break;
    }
  }
  last.push(...closing());

  return pages.map((blocks, page) => ({ text: fallbackText(digest, page, pages.length), blocks }));
}
