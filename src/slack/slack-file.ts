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
  /** The whole download's time limit. */
  readonly timeoutMs: number;
  /** How long the file host may send nothing before the download is given up. */
  readonly stallMs: number;
  /** Stops the download from outside (a shutdown). */
  readonly signal?: AbortSignal;
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

async function fetchAllowed(file: SlackFile, options: DownloadOptions, signal: AbortSignal): Promise<Response> {
  const doFetch = options.fetch ?? fetch;
  let url = new URL(file.urlPrivateDownload ?? '');
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    checkOrigin(url, options, file);
    const response = await doFetch(url, {
      headers: { authorization: `Bearer ${options.botToken}` },
      redirect: 'manual',
      signal,
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

async function readCapped(
  response: Response,
  file: SlackFile,
  maxBytes: number,
  limits: DownloadLimits,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  // A body whose fetch ignores the signal still stops: cancelling the reader ends a read in progress.
  const cancel = () => void reader.cancel().catch(() => undefined);
  limits.signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      limits.signal.throwIfAborted();
      if (done) break;
      limits.progressed();
      total += value.byteLength;
      checkSize(file, total, maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    cancel();
    throw error;
  } finally {
    limits.signal.removeEventListener('abort', cancel);
  }
  return Buffer.concat(chunks);
}

function startsLikePdf(bytes: Uint8Array): boolean {
  // The PDF spec lets the header start anywhere in the first 1024 bytes.
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/**
 * The download is bounded in time twice: as a whole (`timeoutMs`) and between two chunks (`stallMs`), so that a file
 * host that trickles a byte now and then cannot hold an upload, or a shutdown, for long.
 */
export async function downloadSlackFile(file: SlackFile, options: DownloadOptions): Promise<Uint8Array> {
  if (!file.urlPrivateDownload) {
    throw new AppError('slack-failure', `Slack gave no download address for ${file.name}`, { fileName: file.name });
  }
  if (file.size !== null) checkSize(file, file.size, options.maxBytes);
  const limits = new DownloadLimits(file, options);
  try {
    const response = await fetchAllowed(file, options, limits.signal);
    limits.progressed();
    if (!response.ok) {
      await response.body?.cancel();
      throw new AppError('slack-failure', `Slack answered ${response.status} when I downloaded ${file.name}`, {
        fileName: file.name,
        status: response.status,
      });
    }
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(length)) checkSize(file, length, options.maxBytes);
    const bytes = await readCapped(response, file, options.maxBytes, limits);
    if (startsLikePdf(bytes)) return bytes;
    throw notAPdf(file, bytes);
  } catch (error) {
    throw limits.reasonFor(error);
  } finally {
    limits.end();
  }
}

/** The two time limits and the caller's signal, as one AbortSignal for fetch and the body. */
class DownloadLimits {
  readonly #controller = new AbortController();
  readonly #whole: NodeJS.Timeout;
  #stall: NodeJS.Timeout | undefined;
  #reason: AppError | null = null;
  readonly #onAbort = () => this.#abort(null);
  readonly #stallMessage: string;

  constructor(
    readonly file: SlackFile,
    readonly options: DownloadOptions,
  ) {
    const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
    this.#whole = setTimeout(
      () => this.#abort(`downloading ${file.name} took longer than ${seconds(options.timeoutMs)}`),
      options.timeoutMs,
    );
    this.#stallMessage = `Slack's file host sent nothing for ${seconds(options.stallMs)} while I downloaded ${file.name}`;
    this.progressed();
    options.signal?.addEventListener('abort', this.#onAbort, { once: true });
    if (options.signal?.aborted) this.#abort(null);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Bytes arrived: the stall limit starts again. */
  progressed(): void {
    clearTimeout(this.#stall);
    this.#stall = setTimeout(() => this.#abort(this.#stallMessage), this.options.stallMs);
  }

  #abort(message: string | null): void {
    if (message) this.#reason = new AppError('slack-failure', message, { fileName: this.file.name });
    this.#controller.abort();
  }

  /** A limit that ran out is named; a stop from outside is passed on as the caller's reason. */
  reasonFor(error: unknown): unknown {
    if (this.#reason) return this.#reason;
    if (this.options.signal?.aborted) return this.options.signal.reason ?? error;
    return error;
  }

  end(): void {
    clearTimeout(this.#whole);
    clearTimeout(this.#stall);
    this.options.signal?.removeEventListener('abort', this.#onAbort);
  }
}

/**
 * Bytes that are not a PDF. Without the token or the files:read scope Slack sends its sign-in page; a web page
 * someone saved under a .pdf name is the file itself: Slack reported its size, and the bytes are that long.
 */
function notAPdf(file: SlackFile, bytes: Uint8Array): AppError {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  const isHtml = head.startsWith('<!doctype html') || head.startsWith('<html');
  if (isHtml && file.size !== null && bytes.byteLength === file.size) {
    return new AppError('unreadable-filing', `${file.name} is a web page (HTML) saved under a .pdf name, not a PDF`, {
      fileName: file.name,
    });
  }
  if (isHtml) {
    return new AppError(
      'slack-failure',
      `Slack sent a sign-in page instead of ${file.name}: the app needs the files:read scope (reinstall it after adding the scope)`,
      { fileName: file.name },
    );
  }
  return new AppError('unreadable-filing', `${file.name} is not a PDF`, { fileName: file.name });
}
