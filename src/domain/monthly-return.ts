/**
 * The HKEX monthly return ("Monthly Return for Equity Issuer ... on Movements in Securities"), named as the form
 * names it. One shape serves every layout we read: FF301 v1.0.x / v1.1.x / v1.2.x in English and Traditional Chinese,
 * and the pre-July-2021 Word-template form.
 *
 * Conventions, the same everywhere in the model:
 * - Share counts are integers (`ShareCount`); a printed "(5,940,000)" is -5940000.
 * - Money is a decimal string without separators (`"0.00001"`, `"300000000"`) beside its currency, never a float.
 * - `null` means the cell was blank, "N/A" or "-"; "Nil"/"NIL" is 0. A blank cell is never turned into 0.
 * - Dates are ISO `YYYY-MM-DD`.
 */
import { z } from 'zod';
import { OtherExchangeCodeSchema, StockCodeSchema } from './stock-code.js';

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
export const ReportMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
export type ReportMonth = z.infer<typeof ReportMonthSchema>;

/** A number of shares (or options, warrants, HDRs). Safe integers only: HKEX share counts stay far below 2^53. */
export const ShareCountSchema = z.number().int().refine(Number.isSafeInteger, 'share count beyond 2^53');
export type ShareCount = z.infer<typeof ShareCountSchema>;

export const DecimalStringSchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string such as "0.01"');

/** ISO 4217 code as printed on the form (HKD, USD, RMB, CNY, JPY, ...). */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/);

export const MoneySchema = z.object({
  currency: CurrencySchema.nullable(),
  amount: DecimalStringSchema,
});
export type Money = z.infer<typeof MoneySchema>;

export const FormKindSchema = z.enum(['FF301', 'legacy']);
export const LanguageSchema = z.enum(['en', 'zh-Hant']);
export type Language = z.infer<typeof LanguageSchema>;

export const FormSchema = z.object({
  kind: FormKindSchema,
  /** "1.2.0" from the footer "v 1.2.0"; null for the pre-2021 form. */
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .nullable(),
  language: LanguageSchema,
  /** The form's title as printed on page 1. */
  title: z.string(),
  pages: z.number().int().positive(),
});
export type Form = z.infer<typeof FormSchema>;

/** "New Submission" / "Resubmission" (新呈交 / 重新提交). The pre-2021 form prints no status: null. */
export const SubmissionStatusSchema = z.enum(['new', 'resubmission']);
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;

/** A further trading counter of the same class, e.g. "Multi-counter stock code 80020 RMB". */
export const MultiCounterSchema = z.object({
  stockCode: StockCodeSchema,
  currency: CurrencySchema.nullable(),
  description: z.string().nullable(),
});

/**
 * The block that heads each class in parts I, II and III: "1. Class of shares / Type of shares / Listed on the
 * Exchange / Stock code (if listed) / Description".
 */
export const ShareClassSchema = z.object({
  /** As printed: "Ordinary shares", "WVR ordinary shares", "Preference shares", "H shares", "普通股". */
  className: z.string(),
  /** As printed: "Not applicable", "H", "A", "Other type (specify in description)", "不適用"; null where absent. */
  typeOfShares: z.string().nullable(),
  /** "Listed on the Exchange" / "Listed on SEHK": Yes / No; null where the form has no such cell. */
  listedOnExchange: z.boolean().nullable(),
  /** The HKEX code, five digits; null for a class not listed on SEHK ("N/A") or listed elsewhere. */
  stockCode: StockCodeSchema.nullable(),
  /**
   * Where the "Stock code" cell prints another exchange's code (an A+H issuer's A shares: "600036"), that code and
   * its exchange; `stockCode` is then null. Absent where the cell prints none (and on returns stored before it was
   * read), so a return's content identity is what it was for every class listed in Hong Kong only.
   */
  otherExchangeCode: OtherExchangeCodeSchema.optional(),
  description: z.string().nullable(),
  multiCounters: z.array(MultiCounterSchema),
});
export type ShareClass = z.infer<typeof ShareClassSchema>;

