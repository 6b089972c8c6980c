/**
 * The pre-2021 form has four fixed places for share classes, the same in parts I, II and III: ordinary shares (1)
 * and (2), preference shares, and other classes. The model names a class by its slot, so that part II, the part III
 * subtotals and the grand totals speak of the same class.
 */
import type { ShareClass } from '../../domain/monthly-return.js';
import type { OtherExchangeCode, StockCode } from '../../domain/stock-code.js';
import { isNothing } from './cell-values.js';
import type { LegacyLabels } from './labels.js';

export type ShareSlot = 'ordinary1' | 'ordinary2' | 'preference' | 'other';
/** The part III subtotals print one ordinary row for both ordinary slots. */
export type SubtotalKind = 'ordinary' | 'preference' | 'other';

export const SHARE_SLOTS: readonly ShareSlot[] = ['ordinary1', 'ordinary2', 'preference', 'other'];

export interface SlotClass {
  readonly slot: ShareSlot;
  readonly shareClass: ShareClass;
}

/**
 * "Ordinary shares" while only slot (1) is in use; "(1)" and "(2)" only where the filer uses both. Named in the
 * form's language, as the form prints the slot (普通股 on the Chinese template).
 */
function slotClassName(slot: ShareSlot, usedSlots: ReadonlySet<ShareSlot>, labels: LegacyLabels): string {
  const bothOrdinary = usedSlots.has('ordinary1') && usedSlots.has('ordinary2');
  return slot === 'ordinary1' && bothOrdinary ? labels.slotNames.ordinary1Of2 : labels.slotNames[slot];
}

export function makeSlotClass(
  slot: ShareSlot,
  usedSlots: ReadonlySet<ShareSlot>,
  printed: {
    readonly stockCode: StockCode | null;
    readonly otherExchangeCode?: OtherExchangeCode;
    readonly description: string | null;
  },
  labels: LegacyLabels,
): ShareClass {
  return {
    className: slotClassName(slot, usedSlots, labels),
    // The old form has no "Type of shares" or "Listed on the Exchange" cells.
    typeOfShares: null,
    listedOnExchange: null,
    stockCode: printed.stockCode,
    ...(printed.otherExchangeCode ? { otherExchangeCode: printed.otherExchangeCode } : {}),
    description: printed.description,
    multiCounters: [],
  };
}

/** The slot a filer's "class of shares issuable" text points at: "Ordinary Shares", "ordinary", "Preference". */
export function slotOfClassText(
  text: string,
  classes: readonly SlotClass[],
  labels: LegacyLabels,
): SlotClass | undefined {
  const lower = text.toLowerCase();
  const wanted: ShareSlot[] = labels.classWords.preference.test(text)
    ? ['preference']
    : labels.classWords.ordinary.test(text)
      ? ['ordinary1', 'ordinary2']
      : /[\p{L}\p{N}]/u.test(text) && !isNothing(text)
        ? ['other']
        : [];
  const candidates = classes.filter((entry) => wanted.includes(entry.slot));
  if (candidates.length <= 1) return candidates[0];
  // Both ordinary slots in use: the one whose description the text names, else slot (1).
  return (
    candidates.find(
      (entry) => entry.shareClass.description && lower.includes(entry.shareClass.description.toLowerCase()),
    ) ?? candidates[0]
  );
}
