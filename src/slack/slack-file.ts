/**
 * A file shared in Slack, and its download. The bot token goes only to the allow-listed file hosts (the URL in an
 * event is data from outside), the size Slack reports is checked before a byte is fetched, and the bytes must be a
 * PDF: without the token or the files:read scope, Slack answers 200 with an HTML sign-in page, not the file.
 */

import { AppError } from '../domain/errors.js';
import type { App } from './bolt.js';

export interface SlackFile {
  readonly id: string;
  readonly name: string;
  readonly mimetype: string | null;
  readonly filetype: string | null;
  /** As Slack reports it; null until files.info has been asked. */
  readonly size: number | null;
  readonly urlPrivateDownload: string | null;
  readonly permalink: string | null;
  /** "check_file_info": Slack left the file object out of the event (Slack Connect, large workspaces). */
  readonly fileAccess: string | null;
}

export interface DownloadOptions {
  readonly botToken: string;
  /** Origins the token may be sent to, e.g. "https://files.slack.com". */
  readonly allowedOrigins: readonly string[];
  readonly maxBytes: number;
  readonly fetch?: typeof fetch;
}

type Client = App['client'];

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function toSlackFile(raw: Record<string, unknown>): SlackFile {
  const id = text(raw.id) ?? '';
  return {
    id,
    name: text(raw.name) ?? text(raw.title) ?? id,
    mimetype: text(raw.mimetype),
    filetype: text(raw.filetype),
    size: typeof raw.size === 'number' ? raw.size : null,
    urlPrivateDownload: text(raw.url_private_download),
    permalink: text(raw.permalink),
    fileAccess: text(raw.file_access),
  };
}

export function isPdfFile(file: SlackFile): boolean {
  return file.filetype === 'pdf' || file.mimetype === 'application/pdf' || /\.pdf$/i.test(file.name);
}

/** The event's file object where it is whole, else what files.info says. */
export async function completeSlackFile(client: Client, file: SlackFile): Promise<SlackFile> {
  if (file.fileAccess !== 'check_file_info' && file.urlPrivateDownload && file.size !== null) return file;
  const info = await client.files.info({ file: file.id });
  if (!info.file) throw new AppError('slack-failure', `Slack did not describe file ${file.id}`, { fileId: file.id });
  return toSlackFile(info.file as Record<string, unknown>);
}

function checkSize(file: SlackFile, bytes: number, maxBytes: number): void {
  if (bytes > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new AppError('filing-too-large', `${file.name} is ${mb(bytes)}; the limit is ${mb(maxBytes)}`, {
      fileName: file.name,
      bytes,
      maxBytes,
    });
  }
}

function checkOrigin(url: URL, options: DownloadOptions, file: SlackFile): void {
  if (!options.allowedOrigins.includes(url.origin)) {
    throw new AppError(
      'slack-failure',
      `the download address of ${file.name} is not on Slack's file host (${url.host})`,
      {
        fileName: file.name,
        host: url.host,
      },
    );
  }
}

const MAX_REDIRECTS = 3;

async function fetchAllowed(file: SlackFile, options: DownloadOptions): Promise<Response> {
  const doFetch = options.fetch ?? fetch;
  let url = new URL(file.urlPrivateDownload ?? '');
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    checkOrigin(url, options, file);
    const response = await doFetch(url, {
      headers: { authorization: `Bearer ${options.botToken}` },
      redirect: 'manual',
    });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel();
    url = new URL(location, url);
  }
  throw new AppError('slack-failure', `downloading ${file.name} was redirected too many times`, {
    fileName: file.name,
  });
}

async function readCapped(response: Response, file: SlackFile, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    checkSize(file, total, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function startsLikePdf(bytes: Uint8Array): boolean {
  // The PDF spec lets the header start anywhere in the first 1024 bytes.
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

export async function downloadSlackFile(file: SlackFile, options: DownloadOptions): Promise<Uint8Array> {
  if (!file.urlPrivateDownload) {
    throw new AppError('slack-failure', `Slack gave no download address for ${file.name}`, { fileName: file.name });
  }
  if (file.size !== null) checkSize(file, file.size, options.maxBytes);
  const response = await fetchAllowed(file, options);
  if (!response.ok) {
    await response.body?.cancel();
    throw new AppError('slack-failure', `Slack answered ${response.status} when I downloaded ${file.name}`, {
      fileName: file.name,
      status: response.status,
    });
  }
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(length)) checkSize(file, length, options.maxBytes);
  const bytes = await readCapped(response, file, options.maxBytes);
  if (startsLikePdf(bytes)) return bytes;
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) {
    throw new AppError(
      'slack-failure',
      `Slack sent a sign-in page instead of ${file.name}: the app needs the files:read scope (reinstall it after adding the scope)`,
      { fileName: file.name },
    );
  }
  throw new AppError('unreadable-filing', `${file.name} is not a PDF`, { fileName: file.name });
}
