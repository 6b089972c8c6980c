/**
 * The follow-up to a digest for a company whose return was found after it went out: one short message in the
 * watching channel, its headline saying it filed late (or only after the digest, where the release time shows it
 * was on time and the site had not listed it), then the company's lines as the digest draws them.
 */
import type { LateFiling } from '../view-models/digest.js';
import { section } from './blocks.js';
import { formatDeadline } from './digest.js';
import { companyName, renderCompanyText } from './digest-company.js';
import { formatCount, formatMonth } from './figures.js';
import type { SlackMessage } from './message.js';

export function renderLateFiling({ month, deadline, company }: LateFiling): SlackMessage {
  const filed = company.late ? 'filed late' : 'filed after the digest';
  const issued = company.classes.map((change) => formatCount(change.closing)).join(' / ');
  const text = `${company.stockCode} ${filed}: ${formatMonth(month)}${issued ? ` (issued shares ${issued})` : ''}`;
  const headline = `:hourglass_flowing_sand: *${companyName(company)} ${filed}* for ${formatMonth(month)} (deadline ${formatDeadline(deadline)}), after this channel's digest:`;
  return { text, blocks: [section(headline), section(renderCompanyText(company))] };
}
