/** `/shares help`: every form of the command, with an example each. */

import { context, header, section } from './blocks.js';
import type { SlackMessage } from './message.js';

const USAGE = [
  ['`/shares 00020`', 'the latest return held for a stock code (`20` and `0020` work too)'],
  ['`/shares 00020 2023-11`', 'the return for one month'],
  ['`/shares 00020 2023-11 full`', 'the whole return: every part, row, remark and flag'],
  ['`/shares 00020 history`', 'issued shares month by month, with the changes'],
  ['`/shares 00020 history 2024-01..2025-06`', 'the months of a range; add `csv` for a CSV file posted here'],
  ['`/shares 00020 history fetch 36`', 'first fills in from HKEXnews the months missing from the last 36 (default 12)'],
  ['`/shares 601338`', 'an A share’s Shanghai or Shenzhen code: the card of the issuer held whose returns print it'],
  ['`/shares sensetime`', 'search by issuer name'],
  ['`/shares list`', 'every stock code held'],
  ['`/shares watch 00020 700`', 'add codes to this channel’s monthly digest (`unwatch`, `watchlist`, `digest`)'],
  ['`/shares help`', 'this help'],
] as const;

export function renderSharesHelp(): SlackMessage {
  const lines = USAGE.map(([command, what]) => `${command} · ${what}`);
  return {
    text: `/shares: ${USAGE.map(([command]) => command.replaceAll('`', '')).join(', ')}`,
    blocks: [
      header('/shares: issued shares from HKEX monthly returns'),
      section(lines.join('\n')),
      context(
        'Upload a monthly return PDF in a channel I am in (or in a DM with me) and I will read it into a card. ' +
          'One shared in a private channel, a group DM or a DM is answered only there.',
      ),
    ],
  };
}
