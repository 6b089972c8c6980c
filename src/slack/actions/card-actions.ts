/**
 * The card's buttons. History and Previous month answer only the person who clicked; Chart posts the history's chart
 * in the card's thread; Post to channel (on a card, and on every other answer to `/shares` that is not an error)
 * asks again and turns the ephemeral answer into a message everyone in the channel sees. What is asked again may
 * no longer be there (a return no longer held): that answer goes to the clicker alone, never to the channel. Show
 * all opens the whole return in a modal (views.open with the click's trigger_id, which Slack honours for 3 seconds),
 * and what a modal cannot hold (100 blocks) goes on in the card's thread, or to the clicker alone when the card
 * itself was only theirs.
 */

import { viewerIn } from '../../domain/audience.js';
import { AppError } from '../../domain/errors.js';
import { isWatchQuery, parseSharesQuery } from '../../domain/shares-query.js';
import { SLACK_LIMITS } from '../../format/blocks.js';
import { CARD_ACTIONS, decodeReturnRef, type ReturnRef } from '../../format/card-actions.js';
import { renderFullReturnModal, returnOfCard } from '../../format/full-return.js';
import type { SlackMessage } from '../../format/message.js';
import { renderSharesAnswer, renderSharesAnswerMessages } from '../../format/shares-answer.js';
import { type AnswerDeps, answerPreviousMonth, answerSharesQuery } from '../../services/answer-shares-query.js';
import { seenBy } from '../../store/seen-by.js';
import type { SharesAnswer } from '../../view-models/shares-answer.js';
import type { AnswerTurns } from '../answer-turns.js';
import { describeSharesAnswer } from '../audit-log.js';
import type { App, BlockButtonAction, Logger, RespondFn } from '../bolt.js';
import { answerOrExplain, toPayload } from '../log-error.js';
import { postHistoryChart } from '../post-history-chart.js';
import type { FileTarget } from '../post-history-file.js';
import { respondInParts } from '../respond-in-parts.js';
import type { Workspaces } from '../workspaces.js';

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

/**
 * What a click in a conversation may see: that conversation's view of the store, so a return held only for another
 * conversation is not held here, and nothing of it is posted. Slack names the conversation of every message button.
 */
async function depsFor(deps: CardActionDeps, body: BlockButtonAction): Promise<AnswerDeps> {
  const channelId = body.channel?.id ?? body.container?.channel_id;
  // The clicking conversation is one of its workspace's: the workspace's view of the store.
  const store = deps.workspaces ? (await deps.workspaces.of(body.team?.id)).store : deps.store;
  return channelId ? { ...deps, store: seenBy(store, viewerIn(channelId)) } : deps;
}

export interface CardActionDeps extends AnswerDeps {
  /** The workspace a click comes from, whose view of the store it sees (workspaces.ts). */
  readonly workspaces?: Workspaces;
}

function audit(logger: Logger, body: BlockButtonAction, button: string, answer: SharesAnswer): void {
  logger.info(
    `${button} button by ${body.user.id} in ${body.channel?.id ?? 'unknown'}: ${describeSharesAnswer(answer)}`,
  );
}

/** The answer for everyone, in place of the clicker's copy; one that says something is not there, to the clicker. */
async function postForEveryone(respond: RespondFn, answer: SharesAnswer): Promise<void> {
  if (answer.kind === 'not-held') {
    await respond({ response_type: 'ephemeral', replace_original: false, ...toPayload(renderSharesAnswer(answer)) });
    return;
  }
  // The whole return may take several messages; one post of the response URL's five is left for removing the copy.
  await respondInParts(respond, renderSharesAnswerMessages(answer), {
    responseType: 'in_channel',
    room: SLACK_LIMITS.responseUrlPosts - 1,
    besideOriginal: true,
  });
  // The ephemeral copy has done its job once everyone can see the answer.
  await respond({ delete_original: true });
}

