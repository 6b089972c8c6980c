/**
 * `/shares`: acknowledged at once (Slack gives up after 3 seconds), answered through the response URL, only to the
 * person who asked unless a watchlist command says otherwise. The work between the two takes its turns
 * (`answer-turns.ts`), so a burst of commands never holds an acknowledgement.
 */

import { viewerIn } from '../../domain/audience.js';
import { type AppError, isAppError } from '../../domain/errors.js';
import { isWatchQuery, parseSharesQuery } from '../../domain/shares-query.js';
import { withHkexnewsGap } from '../../format/hkexnews-gap.js';
import { renderSharesAnswer, renderSharesAnswerMessages } from '../../format/shares-answer.js';
import { renderWatchAnswer } from '../../format/watch-answer.js';
import { answerSharesQuery } from '../../services/answer-shares-query.js';
import { type LookUp, lookUpNeeded } from '../../services/fetch-on-demand.js';
import { runWatchCommand, type WatchCommandDeps } from '../../services/watch-commands.js';
import { seenBy } from '../../store/seen-by.js';
import type { WatchAnswer } from '../../view-models/watch-answer.js';
import type { AnswerTurns } from '../answer-turns.js';
import { describeSharesAnswer, describeWatchAnswer } from '../audit-log.js';
import type { App } from '../bolt.js';
import type { Conversations } from '../conversations.js';
import { answerOrExplain, toPayload } from '../log-error.js';
import { postHistoryChart } from '../post-history-chart.js';
import { postHistoryFile } from '../post-history-file.js';
import { respondInParts } from '../respond-in-parts.js';
import type { Workspaces } from '../workspaces.js';

export interface SharesCommandDeps extends WatchCommandDeps {
  /** Fetches from HKEXnews what a question needs and the store lacks; absent when HKEXNEWS=off. */
  readonly lookUpOnHkexnews?: (lookUp: LookUp) => Promise<unknown>;
  /** Whether the bot is in a conversation, before a watchlist there is promised digests. */
  readonly conversations?: Conversations;
  /** The workspace a command comes from: its view of the store and its conversations (workspaces.ts). */
  readonly workspaces?: Workspaces;
}

export function registerSharesCommand(app: App, deps: SharesCommandDeps, turns: AnswerTurns): void {
  app.command('/shares', async ({ ack, command, respond, logger, client }) => {
    await ack();
    // Named by who and where, never by its words: the log holds no one's text.
    const doing = `/shares by ${command.user_id} in ${command.channel_id}`;
    await answerOrExplain(respond, logger, doing, async () => {
      const query = parseSharesQuery(command.text);
      const here = deps.workspaces ? await deps.workspaces.of(command.team_id) : deps;
      // The asking conversation sees the workspace's returns and its own; anything else is not held, to it.
      const seen = { ...deps, store: seenBy(here.store, viewerIn(command.channel_id)) };
      const audit = (what: string) => logger.info(`${doing}: ${what}`);
      if (isWatchQuery(query)) {
        const input = { channelId: command.channel_id, userId: command.user_id, query };
        const refused = query.kind === 'watch' ? await cannotPostIn(here.conversations, command) : null;
        const answer = refused ?? (await turns.take(() => runWatchCommand(seen, input)));
        audit(describeWatchAnswer(answer));
        const reply = await turns.take(async () => renderWatchAnswer(answer));
        for (const message of [reply.message, ...reply.continued]) {
          await respond({ response_type: reply.responseType, ...toPayload(message) });
        }
        return;
      }
      const { lookUpOnHkexnews } = deps;
      const lookUp = lookUpOnHkexnews ? await turns.take(() => lookUpNeeded(seen.store, query, deps.now())) : null;
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
      const answer = await turns.take(() => answerSharesQuery(seen, query));
      audit(describeSharesAnswer(answer));
      if (answer.kind === 'history-export') {
        const file = await postHistoryFile(client, command.channel_id, answer.history, renderSharesAnswer(answer));
        await respond({ response_type: 'ephemeral', text: `Posted ${file} in this conversation.` });
        return;
      }
      const messages = await turns.take(async () => renderSharesAnswerMessages(answer, { postToChannel: true }));
      const rendered = gap
        ? messages.map((message, i) => (i === 0 ? withHkexnewsGap(message, gap) : message))
        : messages;
      await respondInParts(respond, rendered, { responseType: 'ephemeral' });
      if (answer.kind === 'history') {
        const { stockCode, range } = answer.history;
        await postHistoryChart(client, seen.store, turns, { channelId: command.channel_id }, { stockCode, range });
      }
    });
  });
}

/**
 * `/shares watch` answers through the response URL, which needs no membership; its digests are posted with
 * chat.postMessage, which does. So the watch is refused, with how to invite the bot, where the bot is not in.
 */
async function cannotPostIn(
  conversations: Conversations | undefined,
  command: { channel_id: string; channel_name?: string },
): Promise<WatchAnswer | null> {
  if (!conversations) return null;
  const info = await conversations.describe(command.channel_id);
  if (info.botIsMember) return null;
  // A DM between people the bot is not part of is not described to it; Slack names such a command's channel so.
  const isDm = info.kind === 'dm' || info.kind === 'group-dm' || command.channel_name === 'directmessage';
  return { kind: 'cannot-post', conversation: isDm ? 'other' : 'channel' };
}
