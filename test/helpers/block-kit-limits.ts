/**
 * What Slack refuses (or cuts) in a message, checked on every payload the app sends to the fake Slack and in the
 * renderer tests. Sources: Slack's Block Kit reference (50 blocks a message, 100 in a modal; section text 3,000,
 * 10 fields of 2,000; header 150; 10 context elements; 25 actions elements; button text 75, value 2,000; block_id
 * and action_id 255; a table of at most 100 rows of 20 cells), ../shared/SLACK.md (messages refused near 13,000
 * characters in all), and mrkdwn's escaping rule: a bare &, < or > must be sent as &amp;, &lt;, &gt; — `<` opens
 * only a link, a mention or a channel, `&` only one of those three entities.
 */

type Json = Record<string, unknown>;

export interface LimitOptions {
  /** 'modal': views allow 100 blocks. */
  readonly surface?: 'message' | 'modal';
}

const LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  tableRows: 100,
  tableCells: 20,
  messageBlocksChars: 13_000,
  text: 40_000,
} as const;

/** `<` only opens <http…|…>, <mailto:…>, <@U…>, <#C…>, <!here> and the like; `&` only &amp; &lt; &gt;. */
function mrkdwnEscapingProblems(text: string): string[] {
  const problems: string[] = [];
  const withoutMarkup = text.replace(/<(?:https?:\/\/|mailto:|[@#!])[^<>\s|]*(?:\|[^<>]*)?>/g, '');
  if (/[<>]/.test(withoutMarkup)) problems.push(`an unescaped < or > in mrkdwn: ${JSON.stringify(text.slice(0, 80))}`);
  if (/&(?!amp;|lt;|gt;)/.test(withoutMarkup)) {
    problems.push(`an unescaped & in mrkdwn: ${JSON.stringify(text.slice(0, 80))}`);
  }
  return problems;
}

function textObject(where: string, object: unknown, max: number): string[] {
  const text = (object as Json | undefined)?.text;
  if (typeof text !== 'string') return [];
  const problems = text.length > max ? [`${where}: ${text.length} characters, over ${max}`] : [];
  if ((object as Json).type === 'mrkdwn') problems.push(...mrkdwnEscapingProblems(text).map((p) => `${where}: ${p}`));
  return problems;
}

function idProblems(where: string, value: unknown, name: string): string[] {
  return typeof value === 'string' && value.length > LIMITS.id ? [`${where}: ${name} over ${LIMITS.id}`] : [];
}

function blockProblems(block: Json, index: number): string[] {
  const where = `block ${index} (${String(block.type)})`;
  const problems = idProblems(where, block.block_id, 'block_id');
  switch (block.type) {
    case 'header':
      problems.push(...textObject(where, block.text, LIMITS.headerText));
      break;
    case 'section': {
      problems.push(...textObject(where, block.text, LIMITS.sectionText));
      const fields = Array.isArray(block.fields) ? block.fields : [];
      if (fields.length > LIMITS.fields) problems.push(`${where}: ${fields.length} fields, over ${LIMITS.fields}`);
      fields.forEach((field, i) => {
        problems.push(...textObject(`${where} field ${i}`, field, LIMITS.fieldText));
      });
      break;
    }
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length > LIMITS.contextElements) problems.push(`${where}: ${elements.length} elements`);
      elements.forEach((element, i) => {
        problems.push(...textObject(`${where} element ${i}`, element, LIMITS.sectionText));
      });
      break;
    }
    case 'actions': {
      const elements = (Array.isArray(block.elements) ? block.elements : []) as Json[];
      if (elements.length > LIMITS.actionsElements) problems.push(`${where}: ${elements.length} elements`);
      for (const element of elements) {
        problems.push(...textObject(`${where} button`, element.text, LIMITS.buttonText));
        problems.push(...idProblems(where, element.action_id, 'action_id'));
        if (typeof element.value === 'string' && element.value.length > LIMITS.buttonValue) {
          problems.push(`${where}: button value over ${LIMITS.buttonValue}`);
        }
      }
      break;
    }
    case 'table': {
      const rows = (Array.isArray(block.rows) ? block.rows : []) as unknown[][];
      if (rows.length > LIMITS.tableRows) problems.push(`${where}: ${rows.length} rows, over ${LIMITS.tableRows}`);
      if (rows.some((row) => row.length > LIMITS.tableCells))
        problems.push(`${where}: a row over ${LIMITS.tableCells}`);
      break;
    }
  }
  return problems;
}

/** The characters a reader is sent: every text string in the blocks, markup included, JSON syntax not. */
function textCharacters(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + textCharacters(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.entries(value as Json).reduce(
    (sum, [key, item]) => sum + (key === 'text' && typeof item === 'string' ? item.length : textCharacters(item)),
    0,
  );
}

/** Every limit a payload ({ text, blocks } or a view) breaks, as sentences; empty when Slack would take it. */
export function checkBlockKit(payload: Json, options: LimitOptions = {}): string[] {
  const blocks = (Array.isArray(payload.blocks) ? payload.blocks : []) as Json[];
  const problems: string[] = [];
  const maxBlocks = options.surface === 'modal' ? LIMITS.modalBlocks : LIMITS.messageBlocks;
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks, over ${maxBlocks}`);
  if (typeof payload.text === 'string') {
    if (payload.text.length > LIMITS.text) problems.push(`text: ${payload.text.length} characters`);
    problems.push(...mrkdwnEscapingProblems(payload.text).map((p) => `text: ${p}`));
  } else if (options.surface !== 'modal' && blocks.length > 0) {
    problems.push('blocks with no text fallback');
  }
  const characters = textCharacters(blocks);
  if (options.surface !== 'modal' && characters > LIMITS.messageBlocksChars) {
    problems.push(`blocks of ${characters} characters of text, over ${LIMITS.messageBlocksChars}`);
  }
  const tables = blocks.flatMap((block, i) => (block.type === 'table' ? [i] : []));
  if (tables.length > 1) problems.push(`${tables.length} tables in one message`);
  if (tables.length > 0 && (tables.at(-1) ?? 0) < blocks.length - 1) problems.push('blocks after the table');
  blocks.forEach((block, i) => {
    problems.push(...blockProblems(block, i));
  });
  return problems;
}
