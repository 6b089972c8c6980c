/**
 * The whole return, every part, row, remark and flag as held (return-summary.ts), drawn three ways from the same
 * parts: plain text for `hkex-shares parse`, a modal for the card's "Show all" button, and messages for
 * `/shares 00020 2023-11 full`. Nothing is cut short: a line longer than a section holds is split over sections,
 * a return longer than a modal holds (100 blocks) says so in the modal and goes on in messages, and messages are as
 * many as it takes, each within 50 blocks and the characters Slack takes in one message.
 */
import type { ReportMonth } from '../domain/monthly-return.js';
import type { ParsedFiling } from '../domain/parsed-filing.js';
import type { StockCode } from '../domain/stock-code.js';
import type { FilingCard } from '../view-models/filing-card.js';
import type { KnownBlock, ModalView } from './block-kit.js';
import { context, escapeMrkdwn, header, paginateBlocks, SLACK_LIMITS, section } from './blocks.js';
import { formatShortMonth } from './figures.js';
import { shortIssuerName } from './filing-card.js';
import type { SlackMessage } from './message.js';
import { describeReturnParts } from './return-summary.js';

/** Slack's modal limits (the modal view reference): 100 blocks; title and close button 24 characters. */
export const MODAL_LIMITS = { blocks: 100, titleText: 24 } as const;

/** Characters of blocks JSON per message: Slack has refused messages near 13,000 characters of text. */
const MESSAGE_CHARS = 12_000;
/** Room left in a section for the joining newlines. */
const SECTION_ROOM = SLACK_LIMITS.sectionText - 100;

export interface ReturnName {
  readonly stockCode: StockCode;
  readonly month: ReportMonth;
  readonly issuerName: string;
}

/** The return a card is about, with the flags the card shows (the continuity check included). */
export function returnOfCard(card: FilingCard): { filing: ParsedFiling; name: ReturnName } {
  const { stored } = card;
  return {
    filing: { monthlyReturn: stored.monthlyReturn, flags: card.flags },
    name: {
      stockCode: stored.stockCode,
      month: stored.reportMonth,
      issuerName: shortIssuerName(stored.monthlyReturn.issuerName),
    },
  };
}

/** `hkex-shares parse`: every part, its title then its lines, a blank line between parts. */
export function renderFullReturnText(filing: ParsedFiling): string {
  return describeReturnParts(filing)
    .map((part) => [part.title, ...part.lines].join('\n'))
    .join('\n\n');
}

/** A text cut into pieces of at most `max` characters, at a space where there is one. */
function splitLong(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    const cut = space > max / 2 ? space : max;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(rest);
  return pieces;
}

/** Lines joined into sections of at most SECTION_ROOM characters; no line is cut short, a long one is split. */
function sectionsOf(lines: readonly string[]): KnownBlock[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines) {
    for (const piece of splitLong(escapeMrkdwn(line), SECTION_ROOM)) {
      if (current && current.length + 1 + piece.length > SECTION_ROOM) {
        texts.push(current);
        current = '';
      }
      current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current) texts.push(current);
  return texts.map((text) => section(text));
}

/** Every part as a header and its sections. */
export function renderFullReturnBlocks(filing: ParsedFiling): KnownBlock[] {
  return describeReturnParts(filing).flatMap((part) => [
    header(part.title),
    ...sectionsOf(part.lines.length > 0 ? part.lines : ['–']),
  ]);
}

function titleOf(name: ReturnName): string {
  return `${name.stockCode} · ${formatShortMonth(name.month)} in full`;
}

/** `/shares 00020 2023-11 full`: the whole return over as many messages as it needs. */
export function renderFullReturnMessages(filing: ParsedFiling, name: ReturnName): SlackMessage[] {
  const pages = paginateBlocks(titleOf(name), renderFullReturnBlocks(filing), MESSAGE_CHARS);
  return pages.map((blocks, page) => ({
    text: `${escapeMrkdwn(name.issuerName)} (${name.stockCode}), ${formatShortMonth(name.month)}: the whole return${pages.length > 1 ? ` (${page + 1} of ${pages.length})` : ''}`,
    blocks,
  }));
}

export interface FullReturnModal {
  readonly view: ModalView;
  /** What the modal could not hold, as messages to post in the card's thread (empty when it holds everything). */
  readonly rest: SlackMessage[];
}

/**
 * "Show all": the whole return in a modal. Where it needs more than 100 blocks the modal shows the first 99 and
 * says where the rest is, and the rest comes as messages, each within a message's limits.
 */
export function renderFullReturnModal(filing: ParsedFiling, name: ReturnName): FullReturnModal {
  const blocks = renderFullReturnBlocks(filing);
  const view = (shown: KnownBlock[]): ModalView => ({
    type: 'modal',
    title: { type: 'plain_text', text: `${name.stockCode} · ${formatShortMonth(name.month)}` },
    close: { type: 'plain_text', text: 'Close' },
    blocks: shown,
  });
  if (blocks.length <= MODAL_LIMITS.blocks) return { view: view(blocks), rest: [] };
  const shown = blocks.slice(0, MODAL_LIMITS.blocks - 1);
  const pages = paginateBlocks(`${titleOf(name)} (continued)`, blocks.slice(shown.length), MESSAGE_CHARS);
  const note = context(
    `:information_source: A window holds ${MODAL_LIMITS.blocks} blocks and this return needs ${blocks.length}: the rest is posted in the card's thread, in ${pages.length} message${pages.length === 1 ? '' : 's'}.`,
  );
  const rest = pages.map((page, i) => ({
    text: `${escapeMrkdwn(name.issuerName)} (${name.stockCode}), ${formatShortMonth(name.month)}: the rest of the whole return (${i + 1} of ${pages.length})`,
    blocks: page,
  }));
  return { view: view([...shown, note]), rest };
}
