import { z } from 'zod';

/**
 * What the checks found. A flag never changes a figure: the figures stay as printed and the flag tells the reader
 * which of them do not add up, or which the parser could not place with confidence.
 */
export const FlagCodeSchema = z.enum([
  /** preceding + movement != closing (part I, part II, or a III row). */
  'balance-mismatch',
  /** issued excluding treasury + treasury != total issued (v1.1+). */
  'treasury-total-mismatch',
  /** authorised shares x par value != authorised capital, or the classes do not sum to the printed total. */
  'authorised-capital-mismatch',
  /** the totals of part III for a class differ from that class's movement in part II. */
  'part-iii-mismatch',
  /** a filer's own sub-total differs from the sum of its rows. */
  'subtotal-mismatch',
  /** the preceding balance differs from the closing balance of the previous return held for the stock. */
  'continuity-break',
  /** a figure or label the parser could not place with confidence. */
  'uncertain-figure',
  /** a part of the form that the parser expected and did not find. */
  'missing-section',
  /** part I and part II name different stock codes for the issuer's classes. */
  'stock-code-mismatch',
  /** the issuer's name differs from the name on the previous return held for the stock code. */
  'issuer-name-mismatch',
  /** part IV's underlying shares differ from its HDRs at the HDR ratio it prints. */
  'hdr-ratio-mismatch',
]);

export const FlagSchema = z.object({
  code: FlagCodeSchema,
  /**
   * 'error': a figure is wrong or contradicts another; 'warning': the parser is unsure; 'info': worth knowing and no
   * fault of the return (a difference from a return held across months that are not held).
   */
  severity: z.enum(['error', 'warning', 'info']),
  /** Where: "I", "II", "III(A)", "III(E)", "IV", "header". */
  section: z.string(),
  /** The share class (or scheme, instrument) it concerns, as printed; null for the whole return. */
  subject: z.string().nullable(),
  /** One sentence for the user, with the figures: "Ordinary shares: 100 + 5 = 105, but the form says 106". */
  message: z.string(),
  expected: z.string().nullable(),
  actual: z.string().nullable(),
});
export type Flag = z.infer<typeof FlagSchema>;

/** An error or a warning: a flag that says something may be wrong, not a note. */
export function isFault(flag: Pick<Flag, 'severity'>): boolean {
  return flag.severity !== 'info';
}
