/** A movement of the month worth a line in a digest: found by digest/notable-movements.ts, drawn by format/. */
import type { OtherMovementType } from '../domain/monthly-return.js';

export type NotableMovementKind =
  | 'options-exercised'
  | 'warrants-exercised'
  | 'convertibles-converted'
  | 'share-awards'
  | OtherMovementType;

export interface NotableMovement {
  readonly kind: NotableMovementKind;
  /** How a reader knows it: "Share options exercised", "Repurchases", or the event as printed for "other". */
  readonly label: string;
  /** Increase / decrease (-) in issued shares (excluding treasury shares); null where the form left it blank. */
  readonly issuedChange: number | null;
  /** Increase / decrease (-) in treasury shares; null where the form left it blank or has no treasury columns. */
  readonly treasuryChange: number | null;
  /** How many rows of the form it sums. */
  readonly rows: number;
}
