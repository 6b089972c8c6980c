/**
 * The answer to a watchlist sub-command of /shares (`watch`, `unwatch`, `watchlist`, `digest [YYYY-MM|on|off]`), as
 * a model: built by services/watch-commands.ts, drawn by format/watch-answer.ts.
 */
import type { Digest } from './digest.js';
import type { NextDigest, UnwatchChange, WatchChange, WatchedCode } from './watchlist-change.js';

export type WatchAnswer =
  | { readonly kind: 'watch-change'; readonly change: WatchChange; readonly next: NextDigest | null }
  | { readonly kind: 'unwatch-change'; readonly change: UnwatchChange }
  | { readonly kind: 'watchlist'; readonly entries: readonly WatchedCode[]; readonly next: NextDigest | null }
  | { readonly kind: 'nothing-watched' }
  | {
      readonly kind: 'digest-toggle';
      readonly on: boolean;
      readonly changed: boolean;
      readonly next: NextDigest | null;
    }
  /** A digest on request: for the whole channel, in one message. */
  | { readonly kind: 'digest'; readonly digest: Digest }
  /** A digest asked for before its month is due, with no watched company filed yet: the asker alone is told. */
  | { readonly kind: 'digest-not-due'; readonly due: NextDigest }
  /** `/shares watch` where the bot cannot post: nothing is saved, and the asker is told how to invite it. */
  | { readonly kind: 'cannot-post'; readonly conversation: 'channel' | 'other' };