/** Preceding balance, increase / decrease (-) during the month, balance at close of the month. */
export const MovementSchema = z.object({
  preceding: ShareCountSchema.nullable(),
  movement: ShareCountSchema.nullable(),
  closing: ShareCountSchema.nullable(),
});
export type Movement = z.infer<typeof MovementSchema>;

export const MoneyMovementSchema = z.object({
  preceding: DecimalStringSchema.nullable(),
  movement: DecimalStringSchema.nullable(),
  closing: DecimalStringSchema.nullable(),
});

// ---------------------------------------------------------------- Part I
export const AuthorisedShareClassSchema = ShareClassSchema.extend({
  authorisedShares: MovementSchema,
  parValue: DecimalStringSchema.nullable(),
  parValueCurrency: CurrencySchema.nullable(),
  authorisedCapital: MoneyMovementSchema,
  authorisedCapitalCurrency: CurrencySchema.nullable(),
});
export type AuthorisedShareClass = z.infer<typeof AuthorisedShareClassSchema>;

export const AuthorisedShareCapitalSchema = z.object({
  notApplicable: z.boolean(),
  classes: z.array(AuthorisedShareClassSchema),
  /** "Total authorised/registered share capital at the end of the month", one entry per currency. */
  totalAuthorisedCapital: z.array(MoneySchema),
});
export type AuthorisedShareCapital = z.infer<typeof AuthorisedShareCapitalSchema>;

// ---------------------------------------------------------------- Part II
export const PublicFloatConfirmationSchema = z.object({
  /** Which box is ticked: true = "has been complied with"; null where neither is ticked. */
  requirementCompliedWith: z.boolean().nullable(),
  applicableThreshold: z.string().nullable(),
  additionalInformation: z.string().nullable(),
});
export type PublicFloatConfirmation = z.infer<typeof PublicFloatConfirmationSchema>;

export const IssuedShareClassSchema = ShareClassSchema.extend({
  /**
   * Issued shares. On v1.0.x and the pre-2021 form this is the one number column; from v1.1 it is
   * "Number of issued shares (excluding treasury shares)".
   */
  issuedShares: MovementSchema,
  /** v1.1+: "Number of treasury shares"; null on forms without treasury columns. */
  treasuryShares: MovementSchema.nullable(),
  /** v1.1+: "Total number of issued shares" (the form prints no movement for it); null on older forms. */
  totalIssuedShares: MovementSchema.nullable(),
  /** v1.2+: "Public float sufficiency confirmation"; null on older forms. */
  publicFloat: PublicFloatConfirmationSchema.nullable(),
});
export type IssuedShareClass = z.infer<typeof IssuedShareClassSchema>;

export const IssuedSharesSchema = z.object({
  /** As printed, e.g. "II. Movements in Issued Shares and/or Treasury Shares". */
  title: z.string(),
  hasTreasuryColumns: z.boolean(),
  classes: z.array(IssuedShareClassSchema),
  remarks: z.string().nullable(),
});
export type IssuedShares = z.infer<typeof IssuedSharesSchema>;

// ---------------------------------------------------------------- Part III
export const MovementTypeSchema = z.enum([
  'granted',
  'exercised',
  'cancelled',
  'lapsed',
  'issued',
  'converted',
  'redeemed',
  'vested',
  'other',
]);
export type MovementType = z.infer<typeof MovementTypeSchema>;

/** One stacked movement row of a III(A)-(D) table: "Granted 1,000", "Lapsed -144,400", "Other Sold -12,189,548". */
export const InstrumentMovementSchema = z.object({
  type: MovementTypeSchema,
  /** The label as printed ("Exercised", "Other Sold", "行使"). */
  label: z.string(),
  /** Number of options/shares (III A, D) or the amount/nominal value (III B, C, as a decimal string). */
  number: ShareCountSchema.nullable(),
  amount: DecimalStringSchema.nullable(),
});
export type InstrumentMovement = z.infer<typeof InstrumentMovementSchema>;

