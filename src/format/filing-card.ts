/**
 * The card of one monthly return: what a user sees in the thread of an upload and in answer to `/shares 00020`.
 * It leads with what moved: per class (named with its listing), issued shares and, v1.1+, treasury and total, each
 * with the month's movement and the change against the previous month held; the HDRs of part IV as a class of their
 * own; then authorised capital, the part III rows by their effect on issued shares, a remarks excerpt and the flags.
 * The `text` fallback is what a phone notification shows.
 */

import type { ClassComparison } from '../domain/compare-with-previous.js';
import { type Flag, isFault } from '../domain/flag.js';
import type {
  AuthorisedShareCapital,
  MonthlyReturn,
  Movement,
  PublicFloatConfirmation,
} from '../domain/monthly-return.js';
import { type HkexnewsListing, hkexnewsListingOf, type StoredReturn } from '../domain/stored-return.js';
import type { FilingCard, HdrComparison } from '../view-models/filing-card.js';
import type { KnownBlock } from './block-kit.js';
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  fitBlocks,
  fitLines,
  header,
  moreNote,
  SLACK_LIMITS,
  section,
  takeWithRest,
  truncate,
} from './blocks.js';
import { CARD_ACTIONS, encodeReturnRef } from './card-actions.js';
import { describeClassName, describeListing } from './class-label.js';
import { formatChange, formatCount, formatMoney, formatMonth, formatShortMonth } from './figures.js';
import { flagIcon } from './flag-icon.js';
import { describeHdrTerms } from './hdr-terms.js';
import type { SlackMessage } from './message.js';
import { describeFundsRaised, describePartIii } from './part-iii-lines.js';
import { collectRemarks } from './return-remarks.js';
import { renderSubmissionChanges } from './submission-changes.js';

export interface FilingCardOptions {
  /** Adds a "Post to channel" button: for the answer to `/shares` that only the asker sees. */
  readonly postToChannel?: boolean;
  /** Why a card posted earlier is drawn again (chat.update): shown under its title. */
  readonly updateNote?: string;
}

const MAX_CLASSES = 8;
const MAX_AUTHORISED_LINES = 6;
const MAX_PART_III_LINES = 10;
const REMARKS_EXCERPT = 280;
const MAX_FLAGS = 8;

/**
 * "SenseTime Group Inc. (a company controlled through weighted voting rights ...)" -> "SenseTime Group Inc.";
 * "Ocumension Therapeutics (the “Company”) (Incorporated in the Cayman Islands ...)" -> "Ocumension Therapeutics".
 */
export function shortIssuerName(name: string): string {
  let short = name.trim();
  for (;;) {
    const shorter = short.replace(/\s*\([^()]*\)$/, '').trim();
    if (shorter === short || shorter.length === 0) return short;
    short = shorter;
  }
}

function cardTitle(stored: StoredReturn): string {
  const suffix = ` (${stored.stockCode}) · ${formatMonth(stored.reportMonth)}`;
  return truncate(shortIssuerName(stored.monthlyReturn.issuerName), SLACK_LIMITS.headerText - suffix.length) + suffix;
}

function describeForm(monthlyReturn: MonthlyReturn): string {
  const { form, status, dateSubmitted } = monthlyReturn;
  const statusText =
    status === 'new' ? 'New submission' : status === 'resubmission' ? 'Resubmission' : 'No status printed';
  const formText = form.kind === 'FF301' ? `FF301 v${form.version ?? '?'}` : 'pre-2021 form';
  const language = form.language === 'en' ? 'English' : 'Chinese';
  return [
    dateSubmitted ? `Submitted ${dateSubmitted}` : 'Submission date not printed',
    statusText,
    formText,
    language,
  ].join(' · ');
}

function sourceText(stored: StoredReturn): string {
  const { source } = stored.provenance;
  if (source.kind === 'slack') {
    const name = escapeMrkdwn(source.fileName);
    return source.permalink ? `<${source.permalink}|${name}>` : name;
  }
  if (source.kind === 'hkexnews') return listingText(source);
  return escapeMrkdwn(source.path.split(/[\\/]/).at(-1) ?? source.path);
}

/** Where the return came from and, for a file seen on HKEXnews after it was shared, its document there too. */
function originText(stored: StoredReturn): string {
  const listing = stored.provenance.source.kind === 'hkexnews' ? null : hkexnewsListingOf(stored);
  return listing ? `${sourceText(stored)} · ${listingText(listing)}` : sourceText(stored);
}

/** A link to the document on HKEXnews, with its release time where known. */
function listingText(listing: HkexnewsListing): string {
  return listing.releasedAt
    ? `<${listing.url}|HKEXnews, released ${releaseText(listing.releasedAt)}>`
    : `<${listing.url}|HKEXnews>`;
}

