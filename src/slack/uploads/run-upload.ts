/**
 * One upload from the stage its record has reached to its answer: fetch the file (again, after a restart), read
 * and store it, then answer. A record past "read" whose return is in the store is answered from the store, without
 * downloading anything.
 */
import { describeAudience, isVisibleTo, viewerIn } from '../../domain/audience.js';
import { type AppErrorCode, FILE_READING_FAILURES, isAppError } from '../../domain/errors.js';
import type { SlackUpload } from '../../domain/slack-upload.js';
import { audienceOf, type StoredReturn } from '../../domain/stored-return.js';
import { renderFilingCard } from '../../format/filing-card.js';
import { buildFilingCard, buildFilingCardForSave } from '../../services/filing-card.js';
import { sha256Of } from '../../services/ingest-filing.js';
import { isErrorOfMonthlyReturn } from '../../services/read-filing.js';
import type { FilingStore, SaveResult } from '../../store/filing-store.js';
import { seenBy } from '../../store/seen-by.js';
import type { FilingCard } from '../../view-models/filing-card.js';
import { describeAndLog } from '../log-error.js';
import { downloadSlackFile, type SlackFile } from '../slack-file.js';
import { deliverAnswer, type UploadAnswer, wasAnswered } from './answer-upload.js';
import { refreshEarlierCards, refreshPostedCard } from './refresh-cards.js';
import { describeSharedFile } from './shared-file.js';
import { recordStep, type UploadContext } from './upload-context.js';

/**
 * Errors that say nothing shows the file is a monthly return (or that Slack would not hand it over): they are for
 * the uploader, not the channel.
 */
const NOT_KNOWN_AS_RETURN: ReadonlySet<AppErrorCode> = new Set([
  ...FILE_READING_FAILURES,
  'not-a-monthly-return',
  'slack-failure',
]);

export interface RunOptions {
  /** The file as files.info described it just now, if it did. */
  readonly file?: SlackFile;
  readonly signal: AbortSignal;
}

const READING_REACTION = 'hourglass_flowing_sand';

/** Runs an upload to its answer; throws only when `signal` stopped it (the record stays for the next start). */
export async function runUpload(context: UploadContext, upload: SlackUpload, options: RunOptions): Promise<void> {
  if (await wasAnswered(context, upload)) {
    context.logger.info(`upload ${upload.key} had been answered before the restart`);
    await recordStep(context, upload, { stage: 'answered', replyTs: null });
    await react(context, upload, 'remove');
    return;
  }
  await react(context, upload, 'add');
  let answer: UploadAnswer;
  let current = upload;
  let saved: SaveResult | null = null;
  let card: FilingCard | null = null;
  try {
    const outcome = await readAndStore(context, upload, options, (next) => {
      current = next;
    });
    saved = outcome.result;
    card = outcome.card;
    answer = { to: 'thread', message: renderFilingCard(outcome.card) };
  } catch (error) {
    if (options.signal.aborted) throw error;
    answer = answerForError(context, upload, error);
  }
  options.signal.throwIfAborted();
  const answered = await deliverAnswer(context, current, answer);
  const at = { channel: upload.channelId, ts: answered.replyTs };
  if (saved) await refreshEarlierCards(context, saved, at);
  if (card) await refreshPostedCard(context, card, at);
  await react(context, upload, 'remove');
}

async function readAndStore(
  context: UploadContext,
  upload: SlackUpload,
  options: RunOptions,
  advanced: (upload: SlackUpload) => void,
) {
  // The conversation the file was shared in sees what the workspace sees and what was read in it, nothing more.
  const store = seenBy(context.store, viewerIn(upload.channelId, upload.teamId));
  const held = await storedOf(store, upload);
  if (held) {
    if (upload.stage === 'read') advanced(await recordStep(context, upload, { stage: 'stored' }));
    const card = await buildFilingCard(store, held, { alreadyHeld: upload.heldBefore === true });
    return { card, result: null };
  }
  const file = options.file ?? (await describeSharedFile(context.client, upload.fileId, upload.channelId)).file;
  const bytes = await downloadSlackFile(file, {
    ...context.download,
    botToken: context.botToken,
    signal: options.signal,
  });
  const sha256 = sha256Of(bytes);
  const heldBefore = (await store.findBySha256(sha256)) !== null;
  const read = await recordStep(context, upload, { stage: 'read', sha256, heldBefore });
  advanced(read);
  const audience = await context.conversations.audienceOf(upload.channelId);
  const source = {
    kind: 'slack',
    fileId: file.id,
    fileName: file.name,
    channelId: upload.channelId,
    userId: upload.userId,
    permalink: file.permalink,
  } as const;
  const result = await context.ingest({ bytes, fileName: file.name, source, audience });
  options.signal.throwIfAborted();
  advanced(await recordStep(context, read, { stage: 'stored' }));
  logStored(context, upload, result);
  // The same return held until now only in other private conversations (this save let this one see it too):
  // answered as read here, from this file, saying nothing of there (not that it was held, nor the other file's
  // link), and no card elsewhere is touched.
  const hidden = result.status === 'already-held' ? result.widenedFrom : undefined;
  if (hidden && !isVisibleTo(hidden, viewerIn(upload.channelId, upload.teamId))) {
    const stored = result.stored;
    return {
      card: await buildFilingCard(store, { ...stored, provenance: { ...stored.provenance, source } }),
      result: null,
    };
  }
  return { card: await buildFilingCardForSave(store, result), result };
}

/** The return an earlier attempt stored (or found held), by the sha256 it recorded. */
async function storedOf(store: FilingStore, upload: SlackUpload): Promise<StoredReturn | null> {
  if (upload.stage === 'claimed' || upload.sha256 === null) return null;
  return store.findBySha256(upload.sha256);
}

function logStored(context: UploadContext, upload: SlackUpload, result: SaveResult): void {
  const { stored } = result;
  context.logger.info(
    `return ${result.status}: ${stored.stockCode} ${stored.reportMonth} submitted ${stored.monthlyReturn.dateSubmitted ?? '?'}, ` +
      `from Slack file ${upload.fileId} "${upload.fileName}" (sha256 ${stored.provenance.sha256.slice(0, 12)}), ` +
      `shared by ${upload.userId ?? 'unknown'} in ${upload.channelId}, visible to ${describeAudience(audienceOf(stored))}`,
  );
}

function answerForError(context: UploadContext, upload: SlackUpload, error: unknown): UploadAnswer {
  const message = describeAndLog(error, context.logger, `reading ${upload.fileName} (${upload.key})`);
  const quiet = isAppError(error) && NOT_KNOWN_AS_RETURN.has(error.code) && !isErrorOfMonthlyReturn(error);
  return { to: quiet ? 'uploader' : 'thread', message };
}

/** The reaction on the sharing message while the file is read; Slack's "already so" answers are not failures. */
async function react(context: UploadContext, upload: SlackUpload, how: 'add' | 'remove'): Promise<void> {
  const args = { channel: upload.channelId, timestamp: upload.shareTs, name: READING_REACTION };
  try {
    if (how === 'add') await context.client.reactions.add(args);
    else await context.client.reactions.remove(args);
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code !== 'already_reacted' && code !== 'no_reaction') {
      context.logger.warn(`could not ${how} the reading reaction on ${upload.key}: ${code ?? String(error)}`);
    }
  }
}
