/**
 * Compares an FF301 return's *.truth.json with what the parser made of it, field by field. Every leaf of the truth
 * is accounted for: it is compared through a rule below, or excluded for a reason listed in EXCLUDED, or reported
 * as a mismatch "(no rule)" so that a new kind of truth field can never pass unnoticed. Texts compare exactly
 * (spacing aside): the truth keeps them as printed, and so does the model.
 */
import type { MonthlyReturn } from '../../src/domain/monthly-return.js';
import { truthLeaves } from './truth-leaves.js';
import type { FieldComparison } from './types.js';

type Compare = (expected: unknown, actual: unknown) => boolean;

interface Rule {
  /** Matched against the truth path with indices removed: "section_II_issued.classes[].stock_code". */
  readonly path: RegExp;
  readonly read: (model: MonthlyReturn, indices: readonly number[], match: RegExpExecArray) => unknown;
  readonly compare?: Compare;
}

/** Truth fields that describe the file or help a human, not a field of the form. */
export const EXCLUDED: readonly (readonly [RegExp, string])[] = [
  [/^file$/, 'the file name, not a field of the form'],
  [/^truth_scope$/, 'which parts the truth covers; the model leaves of the others are not counted (model-leaves.ts)'],
  [/^notes_for_parser$/, 'notes for whoever writes the parser, not a field of the form'],
  [/^issuer_name_short$/, 'a shortened name for people; the form prints only the full name (issuer_name)'],
  [/(^|\.)(class|type)_en$/, 'an English gloss of a Chinese label; the model keeps labels as printed'],
];

const sameText: Compare = (expected, actual) =>
  typeof expected === 'string' && typeof actual === 'string'
    ? expected.replace(/\s+/g, ' ').trim() === actual.replace(/\s+/g, ' ').trim()
    : JSON.stringify(expected ?? null) === JSON.stringify(actual ?? null);

const YES_NO: Readonly<Record<string, boolean>> = { Yes: true, No: false, 是: true, 否: false };
const yesNo: Compare = (expected, actual) =>
  expected === null ? actual === null : YES_NO[String(expected)] === actual;

const STATUSES: Readonly<Record<string, string>> = {
  'New Submission': 'new',
  新提交: 'new',
  Resubmission: 'resubmission',
  重新提交: 'resubmission',
};
const status: Compare = (expected, actual) => STATUSES[String(expected)] === actual;

/** "Capital reorganisation" -> "capital-reorganisation"; "Granted" -> "granted". */
const kebab: Compare = (expected, actual) =>
  typeof expected === 'string' &&
  expected
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '') === actual;

/** The remarks summary is a paraphrase: every figure it names must be in the remarks as printed. */
const figuresIn: Compare = (expected, actual) => {
  if (typeof expected !== 'string' || typeof actual !== 'string') return false;
  const plain = actual.replace(/,/g, '');
  const figures = expected.match(/\d[\d,]*/g) ?? [];
  return figures.length > 0 && figures.every((figure) => plain.includes(figure.replace(/,/g, '')));
};

const DETAIL_PARTS: Readonly<Record<string, Exclude<keyof MonthlyReturn['detailsOfMovements'], 'totals'>>> = {
  A_share_options: 'shareOptions',
  B_warrants: 'warrants',
  C_convertibles: 'convertibles',
  D_other_arrangements: 'otherArrangements',
  E_other_movements: 'otherMovements',
};

/** Truth names of the fields of a part III row -> the model's names. Column codes (_C1, _E2) are dropped first. */
const ROW_FIELDS: Readonly<Record<string, string>> = {
  scheme: 'particulars',
  description: 'description',
  event: 'event',
  currency: 'currency',
  outstanding_preceding: 'outstandingPreceding',
  outstanding_closing: 'outstandingClosing',
  nominal_value_preceding: 'amountPreceding',
  nominal_value_closing: 'amountClosing',
  amount_preceding: 'amountPreceding',
  amount_closing: 'amountClosing',
  new_shares_issued_during_month: 'newSharesIssued',
  treasury_shares_transferred_out: 'treasurySharesTransferred',
  shares_issuable_at_close: 'sharesIssuableAtClose',
  total_issuable_upon_exercise_of_options_to_be_granted_at_close: 'sharesIssuableUnderOptionsToBeGranted',
  general_meeting_approval_date: 'generalMeetingApprovalDate',
  stock_code_of_warrant: 'instrumentStockCode',
  stock_code_of_convertibles: 'instrumentStockCode',
  type_of_convertibles: 'instrumentType',
  date_of_expiry: 'dateOfExpiry',
  date_of_event: 'dateOfEvent',
  change_in_issued_excl_treasury: 'changeInIssuedShares',
  change_in_treasury: 'changeInTreasuryShares',
  repurchased_pending_cancellation: 'pendingCancellation',
};
const PRICE_FIELDS = /^(subscription_price|conversion_price|price)$/;

