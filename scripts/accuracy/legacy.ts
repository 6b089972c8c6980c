/**
 * Compares a pre-2021 return's *.truth.json with what the parser made of it, field by field. The truth files
 * describe the form in its own slots (section_I_authorised, section_II_issued, section_III.A_share_options ...);
 * each field is looked up in the model where that slot lives. Texts compare without case, spacing and punctuation
 * ("1. Share Option Scheme adopted on (03/11/2003), Exercise Price: ..." against the particulars as printed);
 * amounts compare as numbers ("200000000.00" = "200000000"). Every leaf of the truth is accounted for, as in the
 * FF301 comparator: compared, excluded for a reason listed in EXCLUDED, or reported as a mismatch "(no rule)".
 */
import type {
  InstrumentMovement,
  Money,
  MonthlyReturn,
  OtherMovement,
  SectionTotal,
  ShareOptionScheme,
  WarrantOrConvertible,
} from '../../src/domain/monthly-return.js';
import { truthCovers } from './model-leaves.js';
import {
  type Compare,
  currencyNamedIn,
  printedAmount,
  printedCount,
  printedDate,
  printedPrice,
  printedStockCode,
  readPrintedDate,
} from './printed-values.js';
import { truthLeaves } from './truth-leaves.js';
import type { FieldComparison } from './types.js';

type Json = Record<string, unknown>;
type Kind = 'exact' | 'text' | 'amount' | 'contains' | Compare;

/** Truth fields that describe the file or help a human, not a field of the form. */
export const EXCLUDED: readonly (readonly [RegExp, string])[] = [
  [/^file$/, 'the file name in the corpus, not a field of the form'],
  [/^source_file$/, 'the file name HKEX published it under, not a field of the form'],
  [/^notes_for_parser$/, 'notes for whoever writes the parser, not a field of the form'],
  [/^value_conventions$/, 'how the truth writes values (null, Nil, amounts), not a field of the form'],
  [/^truth_scope$/, 'which parts the truth covers; honoured by skipping the others'],
  [/^(source_path|found_file|sha256)$/, 'where the file was found and its hash, not a field of the form'],
  [
    /^(derived_from|differences_from_english|verification)(\.|\[|$)/,
    'how a Chinese truth was made from its English twin',
  ],
  [/_en$/, 'the English gloss of a Chinese field, taken from the English twin: the Chinese form does not print it'],
];

class Comparisons {
  readonly fields: FieldComparison[] = [];
  /** The truth paths the comparisons so far account for. */
  readonly covered = new Set<string>();

  /** `field` is the truth path compared; `covers` lists further truth paths the comparison accounts for. */
  add(
    field: string,
    expected: unknown,
    actual: unknown,
    kind: Kind = 'exact',
    uncertain = false,
    covers: readonly string[] = [],
  ): void {
    this.fields.push({ field, expected, actual, ok: same(expected, actual, kind), uncertain });
    for (const path of [field, ...covers]) this.covered.add(path);
  }

  /** Compares `truth[key]` (marked uncertain where the truth says `<key>_uncertain: true`). */
  field(path: string, truth: Json, key: string, actual: unknown, kind: Kind = 'exact'): void {
    if (!(key in truth)) return;
    this.add(path ? `${path}.${key}` : key, truth[key], actual, kind, truth[`${key}_uncertain`] === true);
  }
}

function same(expected: unknown, actual: unknown, kind: Kind): boolean {
  if (typeof kind === 'function') return kind(expected, actual);
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  switch (kind) {
    case 'exact':
      return JSON.stringify(expected) === JSON.stringify(actual);
    case 'text':
      return squash(String(expected)) === squash(String(actual));
    case 'amount':
      return normaliseAmount(String(expected)) === normaliseAmount(String(actual));
    case 'contains':
      return squash(String(actual)).includes(squash(String(expected)));
  }
}

/** Letters and digits of any script: Chinese text is compared as strictly as English. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function normaliseAmount(text: string): string {
  const plain = text.replace(/,/g, '');
  return plain.includes('.') ? plain.replace(/0+$/, '').replace(/\.$/, '') : plain;
}

function object(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(object) : [];
}

function withoutEntryNumber(text: unknown): unknown {
  return typeof text === 'string' ? text.replace(/^\d{1,2}\.\s*/, '') : text;
}

