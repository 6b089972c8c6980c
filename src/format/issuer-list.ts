/**
 * `/shares list` and a name that matches several issuers: one line per code, the latest month held, and what to
 * type next. Long lists end in "+N more".
 */
import type { IssuerSummary } from '../domain/stored-return.js';
import { context, escapeMrkdwn, moreNote, SLACK_LIMITS, section, takeWithRest, truncate } from './blocks.js';
import { postAnswerActions } from './card-actions.js';
import { formatShortMonth } from './figures.js';
import { shortIssuerName } from './filing-card.js';
import type { SlackMessage } from './message.js';

const MAX_LINES = 40;

export function issuerLine(issuer: IssuerSummary): string {
  const months = `${issuer.returnsHeld} month${issuer.returnsHeld === 1 ? '' : 's'}`;
  return `\`${issuer.stockCode}\` ${escapeMrkdwn(shortIssuerName(issuer.issuerName))} · latest ${formatShortMonth(issuer.latestMonth)} · ${months}`;
}

export function renderIssuerList(
  issuers: readonly IssuerSummary[],
  query: string | null,
  options: { postToChannel?: boolean } = {},
): SlackMessage {
  if (issuers.length === 0) {
    const text = 'No returns are held yet. Upload a monthly return PDF in a channel I am in to add one.';
    return { text, blocks: [section(text)] };
  }
  const { shown, rest } = takeWithRest(issuers, MAX_LINES);
  const title = query
    ? `${issuers.length} issuers match “${escapeMrkdwn(query)}”:`
    : `${issuers.length} stock code${issuers.length === 1 ? '' : 's'} held:`;
  const lines = shown.map(issuerLine);
  const more = moreNote(rest);
  if (more) lines.push(more);
  const text = truncate(`${title}\n${lines.join('\n')}`, SLACK_LIMITS.sectionText);
  return {
    text: truncate(
      `${title} ${shown.map((i) => i.stockCode).join(', ')}${more ? `, ${more}` : ''}`,
      SLACK_LIMITS.fallbackText,
    ),
    blocks: [
      section(text),
      context('Type `/shares &lt;code&gt;` for the latest return of one of them.'),
      ...(options.postToChannel ? [postAnswerActions(query ?? 'list')] : []),
    ],
  };
}
