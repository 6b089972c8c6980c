/**
 * The answer when nothing is held for what was asked: never a bare "not found", always what is held nearby and what
 * to type instead.
 */
import type { SharesAnswer } from '../view-models/shares-answer.js';
import { context, escapeMrkdwn, section } from './blocks.js';
import { formatMonth, formatShortMonth } from './figures.js';
import { issuerLine } from './issuer-list.js';
import type { SlackMessage } from './message.js';

type NotHeld = Extract<SharesAnswer, { kind: 'not-held' }>;

export function renderNotHeld(answer: NotHeld): SlackMessage {
  const asked = escapeMrkdwn(answer.asked);
  const lines: string[] = [];
  if (answer.month) {
    lines.push(`No return for ${asked} for ${formatMonth(answer.month)} is held.`);
    if (answer.monthsHeld.length > 0) {
      lines.push(`Months held: ${answer.monthsHeld.map(formatShortMonth).join(', ')}.`);
    }
  } else if (/^\d{5}$/.test(answer.asked)) {
    lines.push(`No returns are held for stock code ${asked}.`);
  } else {
    lines.push(`No issuer held matches “${asked}”.`);
  }
  if (answer.keyword) lines.push(`Did you mean \`/shares ${answer.keyword}\`?`);
  if (answer.suggestions.length > 0) {
    lines.push(`Did you mean:\n${answer.suggestions.map(issuerLine).join('\n')}`);
  }
  const text = lines.join('\n');
  const hint = answer.month
    ? `Upload that month's return PDF in a channel I am in to add it.`
    : 'Type `/shares list` for every code held, or upload a return PDF to add one.';
  return { text: text.replace(/\n/g, ' '), blocks: [section(text), context(hint)] };
}