/** What every row of III(A)-(D) reports about the shares it leads to. X1 / X2 are the form's column codes. */
const IssuanceColumns = {
  /** "No. of new shares issued during the month pursuant thereto" (A1, B1, C1, D1). */
  newSharesIssued: ShareCountSchema.nullable(),
  /** v1.1+: "No. of treasury shares transferred out of treasury during the month pursuant thereto" (A2 ...). */
  treasurySharesTransferred: ShareCountSchema.nullable(),
  /** "No. of shares which may be issued (or transferred out of treasury) pursuant thereto as at close of the month". */
  sharesIssuableAtClose: ShareCountSchema.nullable(),
  generalMeetingApprovalDate: IsoDateSchema.nullable(),
};

/** III(A): one share option scheme. */
export const ShareOptionSchemeSchema = z.object({
  particulars: z.string(),
  outstandingPreceding: ShareCountSchema.nullable(),
  movements: z.array(InstrumentMovementSchema),
  outstandingClosing: ShareCountSchema.nullable(),
  ...IssuanceColumns,
  /** "The total number of securities which may be issued upon exercise of all share options to be granted ...". */
  sharesIssuableUnderOptionsToBeGranted: ShareCountSchema.nullable(),
});
export type ShareOptionScheme = z.infer<typeof ShareOptionSchemeSchema>;

/** III(B) warrants and III(C) convertibles: amounts are money (nominal value / principal). */
export const WarrantOrConvertibleSchema = z.object({
  description: z.string(),
  currency: CurrencySchema.nullable(),
  amountPreceding: DecimalStringSchema.nullable(),
  movements: z.array(InstrumentMovementSchema),
  amountClosing: DecimalStringSchema.nullable(),
  ...IssuanceColumns,
  /** "Type of the Convertibles" (Bond/Notes, Preference shares ...); null for warrants. */
  instrumentType: z.string().nullable(),
  /** Stock code of the warrant / convertible if listed. */
  instrumentStockCode: StockCodeSchema.nullable(),
  /** Subscription price (warrants) or conversion price (convertibles). */
  price: MoneySchema.nullable(),
  dateOfExpiry: IsoDateSchema.nullable(),
  /**
   * Pre-2021 form: what the amounts count. Some filers print the nominal value of warrants as a number of warrants
   * ("90,000,000 units") under a currency column; those amounts are then counts, not money. Absent means money.
   */
  amountsIn: z.enum(['money', 'units']).optional(),
  /** What the filer wrote in the row beyond its cells, e.g. "Placing under General Mandate" for the approval date. */
  note: z.string().nullable().optional(),
});
export type WarrantOrConvertible = z.infer<typeof WarrantOrConvertibleSchema>;

/** III(D): any other agreement or arrangement to issue shares (share award schemes and the like). */
export const OtherArrangementSchema = z.object({
  description: z.string(),
  movements: z.array(InstrumentMovementSchema),
  ...IssuanceColumns,
});
export type OtherArrangement = z.infer<typeof OtherArrangementSchema>;

export const OtherMovementTypeSchema = z.enum([
  'repurchase',
  'redemption',
  'cancellation',
  'placing',
  'consideration-issue',
  'rights-issue',
  'open-offer',
  'bonus-issue',
  'scrip-dividend',
  'consolidation',
  'subdivision',
  'capital-reorganisation',
  'treasury-transfer',
  'conversion',
  'other',
]);
export type OtherMovementType = z.infer<typeof OtherMovementTypeSchema>;

