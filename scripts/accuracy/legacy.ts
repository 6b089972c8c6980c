/**
 * Compares a pre-2021 return's *.truth.json with what the parser made of it, field by field. The truth files
 * describe the form in its own slots (section_I_authorised, section_II_issued, section_III.A_share_options ...);
 * each field is looked up in the model where that slot lives. Texts compare without case, spacing and punctuation
 * ("1. Share Option Scheme adopted on (03/11/2003), Exercise Price: ..." against the particulars as printed);
 * amounts compare as numbers ("200000000.00" = "200000000").
 */
import type {
  InstrumentMovement,
  MonthlyReturn,
  OtherMovement,
  SectionTotal,
  ShareOptionScheme,
  WarrantOrConvertible,
} from '../../src/domain/monthly-return.js';
import type { FieldComparison } from './types.js';

type Json = Record<string, unknown>;
type Kind = 'exact' | 'text' | 'amount' | 'contains';

class Comparisons {
  readonly fields: FieldComparison[] = [];

  add(field: string, expected: unknown, actual: unknown, kind: Kind = 'exact', uncertain = false): void {
    this.fields.push({ field, expected, actual, ok: same(expected, actual, kind), uncertain });
  }

  /** Compares `truth[key]` (marked uncertain where the truth says `<key>_uncertain: true`). */
  field(path: string, truth: Json, key: string, actual: unknown, kind: Kind = 'exact'): void {
    if (!(key in truth)) return;
    this.add(`${path}.${key}`, truth[key], actual, kind, truth[`${key}_uncertain`] === true);
  }
}

