/**
 * Where each part of the form starts. Parts follow each other in a fixed order but share pages when they are
 * short, so they are found by their headings in the stream of lines, never by page number.
 */
import { type Line, lineAt } from '../layout/lines.js';
import type { Ff301Labels } from './labels.js';

export type PartKey = 'I' | 'II' | 'III' | 'A' | 'B' | 'C' | 'D' | 'E' | 'IV' | 'V' | 'notes';
const PART_ORDER: readonly PartKey[] = ['I', 'II', 'III', 'A', 'B', 'C', 'D', 'E', 'IV', 'V', 'notes'];

export interface Part {
  readonly key: PartKey;
  readonly heading: Line;
  /** The first line after the heading. */
  readonly start: number;
  /** The heading line of the next part found (or the end of the document). */
  readonly end: number;
  /** The heading ends "Not applicable" (不適用). */
  readonly notApplicable: boolean;
}

const SUB_PART = /^\(([A-E])\)\.?\s*\S/;
/** Headings sit at the left margin; this keeps a remark that happens to start "II." from posing as one. */
const HEADING_MAX_X = 45;

function headingPattern(labels: Ff301Labels, key: PartKey): (line: Line) => boolean {
  if (key.length === 1 && key >= 'A' && key <= 'E') {
    return (line) => SUB_PART.exec(line.text)?.[1] === key;
  }
  const pattern = labels.parts[key as 'I' | 'II' | 'III' | 'IV' | 'V' | 'notes'];
  return (line) => pattern.test(line.text);
}

export function locateParts(lines: readonly Line[], labels: Ff301Labels): Map<PartKey, Part> {
  const found: { key: PartKey; index: number }[] = [];
  let from = 0;
  for (const key of PART_ORDER) {
    const test = headingPattern(labels, key);
    for (let index = from; index < lines.length; index++) {
      const line = lineAt(lines, index);
      if ((line.words[0]?.x0 ?? Number.POSITIVE_INFINITY) <= HEADING_MAX_X && test(line)) {
        found.push({ key, index });
        from = index + 1;
        break;
      }
    }
  }
  const parts = new Map<PartKey, Part>();
  found.forEach(({ key, index }, position) => {
    const heading = lineAt(lines, index);
    // Part III's own range runs over its sub-parts (A) to (E), up to part IV.
    const nextIndex =
      key === 'III'
        ? (found.find((other) => other.index > index && !['A', 'B', 'C', 'D', 'E'].includes(other.key))?.index ??
          lines.length)
        : (found[position + 1]?.index ?? lines.length);
    parts.set(key, {
      key,
      heading,
      start: index + 1,
      end: nextIndex,
      notApplicable: labels.notApplicable.test(heading.text) || notApplicableBelow(lines, index, labels),
    });
  });
  return parts;
}

/** A long heading can push "Not applicable" onto a line of its own just below. */
function notApplicableBelow(lines: readonly Line[], index: number, labels: Ff301Labels): boolean {
  const heading = lineAt(lines, index);
  const next = lines[index + 1];
  if (!next || next.page !== heading.page || next.y - heading.y > 1.45 * heading.height) return false;
  const onlyWords = new RegExp(`^(?:${labels.notApplicable.source.replace(/\$$/, '')})$`, labels.notApplicable.flags);
  return onlyWords.test(next.text);
}