/**
 * The four fixed class slots of parts I and II: ordinary (1), ordinary (2), preference, other classes, named in
 * English or as the Chinese template prints them (普通股, 優先股, 其他類別股份).
 */
function slotOf(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  if (/preference|優先股/i.test(text)) return 'preference';
  if (/other classes|其他類別/i.test(text)) return 'other classes';
  if (/ordinary|普通股/i.test(text)) return /\(2\)/.test(text) ? 'ordinary (2)' : 'ordinary (1)';
  return null;
}

const sameSlot: Compare = (expected, actual) => slotOf(expected) !== null && slotOf(expected) === slotOf(actual);

function slotsOf(value: unknown): (string | null)[] {
  return Array.isArray(value) ? value.map(slotOf) : [];
}

/** `empty_slots` against the model's class names: no class sits in a slot the truth says is empty. */
const slotsEmpty: Compare = (expected, actual) => {
  const used = slotsOf(actual);
  return slotsOf(expected).every((slot) => slot !== null && !used.includes(slot));
};

/** Part II `columns` against the model's class names: every class read sits in one of the columns printed. */
const slotsHold: Compare = (expected, actual) => {
  const columns = slotsOf(expected);
  return columns.length > 0 && !columns.includes(null) && slotsOf(actual).every((slot) => columns.includes(slot));
};

/** The names the truths give the pre-2021 template and the header line it prints, both meaning form.kind 'legacy'. */
const legacyForm: Compare = (expected, actual) =>
  actual === 'legacy' &&
  typeof expected === 'string' &&
  (/^Legacy monthly return/i.test(expected) ||
    /^For Main Board and GEM listed issuers$/i.test(expected.trim()) ||
    expected.trim() === '適用於主板及創業板上市發行人');

export function compareLegacy(truth: unknown, model: MonthlyReturn): FieldComparison[] {
  const t = object(truth);
  const c = new Comparisons();
  compareHeader(c, t, model);
  c.field('', t, 'form', model.form.kind, legacyForm);
  c.field('', t, 'form_header', model.form.kind, legacyForm);
  c.field('', t, 'month_ended_as_printed', model.monthEnded, printedDate);
  c.field('', t, 'date_submitted_as_printed', model.dateSubmitted, printedDate);
  c.field('', t, 'submitted_by_as_printed', model.submittedBy, 'text');
  // A part the truth says it does not cover (`truth_scope`) is not compared: its absence says nothing, where it
  // would otherwise read as "no classes" or "no rows".
  if (truthCovers(t, 'section_I_authorised')) compareAuthorised(c, object(t.section_I_authorised), model);
  if (truthCovers(t, 'section_II_issued')) compareIssued(c, object(t.section_II_issued), model);
  if (truthCovers(t, 'section_III')) compareDetails(c, object(t.section_III), model);
  if ('remarks' in t) {
    const lines = Array.isArray(t.remarks) ? t.remarks.map(String) : [];
    c.add('remarks', lines.length > 0 ? lines.join('\n') : null, model.remarks, 'text');
  }
  accountForEveryLeaf(c, truth);
  return c.fields;
}

function compareDetails(c: Comparisons, iii: Json, model: MonthlyReturn): void {
  compareShareOptions(c, object(iii.A_share_options), model);
  compareInstruments(c, 'B_warrants', object(iii.B_warrants), model.detailsOfMovements.warrants, 'total_B_ordinary');
  compareInstruments(
    c,
    'C_convertibles',
    object(iii.C_convertibles),
    model.detailsOfMovements.convertibles,
    'total_C_ordinary',
  );
  compareOtherArrangements(c, object(iii.D_other_arrangements), model);
  compareOtherMovements(c, object(iii.E_other_movements), model);
  compareGrandTotals(c, object(iii.total_increase_decrease), model);
}

/**
 * Every leaf of the truth that no comparison above accounts for is excluded for a reason in EXCLUDED, or reported
 * as a mismatch "(no rule)" so that a truth field can never go uncounted.
 */
