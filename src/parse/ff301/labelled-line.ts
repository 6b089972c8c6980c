/**
 * Lines that print "Label value Label value", such as "1. Class of shares  Ordinary shares  Type of shares  Not
 * applicable  Listed on the Exchange (Note 1)  Yes". The labels are known; a value is whatever lies between the end
 * of its label and the start of the next one.
 */
import type { Line, Word } from '../layout/lines.js';
import { joinWords } from '../layout/lines.js';

export interface LabelledValue {
  readonly text: string;
  readonly words: readonly Word[];
  /** Where the label ends: a value that wraps continues under this point. */
  readonly labelEnd: number;
}

const unanchoredCache = new WeakMap<RegExp, RegExp>();

/** The same pattern, findable anywhere in a line and at every occurrence. */
function anywhere(pattern: RegExp): RegExp {
  let found = unanchoredCache.get(pattern);
  if (!found) {
    found = new RegExp(pattern.source.replace(/^\^/, '').replace(/\$$/, ''), `${pattern.flags.replace('g', '')}g`);
    unanchoredCache.set(pattern, found);
  }
  found.lastIndex = 0;
  return found;
}

interface LabelHit<K> {
  readonly key: K;
  readonly start: number;
  readonly end: number;
}

export function readLabelledLine<K extends string>(
  line: Line,
  labels: Readonly<Record<K, RegExp>>,
): Partial<Record<K, LabelledValue>> {
  const offsets: number[] = [];
  let cursor = 0;
  for (const word of line.words) {
    offsets.push(cursor);
    cursor += word.text.length + 1;
  }
  const wordStarts = new Set(offsets);
  const hits: LabelHit<K>[] = [];
  for (const key of Object.keys(labels) as K[]) {
    const pattern = anywhere(labels[key]);
    for (let match = pattern.exec(line.text); match; match = pattern.exec(line.text)) {
      if (match[0] === '') break;
      // A label starts a word; "Description" inside a longer word is no label.
      if (!wordStarts.has(match.index)) continue;
      const overlapping = hits.some(
        (hit) => match && match.index < hit.end && hit.start < match.index + match[0].length,
      );
      if (!overlapping) hits.push({ key, start: match.index, end: match.index + match[0].length });
      break;
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const values: Partial<Record<K, LabelledValue>> = {};
  hits.forEach((hit, index) => {
    const next = hits[index + 1]?.start ?? Number.POSITIVE_INFINITY;
    const words = line.words.filter((_, i) => (offsets[i] ?? 0) >= hit.end && (offsets[i] ?? 0) < next);
    const labelWords = line.words.filter((_, i) => (offsets[i] ?? 0) >= hit.start && (offsets[i] ?? 0) < hit.end);
    const labelEnd = Math.max(...labelWords.map((word) => word.x1));
    values[hit.key] = { text: joinWords(words), words, labelEnd };
  });
  return values;
}

/** True when the line starts with the label. */
export function startsWith(line: Line, label: RegExp): boolean {
  return anywhereAtStart(label).test(line.text);
}

const atStartCache = new WeakMap<RegExp, RegExp>();

function anywhereAtStart(pattern: RegExp): RegExp {
  let found = atStartCache.get(pattern);
  if (!found) {
    found = new RegExp(`^(?:${pattern.source.replace(/^\^/, '')})`, pattern.flags.replace('g', ''));
    atStartCache.set(pattern, found);
  }
  return found;
}

/** The text of a line after its leading label, or null when the line does not start with it. */
export function textAfter(line: Line, label: RegExp): string | null {
  const match = anywhereAtStart(label).exec(line.text);
  return match ? line.text.slice(match[0].length).trim() : null;
}

/** The words of a line after its leading label, or null when the line does not start with it. */
export function wordsAfter(line: Line, label: RegExp): Word[] | null {
  const match = anywhereAtStart(label).exec(line.text);
  if (!match) return null;
  const labelLength = match[0].trimEnd().length;
  const rest: Word[] = [];
  let consumed = 0;
  for (const word of line.words) {
    if (consumed >= labelLength) rest.push(word);
    consumed += word.text.length + 1;
  }
  return rest;
}
