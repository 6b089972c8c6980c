import type { KnownBlock } from './block-kit.js';

/** A message as every renderer returns it: blocks, and the plain-text fallback that notifications and phones show. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}
