/**
 * The card's buttons. History and Previous month answer only the person who clicked; Post to channel turns the
 * ephemeral answer to `/shares` into a message everyone in the channel sees.
 */

import { onlyIn } from '../../domain/audience.js';
import { AppError } from '../../domain/errors.js';
import { CARD_ACTIONS, decodeReturnRef, type ReturnRef } from '../../format/card-actions.js';
import { renderSharesAnswer } from '../../format/shares-answer.js';
import { type AnswerDeps, answerPreviousMonth, answerSharesQuery } from '../../services/answer-shares-query.js';
import { seenBy } from '../../store/seen-by.js';
import type { SharesAnswer } from '../../view-models/shares-answer.js';
import { describeSharesAnswer } from '../audit-log.js';
import type { App, BlockButtonAction, Logger } from '../bolt.js';
import { answerOrExplain, toPayload } from '../log-error.js';

function refOf(value: string | undefined): ReturnRef {
  const ref = decodeReturnRef(value);
  if (!ref) throw new AppError('bad-input', 'That button no longer works: ask again with /shares.', { value });
  return ref;
}

/**
 * What a click in a conversation may see: that conversation's view of the store. A click with no conversation
 * (Slack always sends one for a message's button) sees only what the workspace sees.
 */
function depsFor(deps: AnswerDeps, body: BlockButtonAction): AnswerDeps {
  const channelId = body.channel?.id ?? body.container?.channel_id;
  return channelId ? { ...deps, store: seenBy(deps.store, onlyIn(channelId)) } : deps;
}

function audit(logger: Logger, body: BlockButtonAction, button: string, answer: SharesAnswer): void {
  logger.info(
    `${button} button by ${body.user.id} in ${body.channel?.id ?? 'unknown'}: ${describeSharesAnswer(answer)}`,
  );
}

export function registerCardActions(app: App, deps: AnswerDeps): void {
  app.action<BlockButtonAction>(CARD_ACTIONS.history, async ({ ack, action, body, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the History button', async () => {
      const { stockCode } = refOf(action.value);
      const query = { kind: 'history', issuer: { kind: 'code', code: stockCode } } as const;
      const answer = await answerSharesQuery(depsFor(deps, body), query);
      audit(logger, body, 'History', answer);
      await respond({ response_type: 'ephemeral', replace_original: false, ...toPayload(renderSharesAnswer(answer)) });
    });
  });

  app.action<BlockButtonAction>(CARD_ACTIONS.previousMonth, async ({ ack, action, body, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the Previous month button', async () => {
      const { stockCode, month } = refOf(action.value);
      const answer = await answerPreviousMonth(depsFor(deps, body), stockCode, month);
      audit(logger, body, 'Previous month', answer);
      const message = renderSharesAnswer(answer, { postToChannel: true });
      await respond({ response_type: 'ephemeral', replace_original: false, ...toPayload(message) });
    });
  });

  app.action<BlockButtonAction>(CARD_ACTIONS.postToChannel, async ({ ack, action, body, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the Post to channel button', async () => {
      const { stockCode, month } = refOf(action.value);
      // Posted where the click was, so only what that conversation may see: a private return elsewhere is not held.
      const query = { kind: 'month', issuer: { kind: 'code', code: stockCode }, month } as const;
      const answer = await answerSharesQuery(depsFor(deps, body), query);
      audit(logger, body, 'Post to channel', answer);
      if (answer.kind !== 'card') {
        // Nothing this conversation may see: the clicker alone hears so, and the channel hears nothing.
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...toPayload(renderSharesAnswer(answer)),
        });
        return;
      }
      await respond({ response_type: 'in_channel', replace_original: false, ...toPayload(renderSharesAnswer(answer)) });
      // The ephemeral copy has done its job once everyone can see the card.
      await respond({ delete_original: true });
    });
  });
}