function accountForEveryLeaf(c: Comparisons, truth: unknown): void {
  for (const leaf of truthLeaves(truth)) {
    if (c.covered.has(leaf.path) || EXCLUDED.some(([pattern]) => pattern.test(leaf.pattern))) continue;
    c.fields.push({
      field: `${leaf.path} (no rule)`,
      expected: leaf.value,
      actual: null,
      ok: false,
      uncertain: leaf.uncertain,
    });
  }
}

function compareHeader(c: Comparisons, t: Json, model: MonthlyReturn): void {
  c.field('', t, 'form_title', model.form.title, 'text');
  c.field('', t, 'form_version', model.form.version);
  c.field('', t, 'pages', model.form.pages);
  c.field('', t, 'language', model.form.language);
  c.field('', t, 'status', model.status);
  c.field('', t, 'issuer_name', model.issuerName, 'text');
  c.field('', t, 'stock_codes', model.stockCodes);
  c.field('', t, 'month_ended', model.monthEnded);
  c.field('', t, 'date_submitted', model.dateSubmitted);
  c.field('', t, 'submitted_by', model.submittedBy, 'text');
  c.field('', t, 'submitted_by_title', model.submittedByTitle, 'text');
}

function compareAuthorised(c: Comparisons, t: Json, model: MonthlyReturn): void {
  const part = model.authorisedShareCapital;
  c.field('section_I_authorised', t, 'not_applicable', part.notApplicable);
  const classes = list(t.classes);
  c.add('section_I_authorised.classes.length', classes.length, part.classes.length, 'exact', false, [
    'section_I_authorised.classes',
  ]);
  classes.forEach((truth, i) => {
    const path = `section_I_authorised.classes[${i}]`;
    const m = part.classes[i];
    c.field(path, truth, 'class', m?.className, 'text');
    c.field(path, truth, 'slot', m?.className, sameSlot);
    c.field(path, truth, 'stock_code', m?.stockCode);
    c.field(path, truth, 'stock_code_as_printed', m?.stockCode, printedStockCode);
    c.field(path, truth, 'description', m?.description, 'text');
    c.field(path, truth, 'preceding_balance', m?.authorisedShares.preceding);
    c.field(path, truth, 'movement', m?.authorisedShares.movement);
    c.field(path, truth, 'closing_balance', m?.authorisedShares.closing);
    c.field(path, truth, 'par_value', m?.parValue, 'amount');
    c.field(path, truth, 'par_value_as_printed', m?.parValue, printedAmount);
    c.field(path, truth, 'par_value_currency', m?.parValueCurrency);
    c.field(path, truth, 'authorised_capital_preceding', m?.authorisedCapital.preceding, 'amount');
    c.field(path, truth, 'authorised_capital_movement', m?.authorisedCapital.movement, 'amount');
    c.field(path, truth, 'authorised_capital_closing', m?.authorisedCapital.closing, 'amount');
    c.field(path, truth, 'authorised_capital_currency', m?.authorisedCapitalCurrency);
  });
  c.field(
    'section_I_authorised',
    t,
    'empty_slots',
    part.classes.map((shareClass) => shareClass.className),
    slotsEmpty,
  );
  list(t.total_authorised_capital).forEach((truth, i) => {
    const m = part.totalAuthorisedCapital[i];
    c.field(`section_I_authorised.total_authorised_capital[${i}]`, truth, 'currency', m?.currency);
    c.field(`section_I_authorised.total_authorised_capital[${i}]`, truth, 'amount', m?.amount, 'amount');
  });
}

/** The part II column of a slot, by the model's slot names; "N/A" where the model holds no such class. */
function slotClass(model: MonthlyReturn, slot: string) {
  return model.issuedShares.classes.find((shareClass) => slotOf(shareClass.className) === slot);
}