function same(expected: unknown, actual: unknown, kind: Kind): boolean {
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

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
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

export function compareLegacy(truth: unknown, model: MonthlyReturn): FieldComparison[] {
  const t = object(truth);
  const c = new Comparisons();
  compareHeader(c, t, model);
  compareAuthorised(c, object(t.section_I_authorised), model);
  compareIssued(c, object(t.section_II_issued), model);
  const iii = object(t.section_III);
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
  if ('remarks' in t) {
    const lines = Array.isArray(t.remarks) ? t.remarks.map(String) : [];
    c.add('remarks', lines.length > 0 ? lines.join('\n') : null, model.remarks, 'text');
  }
  return c.fields;
}

function compareHeader(c: Comparisons, t: Json, model: MonthlyReturn): void {
  c.field('header', t, 'form_title', model.form.title, 'text');
  c.field('header', t, 'form_version', model.form.version);
  c.field('header', t, 'pages', model.form.pages);
  c.field('header', t, 'language', model.form.language);
  c.field('header', t, 'status', model.status);
  c.field('header', t, 'issuer_name', model.issuerName, 'text');
  c.field('header', t, 'stock_codes', model.stockCodes);
  c.field('header', t, 'month_ended', model.monthEnded);
  c.field('header', t, 'date_submitted', model.dateSubmitted);
  c.field('header', t, 'submitted_by', model.submittedBy, 'text');
  c.field('header', t, 'submitted_by_title', model.submittedByTitle, 'text');
}

function compareAuthorised(c: Comparisons, t: Json, model: MonthlyReturn): void {
  const part = model.authorisedShareCapital;
  c.field('section_I', t, 'not_applicable', part.notApplicable);
  const classes = list(t.classes);
  c.add('section_I.classes.length', classes.length, part.classes.length);
  classes.forEach((truth, i) => {
    const path = `section_I.classes[${i}]`;
    const m = part.classes[i];
    c.field(path, truth, 'class', m?.className, 'text');
    c.field(path, truth, 'stock_code', m?.stockCode);
    c.field(path, truth, 'description', m?.description, 'text');
    c.field(path, truth, 'preceding_balance', m?.authorisedShares.preceding);
    c.field(path, truth, 'movement', m?.authorisedShares.movement);
    c.field(path, truth, 'closing_balance', m?.authorisedShares.closing);
    c.field(path, truth, 'par_value', m?.parValue, 'amount');
    c.field(path, truth, 'par_value_currency', m?.parValueCurrency);
    c.field(path, truth, 'authorised_capital_preceding', m?.authorisedCapital.preceding, 'amount');
    c.field(path, truth, 'authorised_capital_movement', m?.authorisedCapital.movement, 'amount');
    c.field(path, truth, 'authorised_capital_closing', m?.authorisedCapital.closing, 'amount');
    c.field(path, truth, 'authorised_capital_currency', m?.authorisedCapitalCurrency);
  });
  list(t.total_authorised_capital).forEach((truth, i) => {
    const m = part.totalAuthorisedCapital[i];
    c.field(`section_I.total_authorised_capital[${i}]`, truth, 'currency', m?.currency);
    c.field(`section_I.total_authorised_capital[${i}]`, truth, 'amount', m?.amount, 'amount');
  });
}

/** The part II column of a slot, by the model's slot names; "N/A" where the model holds no such class. */
function slotClass(model: MonthlyReturn, pattern: RegExp) {
  return model.issuedShares.classes.find((shareClass) => pattern.test(shareClass.className));
}

function compareIssued(c: Comparisons, t: Json, model: MonthlyReturn): void {
  const part = model.issuedShares;
  c.field('section_II', t, 'title', part.title, 'text');
  c.field('section_II', t, 'has_treasury_columns', part.hasTreasuryColumns);
  const classes = list(t.classes);
  c.add('section_II.classes.length', classes.length, part.classes.length);
  classes.forEach((truth, i) => {
    const path = `section_II.classes[${i}]`;
    const m = part.classes[i];
    c.field(path, truth, 'class', m?.className.replace(/\s*\(\d\)$/, ''), 'text');
    c.field(path, truth, 'stock_code', m?.stockCode);
    c.field(path, truth, 'preceding_balance', m?.issuedShares.preceding);
    c.field(path, truth, 'increase_decrease', m?.issuedShares.movement);
    c.field(path, truth, 'closing_balance', m?.issuedShares.closing);
  });
  const unused = (pattern: RegExp) => (slotClass(model, pattern) ? 'in use' : 'N/A');
  c.field('section_II', t, 'ordinary_2', unused(/ordinary shares \(2\)/i));
  c.field('section_II', t, 'preference', unused(/preference/i));
  c.field('section_II', t, 'other_classes', unused(/other classes/i));
}

function flatten<T>(part: { classes: readonly { className: string; items: readonly T[] }[] }) {
  return part.classes.flatMap((group) => group.items.map((item) => ({ className: group.className, item })));
}

function ordinaryTotal(totals: readonly SectionTotal[]): number | null {
  return totals.find((total) => /^ordinary/i.test(total.className))?.increaseInIssuedShares ?? null;
}

function movementOf(movements: readonly InstrumentMovement[], type: string): InstrumentMovement | undefined {
  return movements.find((movement) => movement.type === type.toLowerCase());
}

function compareShareOptions(c: Comparisons, t: Json, model: MonthlyReturn): void {
  const part = model.detailsOfMovements.shareOptions;
  const schemes = list(t.schemes);
  const items = flatten<ShareOptionScheme>(part);
  c.add('III.A.schemes.length', schemes.length, items.length);
  schemes.forEach((truth, i) => {
    const path = `III.A.schemes[${i}]`;
    const m = items[i];
    c.add(`${path}.scheme`, withoutEntryNumber(truth.scheme), m?.item.particulars, 'text');
    c.field(path, truth, 'class_of_shares_issuable', m?.className, 'text');
    for (const movement of list(truth.movements)) {
      const type = String(movement.type);
      c.add(`${path}.movements.${type}`, movement.number ?? null, movementOf(m?.item.movements ?? [], type)?.number);
    }
    c.field(path, truth, 'new_shares_issued_during_month', m?.item.newSharesIssued);
    c.field(path, truth, 'shares_issuable_at_close', m?.item.sharesIssuableAtClose);
    const price = object(truth.exercise_price);
    if ('amount' in price) c.add(`${path}.exercise_price.amount`, price.amount, m?.item.particulars, 'contains');
  });
  c.field('III.A', t, 'total_A_ordinary', ordinaryTotal(part.totals));
  c.field('III.A', t, 'funds_raised_from_exercise_HKD', part.fundsRaised?.amount ?? null, 'amount');
  if (t.funds_raised_from_exercise_HKD) c.add('III.A.funds_raised.currency', 'HKD', part.fundsRaised?.currency);
}

function compareInstruments(
  c: Comparisons,
  name: string,
  t: Json,
  part: MonthlyReturn['detailsOfMovements']['warrants'],
  totalKey: string,
): void {
  const truths = list(t.items);
  const items = flatten<WarrantOrConvertible>(part);
  c.add(`III.${name}.items.length`, truths.length, items.length);
  truths.forEach((truth, i) => {
    const path = `III.${name}.items[${i}]`;
    const m = items[i]?.item;
    c.field(path, truth, 'description', m?.description, 'text');
    c.field(path, truth, 'date_of_expiry', m?.dateOfExpiry);
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
    for (const key of ['subscription_price', 'conversion_price']) {
      if (!(key in truth)) continue;
      const price = truth[key] === null ? null : object(truth[key]);
      c.add(`${path}.${key}.currency`, price?.currency ?? null, m?.price?.currency ?? null);
      c.add(`${path}.${key}.amount`, price?.amount ?? null, m?.price?.amount ?? null, 'amount');
    }
    c.field(path, truth, 'egm_approval_date', m?.generalMeetingApprovalDate);
    if ('egm_approval' in truth) {
      const printed = truth.egm_approval;
      const isDate = typeof printed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(printed);
      c.add(`${path}.egm_approval`, printed, isDate ? m?.generalMeetingApprovalDate : (m?.note ?? null), 'text');
    }
  });
  c.field(`III.${name}`, t, totalKey, ordinaryTotal(part.totals));
}

function compareOtherArrangements(c: Comparisons, t: Json, model: MonthlyReturn): void {
  const part = model.detailsOfMovements.otherArrangements;
  const truths = list(t.items);
  const items = flatten(part);
  c.add('III.D.items.length', truths.length, items.length);
  truths.forEach((truth, i) => {
    const path = `III.D.items[${i}]`;
    const m = items[i];
    c.field(path, truth, 'description', m?.item.description, 'text');
    c.field(path, truth, 'class_of_shares_issuable', m?.className, 'text');
    c.field(path, truth, 'new_shares_issued_during_month', m?.item.newSharesIssued);
    c.field(path, truth, 'shares_issuable_at_close', m?.item.sharesIssuableAtClose);
    c.field(path, truth, 'egm_approval_date', m?.item.generalMeetingApprovalDate);
  });
  c.field('III.D', t, 'total_D_ordinary', ordinaryTotal(part.totals));
}

/** The note without the filer's pointers to remarks, which the truth keeps apart ("remark_ref"). */
function approvalNote(note: string | null | undefined): string | null {
  const text = (note ?? '').replace(/\(?\s*Remark\s*\d+\s*\)?/gi, '').trim();
  return text === '' ? null : text;
}

function compareOtherMovements(c: Comparisons, t: Json, model: MonthlyReturn): void {
  const part = model.detailsOfMovements.otherMovements;
  const truths = list(t.items);
  const items = flatten<OtherMovement>(part);
  c.add('III.E.items.length', truths.length, items.length);
  truths.forEach((truth, i) => {
    const path = `III.E.items[${i}]`;
    const m = items[i]?.item;
    c.field(path, truth, 'type', m?.event, 'text');
    for (const key of ['class_of_shares_issuable', 'class_of_shares_repurchased', 'class_of_shares_redeemed']) {
      c.field(path, truth, key, items[i]?.className, 'text');
    }
    if ('price' in truth) {
      const price = truth.price === null ? null : object(truth.price);
      c.add(`${path}.price.currency`, price?.currency ?? null, m?.price?.currency ?? null);
      c.add(`${path}.price.amount`, price?.amount ?? null, m?.price?.amount ?? null, 'amount');
    }
    for (const key of ['issue_and_allotment_date', 'cancellation_date', 'redemption_date']) {
      c.field(path, truth, key, m?.dateOfEvent);
    }
    for (const key of ['agm_approval_date', 'egm_approval_date'])
      c.field(path, truth, key, m?.generalMeetingApprovalDate);
    c.field(path, truth, 'approval_note', approvalNote(m?.note), 'text');
    c.field(path, truth, 'remark_ref', m?.note, 'contains');
    c.field(path, truth, 'new_shares_issued_during_month', m?.changeInIssuedShares);
    c.field(path, truth, 'shares_issuable_at_close', m?.sharesIssuableAtClose);
  });
  c.field('III.E', t, 'total_E_ordinary', ordinaryTotal(part.totals));
}

function compareGrandTotals(c: Comparisons, t: Json, model: MonthlyReturn): void {
  const totals = model.detailsOfMovements.totals;
  const find = (pattern: RegExp) => totals.find((total) => pattern.test(total.className))?.changeInIssuedShares ?? null;
  c.field('III.total', t, 'ordinary_1', find(/^ordinary shares( \(1\))?$/i));
  c.field('III.total', t, 'ordinary_2', find(/^ordinary shares \(2\)$/i));
  c.field('III.total', t, 'preference', find(/^preference/i));
  c.field('III.total', t, 'other_classes', find(/^other classes/i));
}
