/**
 * Sums of the movements in part III. Filers print decreases either as negatives ("Lapsed -144,400", as the form
 * asks) or as bare numbers under a label that says which way they go ("Exercised 1,000"); both readings are
 * offered, and a balance that reconciles under either is not flagged.
 */
import type { MovementType } from '../domain/monthly-return.js';

const DECREASES: ReadonlySet<MovementType> = new Set([
  'exercised',
  'cancelled',
  'lapsed',
  'converted',
  'redeemed',
  'vested',
]);

export function decreasingMovement(type: MovementType): boolean {
  return DECREASES.has(type);
}

/** [sum as printed, sum with every decrease counted as negative]. */
export function signedMovementTotals(movements: readonly { type: MovementType; value: number | null }[]): number[] {
  const asPrinted = sumCounts(movements.map((m) => m.value));
  const conventional = sumCounts(
    movements.map((m) => (m.value === null ? null : decreasingMovement(m.type) ? -Math.abs(m.value) : m.value)),
  );
  return asPrinted === conventional ? [asPrinted] : [asPrinted, conventional];
}

/** Sum of share counts, a blank counting as nothing. */
export function sumCounts(values: readonly (number | null)[]): number {
  return values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
}