function compareIssued(c: Comparisons, t: Json, model: MonthlyReturn): void {
  const part = model.issuedShares;
  c.field('section_II_issued', t, 'title', part.title, 'text');
  c.field('section_II_issued', t, 'has_treasury_columns', part.hasTreasuryColumns);
  const classes = list(t.classes);
  c.add('section_II_issued.classes.length', classes.length, part.classes.length, 'exact', false, [
    'section_II_issued.classes',
  ]);
  classes.forEach((truth, i) => {
    const path = `section_II_issued.classes[${i}]`;
    const m = part.classes[i];
    c.field(path, truth, 'class', m?.className.replace(/\s*\(\d\)$/, ''), 'text');
    c.field(path, truth, 'stock_code', m?.stockCode);
    c.field(path, truth, 'preceding_balance', m?.issuedShares.preceding);
    c.field(path, truth, 'increase_decrease', m?.issuedShares.movement);
    c.field(path, truth, 'closing_balance', m?.issuedShares.closing);
    c.field(path, truth, 'slot', m?.className, sameSlot);
    c.field(path, truth, 'increase_decrease_as_printed', m?.issuedShares.movement, printedCount);
  });
  c.field(
    'section_II_issued',
    t,
    'columns',
    part.classes.map((shareClass) => shareClass.className),
    slotsHold,
  );
  // The truth writes an unused slot as printed: "N/A", or 不適用 on the Chinese form.
  const unused = (slot: string) => (slotClass(model, slot) ? 'in use' : 'N/A');
  const notApplicable: Compare = (expected, actual) => (expected === '不適用' ? 'N/A' : expected) === actual;
  c.field('section_II_issued', t, 'ordinary_2', unused('ordinary (2)'), notApplicable);
  c.field('section_II_issued', t, 'preference', unused('preference'), notApplicable);
  c.field('section_II_issued', t, 'other_classes', unused('other classes'), notApplicable);
}

function flatten<T>(part: { classes: readonly { className: string; items: readonly T[] }[] }) {
  return part.classes.flatMap((group) => group.items.map((item) => ({ className: group.className, item })));
}

function ordinaryTotal(totals: readonly SectionTotal[]): number | null {
  return totals.find((total) => slotOf(total.className)?.startsWith('ordinary'))?.increaseInIssuedShares ?? null;
}

/** A movement column by its English name (the Chinese truth glosses 授出 as `type_en` "Granted"). */
function movementOf(movements: readonly InstrumentMovement[], type: string): InstrumentMovement | undefined {
  return movements.find((movement) => movement.type === type.toLowerCase());
}

function compareShareOptions(c: Comparisons, t: Json, model: MonthlyReturn): void {
  const part = model.detailsOfMovements.shareOptions;
  const schemes = list(t.schemes);
  const items = flatten<ShareOptionScheme>(part);
  c.add('section_III.A_share_options.schemes.length', schemes.length, items.length, 'exact', false, [
    'section_III.A_share_options.schemes',
  ]);
  schemes.forEach((truth, i) => {
    const path = `section_III.A_share_options.schemes[${i}]`;
    const m = items[i];
    c.add(`${path}.scheme`, withoutEntryNumber(truth.scheme), m?.item.particulars, 'text');
    c.field(path, truth, 'class_of_shares_issuable', m?.className, 'text');
    list(truth.movements).forEach((movement, k) => {
      const read = movementOf(m?.item.movements ?? [], String(movement.type_en ?? movement.type));
      c.add(`${path}.movements[${k}].type`, movement.type, read?.label ?? null, 'text');
      c.add(`${path}.movements[${k}].number`, movement.number ?? null, read?.number);
    });
    c.field(path, truth, 'new_shares_issued_during_month', m?.item.newSharesIssued);
    c.field(path, truth, 'shares_issuable_at_close', m?.item.sharesIssuableAtClose);
    const price = object(truth.exercise_price);
    if ('amount' in price) c.add(`${path}.exercise_price.amount`, price.amount, m?.item.particulars, 'contains');
    if ('currency' in price)
      c.add(`${path}.exercise_price.currency`, price.currency, m?.item.particulars ?? null, currencyNamedIn);
  });
  c.field('section_III.A_share_options', t, 'total_A_ordinary', ordinaryTotal(part.totals));
  c.field(
    'section_III.A_share_options',
    t,
    'funds_raised_from_exercise_HKD',
    part.fundsRaised?.amount ?? null,
    'amount',
  );
  if (t.funds_raised_from_exercise_HKD)
    c.add('section_III.A_share_options.funds_raised_from_exercise_HKD.currency', 'HKD', part.fundsRaised?.currency);
}

