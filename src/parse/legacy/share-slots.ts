/**
 * The pre-2021 form has four fixed places for share classes, the same in parts I, II and III: ordinary shares (1)
 * and (2), preference shares, and other classes. The model names a class by its slot, so that part II, the part III
 * subtotals and the grand totals speak of the same class.
 */
import type { ShareClass } from '../../domain/monthly-return.js';
import type { StockCode } from '../../domain/stock-code.js';

export type ShareSlot = 'ordinary1' | 'ordinary2' | 'preference' | 'other';
/** The part III subtotals print one ordinary row for both ordinary slots. */
export type SubtotalKind = 'ordinary' | 'preference' | 'other';

export const SHARE_SLOTS: readonly ShareSlot[] = ['ordinary1', 'ordinary2', 'preference', 'other'];

export interface SlotClass {
  readonly slot: ShareSlot;
  readonly shareClass: ShareClass;
}

export const SUBTOTAL_CLASS_NAMES: Record<SubtotalKind, string> = {
  ordinary: 'Ordinary shares',
  preference: 'Preference shares',
  other: 'Other classes of shares',
};

/** "Ordinary shares" while only slot (1) is in use; "(1)" and "(2)" only where the filer uses both. */
function slotClassName(slot: ShareSlot, usedSlots: ReadonlySet<ShareSlot>): string {
  const bothOrdinary = usedSlots.has('ordinary1') && usedSlots.has('ordinary2');
  switch (slot) {
    case 'ordinary1':
      return bothOrdinary ? 'Ordinary shares (1)' : 'Ordinary shares';
    case 'ordinary2':
      return 'Ordinary shares (2)';
    case 'preference':
      return 'Preference shares';
    case 'other':
      return 'Other classes of shares';
  }
}

export function makeSlotClass(
  slot: ShareSlot,
  usedSlots: ReadonlySet<ShareSlot>,
  stockCode: StockCode | null,
  description: string | null,
): ShareClass {
  return {
    className: slotClassName(slot, usedSlots),
    // The old form has no "Type of shares" or "Listed on the Exchange" cells.
    typeOfShares: null,
    listedOnExchange: null,
    stockCode,
    description,
    multiCounters: [],
  };
}

/** The slot a filer's "class of shares issuable" text points at: "Ordinary Shares", "ordinary", "Preference". */
export function slotOfClassText(text: string, classes: readonly SlotClass[]): SlotClass | undefined {
  const lower = text.toLowerCase();
  const wanted: ShareSlot[] = /preference/.test(lower)
    ? ['preference']
    : /ordinary/.test(lower)
      ? ['ordinary1', 'ordinary2']
      : /\w/.test(lower) && !/^n\s*\/\s*a$/.test(lower.trim())
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
