/**
 * After an upload's card is posted, the cards the bot posted earlier that the save made out of date are updated in
 * place (chat.update): the card of a submission a resubmission replaced says it is superseded, with a link to the
 * new card (chat.getPermalink); the card of the next month held, once the month before it arrives, is drawn again
 * with its comparison and continuity check against that month. A card that cannot be updated (deleted, or Slack
 * refuses) is logged and left; the answer to the upload itself has already gone.
 *
 * Two uploads of one company read side by side (November and October shared in one message) can each miss the
 * other: November's card built before October was stored, October's refresh run before November's card was
 * posted. So a card just posted is checked once more against the store, and drawn again if the month it is
 * compared with has changed meanwhile.
 */
import { isVisibleTo, viewerIn } from '../../domain/audience.js';
import { audienceOf, type StoredReturn } from '../../domain/stored-return.js';
import { formatShortMonth } from '../../format/figures.js';
import { renderFilingCard } from '../../format/filing-card.js';
import { cardsToRefresh } from '../../services/cards-to-refresh.js';
import { buildFilingCard } from '../../services/filing-card.js';
import type { SaveResult } from '../../store/filing-store.js';
import { seenBy } from '../../store/seen-by.js';
import type { FilingCard } from '../../view-models/filing-card.js';
import { toPayload } from '../log-error.js';
import type { UploadContext } from './upload-context.js';

/** Where the new card is, as a link; null where Slack does not give one. */
async function permalinkOf(context: UploadContext, channel: string, ts: string | null): Promise<string | null> {
  if (!ts) return null;
  try {
    const answer = await context.client.chat.getPermalink({ channel, message_ts: ts });
    return answer.permalink ?? null;
  } catch (error) {
    context.logger.warn(`could not get the permalink of ${channel}/${ts}`, error);
    return null;
  }
}

function noteFor(reason: 'superseded' | 'later-month', saved: StoredReturn): string {
  return reason === 'superseded'
    ? `Updated: a resubmission for ${formatShortMonth(saved.reportMonth)} (submitted ${saved.monthlyReturn.dateSubmitted ?? 'on an unprinted date'}) replaced this one.`
    : `Updated: the ${formatShortMonth(saved.reportMonth)} return arrived after this card was posted; the comparison and the continuity check are now against it.`;
}

export async function refreshEarlierCards(
  context: UploadContext,
  result: SaveResult,
  newCard: { channel: string; ts: string | null },
): Promise<void> {
  try {
    const refresh = await cardsToRefresh(context.store, result);
    if (refresh.length === 0) return;
    const superseding = refresh.some((r) => r.reason === 'superseded');
    const link = superseding ? await permalinkOf(context, newCard.channel, newCard.ts) : null;
    for (const { stored, reason } of refresh) {
      for (const posted of await context.store.answeredSlackUploads(stored.id)) {
        // A card is updated only where the return that changed it may be seen: a private draft or resubmission
        // says nothing in a channel that cannot see it, and the card is drawn as that channel sees the store.
        if (!posted.replyTs || !isVisibleTo(audienceOf(result.stored), viewerIn(posted.channelId, posted.teamId)))
          continue;
        const card = await buildFilingCard(seenBy(context.store, viewerIn(posted.channelId, posted.teamId)), stored);
        const message = renderFilingCard(
          { ...card, ...(reason === 'superseded' && link ? { currentCardLink: link } : {}) },
          { updateNote: noteFor(reason, result.stored) },
        );
        try {
          await context.client.chat.update({ channel: posted.channelId, ts: posted.replyTs, ...toPayload(message) });
        } catch (error) {
          context.logger.warn(`could not update the card ${posted.channelId}/${posted.replyTs}`, error);
        }
      }
    }
  } catch (error) {
    context.logger.error(
      `could not update the cards that ${result.stored.stockCode} ${result.stored.reportMonth} changed`,
      error,
    );
  }
}

/** Updates the card just posted when the previous month held changed while it was being posted. */
export async function refreshPostedCard(
  context: UploadContext,
  posted: FilingCard,
  at: { channel: string; ts: string | null },
): Promise<void> {
  if (!at.ts) return;
  try {
    const { stored } = posted;
    const store = seenBy(context.store, viewerIn(at.channel));
    const previous = await store.previous(stored.stockCode, stored.reportMonth);
    if ((previous?.id ?? null) === (posted.previous?.id ?? null) || !previous) return;
    const fresh = await buildFilingCard(store, stored);
    // What the save said of this upload (already held, what it superseded) stays as the card said it.
    const card = { ...fresh, standing: posted.standing, changes: posted.changes, alreadyHeld: posted.alreadyHeld };
    const message = renderFilingCard(card, { updateNote: noteFor('later-month', previous) });
    await context.client.chat.update({ channel: at.channel, ts: at.ts, ...toPayload(message) });
  } catch (error) {
    context.logger.warn(`could not check the card ${at.channel}/${at.ts} against the months held`, error);
  }
}
