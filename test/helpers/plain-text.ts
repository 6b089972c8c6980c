/**
 * A message as plain text, the way it reads in Slack: for the demo and for tests that assert on what a user
 * sees rather than on the block structure.
 */
import type { KnownBlock, RawTextElement, TableBlock } from '../../src/format/block-kit.js';
import type { SlackMessage } from '../../src/format/message.js';

const EMOJI: Record<string, string> = {
  ':white_check_mark:': '✓',
  ':x:': '✗',
  ':warning:': '⚠',
  ':information_source:': 'ℹ',
  ':arrows_counterclockwise:': '↻',
  ':hourglass_flowing_sand:': '⏳',
};

/** Mrkdwn -> what a reader sees: links by their label, no emphasis marks, entities decoded. */
export function mrkdwnToPlain(text: string): string {
  return text
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/:[a-z_]+:/g, (code) => EMOJI[code] ?? code)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function cellText(cell: unknown): string {
  return (cell as Partial<RawTextElement>).text ?? '';
}

function tableToPlain(table: TableBlock): string {
  const rows = table.rows.map((row) => row.map(cellText));
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((text, i) => {
          const width = widths[i] ?? 0;
          return table.column_settings?.[i]?.align === 'right' ? text.padStart(width) : text.padEnd(width);
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function blockToPlain(block: KnownBlock): string | null {
  switch (block.type) {
    case 'header':
      return `${block.text.text}\n${'='.repeat(Math.min(block.text.text.length, 80))}`;
    case 'section': {
      const parts = [block.text?.text, ...(block.fields ?? []).map((f) => f.text)].filter(Boolean) as string[];
      return parts.map(mrkdwnToPlain).join('\n');
    }
    case 'context':
      return block.elements.map((e) => ('text' in e ? mrkdwnToPlain(e.text) : '')).join(' · ');
    case 'divider':
      return '---';
    case 'actions':
      return block.elements.map((e) => ('text' in e && e.text ? `[${e.text.text}]` : '')).join(' ');
    case 'table':
      return tableToPlain(block);
    default:
      return null;
  }
}

export function renderPlainText(message: Pick<SlackMessage, 'text'> & { blocks?: readonly KnownBlock[] }): string {
  const blocks = message.blocks ?? [];
  if (blocks.length === 0) return mrkdwnToPlain(message.text);
  return blocks
    .map(blockToPlain)
    .filter((text): text is string => text !== null)
    .join('\n');
}