/** "2011-02-01T16:30+08:00" -> "2011-02-01 16:30 HKT". */
function releaseText(releasedAt: string): string {
  return `${releasedAt.slice(0, 10)} ${releasedAt.slice(11, 16)} HKT`;
}

function standingText(card: FilingCard): string | null {
  const { stored, standing } = card;
  const lines: string[] = [];
  if (card.alreadyHeld && card.sameReturnOtherFile) {
    lines.push(
      `:information_source: *Already held (same return, other file)*: this file holds the same submission and figures as the one read on ${stored.provenance.readAt.slice(0, 10)} from ${sourceText(stored)}. Nothing new was stored.`,
    );
  } else if (card.alreadyHeld) {
    lines.push(
      `:information_source: *Already held*: this file was read on ${stored.provenance.readAt.slice(0, 10)} from ${sourceText(stored)}. Nothing new was stored.`,
    );
  }
  if (standing.kind === 'supersedes') {
    const earlier = standing.superseded;
    lines.push(
      `:arrows_counterclockwise: *Resubmission*: supersedes the return for ${formatMonth(earlier.reportMonth)} submitted ${earlier.monthlyReturn.dateSubmitted ?? 'on an unprinted date'} (${sourceText(earlier)}).`,
    );
  } else if (standing.kind === 'superseded-by') {
    const later = standing.current;
    const link = card.currentCardLink ? ` (<${card.currentCardLink}|its card>)` : '';
    lines.push(
      `:warning: *Superseded*: a later submission for ${formatMonth(later.reportMonth)} is held (submitted ${later.monthlyReturn.dateSubmitted ?? 'on an unprinted date'})${link}; that one counts, this one is kept in the history.`,
    );
  } else if (stored.monthlyReturn.status === 'resubmission') {
    lines.push(':arrows_counterclockwise: *Resubmission*: the earlier submission for this month is not held.');
  }
  return lines.length > 0 ? lines.join('\n') : null;
}

/** "-4,500,000 in the month": the form's own movement, or closing less preceding where the movement cell is blank. */
export function inMonthChange(balance: Movement | null): number | null {
  if (!balance) return null;
  if (balance.movement !== null) return balance.movement;
  return balance.preceding !== null && balance.closing !== null ? balance.closing - balance.preceding : null;
}

function changeParts(inMonth: number | null, against: number | null, previousMonth: string | null): string {
  const parts = [inMonth === null ? null : `${formatChange(inMonth)} in the month`];
  if (previousMonth !== null && against !== null) parts.push(`${formatChange(against)} vs ${previousMonth}`);
  return parts
    .filter((p): p is string => p !== null)
    .map((p) => ` · ${p}`)
    .join('');
}

function difference(closing: number | null | undefined, before: number | null | undefined): number | null {
  return closing == null || before == null ? null : closing - before;
}

function classText(figures: ClassComparison, previous: StoredReturn | null): string {
  const { shareClass, previousClass } = figures;
  const heldMonth =
    previousClass && figures.comparedWith.kind === 'previous-return'
      ? formatShortMonth(figures.comparedWith.month)
      : null;
  const noMatch =
    previous && !previousClass ? ` · no matching class in the ${formatShortMonth(previous.reportMonth)} return` : '';
  const lines = [
    `*${escapeMrkdwn(describeClassName(shareClass))}* · ${escapeMrkdwn(describeListing(shareClass))}`,
    `Issued: *${formatCount(shareClass.issuedShares.closing)}*${changeParts(inMonthChange(shareClass.issuedShares), heldMonth ? figures.change : null, heldMonth)}${noMatch}`,
  ];
  if (shareClass.treasuryShares) {
    const against = heldMonth ? figures.treasuryChange : null;
    lines.push(
      `Treasury: ${formatCount(shareClass.treasuryShares.closing)}${changeParts(inMonthChange(shareClass.treasuryShares), against, heldMonth)}`,
    );
  }
  if (shareClass.totalIssuedShares) {
    const total = shareClass.totalIssuedShares;
    const against = heldMonth ? difference(total.closing, previousClass?.totalIssuedShares?.closing) : null;
    lines.push(`Total: ${formatCount(total.closing)}${changeParts(inMonthChange(total), against, heldMonth)}`);
  }
  if (shareClass.publicFloat) lines.push(publicFloatText(shareClass.publicFloat));
  return lines.join('\n');
}

function publicFloatText(publicFloat: PublicFloatConfirmation): string {
  const complied = publicFloat.requirementCompliedWith;
  const answer = complied === null ? 'no box ticked' : complied ? 'complied with' : '*not* complied with';
  const threshold = publicFloat.applicableThreshold
    ? ` (${escapeMrkdwn(truncate(publicFloat.applicableThreshold, 90))})`
    : '';
  return `Public float: ${answer}${threshold}`;
}

