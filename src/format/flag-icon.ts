/**
 * The one icon for each severity of flag, in cards and digests alike, so that a reader learns one vocabulary:
 * :x: a figure is wrong or contradicts another, :warning: the parser is unsure, :information_source: worth knowing
 * and no fault of the return.
 */
import type { Flag } from '../domain/flag.js';

const ICONS = { error: ':x:', warning: ':warning:', info: ':information_source:' } as const satisfies Record<
  Flag['severity'],
  string
>;

const ORDER: readonly Flag['severity'][] = ['error', 'warning', 'info'];

export function flagIcon(flag: Pick<Flag, 'severity'>): string {
  return ICONS[flag.severity];
}

/** The icon of the most severe of some flags (a "+N more flags" line); info's where there are none. */
export function mostSevereIcon(flags: readonly Pick<Flag, 'severity'>[]): string {
  const worst = ORDER.find((severity) => flags.some((flag) => flag.severity === severity)) ?? 'info';
  return ICONS[worst];
}
