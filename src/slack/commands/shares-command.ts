/**
 * `/shares`: acknowledged at once (Slack gives up after 3 seconds), answered through the response URL, only to the
 * person who asked unless a watchlist command says otherwise. The work between the two takes its turns
 * (`answer-turns.ts`), so a burst of commands never holds an acknowledgement.
 */

import { type AppError, isAppError } from '../../domain/errors.js';
import { isWatchQuery, parseSharesQuery } from '../../domain/shares-query.js';
import { withHkexnewsGap } from '../../format/hkexnews-gap.js';
import { renderSharesAnswer, renderSharesAnswerMessages } from '../../format/shares-answer.js';
import { renderWatchAnswer } from '../../format/watch-answer.js';
import { answerSharesQuery } from '../../services/answer-shares-query.js';
import { type LookUp, lookUpNeeded } from '../../services/fetch-on-demand.js';
import { runWatchCommand, type WatchCommandDeps } from '../../services/watch-commands.js';
import type { AnswerTurns } from '../answer-turns.js';
import type { App } from '../bolt.js';
import { answerOrExplain, toPayload } from '../log-error.js';
import { postHistoryChart } from '../post-history-chart.js';
import { postHistoryFile } from '../post-history-file.js';

export interface SharesCommandDeps extends WatchCommandDeps {
  /** Fetches from HKEXnews what a question needs and the store lacks; absent when HKEXNEWS=off. */
  readonly lookUpOnHkexnews?: (lookUp: LookUp) => Promise<unknown>;
}

const MAX_RESPONSES = 5;

export function registerSharesCommand(app: App, deps: SharesCommandDeps, turns: AnswerTurns): void {
  app.command('/shares', async ({ ack, command, respond, logger, client }) => {
    await ack();
    await answerOrExplain(respond, logger, `/shares ${command.text}`, async () => {
      const query = parseSharesQuery(command.text);
      if (isWatchQuery(query)) {
        const input = { channelId: command.channel_id, userId: command.user_id, query };
        const reply = await turns.take(async () => renderWatchAnswer(await runWatchCommand(deps, input)));
        for (const message of [reply.message, ...reply.continued]) {
          await respond({ response_type: reply.responseType, ...toPayload(message) });
        }
        return;
      }
      const { lookUpOnHkexnews } = deps;
      const lookUp = lookUpOnHkexnews ? await turns.take(() => lookUpNeeded(deps.store, query, deps.now())) : null;
      let gap: AppError | null = null;
      if (lookUp && lookUpOnHkexnews) {
        if (lookUp.announce) {
          await respond({ response_type: 'ephemeral', text: `Looking up ${lookUp.stockCode} on HKEXnews…` });
        }
        // A card's look-up that fails is the answer; a history is still answered from what is held, saying why not more.
        gap = await lookUpOnHkexnews(lookUp).then(
          () => null,
          (error: unknown) => {
            if (lookUp.announce || !isAppError(error, 'hkexnews-failure')) throw error;
            return error;
          },
        );
      }
      const answer = await turns.take(() => answerSharesQuery(deps, query));
      if (answer.kind === 'history-export') {
        const file = await postHistoryFile(client, command.channel_id, answer.history, renderSharesAnswer(answer));
        await respond({ response_type: 'ephemeral', text: `Posted ${file} in this conversation.` });
        return;
      }
      const rendered = await turns.take(async () => renderSharesAnswerMessages(answer, { postToChannel: true }));
      // A response URL takes five posts (Slack's slash command reference); the whole return of any filing seen so
      // far takes two at most, and one that took more says where the rest is rather than dropping it unsaid.
      const fits = rendered.length <= MAX_RESPONSES;
      const shown = fits ? rendered : rendered.slice(0, MAX_RESPONSES - 1);
      for (const [i, message] of shown.entries()) {
        const withGap = i === 0 && gap ? withHkexnewsGap(message, gap) : message;
        await respond({ response_type: 'ephemeral', ...toPayload(withGap) });
      }
      if (!fits) {
        const text = `The whole return takes ${rendered.length} messages and an answer here takes ${MAX_RESPONSES}: *Show all* on the card posts all of it.`;
        await respond({ response_type: 'ephemeral', text });
      }
      if (answer.kind === 'history') {
        const { stockCode, range } = answer.history;
        await postHistoryChart(client, deps.store, turns, { channelId: command.channel_id }, { stockCode, range });
      }
    });
  });
}
