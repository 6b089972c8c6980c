/**
 * Slack reads a message's top-level `text` as mrkdwn, as it reads section text: a name a filer typed must not ping a
 * channel or carry a link in either. The renderers escape both with the same function.
 */
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '../../src/format/blocks.js';
import { renderSharesAnswer } from '../../src/format/shares-answer.js';
import { buildFilingCard } from '../../src/services/filing-card.js';
import { buildShareHistory } from '../../src/services/share-history.js';
import { makeIssuedShareClass } from '../helpers/factories.js';
import { makeSenseTimeReturn, saveSample } from '../helpers/sample-returns.js';
import { useTempStore } from '../store/store-fixtures.js';

const temp = useTempStore();

const HOSTILE = '<!channel> <@U123> <http://evil|click> & Co';
const ESCAPED = '&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil|click&gt; &amp; Co';

function sectionTexts(blocks: readonly unknown[]): string[] {
  return blocks.flatMap((block) => {
    const text = (block as { type: string; text?: { type: string; text: string } }).text;
    return text?.type === 'mrkdwn' ? [text.text] : [];
  });
}

async function saveHostileReturns() {
  const november = makeSenseTimeReturn({ overrides: { issuerName: HOSTILE } });
  const [, classA] = november.issuedShares.classes;
  const hostileClass = makeIssuedShareClass({
    className: 'Ordinary shares',
    description: HOSTILE,
    stockCode: '00020',
    issuedShares: { preceding: 100, movement: 5, closing: 105 },
  });
  const monthlyReturn = {
    ...november,
    issuedShares: { ...november.issuedShares, classes: classA ? [hostileClass, classA] : [hostileClass] },
  };
  await saveSample(temp.store, monthlyReturn);
  const stored = await temp.store.forMonth('00020', '2023-11');
  if (!stored) throw new Error('not held');
  return stored;
}

describe('the notification text', () => {
  it('escapes a filer’s name and class in a card’s text exactly as in its blocks', async () => {
    const card = await buildFilingCard(temp.store, await saveHostileReturns());
    const message = renderSharesAnswer({ kind: 'card', card });
    expect(escapeMrkdwn(HOSTILE)).toBe(ESCAPED);
    expect(message.text).toBe(
      `${ESCAPED} (00020), Nov 2023: issued Ordinary shares – ${ESCAPED} 105 (+5 in the month); WVR ordinary shares – Class A ordinary shares 7,520,115,072 (no change in the month)`,
    );
    expect(
      sectionTexts(message.blocks).some((text) => text.includes(`*Ordinary shares – ${ESCAPED}* · SEHK 00020`)),
    ).toBe(true);
    expect(message.text).not.toMatch(/<[!@h]/);
  });

  it('escapes them in the text of a /shares history answer', async () => {
    await saveHostileReturns();
    const history = await buildShareHistory(temp.store, '00020');
    if (!history) throw new Error('no history');
    const message = renderSharesAnswer({ kind: 'history', history });
    expect(message.text).toBe(
      [
        `${ESCAPED} (00020) · issued shares by month`,
        `Nov 2023: ${ESCAPED} 105 (+5 in the month); Class A ordinary shares 7,520,115,072 (no change in the month)`,
      ].join('\n'),
    );
  });
});