/** III(E): other movements in issued shares and/or treasury shares. */
export const OtherMovementSchema = z.object({
  /** As printed: "Repurchase of shares (shares held as treasury shares)", "資本重組". */
  event: z.string(),
  type: OtherMovementTypeSchema,
  price: MoneySchema.nullable(),
  /** "Date of event" (v1.1+) / "Issue and allotment date" (v1.0.x, pre-2021). */
  dateOfEvent: IsoDateSchema.nullable(),
  generalMeetingApprovalDate: IsoDateSchema.nullable(),
  /** E1: increase / decrease (-) in issued shares (excluding treasury shares); v1.0.x: "No. of new shares issued". */
  changeInIssuedShares: ShareCountSchema.nullable(),
  /** E2 (v1.1+): increase / decrease (-) in treasury shares. */
  changeInTreasuryShares: ShareCountSchema.nullable(),
  /** v1.1+: shares repurchased or redeemed but pending cancellation at close of the month (a negative number). */
  pendingCancellation: ShareCountSchema.nullable(),
  /** v1.0.x and pre-2021: "No. of shares which may be issued pursuant thereto as at close of the month". */
  sharesIssuableAtClose: ShareCountSchema.nullable(),
  /**
   * Pre-2021 form: what the filer wrote in the row beyond its cells, e.g. "(To be allotted and issued under General
   * Mandate)" in place of an approval date, or "Remark 3" pointing at the remarks.
   */
  note: z.string().nullable().optional(),
});
export type OtherMovement = z.infer<typeof OtherMovementSchema>;

/** Subtotal lines under each III table: "Total A (Ordinary shares)", or (AA1) / (AA2) from v1.1. */
export const SectionTotalSchema = z.object({
  className: z.string(),
  /** AA1, BB1 ...: increase in issued shares (excluding treasury shares); v1.0.x: "Total A". */
  increaseInIssuedShares: ShareCountSchema.nullable(),
  /** AA2, BB2 ...: decrease in treasury shares (v1.1+). */
  decreaseInTreasuryShares: ShareCountSchema.nullable(),
  /**
   * What the form prints in place of a figure held as null ("N/A", "不適用", "-"), by the figure's field: a total
   * left N/A is not a total of 0, and a flag quotes the form. Absent where the figures are printed, or left blank.
   */
  printedInstead: z
    .object({ increaseInIssuedShares: z.string(), decreaseInTreasuryShares: z.string() })
    .partial()
    .optional(),
});
export type SectionTotal = z.infer<typeof SectionTotalSchema>;

/** The shared frame of III(A)-(E): a list of class groups, each with its rows. */
function detailSection<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    notApplicable: z.boolean(),
    classes: z.array(ShareClassSchema.extend({ items: z.array(item) })),
    totals: z.array(SectionTotalSchema),
    remarks: z.string().nullable(),
  });
}

export const ShareOptionsSectionSchema = detailSection(ShareOptionSchemeSchema).extend({
  /** "Total funds raised during the month from exercise of options". */
  fundsRaised: MoneySchema.nullable(),
});
export const WarrantsSectionSchema = detailSection(WarrantOrConvertibleSchema);
export const ConvertiblesSectionSchema = detailSection(WarrantOrConvertibleSchema);
export const OtherArrangementsSectionSchema = detailSection(OtherArrangementSchema);
export const OtherMovementsSectionSchema = detailSection(OtherMovementSchema);

/** "Total increase / decrease (-) in ... during the month (i.e. Total of A to E)", per class. */
export const GrandTotalSchema = z.object({
  className: z.string(),
  /** Total of AA1 to EE1 (v1.1+), or of A to E. */
  changeInIssuedShares: ShareCountSchema.nullable(),
  /** Total of AA2 to EE2 (v1.1+). */
  changeInTreasuryShares: ShareCountSchema.nullable(),
  /** As SectionTotal's: "N/A" printed in place of a grand total held as null. */
  printedInstead: z
    .object({ changeInIssuedShares: z.string(), changeInTreasuryShares: z.string() })
    .partial()
    .optional(),
});
export type GrandTotal = z.infer<typeof GrandTotalSchema>;

