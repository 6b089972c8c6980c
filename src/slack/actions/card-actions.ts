/**
 * The card's buttons. History and Previous month answer only the person who clicked; Chart posts the history's chart
 * in the card's thread; Post to channel (on a card, and on every other answer to `/shares` that is not an error)
 * asks again and turns the ephemeral answer into a message everyone in the channel sees. What is asked again may
 * no longer be there (a return no longer held): that answer goes to the clicker alone, never to the channel.
 * Show all opens the whole return in a modal (views.open with the click's trigger_id, which Slack honours for 3
 * seconds), and what a modal cannot hold (100 blocks) goes on in the card's thread, or to the clicker alone when
 * the card itself was only theirs.
 */

import { AppError } from '../../domain/errors.js';
import { isWatchQuery, parseSharesQuery } from '../../domain/shares-query.js';
import { CARD_ACTIONS, decodeReturnRef, type ReturnRef } from '../../format/card-actions.js';
import { renderFullReturnModal, returnOfCard } from '../../format/full-return.js';
import type { SlackMessage } from '../../format/message.js';
import { renderSharesAnswer } from '../../format/shares-answer.js';
import { type AnswerDeps, answerPreviousMonth, answerSharesQuery } from '../../services/answer-shares-query.js';
import type { SharesAnswer } from '../../view-models/shares-answer.js';
import type { AnswerTurns } from '../answer-turns.js';
import type { App, BlockButtonAction, RespondFn } from '../bolt.js';
import { answerOrExplain, toPayload } from '../log-error.js';
import { postHistoryChart } from '../post-history-chart.js';
import type { FileTarget } from '../post-history-file.js';

function staleButton(value: string | undefined): AppError {
  return new AppError('bad-input', 'That button no longer works: ask again with /shares.', { value: value ?? '' });
}

function refOf(value: string | undefined): ReturnRef {
  const ref = decodeReturnRef(value);
  if (!ref) throw staleButton(value);
  return ref;
}

/**
 * Where the Chart button's file goes: the thread of the message it was clicked in (the file's thread for a card on
 * an upload), or the conversation where that message is one only the clicker sees. Slack's block_actions payload
 * names the message in `container` (`message_ts`, `thread_ts` for a reply, `is_ephemeral`) and, for a message
 * others see, in `message` too.
 */
function threadOf(body: BlockButtonAction): FileTarget {
  const container: Record<string, unknown> = body.container ?? {};
  const channelId = body.channel?.id ?? String(container.channel_id ?? '');
  if (container.is_ephemeral === true) return { channelId };
  const threadTs = container.thread_ts ?? body.message?.thread_ts ?? container.message_ts ?? body.message?.ts;
  return typeof threadTs === 'string' ? { channelId, threadTs } : { channelId };
}

/** The answer for everyone, in place of the clicker's copy; one that says something is not there, to the clicker. */
async function postForEveryone(respond: RespondFn, answer: SharesAnswer): Promise<void> {
  const message = toPayload(renderSharesAnswer(answer));
  if (answer.kind === 'not-held') {
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    return;
  }
  await respond({ response_type: 'in_channel', replace_original: false, ...message });
  // The ephemeral copy has done its job once everyone can see the answer.
  await respond({ delete_original: true });
}

/** The rest of a whole return, after the modal: in the card's thread, or to the clicker alone (`threadOf`). */
async function postRest(body: BlockButtonAction, client: App['client'], respond: RespondFn, rest: SlackMessage[]) {
  const target = threadOf(body);
  for (const part of rest) {
    if (target.channelId && target.threadTs) {
      await client.chat.postMessage({ channel: target.channelId, thread_ts: target.threadTs, ...toPayload(part) });
    } else {
      await respond({ response_type: 'ephemeral', replace_original: false, ...toPayload(part) });
    }
  }
}

export function registerCardActions(app: App, deps: AnswerDeps, turns: AnswerTurns): void {
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

  app.action<BlockButtonAction>(CARD_ACTIONS.chart, async ({ ack, action, body, respond, logger, client }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the Chart button', async () => {
      const { stockCode } = refOf(action.value);
      const posted = await postHistoryChart(client, deps.store, turns, threadOf(body), { stockCode, range: null });
      if (!posted) {
        const answer = await answerSharesQuery(deps, { kind: 'history', issuer: { kind: 'code', code: stockCode } });
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...toPayload(renderSharesAnswer(answer)),
        });
      }
    });
  });

  app.action<BlockButtonAction>(CARD_ACTIONS.history, async ({ ack, action, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the History button', async () => {
      const { stockCode } = refOf(action.value);
      const answer = await answerSharesQuery(deps, { kind: 'history', issuer: { kind: 'code', code: stockCode } });
      const message = renderSharesAnswer(answer, { postToChannel: true });
      await respond({ response_type: 'ephemeral', replace_original: false, ...toPayload(message) });
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
      await postForEveryone(respond, answer);
    });
  });

  app.action<BlockButtonAction>(CARD_ACTIONS.postAnswer, async ({ ack, action, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the Post to channel button', async () => {
      const query = parseSharesQuery(action.value ?? '');
      // The renderers write only lookups here; a value that asks for anything else is not one of theirs.
      if (isWatchQuery(query) || (query.kind === 'history' && query.export)) throw staleButton(action.value);
      await postForEveryone(respond, await answerSharesQuery(deps, query));
    });
  });
}
