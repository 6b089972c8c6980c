/**
 * A PDF shared in Slack, from the moment it is claimed until its uploader has an answer. Each step is recorded in
 * the store before the next begins, so that a process stopped at any point (a crash, a deploy) can be followed by
 * one that finishes the work: claimed -> read (the bytes are in hand, their sha256 known) -> stored (the return is
 * in the store, or was already held) -> answering (the answer is about to be posted) -> answered.
 */
import { z } from 'zod';

export const SLACK_UPLOAD_STAGES = ['claimed', 'read', 'stored', 'answering', 'answered'] as const;
export type SlackUploadStage = (typeof SLACK_UPLOAD_STAGES)[number];

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex sha256');

/** Where the file was shared, and by whom: enough to fetch it again and to answer in its thread. */
export const SlackShareSchema = z.object({
  fileId: z.string().min(1),
  fileName: z.string(),
  channelId: z.string().min(1),
  /** The message that shared the file: reactions go on it. */
  shareTs: z.string().min(1),
  /** Where the answer goes: the share's own thread, or the thread it was shared in. */
  threadTs: z.string().min(1),
  userId: z.string().nullable(),
  /** The workspace it was shared in, where the app is installed in many (absent for a single bot token). */
  teamId: z.string().min(1).optional(),
});
export type SlackShare = z.infer<typeof SlackShareSchema>;

export const SlackUploadSchema = SlackShareSchema.extend({
  /** One share of one file: the file, the conversation and the sharing message. */
  key: z.string().min(1),
  stage: z.enum(SLACK_UPLOAD_STAGES),
  claimedAt: z.string(),
  updatedAt: z.string(),
  /** Until then the upload is another worker's; after it, a redelivery of the event may take it over. */
  leaseUntil: z.string(),
  /** How many times work on it has started (1 for an upload that ran once). */
  attempts: z.number().int().positive(),
  /** From "read" on: the sha256 of the bytes. */
  sha256: Sha256Schema.nullable(),
  /** From "read" on: whether the store held that sha256 before this upload. */
  heldBefore: z.boolean().nullable(),
  /** At "answering": how many replies the share's thread had, so that a restart can tell whether the answer went. */
  repliesBefore: z.number().int().nonnegative().nullable(),
  /** At "answered": the answer's ts, where it is a message in the thread (null for a note to the uploader alone). */
  replyTs: z.string().nullable(),
});
export type SlackUpload = z.infer<typeof SlackUploadSchema>;

/** What a step adds to the record. */
export type SlackUploadStep =
  | { readonly stage: 'read'; readonly sha256: string; readonly heldBefore: boolean }
  | { readonly stage: 'stored' }
  | { readonly stage: 'answering'; readonly repliesBefore: number | null }
  | { readonly stage: 'answered'; readonly replyTs: string | null };

export type SlackUploadClaim =
  /** New: this worker does it. */
  | { readonly outcome: 'claimed'; readonly upload: SlackUpload }
  /** Unfinished, and its lease had run out: this worker finishes it, from the stage recorded. */
  | { readonly outcome: 'taken-over'; readonly upload: SlackUpload }
  /** Unfinished, and another worker's lease still runs. */
  | { readonly outcome: 'in-hand'; readonly upload: SlackUpload }
  /** Answered already: nothing to do. */
  | { readonly outcome: 'answered'; readonly upload: SlackUpload | null };

export function slackUploadKey(share: Pick<SlackShare, 'fileId' | 'channelId' | 'shareTs' | 'teamId'>): string {
  const channel = share.teamId ? `${share.teamId}/${share.channelId}` : share.channelId;
  return `${share.fileId}:${channel}:${share.shareTs}`;
}

/** The record of a share claimed for the first time at `at`. */
export function startSlackUpload(share: SlackShare, at: Date, leaseMs: number): SlackUpload {
  const stamp = at.toISOString();
  return {
    ...share,
    key: slackUploadKey(share),
    stage: 'claimed',
    claimedAt: stamp,
    updatedAt: stamp,
    leaseUntil: new Date(at.getTime() + leaseMs).toISOString(),
    attempts: 1,
    sha256: null,
    heldBefore: null,
    repliesBefore: null,
    replyTs: null,
  };
}

/** The record of an unfinished upload taken over at `at`, from the stage it had reached. */
export function takeOverSlackUpload(upload: SlackUpload, at: Date, leaseMs: number): SlackUpload {
  const leaseUntil = new Date(at.getTime() + leaseMs).toISOString();
  return { ...upload, updatedAt: at.toISOString(), leaseUntil, attempts: upload.attempts + 1 };
}