function hdrText({ hdr, previousClosing }: HdrComparison, previous: StoredReturn | null): string {
  const name = escapeMrkdwn(truncate(hdr.description?.trim() || 'Hong Kong Depositary Receipts', 80));
  const listing = hdr.stockCode ? `SEHK ${hdr.stockCode}` : 'stock code not printed';
  const heldMonth = previous && previousClosing !== null ? formatShortMonth(previous.reportMonth) : null;
  const against = heldMonth ? difference(hdr.hdrs.closing, previousClosing) : null;
  const terms = describeHdrTerms(hdr);
  const lines = [
    `*HDRs (part IV)* · ${listing}\n${name}`,
    ...(terms.length > 0 ? [escapeMrkdwn(truncate(terms.join(' · '), 300))] : []),
    `HDRs: *${formatCount(hdr.hdrs.closing)}*${changeParts(inMonthChange(hdr.hdrs), against, heldMonth)}`,
  ];
  if (hdr.underlyingShares) {
    lines.push(
      `Underlying shares: ${formatCount(hdr.underlyingShares.closing)}${changeParts(inMonthChange(hdr.underlyingShares), null, null)}`,
    );
  }
  return lines.join('\n');
}

function issuedBlocks(card: FilingCard): KnownBlock[] {
  const { shown, rest } = takeWithRest(card.classes, MAX_CLASSES);
  const blocks: KnownBlock[] = [section('*Issued shares* at close of the month')];
  for (const figures of shown) blocks.push(section(classText(figures, card.previous)));
  for (const hdr of card.hdrs.slice(0, MAX_CLASSES)) blocks.push(section(hdrText(hdr, card.previous)));
  const notes = [moreNote(rest + Math.max(0, card.hdrs.length - MAX_CLASSES), 'more classes')];
  if (!card.previous) notes.push(`No earlier month is held for ${card.stored.stockCode}: nothing to compare with.`);
  const shownNotes = notes.filter((n): n is string => n !== null);
  if (shownNotes.length > 0) blocks.push(context(...shownNotes));
  return blocks;
}

function authorisedText(capital: AuthorisedShareCapital): string {
  if (capital.notApplicable || capital.classes.length === 0) return '*Authorised share capital*: not applicable';
  const lines = capital.classes.map((c) => {
    const par = c.parValue === null ? '' : ` × ${c.parValueCurrency ? `${c.parValueCurrency} ` : ''}${c.parValue}`;
    const capitalAmount = c.authorisedCapital.closing;
    const total =
      capitalAmount === null
        ? ''
        : ` = ${formatMoney({ currency: c.authorisedCapitalCurrency, amount: capitalAmount })}`;
    return `${escapeMrkdwn(describeClassName(c))}: ${formatCount(c.authorisedShares.closing)} shares${par}${total}`;
  });
  const text = fitLines('*Authorised share capital*', lines, MAX_AUTHORISED_LINES, 'more classes');
  return capital.totalAuthorisedCapital.length > 0
    ? `${text}\nTotal: ${capital.totalAuthorisedCapital.map(formatMoney).join(' + ')}`
    : text;
}

function partIiiText(monthlyReturn: MonthlyReturn): string {
  const title = '*Options, warrants, convertibles and other movements*';
  const lines = describePartIii(monthlyReturn.detailsOfMovements);
  if (lines.length === 0) return `${title}: none reported`;
  const funds = describeFundsRaised(monthlyReturn.detailsOfMovements.shareOptions.fundsRaised);
  const text = fitLines(
    title,
    lines.map((l) => `• ${l.text}`),
    MAX_PART_III_LINES,
    'more rows',
  );
  return funds ? `${text}\n${funds}` : text;
}

function flagLine(flag: Flag): string {
  return `${flagIcon(flag)} ${escapeMrkdwn(flag.section)} · ${escapeMrkdwn(flag.message)}`;
}

function flagsText(card: FilingCard): string {
  const faults = card.flags.filter(isFault);
  if (faults.length === 0) {
    const previous = card.previous;
    const gap = previous && !card.previousIsMonthBefore ? ' (the months between are not held)' : '';
    const scope = previous
      ? `and it follows on from ${formatShortMonth(previous.reportMonth)}${gap}`
      : '(no earlier month held to check continuity against)';
    const notes = card.flags.map(flagLine);
    return [`:white_check_mark: Every check passed ${scope}.`, ...notes].join('\n');
  }
  const notes = card.flags.length - faults.length;
  const title = `*Flags (${faults.length}${notes > 0 ? ` and ${notes} note${notes === 1 ? '' : 's'}` : ''})*`;
  return fitLines(title, card.flags.map(flagLine), MAX_FLAGS, 'more flags');
}