/**
 * The model's name for a truth field of a part III row. An other movement (III(E)) changes the issued shares: v1.0.x
 * truths name that column as the other tables do ("new_shares_issued_during_month"), but OtherMovement keeps it as
 * changeInIssuedShares (it has no newSharesIssued, so reading that would compare nothing).
 */
function rowField(part: string, truthField: string): string | undefined {
  const field = ROW_FIELDS[truthField.replace(/_[A-E][12]?$/, '')];
  return part === 'E_other_movements' && field === 'newSharesIssued' ? 'changeInIssuedShares' : field;
}

const CLASS_FIELDS: Readonly<Record<string, string>> = {
  class: 'className',
  class_of_shares_issuable: 'className',
  type: 'typeOfShares',
  stock_code: 'stockCode',
  description: 'description',
};

const BALANCE_FIELDS: Readonly<Record<string, 'preceding' | 'movement' | 'closing'>> = {
  preceding_balance: 'preceding',
  movement: 'movement',
  increase_decrease: 'movement',
  closing_balance: 'closing',
};

/** The value at a path, null where the model has nothing there; undefined when there is no such part at all. */
function at(value: unknown, ...keys: (string | number)[]): unknown {
  if (value === undefined) return undefined;
  let current: unknown = value;
  for (const key of keys) {
    if (current === null || current === undefined || typeof current !== 'object') return null;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current ?? null;
}

/** The model's part III section for a truth key ("C_convertibles"); undefined for a key no part has. */
function detailPart(model: MonthlyReturn, truthKey: string) {
  const key = DETAIL_PARTS[truthKey];
  return key === undefined ? undefined : model.detailsOfMovements[key];
}

/** The class blocks of a part, by the truth's name for the part: "section_II_issued", "section_III.C_convertibles". */
function classesOf(model: MonthlyReturn, part: string): unknown {
  if (part === 'section_I_authorised') return model.authorisedShareCapital.classes;
  if (part === 'section_II_issued') return model.issuedShares.classes;
  const detail = /^section_III\.(\w+)$/.exec(part)?.[1];
  return detail === undefined ? undefined : detailPart(model, detail)?.classes;
}

const CLASS_BLOCK = '^(section_I_authorised|section_II_issued|section_III\\.\\w+?)\\.classes\\[\\]\\.';

const RULES: readonly Rule[] = [
  // The block that heads each class, in every part.
  {
    path: new RegExp(`${CLASS_BLOCK}listed_on_exchange$`),
    read: (m, [i = 0], match) => at(classesOf(m, match[1] ?? ''), i, 'listedOnExchange'),
    compare: yesNo,
  },
  {
    path: new RegExp(`${CLASS_BLOCK}(class|class_of_shares_issuable|type|stock_code|description)$`),
    read: (m, [i = 0], match) => at(classesOf(m, match[1] ?? ''), i, CLASS_FIELDS[match[2] ?? ''] ?? ''),
    compare: sameText,
  },

  // The form and header.
  { path: /^language$/, read: (m) => m.form.language },
  { path: /^form$/, read: (m) => m.form.kind },
  { path: /^form_version$/, read: (m) => `${m.form.kind} v${m.form.version}` },
  { path: /^form_title$/, read: (m) => m.form.title, compare: sameText },
  { path: /^pages$/, read: (m) => m.form.pages },
  { path: /^status(_en)?$/, read: (m) => m.status, compare: status },
  { path: /^issuer_name$/, read: (m) => m.issuerName, compare: sameText },
  { path: /^stock_codes$/, read: (m) => m.stockCodes },
  { path: /^month_ended$/, read: (m) => m.monthEnded },
  { path: /^date_submitted$/, read: (m) => m.dateSubmitted },
  { path: /^submitted_by$/, read: (m) => m.submittedBy, compare: sameText },
  { path: /^submitted_by_title$/, read: (m) => m.submittedByTitle, compare: sameText },

  // Part I.
  { path: /^section_I_authorised\.not_applicable$/, read: (m) => m.authorisedShareCapital.notApplicable },
  {
    path: /^section_I_authorised\.total_authorised_capital\[\]\.(amount|currency)$/,
    read: (m, [i = 0], match) => at(m.authorisedShareCapital.totalAuthorisedCapital, i, match[1] ?? ''),
  },
  {
    path: /^section_I_authorised\.classes\[\]\.(preceding_balance|movement|closing_balance)$/,
    read: (m, [i = 0], match) =>
      at(m.authorisedShareCapital.classes, i, 'authorisedShares', BALANCE_FIELDS[match[1] ?? ''] ?? ''),
  },
  {
    path: /^section_I_authorised\.classes\[\]\.authorised_capital_(preceding|movement|closing)$/,
    read: (m, [i = 0], match) => at(m.authorisedShareCapital.classes, i, 'authorisedCapital', match[1] ?? ''),
  },
  {
    path: /^section_I_authorised\.classes\[\]\.(par_value|par_value_currency|authorised_capital_currency)$/,
    read: (m, [i = 0], match) =>
      at(
        m.authorisedShareCapital.classes,
        i,
        { par_value: 'parValue', par_value_currency: 'parValueCurrency' }[match[1] ?? ''] ??
          'authorisedCapitalCurrency',
      ),
  },

  // Part II.
  { path: /^section_II_issued\.title$/, read: (m) => m.issuedShares.title, compare: sameText },
  { path: /^section_II_issued\.has_treasury_columns$/, read: (m) => m.issuedShares.hasTreasuryColumns },
  { path: /^section_II_issued\.remarks$/, read: (m) => m.issuedShares.remarks, compare: sameText },
  {
    path: /^section_II_issued\.classes\[\]\.(preceding_balance|increase_decrease|closing_balance)$/,
    read: (m, [i = 0], match) => at(m.issuedShares.classes, i, 'issuedShares', BALANCE_FIELDS[match[1] ?? ''] ?? ''),
  },
  {
    path: /^section_II_issued\.classes\[\]\.(issued_excl_treasury|treasury|total_issued)\.(preceding|movement|closing)$/,
    read: (m, [i = 0], match) =>
      at(
        m.issuedShares.classes,
        i,
        { issued_excl_treasury: 'issuedShares', treasury: 'treasuryShares' }[match[1] ?? ''] ?? 'totalIssuedShares',
        match[2] ?? '',
      ),
  },
  {
    path: /^section_II_issued\.classes\[\]\.public_float\.(requirement_complied_with|applicable_threshold|additional_information)$/,
    read: (m, [i = 0], match) =>
      at(
        m.issuedShares.classes,
        i,
        'publicFloat',
        { requirement_complied_with: 'requirementCompliedWith', applicable_threshold: 'applicableThreshold' }[
          match[1] ?? ''
        ] ?? 'additionalInformation',
      ),
    compare: sameText,
  },

  // Part III.
  {
    path: /^section_III\.(\w+?)\.not_applicable$/,
    read: (m, _, match) => at(detailPart(m, match[1] ?? ''), 'notApplicable'),
  },
  {
    path: /^section_III\.(\w+?)\.classes\[\]\.(?:schemes|items|events)\[\]\.movements\[\]\.type$/,
    read: (m, [i = 0, j = 0, k = 0], match) =>
      at(detailPart(m, match[1] ?? '')?.classes, i, 'items', j, 'movements', k, 'type'),
    compare: kebab,
  },
  {
    path: /^section_III\.(\w+?)\.classes\[\]\.(?:schemes|items|events)\[\]\.movements\[\]\.(number|amount)$/,
    read: (m, [i = 0, j = 0, k = 0], match) =>
      at(detailPart(m, match[1] ?? '')?.classes, i, 'items', j, 'movements', k, match[2] ?? ''),
  },
  {
    path: /^section_III\.(\w+?)\.classes\[\]\.(?:schemes|items|events)\[\]\.event_en$/,
    read: (m, [i = 0, j = 0], match) => at(detailPart(m, match[1] ?? '')?.classes, i, 'items', j, 'type'),
    compare: kebab,
  },
  {
    path: /^section_III\.(\w+?)\.classes\[\]\.(?:schemes|items|events)\[\]\.(\w+?)\.(amount|currency)$/,
    read: (m, [i = 0, j = 0], match) =>
      PRICE_FIELDS.test(match[2] ?? '')
        ? at(detailPart(m, match[1] ?? '')?.classes, i, 'items', j, 'price', match[3] ?? '')
        : undefined,
  },
  {
    path: /^section_III\.(\w+?)\.classes\[\]\.(?:schemes|items|events)\[\]\.(\w+)$/,
    read: (m, [i = 0, j = 0], match) => {
      const field = rowField(match[1] ?? '', match[2] ?? '');
      return field === undefined ? undefined : at(detailPart(m, match[1] ?? '')?.classes, i, 'items', j, field);
    },
    compare: sameText,
  },
  {
    // Subtotals printed per class: "total_CC1_increase_in_issued_shares", "total_EE2".
    path: /^section_III\.(\w+?)\.classes\[\]\.total_([A-E])\2([12])\w*$/,
    read: (m, [i = 0], match) =>
      at(
        detailPart(m, match[1] ?? '')?.totals,
        i,
        match[3] === '2' ? 'decreaseInTreasuryShares' : 'increaseInIssuedShares',
      ),
  },
  {
    // v1.0.x subtotals: "Total A (Ordinary shares)".
    path: /^section_III\.(\w+?)\.total_([A-E])$/,
    read: (m, _, match) => at(detailPart(m, match[1] ?? '')?.totals, 0, 'increaseInIssuedShares'),
  },
  {
    path: /^section_III\.A_share_options\.funds_raised_from_exercise\.(amount|currency)$/,
    read: (m, _, match) => at(m.detailsOfMovements.shareOptions.fundsRaised, match[1] ?? ''),
  },
  {
    // Remarks printed under a table, as printed (a truth amendment, where the truth has only a summary or none).
    path: /^section_III\.(\w+?)\.remarks$/,
    read: (m, _, match) => at(detailPart(m, match[1] ?? ''), 'remarks'),
    compare: sameText,
  },
  {
    path: /^section_III\.(\w+?)\.remarks_summary$/,
    read: (m, _, match) => at(detailPart(m, match[1] ?? ''), 'remarks'),
    compare: figuresIn,
  },
  {
    // Grand totals: "... (i.e. Total of AA2 to EE2)" is the treasury line; every other variant the issued line.
    path: /^section_III\.total_increase_decrease_(\w+)$/,
    read: (m, _, match) =>
      at(
        m.detailsOfMovements.totals,
        0,
        /^treasury$|AA2/.test(match[1] ?? '') ? 'changeInTreasuryShares' : 'changeInIssuedShares',
      ),
  },

  // Part IV.
  { path: /^section_IV_hdr\.not_applicable$/, read: (m) => m.hdr.notApplicable },
];

export function compareFf301(truth: unknown, model: MonthlyReturn): FieldComparison[] {
  const comparisons: FieldComparison[] = [];
  for (const leaf of truthLeaves(truth)) {
    if (EXCLUDED.some(([pattern]) => pattern.test(leaf.pattern))) continue;
    let compared = false;
    for (const rule of RULES) {
      const match = rule.path.exec(leaf.pattern);
      if (!match) continue;
      const actual = rule.read(model, leaf.indices, match);
      if (actual === undefined) continue;
      const ok = (rule.compare ?? sameText)(leaf.value, actual);
      comparisons.push({ field: leaf.path, expected: leaf.value, actual, ok, uncertain: leaf.uncertain });
      compared = true;
      break;
    }
    if (!compared) {
      comparisons.push({
        field: `${leaf.path} (no rule)`,
        expected: leaf.value,
        actual: null,
        ok: false,
        uncertain: leaf.uncertain,
      });
    }
  }
  return comparisons;
}
