/**
 * The one place that turns an error into what a user reads. An AppError says what went wrong in the user's terms;
 * anything else gets a short apology (the details go to the log, never to Slack).
 */
import { type AppError, isAppError } from '../domain/errors.js';
import { storageFailureOf } from '../domain/storage-failure.js';
import { escapeMrkdwn, section } from './blocks.js';
import { describeStorageFailure } from './describe-storage-failure.js';
import type { SlackMessage } from './message.js';

export const APOLOGY = 'Sorry, something went wrong on my side. It has been logged; please try again in a moment.';

function fileOf(error: AppError): string {
  const name = error.facts.fileName;
  return typeof name === 'string' && name.length > 0 ? `*${escapeMrkdwn(name)}*` : 'That file';
}

/** What the parser thinks a document is instead ("a Next Day Disclosure Return"), if it said. */
export function looksLikeOf(error: AppError): string | null {
  const value = error.facts.looksLike ?? error.facts.lookslike;
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The parser names another form ("Next Day Disclosure Return") or quotes the document's title. */
function describeLookalike(looksLike: string): string {
  const text = escapeMrkdwn(looksLike);
  if (looksLike.startsWith('"')) return `its title reads ${text}`;
  return /^(a|an|the) /i.test(looksLike) ? `it looks like ${text}` : `it looks like a ${text}`;
}

/** A damaged month names itself; the rest of the store still answers. */
function describeDamage(error: AppError): string {
  const { stockCode, month } = error.facts;
  if (typeof stockCode === 'string' && typeof month === 'string') {
    return `:warning: The ${month} return of ${stockCode} is damaged in the store, so I cannot show it; its other months still answer (\`/shares ${stockCode} history\`). Share the filing again to restore it.`;
  }
  return ':warning: The store of returns could not be read, so I cannot answer. An administrator needs to look at the log.';
}

function describeAppError(error: AppError): string {
  const file = fileOf(error);
  switch (error.code) {
    case 'bad-input':
    case 'not-found':
      return escapeMrkdwn(error.message);
    case 'not-a-monthly-return': {
      const looksLike = looksLikeOf(error);
      return `${file} is not an HKEX monthly return${looksLike ? `: ${describeLookalike(looksLike)}` : ''}. Nothing was stored.`;
    }
    case 'unreadable-filing':
      return `:warning: I could not read ${file}: ${escapeMrkdwn(error.message)}. Nothing was stored. If it opens on your computer, download it again from HKEXnews and upload that copy.`;
    case 'encrypted-filing':
      return `:warning: ${file} is password-protected, so I cannot read it. Nothing was stored.`;
    case 'no-text-layer':
      return `:warning: ${file} is a scan with no text in it, so I cannot read its figures. Nothing was stored. The PDFs HKEXnews publishes have text; upload one of those.`;
    case 'filing-too-large':
      return `:warning: ${escapeMrkdwn(error.message)}. Nothing was stored.`;
    case 'timeout':
      return `:warning: Reading ${file} took too long, so I gave up. Nothing was stored.`;
    case 'filing-too-complex':
      return `:warning: ${file} needs more memory to read than I allow one file, so I gave up. Nothing was stored. A monthly return from HKEXnews never does: the file may be damaged or built to harm.`;
    case 'store-corrupt':
      return describeDamage(error);
    case 'store-failure': {
      // The file system's error is its cause: describeError reads the reason from it before reaching here.
      const failure = storageFailureOf(error);
      return failure ? describeStorageFailure(failure) : ':warning: Could not save — nothing was stored.';
    }
    case 'slack-failure':
      return `:warning: Slack did not let me finish: ${escapeMrkdwn(error.message)}.`;
    case 'hkexnews-failure':
      return `:warning: HKEXnews did not give me what I asked for: ${escapeMrkdwn(error.message)}. Nothing was stored; please try again later.`;
    case 'config-invalid':
      return `:warning: The app is not set up correctly: ${escapeMrkdwn(error.message)}.`;
  }
}

/** Errors a user caused or should know about; anything else is logged as a fault of the app. */
export function isExpectedError(error: unknown): boolean {
  return (
    isAppError(error) &&
    error.code !== 'store-corrupt' &&
    error.code !== 'store-failure' &&
    error.code !== 'config-invalid'
  );
}

export function describeError(error: unknown): SlackMessage {
  const storage = storageFailureOf(error);
  const text = storage ? describeStorageFailure(storage) : isAppError(error) ? describeAppError(error) : APOLOGY;
  return { text: text.replace(/\*/g, ''), blocks: [section(text)] };
}