/** The first remark, cut short: the full view shows every remark whole. */
function remarksText(monthlyReturn: MonthlyReturn): string | null {
  const remarks = collectRemarks(monthlyReturn);
  const first = remarks[0];
  if (!first) return null;
  const excerpt = truncate(first.text.replace(/\s+/g, ' ').trim(), REMARKS_EXCERPT);
  const more = remarks.length > 1 ? `\n+${remarks.length - 1} more remarks` : '';
  return `*Remarks* (${first.part}): ${escapeMrkdwn(excerpt)}${more}`;
}

/**
 * The notification line: who, which month, each class's figure and change, and how many flags. Slack reads `text` as
 * mrkdwn too, so what the filer typed is escaped here exactly as in the blocks.
 */
function fallbackText(card: FilingCard): string {
  const { stored } = card;
  const classes = card.classes.map((c) => {
    // Against the month held where there is one, else the form's own movement: a first month still says what moved.
    const held = c.previousClass && c.comparedWith.kind === 'previous-return' ? c.comparedWith.month : null;
    const inMonth = inMonthChange(c.shareClass.issuedShares);
    const changes = [
      held ? `${formatChange(c.change)} vs ${formatShortMonth(held)}` : null,
      !held && inMonth !== null ? `${formatChange(inMonth)} in the month` : null,
    ].filter((p): p is string => p !== null);
    const change = changes.length > 0 ? ` (${changes.join(', ')})` : '';
    return `${escapeMrkdwn(describeClassName(c.shareClass))} ${formatCount(c.shareClass.issuedShares.closing)}${change}`;
  });
  const hdrs = card.hdrs.map(({ hdr }) => {
    const inMonth = inMonthChange(hdr.hdrs);
    return `HDRs ${hdr.stockCode ?? ''} ${formatCount(hdr.hdrs.closing)}${inMonth === null ? '' : ` (${formatChange(inMonth)} in the month)`}`;
  });
  const parts = [
    `${escapeMrkdwn(shortIssuerName(stored.monthlyReturn.issuerName))} (${stored.stockCode}), ${formatShortMonth(stored.reportMonth)}: issued ${[...classes, ...hdrs].join('; ')}`,
  ];
  if (card.standing.kind === 'supersedes') parts.push('Resubmission, supersedes an earlier one');
  if (card.alreadyHeld)
    parts.push(card.sameReturnOtherFile ? 'Already held (same return, other file)' : 'Already held');
  if (card.flags.length > 0) parts.push(`${card.flags.length} flag${card.flags.length === 1 ? '' : 's'}`);
  return truncate(parts.join('. '), SLACK_LIMITS.fallbackText);
}

export function renderFilingCard(card: FilingCard, options: FilingCardOptions = {}): SlackMessage {
  const { stored } = card;
  const ref = encodeReturnRef({ stockCode: stored.stockCode, month: stored.reportMonth });
  const standing = standingText(card);
  const buttons = [
    button('History', CARD_ACTIONS.history, ref),
    button('Chart', CARD_ACTIONS.chart, ref),
    button('Previous month', CARD_ACTIONS.previousMonth, ref),
    button('Show all', CARD_ACTIONS.showAll, ref),
  ];
  const changes =
    card.standing.kind === 'supersedes'
      ? renderSubmissionChanges(card.changes, card.standing.superseded.monthlyReturn.dateSubmitted)
      : null;
  const remarks = remarksText(stored.monthlyReturn);
  if (options.postToChannel) buttons.push(button('Post to channel', CARD_ACTIONS.postToChannel, ref, 'primary'));

  const body: KnownBlock[] = [
    header(cardTitle(stored)),
    context(describeForm(stored.monthlyReturn)),
    ...(options.updateNote ? [context(`:arrows_counterclockwise: ${escapeMrkdwn(options.updateNote)}`)] : []),
    ...(standing ? [section(standing)] : []),
    ...(changes ? [section(changes)] : []),
    ...issuedBlocks(card),
    section(authorisedText(stored.monthlyReturn.authorisedShareCapital)),
    section(partIiiText(stored.monthlyReturn)),
    ...(remarks ? [section(remarks)] : []),
    section(flagsText(card)),
  ];
  const tail: KnownBlock[] = [
    context(`From ${originText(stored)} · parser ${stored.provenance.parserVersion}`),
    actions(`card:${ref}`, buttons),
  ];
  return { text: fallbackText(card), blocks: fitBlocks([...body, ...tail], tail.length) };
}
