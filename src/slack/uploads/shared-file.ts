/**
 * What `files.info` says about one share of a file: the file itself, and the message that shared it in a
 * conversation (the `file_shared` event carries ids only). A file's `shares` lists, per conversation, each message
 * that shared it, with its `ts`, the `thread_ts` it was posted in (if any) and its thread's `reply_count` and
 * `reply_users` (the shape of @slack/web-api's FilesInfoResponse).
 */
import { AppError } from '../../domain/errors.js';
import type { App } from '../bolt.js';
import { type SlackFile, toSlackFile } from '../slack-file.js';

type Client = App['client'];

export interface FileShare {
  readonly ts: string;
  readonly threadTs: string;
  readonly replyCount: number;
  readonly replyUsers: readonly string[];
}

export interface SharedFile {
  readonly file: SlackFile;
  /** The shares of the file in the conversation asked about, oldest first. */
  readonly shares: readonly FileShare[];
}

function toShare(raw: Record<string, unknown>): FileShare | null {
  if (typeof raw.ts !== 'string') return null;
  return {
    ts: raw.ts,
    threadTs: typeof raw.thread_ts === 'string' ? raw.thread_ts : raw.ts,
    replyCount: typeof raw.reply_count === 'number' ? raw.reply_count : 0,
    replyUsers: Array.isArray(raw.reply_users) ? raw.reply_users.filter((u) => typeof u === 'string') : [],
  };
}

export async function describeSharedFile(client: Client, fileId: string, channelId: string): Promise<SharedFile> {
  const info = await client.files.info({ file: fileId });
  if (!info.file) throw new AppError('slack-failure', `Slack did not describe file ${fileId}`, { fileId });
  const shares = (info.file.shares ?? {}) as Record<string, Record<string, Record<string, unknown>[]> | undefined>;
  const inChannel = [...(shares.public?.[channelId] ?? []), ...(shares.private?.[channelId] ?? [])]
    .map(toShare)
    .filter((s): s is FileShare => s !== null)
    .sort((a, b) => Number(a.ts) - Number(b.ts));
  return { file: toSlackFile(info.file as Record<string, unknown>), shares: inChannel };
}
