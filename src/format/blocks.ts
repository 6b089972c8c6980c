/**
 * Small Block Kit builders that keep every piece within Slack's limits, so that no renderer can produce a message
 * Slack refuses: a header over 150 characters, a text over 3,000, more than 50 blocks.
 */
import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from './block-kit.js';

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  /** Slack truncates a message's top-level text at 40,000 characters; a fallback should be far shorter anyway. */
  fallbackText: 3000,
  /** A response URL takes five posts in its 30 minutes (Slack's slash command reference). */
  responseUrlPosts: 5,
} as const;

/** Cuts a text to `max` characters, ending in "…" when it was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Mrkdwn treats &, < and > as markup: anything a filer typed must be escaped before it is shown. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The first `max` items, and how many were left out. */
export function takeWithRest<T>(items: readonly T[], max: number): { shown: T[]; rest: number } {
  return { shown: items.slice(0, max), rest: Math.max(0, items.length - max) };
}

/** "+3 more" where something was left out, else null. */
export function moreNote(rest: number, noun = 'more'): string | null {
  return rest > 0 ? `+${rest} ${noun}` : null;
}

/**
 * Lines joined under a title, as many as fit in one section (and at most `maxLines`), the rest counted in a closing
 * "+N more" line, so that the count of what was left out is never itself cut off.
 */
export function fitLines(title: string, lines: readonly string[], maxLines: number, noun = 'more'): string {
  const room = SLACK_LIMITS.sectionText - 40;
  const kept: string[] = [];
  let length = title.length;
  for (const line of lines.slice(0, maxLines)) {
    const fitted = truncate(line, 600);
    if (length + fitted.length + 1 > room) break;
    kept.push(fitted);
    length += fitted.length + 1;
  }
  const more = moreNote(lines.length - kept.length, noun);
  return [title, ...kept, ...(more ? [more] : [])].join('\n');
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.headerText), emoji: false } };
}

export function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, SLACK_LIMITS.sectionText) } };
}

export function context(...texts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts
      .slice(0, SLACK_LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) })),
  };
}

export function button(text: string, actionId: string, value: string, style?: 'primary'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.buttonText) },
    action_id: actionId,
    value: truncate(value, SLACK_LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

export function actions(blockId: string, buttons: Button[]): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: buttons.slice(0, 25) };
}

/**
 * Keeps a message within 50 blocks: drops the blocks beyond the limit from the middle (the header and the closing
 * context/actions stay) and says how many were left out.
 */
export function fitBlocks(blocks: KnownBlock[], keepTail = 0): KnownBlock[] {
  if (blocks.length <= SLACK_LIMITS.blocksPerMessage) return blocks;
  const tail = keepTail > 0 ? blocks.slice(-keepTail) : [];
  const room = SLACK_LIMITS.blocksPerMessage - tail.length - 1;
  const body = blocks.slice(0, blocks.length - tail.length);
  const dropped = body.length - room;
  return [...body.slice(0, room), context(`+${dropped} more sections not shown`), ...tail];
}

function sizeOf(blocks: readonly KnownBlock[]): number {
  return JSON.stringify(blocks).length;
}

/**
 * Blocks in order over as many messages as they need, each opening with the title, within 50 blocks and `maxChars`
 * of JSON (the size of a page is counted as it grows: an array's JSON is its items', comma-separated, in brackets).
 */
export function paginateBlocks(title: string, body: readonly KnownBlock[], maxChars: number): KnownBlock[][] {
  const pages: { blocks: KnownBlock[]; chars: number }[] = [];
  const open = (first: KnownBlock) => {
    const opening = header(pages.length === 0 ? title : `${title} (continued)`);
    pages.push({ blocks: [opening, first], chars: sizeOf([opening, first]) });
  };
  for (const block of body) {
    const page = pages.at(-1);
    const size = sizeOf([block]) - 2;
    if (page && page.blocks.length < SLACK_LIMITS.blocksPerMessage && page.chars + 1 + size <= maxChars) {
      page.blocks.push(block);
      page.chars += 1 + size;
    } else {
      open(block);
    }
  }
  return pages.map((page) => page.blocks);
}