/** A price as the truth splits it (currency, amount, as printed); a null price accounts for the whole field. */
function comparePrice(c: Comparisons, path: string, truth: Json, key: string, actual: Money | null | undefined): void {
  if (!(key in truth)) return;
  const price = truth[key] === null ? null : object(truth[key]);
  c.add(`${path}.${key}.currency`, price?.currency ?? null, actual?.currency ?? null, 'exact', false, [
    `${path}.${key}`,
  ]);
  c.add(`${path}.${key}.amount`, price?.amount ?? null, actual?.amount ?? null, 'amount');
  if (price && 'as_printed' in price)
    c.add(`${path}.${key}.as_printed`, price.as_printed, actual ?? null, printedPrice);
}

/**
 * What the parser made of the expiry cell: the date where one is printed, else the words the filer wrote there
 * ("12 months from (and inclusive of) the date of issue of warrant"), which the model keeps with the description.
 */
function expiryAsRead(item: WarrantOrConvertible | undefined): string | null {
  if (!item) return null;
  return item.dateOfExpiry ?? [item.description, item.note ?? ''].join(' ');
}

const expiryAsPrinted: Compare = (expected, actual) => {
  if (typeof expected !== 'string' || typeof actual !== 'string') return false;
  const date = readPrintedDate(expected);
  return date !== null ? date === actual : squash(actual).includes(squash(expected));
};

function compareInstruments(
  c: Comparisons,
  name: string,
  t: Json,
  part: MonthlyReturn['detailsOfMovements']['warrants'],
  totalKey: string,
): void {
  const truths = list(t.items);
  const items = flatten<WarrantOrConvertible>(part);
  c.add(`section_III.${name}.items.length`, truths.length, items.length, 'exact', false, [`section_III.${name}.items`]);
  truths.forEach((truth, i) => {
    const path = `section_III.${name}.items[${i}]`;
    const m = items[i]?.item;
    c.field(path, truth, 'description', m?.description, 'text');
    c.field(path, truth, 'date_of_expiry', m?.dateOfExpiry);
    c.field(path, truth, 'date_of_expiry_as_printed', expiryAsRead(m), expiryAsPrinted);
    c.field(path, truth, 'currency', m?.currency);
    for (const key of ['nominal_value_preceding', 'amount_preceding'])
      c.field(path, truth, key, m?.amountPreceding, 'amount');
    for (const key of ['exercised_during_month', 'converted_during_month']) {
      c.field(path, truth, key, m?.movements[0]?.amount ?? null, 'amount');
    }
    for (const key of ['nominal_value_closing', 'amount_closing'])
      c.field(path, truth, key, m?.amountClosing, 'amount');
    c.field(path, truth, 'nominal_value_unit', m?.amountsIn === 'units' ? 'units' : m?.currency);
    c.field(path, truth, 'new_shares_issued_during_month', m?.newSharesIssued);
    c.field(path, truth, 'shares_issuable_at_close', m?.sharesIssuableAtClose);
    c.field(path, truth, 'stock_code', m?.instrumentStockCode);
    c.field(path, truth, 'class_of_shares_issuable', items[i]?.className, 'text');
    for (const key of ['subscription_price', 'conversion_price']) comparePrice(c, path, truth, key, m?.price);
    c.field(path, truth, 'egm_approval_date', m?.generalMeetingApprovalDate);
    if ('egm_approval' in truth) {
      const printed = truth.egm_approval;
      const isDate = typeof printed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(printed);
      c.add(`${path}.egm_approval`, printed, isDate ? m?.generalMeetingApprovalDate : (m?.note ?? null), 'text');
    }
  });
  c.field(`section_III.${name}`, t, totalKey, ordinaryTotal(part.totals));
}

