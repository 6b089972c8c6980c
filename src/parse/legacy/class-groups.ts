/**
 * Part III lists rows by "class of shares issuable"; the model groups them under the share class of part II they
 * lead to, so that a row's shares, its table's subtotal and the class's movement in part II can be compared.
 */
import type { ShareClass } from '../../domain/monthly-return.js';
import { notReportedAsPrinted } from '../not-reported.js';
import { isNothing } from './cell-values.js';
import type { LegacyLabels } from './labels.js';
import type { ParseNotes } from './parse-notes.js';
import { type SlotClass, slotOfClassText } from './share-slots.js';

export interface ClassedRow<T> {
  readonly classText: string | null;
  readonly row: T;
  /** How the row is named in a flag. */
  readonly subject: string;
}

export interface ClassGroup<T> extends ShareClass {
  items: T[];
}

export function groupByClass<T>(
  rows: readonly ClassedRow<T>[],
  classes: readonly SlotClass[],
  section: string,
  notes: ParseNotes,
  labels: LegacyLabels,
): ClassGroup<T>[] {
  const groups: ClassGroup<T>[] = [];
  for (const { classText, row, subject } of rows) {
    const shareClass = classOf(classText, classes, section, subject, notes, labels);
    let group = groups.find((candidate) => candidate.className === shareClass.className);
    if (!group) {
      group = { ...shareClass, items: [] };
      groups.push(group);
    }
    group.items.push(row);
  }
  return groups;
}

function classOf(
  classText: string | null,
  classes: readonly SlotClass[],
  section: string,
  subject: string,
  notes: ParseNotes,
  labels: LegacyLabels,
): ShareClass {
  const printed = classText && !isNothing(classText) ? classText : null;
  const match = printed ? slotOfClassText(printed, classes, labels) : undefined;
  if (match) return match.shareClass;
  // Quoted as the form prints it: "N/A", 不適用, or nothing at all.
  const shown = printed ?? notReportedAsPrinted(classText ?? undefined);
  const only = classes.length === 1 ? classes[0] : undefined;
  if (only) {
    const as = shown === undefined ? 'left blank' : `printed as "${shown}"`;
    notes.uncertain(
      section,
      subject,
      `${subject}: the class of shares is ${as}; read as ${only.shareClass.className}, the issuer's only class`,
    );
    return only.shareClass;
  }
  notes.uncertain(
    section,
    subject,
    shown === undefined
      ? `${subject}: the class of shares is left blank, and the issuer has more than one class`
      : `${subject}: the class of shares "${shown}" matches no class of part II`,
  );
  return {
    className: printed ?? 'Class not stated',
    typeOfShares: null,
    listedOnExchange: null,
    stockCode: null,
    description: null,
    multiCounters: [],
  };
}
