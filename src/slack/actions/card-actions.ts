/**
 * The card's buttons. History and Previous month answer only the person who clicked; Post to channel turns the
 * ephemeral answer to `/shares` into a message everyone in the channel sees; Show all opens the whole return in a
 * modal (views.open with the click's trigger_id, which Slack honours for 3 seconds), and what a modal cannot hold
 * (100 blocks) goes on in the card's thread, or to the clicker alone when the card itself was only theirs.
 */

import { AppError } from '../../domain/errors.js';
import { CARD_ACTIONS, decodeReturnRef, type ReturnRef } from '../../format/card-actions.js';
import { renderFullReturnModal, returnOfCard } from '../../format/full-return.js';
import type { SlackMessage } from '../../format/message.js';
import { renderSharesAnswer } from '../../format/shares-answer.js';
import { type AnswerDeps, answerPreviousMonth, answerSharesQuery } from '../../services/answer-shares-query.js';
import type { App, BlockButtonAction, RespondFn } from '../bolt.js';
import { answerOrExplain, toPayload } from '../log-error.js';

function refOf(value: string | undefined): ReturnRef {
  const ref = decodeReturnRef(value);
  if (!ref) throw new AppError('bad-input', 'That button no longer works: ask again with /shares.', { value });
  return ref;
}

/**
 * Where the rest of a whole return goes: the thread of the card clicked (a card in a thread carries `thread_ts`;
 * a card at the top of a conversation starts its own), or the clicker alone when the card was ephemeral.
 */
async function postRest(body: BlockButtonAction, client: App['client'], respond: RespondFn, rest: SlackMessage[]) {
  const container = body.container as { is_ephemeral?: boolean; channel_id?: string; message_ts?: string };
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const channel = body.channel?.id ?? container.channel_id;
  const thread = message?.thread_ts ?? message?.ts ?? container.message_ts;
  for (const part of rest) {
    if (container.is_ephemeral || !channel || !thread) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...toPayload(part) });
    } else {
      await client.chat.postMessage({ channel, thread_ts: thread, ...toPayload(part) });
    }
  }
}

export function registerCardActions(app: App, deps: AnswerDeps): void {
  app.action<BlockButtonAction>(CARD_ACTIONS.showAll, async ({ ack, action, body, client, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the Show all button', async () => {
      const { stockCode, month } = refOf(action.value);
      const query = { kind: 'month', issuer: { kind: 'code', code: stockCode }, month, full: true } as const;
      const answer = await answerSharesQuery(deps, query);
      if (answer.kind !== 'full-return') {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...toPayload(renderSharesAnswer(answer)),
        });
        return;
      }
      const { filing, name } = returnOfCard(answer.card);
      const { view, rest } = renderFullReturnModal(filing, name);
      await client.views.open({ trigger_id: body.trigger_id, view });
      await postRest(body, client, respond, rest);
    });
  });

  app.action<BlockButtonAction>(CARD_ACTIONS.history, async ({ ack, action, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the History button', async () => {
      const { stockCode } = refOf(action.value);
      const answer = await answerSharesQuery(deps, { kind: 'history', issuer: { kind: 'code', code: stockCode } });
      await respond({ response_type: 'ephemeral', replace_original: false, ...toPayload(renderSharesAnswer(answer)) });
    });
  });

  app.action<BlockButtonAction>(CARD_ACTIONS.previousMonth, async ({ ack, action, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the Previous month button', async () => {
      const { stockCode, month } = refOf(action.value);
      const answer = await answerPreviousMonth(deps, stockCode, month);
      const message = renderSharesAnswer(answer, { postToChannel: true });
      await respond({ response_type: 'ephemeral', replace_original: false, ...toPayload(message) });
    });
  });

  app.action<BlockButtonAction>(CARD_ACTIONS.postToChannel, async ({ ack, action, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the Post to channel button', async () => {
      const { stockCode, month } = refOf(action.value);
      const answer = await answerSharesQuery(deps, { kind: 'month', issuer: { kind: 'code', code: stockCode }, month });
      await respond({ response_type: 'in_channel', replace_original: false, ...toPayload(renderSharesAnswer(answer)) });
      // The ephemeral copy has done its job once everyone can see the card.
      await respond({ delete_original: true });
    });
  });
}