function compareOtherArrangements(c: Comparisons, t: Json, model: MonthlyReturn): void {
  const part = model.detailsOfMovements.otherArrangements;
  const truths = list(t.items);
  const items = flatten(part);
  c.add('section_III.D_other_arrangements.items.length', truths.length, items.length, 'exact', false, [
    'section_III.D_other_arrangements.items',
  ]);
  truths.forEach((truth, i) => {
    const path = `section_III.D_other_arrangements.items[${i}]`;
    const m = items[i];
    c.field(path, truth, 'description', m?.item.description, 'text');
    c.field(path, truth, 'class_of_shares_issuable', m?.className, 'text');
    c.field(path, truth, 'new_shares_issued_during_month', m?.item.newSharesIssued);
    c.field(path, truth, 'shares_issuable_at_close', m?.item.sharesIssuableAtClose);
    c.field(path, truth, 'egm_approval_date', m?.item.generalMeetingApprovalDate);
  });
  c.field('section_III.D_other_arrangements', t, 'total_D_ordinary', ordinaryTotal(part.totals));
}

/** The note without the filer's pointers to remarks, which the truth keeps apart ("remark_ref"). */
function approvalNote(note: string | null | undefined): string | null {
  const text = (note ?? '').replace(/\(?\s*(Remark\s*\d+|備註\s*[一二三四五六七八九十\d]+)\s*\)?/gi, '').trim();
  return text === '' ? null : text;
}

function compareOtherMovements(c: Comparisons, t: Json, model: MonthlyReturn): void {
  const part = model.detailsOfMovements.otherMovements;
  const truths = list(t.items);
  const items = flatten<OtherMovement>(part);
  c.add('section_III.E_other_movements.items.length', truths.length, items.length, 'exact', false, [
    'section_III.E_other_movements.items',
  ]);
  truths.forEach((truth, i) => {
    const path = `section_III.E_other_movements.items[${i}]`;
    const m = items[i]?.item;
    c.field(path, truth, 'type', m?.event, 'text');
    for (const key of ['class_of_shares_issuable', 'class_of_shares_repurchased', 'class_of_shares_redeemed']) {
      const printed = truth[`${key}_as_printed`];
      if (truth[key] === null && (printed === 'N/A' || printed === '不適用')) {
        // The cell prints N/A. The model has no field for a row's printed class: the reader files the row under
        // the issuer's class in part II (its figures count there) and raises uncertain-figure for it. Shown, not
        // counted, like a field the truth marks uncertain.
        c.add(`${path}.${key}`, null, items[i]?.className, 'text', true, [`${path}.${key}_as_printed`]);
      } else c.field(path, truth, key, items[i]?.className, 'text');
    }
    comparePrice(c, path, truth, 'price', m?.price);
    for (const key of ['issue_and_allotment_date', 'cancellation_date', 'redemption_date']) {
      c.field(path, truth, key, m?.dateOfEvent);
    }
    for (const key of ['agm_approval_date', 'egm_approval_date'])
      c.field(path, truth, key, m?.generalMeetingApprovalDate);
    c.field(path, truth, 'approval_note', approvalNote(m?.note), 'text');
    c.field(path, truth, 'remark_ref', m?.note, 'contains');
    c.field(path, truth, 'new_shares_issued_during_month', m?.changeInIssuedShares);
    c.field(path, truth, 'shares_issuable_at_close', m?.sharesIssuableAtClose);
    c.field(path, truth, 'shares_issuable_at_close_as_printed', m?.sharesIssuableAtClose, printedCount);
  });
  c.field('section_III.E_other_movements', t, 'total_E_ordinary', ordinaryTotal(part.totals));
}

function compareGrandTotals(c: Comparisons, t: Json, model: MonthlyReturn): void {
  const totals = model.detailsOfMovements.totals;
  const find = (slot: string) => totals.find((total) => slotOf(total.className) === slot)?.changeInIssuedShares ?? null;
  c.field('section_III.total_increase_decrease', t, 'ordinary_1', find('ordinary (1)'));
  c.field('section_III.total_increase_decrease', t, 'ordinary_2', find('ordinary (2)'));
  c.field('section_III.total_increase_decrease', t, 'preference', find('preference'));
  c.field('section_III.total_increase_decrease', t, 'other_classes', find('other classes'));
}
