/**
 * Table columns from their headings. FF301 centres each heading in its cell, so every wrapped line of one heading
 * overlaps the others: headings are grouped by horizontal overlap. Cells then take their text by alignment:
 * figures are set flush right, so a figure belongs to the last column whose heading starts left of the figure's
 * right edge; text is set flush left, so it belongs to the first column whose heading ends right of its left edge.
 */
import type { TextItem } from '../../domain/extracted-document.js';
import type { Line } from '../layout/lines.js';
import { joinTextLines } from '../layout/lines.js';
import { splitIntoWords } from '../layout/text-width.js';
import { mergeSegments, type Segment } from './segments.js';

export interface Column {
  readonly x0: number;
  readonly x1: number;
  /** The heading's lines, top to bottom, joined. */
  readonly heading: string;
}

interface Unit {
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly text: string;
}

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => a.x0 < b.x1 && b.x0 < a.x1;

function unitOf(item: TextItem): Unit {
  return { x0: item.x, x1: item.x + item.width, y: item.y, text: item.text.trim() };
}

/** Groups units into connected components of overlap: a sweep from left to right. */
function components(units: readonly Unit[]): Unit[][] {
  const groups: Unit[][] = [];
  let right = Number.NEGATIVE_INFINITY;
  for (const unit of [...units].sort((a, b) => a.x0 - b.x0)) {
    const current = groups[groups.length - 1];
    if (current && unit.x0 < right) {
      current.push(unit);
      right = Math.max(right, unit.x1);
    } else {
      groups.push([unit]);
      right = unit.x1;
    }
  }
  return groups;
}

/** A unit without which its group would fall apart into several. */
function findBridge(units: readonly Unit[]): { bridge: Unit; parts: Unit[][] } | undefined {
  for (const group of components(units)) {
    if (group.length < 3) continue;
    for (const unit of group) {
      const parts = components(group.filter((other) => other !== unit));
      if (parts.length > 1) return { bridge: unit, parts };
    }
  }
  return undefined;
}

/**
 * A unit that alone holds two groups together is either a heading set above several columns ("Price (if
 * applicable)" over "Currency" and "Amount"), which is dropped, or two headings on one line that pdf.js joined into
 * one item, which is cut into words, each going to the column it stands over.
 */
function separateBridges(units: Unit[]): Unit[] {
  let current = units;
  for (let pass = 0; pass < 20; pass++) {
    const found = findBridge(current);
    if (!found) return current;
    const { bridge, parts } = found;
    const rest = current.filter((unit) => unit !== bridge);
    const above = parts.every((part) => part.every((unit) => unit.y > bridge.y + 1));
    if (above) {
      current = rest;
      continue;
    }
    const others = parts.flat();
    const words = splitIntoWords(bridge.text, bridge.x0, bridge.x1 - bridge.x0).map((word): Unit => {
      const unit = { ...word, y: bridge.y };
      if (others.some((other) => overlaps(other, unit))) return unit;
      // A word over no column joins the nearest one rather than making a column of its own.
      const nearest = others.reduce((best, other) => (gap(other, unit) < gap(best, unit) ? other : best));
      return { ...unit, x0: Math.min(unit.x0, nearest.x1 - 0.5), x1: Math.max(unit.x1, nearest.x0 + 0.5) };
    });
    current = [...rest, ...words];
  }
  return current;
}

function gap(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  return Math.max(0, a.x0 - b.x1, b.x0 - a.x1);
}

export function findColumns(headingLines: readonly Line[]): Column[] {
  const units = separateBridges(headingLines.flatMap((line) => line.items.map(unitOf)));
  return components(units)
    .map((group) => {
      const sorted = [...group].sort((a, b) => a.y - b.y || a.x0 - b.x0);
      const rows: string[] = [];
      let lastY: number | undefined;
      for (const unit of sorted) {
        if (lastY !== undefined && Math.abs(unit.y - lastY) < 2) rows[rows.length - 1] += ` ${unit.text}`;
        else rows.push(unit.text);
        lastY = unit.y;
      }
      return {
        x0: Math.min(...group.map((unit) => unit.x0)),
        x1: Math.max(...group.map((unit) => unit.x1)),
        heading: joinTextLines(rows),
      };
    })
    .sort((a, b) => a.x0 - b.x0);
}

/** Slack for estimated word edges, in points. */
const EDGE_SLACK = 1;

/** The index of the column a segment belongs to, or -1 when it lies outside every column. */
export function columnOf(columns: readonly Column[], segment: Segment): number {
  if (segment.kind === 'figure') {
    for (let index = columns.length - 1; index >= 0; index--) {
      if ((columns[index] as Column).x0 <= segment.x1 + EDGE_SLACK) return index;
    }
    return -1;
  }
  return columns.findIndex((column) => column.x1 >= segment.x0 - EDGE_SLACK);
}

export interface PlacedSegment {
  readonly segment: Segment;
  /** -1 when it lies outside every column. */
  readonly column: number;
}

/**
 * Places a line's segments in columns. Pieces cut from one item stay together where the item reads as prose
 * ("2021 Share Award Scheme (Adopted by the Company on 2 July 2021" has text on both sides of a figure), and a
 * leading figure that no column can hold is the start of the text after it ("2021 Share Option").
 */
export function placeSegments(columns: readonly Column[], segments: readonly Segment[]): PlacedSegment[] {
  const placed: PlacedSegment[] = [];
  const byItem = new Map<number, Segment[]>();
  for (const segment of segments) byItem.set(segment.item, [...(byItem.get(segment.item) ?? []), segment]);
  for (const pieces of byItem.values()) {
    const textPieces = pieces.filter((piece) => piece.kind === 'text').length;
    if (pieces.length > 1 && textPieces >= 2) {
      const merged = mergeSegments(pieces);
      placed.push({ segment: merged, column: columnOf(columns, merged) });
      continue;
    }
    let pending: Segment[] = [];
    for (const piece of pieces) {
      const column = columnOf(columns, piece);
      if (column < 0 && piece.kind === 'figure' && piece !== pieces[pieces.length - 1]) {
        pending.push(piece);
        continue;
      }
      const segment = pending.length > 0 ? mergeSegments([...pending, piece]) : piece;
      placed.push({ segment, column: pending.length > 0 ? columnOf(columns, segment) : column });
      pending = [];
    }
  }
  return placed;
}