export const DetailsOfMovementsSchema = z.object({
  shareOptions: ShareOptionsSectionSchema,
  warrants: WarrantsSectionSchema,
  convertibles: ConvertiblesSectionSchema,
  otherArrangements: OtherArrangementsSectionSchema,
  otherMovements: OtherMovementsSectionSchema,
  totals: z.array(GrandTotalSchema),
});
export type DetailsOfMovements = z.infer<typeof DetailsOfMovementsSchema>;

// ---------------------------------------------------------------- Part IV
/** "HDR ratio: 1 HDR : 2 ordinary shares": how many HDRs stand for how many underlying shares, both as printed. */
export const HdrRatioSchema = z.object({
  hdrs: DecimalStringSchema,
  shares: DecimalStringSchema,
});
export type HdrRatio = z.infer<typeof HdrRatioSchema>;

/** "1 HDR : 2 shares", "10 HDRs : 1 share": both numbers, as the form prints them. */
export function formatHdrRatio(ratio: HdrRatio): string {
  const plural = (count: string, word: string) => `${count} ${word}${count === '1' ? '' : 's'}`;
  return `${plural(ratio.hdrs, 'HDR')} : ${plural(ratio.shares, 'share')}`;
}

/** The class of shares the HDRs represent: "Underlying class of shares / Type of shares / Listed on the Exchange". */
export const UnderlyingClassSchema = ShareClassSchema.pick({
  className: true,
  typeOfShares: true,
  listedOnExchange: true,
});
export type UnderlyingClass = z.infer<typeof UnderlyingClassSchema>;

/**
 * IV: Hong Kong Depositary Receipts, for issuers listed under Chapter 19B. `depositary`, `hdrRatio` and
 * `underlyingClass` are absent where the part prints no such row (and on returns stored before they were read);
 * null where the row is printed blank or cannot be read.
 */
export const HdrClassSchema = z.object({
  description: z.string().nullable(),
  /** "Stock code of HDR (if listed)": the HDRs' own code on SEHK. */
  stockCode: StockCodeSchema.nullable(),
  /** Number of HDRs in issue. */
  hdrs: MovementSchema,
  /** Number of underlying shares the HDRs represent, where printed. */
  underlyingShares: MovementSchema.nullable(),
  /** "Depositary": the bank that issues the HDRs against the shares deposited with it. */
  depositary: z.string().nullable().optional(),
  hdrRatio: HdrRatioSchema.nullable().optional(),
  underlyingClass: UnderlyingClassSchema.nullable().optional(),
});
export type HdrClass = z.infer<typeof HdrClassSchema>;
export const HdrSectionSchema = z.object({
  notApplicable: z.boolean(),
  classes: z.array(HdrClassSchema),
  remarks: z.string().nullable(),
});

// ---------------------------------------------------------------- The return
export const MonthlyReturnSchema = z.object({
  form: FormSchema,
  status: SubmissionStatusSchema.nullable(),
  issuerName: z.string(),
  /** The listed codes of the issuer's classes, five digits, in the order printed. */
  stockCodes: z.array(StockCodeSchema),
  /** "For the month ended": the last day of the reported month. */
  monthEnded: IsoDateSchema,
  dateSubmitted: IsoDateSchema.nullable(),
  submittedBy: z.string().nullable(),
  submittedByTitle: z.string().nullable(),
  authorisedShareCapital: AuthorisedShareCapitalSchema,
  issuedShares: IssuedSharesSchema,
  detailsOfMovements: DetailsOfMovementsSchema,
  hdr: HdrSectionSchema,
  remarks: z.string().nullable(),
});
export type MonthlyReturn = z.infer<typeof MonthlyReturnSchema>;

/** The month a return reports on, "YYYY-MM". */
export function reportMonthOf(monthlyReturn: Pick<MonthlyReturn, 'monthEnded'>): ReportMonth {
  return monthlyReturn.monthEnded.slice(0, 7);
}
