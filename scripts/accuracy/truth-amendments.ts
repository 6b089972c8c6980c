/**
 * Fields the shared truth files lack or get wrong, added here because those files are not ours to edit: each is a
 * value as the PDF prints it, with the page it is printed on and why the truth needs it. The accuracy run uses an
 * amendment as the truth of exactly that leaf, so the field is really compared (a remark as text), and its report
 * lists every amendment applied. An amendment the truth has come to hold is reported as no longer needed.
 */

export interface TruthAmendment {
  /** The filing as the run names it: "01477_2023-12", "zh-legacy/01149_2011-08_zh". */
  readonly file: string;
  /** The truth path, as the truth names its fields: "section_III.B_warrants.remarks". */
  readonly path: string;
  /** The value as printed (texts as the lines the form prints, joined by "\n"). */
  readonly value: unknown;
  /** The page of the PDF that prints it. */
  readonly page: number;
  readonly reason: string;
}

export const TRUTH_AMENDMENTS: readonly TruthAmendment[] = [
  {
    file: '01477_2023-12',
    path: 'section_III.B_warrants.remarks',
    value: [
      'On 13 August 2021, in accordance with the terms and conditions of the warrant subscription agreement dated 14 April 2021, the Company issued 1,000,000 warrants to Alimera Sciences, Inc.,',
      'conferring it rights to subscribe for an aggregate of 1,000,000 warrant shares at the subscription price of HK$23.88 per share. For details, please refer to the Company’s announcements dated',
      '14 April 2021 and 13 August 2021, respectively',
    ].join('\n'),
    page: 4,
    reason: 'III(B) prints "Remarks:" under Total B (Ordinary shares); the truth has no field for them',
  },
];

/** What applying the amendments of one file did. */
export interface AmendedTruth {
  readonly truth: unknown;
  /** Amendments whose value the truth did not hold, now used as its truth. */
  readonly applied: readonly TruthAmendment[];
  /** Amendments the truth holds already, as printed: to be removed from TRUTH_AMENDMENTS. */
  readonly unneeded: readonly TruthAmendment[];
}

/** The truth of `file` with its amendments applied; the truth given is not changed. */
export function amendTruth(
  file: string,
  truth: unknown,
  amendments: readonly TruthAmendment[] = TRUTH_AMENDMENTS,
): AmendedTruth {
  const mine = amendments.filter((amendment) => amendment.file === file);
  if (mine.length === 0) return { truth, applied: [], unneeded: [] };
  const amended: unknown = structuredClone(truth);
  const applied: TruthAmendment[] = [];
  const unneeded: TruthAmendment[] = [];
  for (const amendment of mine) {
    const keys = amendment.path.split('.');
    const last = keys.pop();
    let at: unknown = amended;
    for (const key of keys) {
      if (!isRecord(at)) break;
      if (!isRecord(at[key])) at[key] = {};
      at = at[key];
    }
    if (!isRecord(at) || last === undefined) {
      throw new Error(`${file}: truth amendment ${amendment.path} does not lead to a field`);
    }
    if (JSON.stringify(at[last]) === JSON.stringify(amendment.value)) {
      unneeded.push(amendment);
      continue;
    }
    at[last] = amendment.value;
    applied.push(amendment);
  }
  return { truth: amended, applied, unneeded };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
