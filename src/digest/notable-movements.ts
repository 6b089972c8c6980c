/**
 * The movements of a month worth a line in a digest, from part III of the return: options exercised, warrants and
 * convertibles turned into shares, share awards, and the "other movements" of III(E) (repurchases, placings,
 * consolidations, treasury transfers ...), grouped by kind with their effect on issued and treasury shares.
 */
import type { DetailsOfMovements, OtherMovement, OtherMovementType } from '../domain/monthly-return.js';
import type { NotableMovement, NotableMovementKind } from '../view-models/notable-movement.js';

const OTHER_MOVEMENT_LABELS: Record<OtherMovementType, string> = {
  repurchase: 'Repurchases',
  redemption: 'Redemptions',
  cancellation: 'Cancellations',
  placing: 'Placings',
  'consideration-issue': 'Consideration issues',
  'rights-issue': 'Rights issue',
  'open-offer': 'Open offer',
  'bonus-issue': 'Bonus issue',
  'scrip-dividend': 'Scrip dividend',
  consolidation: 'Share consolidation',
  subdivision: 'Share subdivision',
  'capital-reorganisation': 'Capital reorganisation',
  'treasury-transfer': 'Treasury share transfers',
  conversion: 'Conversions',
  other: 'Other movements',
};

/** The sum of the figures given; null when every one was blank, so that "not stated" never reads as zero. */
function sumGiven(values: readonly (number | null)[]): number | null {
  const given = values.filter((value): value is number => value !== null);
  return given.length === 0 ? null : given.reduce((total, value) => total + value, 0);
}

function negate(value: number | null): number | null {
  return value === null || value === 0 ? value : -value;
}

function moved(movement: Pick<NotableMovement, 'issuedChange' | 'treasuryChange'>): boolean {
  return (movement.issuedChange ?? 0) !== 0 || (movement.treasuryChange ?? 0) !== 0;
}

interface IssuingRow {
  readonly newSharesIssued: number | null;
  readonly treasurySharesTransferred: number | null;
}

/** III(A)-(D): shares issued (X1) or transferred out of treasury (X2) under an instrument during the month. */
function issuanceMovement(
  kind: NotableMovementKind,
  label: string,
  rows: readonly IssuingRow[],
): NotableMovement | null {
  const active = rows.filter((row) => (row.newSharesIssued ?? 0) !== 0 || (row.treasurySharesTransferred ?? 0) !== 0);
  const movement: NotableMovement = {
    kind,
    label,
    issuedChange: sumGiven(active.map((row) => row.newSharesIssued)),
    // Shares transferred out of treasury leave the treasury count.
    treasuryChange: negate(sumGiven(active.map((row) => row.treasurySharesTransferred))),
    rows: active.length,
  };
  return moved(movement) ? movement : null;
}

function otherMovementGroups(rows: readonly OtherMovement[]): NotableMovement[] {
  const groups = new Map<string, { kind: OtherMovementType; label: string; rows: OtherMovement[] }>();
  for (const row of rows) {
    // Filers' "other" events say what they are only in their own words: keep each wording apart.
    const label = row.type === 'other' ? row.event : OTHER_MOVEMENT_LABELS[row.type];
    const key = `${row.type}|${label}`;
    const group = groups.get(key) ?? { kind: row.type, label, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({
      kind: group.kind,
      label: group.label,
      issuedChange: sumGiven(group.rows.map((row) => row.changeInIssuedShares)),
      treasuryChange: sumGiven(group.rows.map((row) => row.changeInTreasuryShares)),
      rows: group.rows.length,
    }))
    .filter(moved);
}

/** The month's movements that changed issued or treasury shares, in the order of the form's part III. */
export function findNotableMovements(details: DetailsOfMovements): NotableMovement[] {
  const items = <T>(section: { classes: readonly { items: readonly T[] }[] }): T[] =>
    section.classes.flatMap((group) => group.items);
  return [
    issuanceMovement('options-exercised', 'Share options exercised', items(details.shareOptions)),
    issuanceMovement('warrants-exercised', 'Warrants exercised', items(details.warrants)),
    issuanceMovement('convertibles-converted', 'Convertibles converted', items(details.convertibles)),
    issuanceMovement('share-awards', 'Share awards and other arrangements', items(details.otherArrangements)),
    ...otherMovementGroups(items(details.otherMovements)),
  ].filter((movement): movement is NotableMovement => movement !== null);
}
