/**
 * Labelled cells of the pre-2021 form: a label column ("Class of shares issuable (Note 1)", "Issue and allotment
 * date : (dd/mm/yyyy)", "EGM approval date:") with the filer's entry to its right. Filers' entries drift a few
 * points above or below their label and wrap over several lines, so each entry line goes to the nearest label.
 */
import type { Line } from '../layout/lines.js';

export interface FieldRule<K extends string> {
  readonly key: K;
  /** Matches the start of the label line. */
  readonly label: RegExp;
}

export interface FieldEntry {
  readonly pos: number;
  readonly text: string;
}

interface LabelSpan<K extends string> {
  readonly key: K;
  readonly top: number;
  bottom: number;
}

/**
 * Strips the template's second lines of a label ("(Note 1)", "issuable", "date : (dd/mm/yyyy)", "(if applicable)",
 * in the form's language: `continuation`) from the start of a line.
 */
function stripContinuations(text: string, continuation: RegExp): { rest: string; stripped: boolean } {
  let rest = text.trim();
  let stripped = false;
  for (;;) {
    const match = continuation.exec(rest);
    if (!match || match[0].length === 0) return { rest, stripped };
    rest = rest.slice(match[0].length).trim();
    stripped = true;
  }
}

/**
 * Reads the entries of each labelled field in `lines` (already cut to the label column and what lies right of it).
 * Returns, per field key, its entries top to bottom; a key with several labels (a repeated row) gets the entries of
 * the first only.
 */
export function readFields<K extends string>(
  lines: readonly Line[],
  rules: readonly FieldRule<K>[],
  continuation: RegExp,
): Map<K, FieldEntry[]> {
  const spans: LabelSpan<K>[] = [];
  const entries: FieldEntry[] = [];
  let current: LabelSpan<K> | undefined;
  for (const line of lines) {
    const rule = rules.find((candidate) => candidate.label.test(line.text));
    if (rule) {
      const match = rule.label.exec(line.text);
      current = { key: rule.key, top: line.pos, bottom: line.pos };
      spans.push(current);
      const { rest } = stripContinuations(line.text.slice(match?.[0].length ?? 0), continuation);
      if (rest) entries.push({ pos: line.pos, text: rest });
      continue;
    }
    const { rest, stripped } = stripContinuations(line.text, continuation);
    if (stripped && current) current.bottom = line.pos;
    if (rest) entries.push({ pos: line.pos, text: rest });
  }
  const byKey = new Map<K, FieldEntry[]>();
  for (const entry of entries) {
    const span = nearestSpan(spans, entry.pos);
    if (!span) continue;
    if (spans.find((candidate) => candidate.key === span.key) !== span) continue;
    const list = byKey.get(span.key) ?? [];
    list.push(entry);
    byKey.set(span.key, list);
  }
  return byKey;
}

function nearestSpan<K extends string>(spans: readonly LabelSpan<K>[], pos: number): LabelSpan<K> | undefined {
  let best: LabelSpan<K> | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const span of spans) {
    const distance = pos < span.top ? span.top - pos : pos > span.bottom ? pos - span.bottom : 0;
    if (distance < bestDistance) {
      best = span;
      bestDistance = distance;
    }
  }
  return best;
}

export function fieldText(fields: Map<string, FieldEntry[]>, key: string): string {
  return (fields.get(key) ?? []).map((entry) => entry.text).join(' ');
}
