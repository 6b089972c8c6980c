/** One field of a *.truth.json compared with the parser's model. */
export interface FieldComparison {
  /** A readable path: "section_II.classes[0].issued_excl_treasury.closing". */
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly ok: boolean;
  /** The truth marks this field `_uncertain`: shown, not counted. */
  readonly uncertain: boolean;
}
