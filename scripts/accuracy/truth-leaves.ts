/**
 * The leaves of a *.truth.json, so that each comparator can account for every field the truth holds: compared,
 * excluded for a stated reason, or reported as having no rule.
 */

export interface TruthLeaf {
  /** "section_II_issued.classes[0].stock_code" */
  readonly path: string;
  /** The path without indices: "section_II_issued.classes[].stock_code". */
  readonly pattern: string;
  readonly indices: readonly number[];
  readonly value: unknown;
  /** The truth marks this leaf, or an object holding it, `<key>_uncertain: true`. */
  readonly uncertain: boolean;
}

/** Every leaf of the truth: arrays of objects are walked, arrays of plain values are one leaf. */
export function truthLeaves(
  value: unknown,
  path = '',
  pattern = '',
  indices: number[] = [],
  uncertain = false,
): TruthLeaf[] {
  if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object')) {
    return value.flatMap((item, index) =>
      truthLeaves(item, `${path}[${index}]`, `${pattern}[]`, [...indices, index], uncertain),
    );
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    return Object.keys(object)
      .filter((key) => !key.endsWith('_uncertain'))
      .flatMap((key) =>
        truthLeaves(
          object[key],
          path ? `${path}.${key}` : key,
          pattern ? `${pattern}.${key}` : key,
          indices,
          uncertain || object[`${key}_uncertain`] === true,
        ),
      );
  }
  return [{ path, pattern, indices, value, uncertain }];
}