/** The rest of a whole return: in the thread of the card clicked, or to the clicker alone where the card was. */
async function postRest(body: BlockButtonAction, client: App['client'], respond: RespondFn, rest: SlackMessage[]) {
  const { channelId, threadTs } = threadOf(body);
  for (const part of rest) {
    if (threadTs && channelId)
      await client.chat.postMessage({ channel: channelId, thread_ts: threadTs, ...toPayload(part) });
    else await respond({ response_type: 'ephemeral', replace_original: false, ...toPayload(part) });
  }
}

export function registerCardActions(app: App, deps: CardActionDeps, turns: AnswerTurns): void {
  app.action<BlockButtonAction>(CARD_ACTIONS.showAll, async ({ ack, action, body, client, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the Show all button', async () => {
      const { stockCode, month } = refOf(action.value);
      const query = { kind: 'month', issuer: { kind: 'code', code: stockCode }, month, full: true } as const;
      // Posted in the card's thread: only what that conversation may see.
      const answer = await answerSharesQuery(await depsFor(deps, body), query);
      audit(logger, body, 'Show all', answer);
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
      const seen = await depsFor(deps, body);
      const posted = await postHistoryChart(client, seen.store, turns, threadOf(body), { stockCode, range: null });
      logger.info(
        `Chart button by ${body.user.id} in ${body.channel?.id ?? 'unknown'}: ${stockCode}, posted ${posted}`,
      );
      if (!posted) {
        const answer = await answerSharesQuery(seen, { kind: 'history', issuer: { kind: 'code', code: stockCode } });
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...toPayload(renderSharesAnswer(answer)),
        });
      }
    });
  });

  app.action<BlockButtonAction>(CARD_ACTIONS.history, async ({ ack, action, body, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the History button', async () => {
      const { stockCode } = refOf(action.value);
      const query = { kind: 'history', issuer: { kind: 'code', code: stockCode } } as const;
      const answer = await answerSharesQuery(await depsFor(deps, body), query);
      audit(logger, body, 'History', answer);
      const message = renderSharesAnswer(answer, { postToChannel: true });
      await respond({ response_type: 'ephemeral', replace_original: false, ...toPayload(message) });
    });
  });

  app.action<BlockButtonAction>(CARD_ACTIONS.previousMonth, async ({ ack, action, body, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the Previous month button', async () => {
      const { stockCode, month } = refOf(action.value);
      const answer = await answerPreviousMonth(await depsFor(deps, body), stockCode, month);
      audit(logger, body, 'Previous month', answer);
      const message = renderSharesAnswer(answer, { postToChannel: true });
      await respond({ response_type: 'ephemeral', replace_original: false, ...toPayload(message) });
    });
  });

  app.action<BlockButtonAction>(CARD_ACTIONS.postToChannel, async ({ ack, action, body, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the Post to channel button', async () => {
      const { stockCode, month } = refOf(action.value);
      // Asked again as the conversation it is posted into sees it: a private return elsewhere is not held.
      const query = { kind: 'month', issuer: { kind: 'code', code: stockCode }, month } as const;
      const answer = await answerSharesQuery(await depsFor(deps, body), query);
      audit(logger, body, 'Post to channel', answer);
      await postForEveryone(respond, answer);
    });
  });

  app.action<BlockButtonAction>(CARD_ACTIONS.postAnswer, async ({ ack, action, body, respond, logger }) => {
    await ack();
    await answerOrExplain(respond, logger, 'the Post to channel button', async () => {
      const query = parseSharesQuery(action.value ?? '');
      // The renderers write only lookups here; a value that asks for anything else is not one of theirs.
      if (isWatchQuery(query) || (query.kind === 'history' && query.export)) throw staleButton(action.value);
      const answer = await answerSharesQuery(await depsFor(deps, body), query);
      audit(logger, body, 'Post to channel', answer);
      await postForEveryone(respond, answer);
    });
  });
}
