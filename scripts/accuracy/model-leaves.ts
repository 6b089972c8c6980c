/**
 * The other direction of the accuracy run: every leaf of the model that the truth does not account for. A comparator
 * reads the model through a recording view (`watchReads`); what it never read was never checked against the truth,
 * so an invented class, row or remark would otherwise leave the score unchanged. Each such leaf counts as a mismatch,
 * unless it is derived from fields that are checked (DERIVED, each with its reason) or lies in a part the truth says
 * it does not cover (`truth_scope`).
 */
import type { MonthlyReturn } from '../../src/domain/monthly-return.js';
import type { FieldComparison } from './types.js';

interface Derived {
  /** Matched against the model path without indices: "issuedShares.classes[].description". */
  readonly pattern: RegExp;
  readonly reason: string;
  /** Only on returns of this form; on both where absent. */
  readonly form?: MonthlyReturn['form']['kind'];
}

/** Model leaves no truth field stands for, because the parser derives them from what it read or sets them itself. */
export const DERIVED: readonly Derived[] = [
  { pattern: /^form\.kind$/, reason: 'the reader that read the file; the truth names the form in words (`form`)' },
  { pattern: /\.multiCounters\b/, reason: 'derived from the stock codes of a class, which are checked' },
  { pattern: /^stockCodes\[\]$/, reason: 'the codes of the classes, which are checked class by class' },
  {
    pattern: /\.movements\[\]\.(type|label)$/,
    reason: "a movement column's printed heading and the reader's name for it: the truth's type is checked against one",
  },
  {
    pattern: /\.totals\[\]\.className$/,
    reason: 'the class the form prints a total under; the figure of the total is checked',
  },
  {
    pattern: /\.totals\[\]\.printedInstead\.\w+$/,
    reason:
      'the words ("N/A", 不適用) a total held as null prints instead of a figure, for flags to quote: the truth records that total as null, which is checked',
  },
  {
    pattern: /^detailsOfMovements\.otherMovements\.classes\[\]\.items\[\]\.type$/,
    reason: "the reader's name for the type of a III(E) entry, derived from the event as printed, which is checked",
  },
  {
    pattern: /^issuedShares\.hasTreasuryColumns$/,
    reason: 'set by the form version (treasury columns came with v1.1)',
  },
  { pattern: /\.items\[\]\.amountsIn$/, reason: 'the unit of warrant amounts, checked with the amounts themselves' },
  {
    pattern: /^hdr\.notApplicable$/,
    reason: 'the pre-2021 form has no part IV: always not applicable there',
    form: 'legacy',
  },
  {
    pattern: /^(issuedShares|detailsOfMovements\.\w+)\.classes\[\]\.(stockCode|description)$/,
    reason: "the pre-2021 form prints a class's code and description in part I only: copied from there, checked there",
    form: 'legacy',
  },
  {
    pattern: /^detailsOfMovements\.\w+\.notApplicable$/,
    reason:
      'the pre-2021 form has no "not applicable" box: true exactly when a table has no rows, whose count is checked',
    form: 'legacy',
  },
  {
    pattern: /^detailsOfMovements\.shareOptions\.classes\[\]\.items\[\]\.generalMeetingApprovalDate$/,
    reason: "the pre-2021 form prints it inside a scheme's particulars, which are compared as printed",
    form: 'legacy',
  },
];

/** The truth's names for the parts of the form -> where the model keeps them. */
const SCOPES: Readonly<Record<string, readonly RegExp[]>> = {
  header: [/^(form|status|issuerName|stockCodes|monthEnded|dateSubmitted|submittedBy|submittedByTitle|remarks)\b/],
  section_I_authorised: [/^authorisedShareCapital\b/],
  section_II_issued: [/^issuedShares\b/],
  section_III: [/^detailsOfMovements\b/],
  section_IV_hdr: [/^hdr\b/],
};

export interface WatchedModel {
  readonly model: MonthlyReturn;
  /** Paths read so far: "issuedShares.classes[0].issuedShares.closing". */
  readonly reads: ReadonlySet<string>;
}

/** A view of the model that records the path of every property read through it. */
export function watchReads(model: MonthlyReturn): WatchedModel {
  const reads = new Set<string>();
  const views = new WeakMap<object, unknown>();
  const view = (value: object, path: string): unknown => {
    const cached = views.get(value);
    if (cached) return cached;
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        const child = Reflect.get(target, key, receiver);
        if (typeof key === 'symbol') return child;
        const childPath = Array.isArray(target) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        reads.add(childPath);
        return child !== null && typeof child === 'object' ? view(child, childPath) : child;
      },
    });
    views.set(value, proxy);
    return proxy;
  };
  return { model: view(model, '') as MonthlyReturn, reads };
}

interface ModelLeaf {
  readonly path: string;
  /** Without indices: "issuedShares.classes[].className". */
  readonly pattern: string;
  readonly value: unknown;
}

function modelLeaves(value: unknown, path = '', pattern = ''): ModelLeaf[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => modelLeaves(item, `${path}[${i}]`, `${pattern}[]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      modelLeaves(child, path ? `${path}.${key}` : key, pattern ? `${pattern}.${key}` : key),
    );
  }
  return [{ path, pattern, value }];
}

function isDerived(leaf: ModelLeaf, model: MonthlyReturn): boolean {
  return DERIVED.some(
    (derived) => derived.pattern.test(leaf.pattern) && (derived.form ?? model.form.kind) === model.form.kind,
  );
}

/** The parts a truth covers: all, unless it lists them in `truth_scope`. */
function inScope(truth: unknown, path: string): boolean {
  const scope = (truth as { truth_scope?: unknown } | null)?.truth_scope;
  if (!Array.isArray(scope)) return true;
  return scope.some((part) => (SCOPES[String(part)] ?? []).some((pattern) => pattern.test(path)));
}

/** The truth_scope test for a truth part ("section_II_issued"), for comparators that walk the truth by part. */
export function truthCovers(truth: unknown, part: string): boolean {
  const scope = (truth as { truth_scope?: unknown } | null)?.truth_scope;
  return !Array.isArray(scope) || scope.includes(part);
}

/**
 * A mismatch for every model leaf that holds something (not null, not an empty text) and that the comparator never
 * read, outside DERIVED and inside the truth's scope.
 */
export function unaccountedLeaves(truth: unknown, model: MonthlyReturn, reads: ReadonlySet<string>): FieldComparison[] {
  return modelLeaves(model)
    .filter((leaf) => leaf.value !== null && leaf.value !== '' && !reads.has(leaf.path))
    .filter((leaf) => inScope(truth, leaf.path) && !isDerived(leaf, model))
    .map((leaf) => ({
      field: `model ${leaf.path} (not in the truth)`,
      expected: null,
      actual: leaf.value,
      ok: false,
      uncertain: false,
    }));
}
