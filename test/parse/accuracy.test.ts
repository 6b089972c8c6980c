/**
 * The accuracy run: the FF301 comparator on small truths of our own (everywhere), and the parse of every FF301
 * return in the corpus against its hand-checked truth (where ../shared/filings is present).
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compareBothWays,
  defaultFilingsDir,
  type FileAccuracy,
  formatAccuracyReport,
  runAccuracy,
  totalsOf,
} from '../../scripts/accuracy/corpus.js';
import { compareFf301 } from '../../scripts/accuracy/ff301.js';
import { compareLegacy } from '../../scripts/accuracy/legacy.js';
import { amendTruth, type TruthAmendment } from '../../scripts/accuracy/truth-amendments.js';
import { makeIssuedShareClass, makeMonthlyReturn } from '../helpers/factories.js';

describe('compareFf301', () => {
  const model = makeMonthlyReturn({
    issuedShares: {
      title: 'II. Movements in Issued Shares',
      hasTreasuryColumns: false,
      classes: [makeIssuedShareClass({ issuedShares: { preceding: 1_000, movement: 5, closing: 1_005 } })],
      remarks: null,
    },
  });

  it('maps truth names to the model and compares each field', () => {
    const fields = compareFf301(
      {
        issuer_name: 'Example Holdings Limited',
        status: 'New Submission',
        section_II_issued: { classes: [{ preceding_balance: 1_000, increase_decrease: 5, closing_balance: 1_005 }] },
      },
      model,
    );
    expect(fields.map((field) => [field.field, field.ok])).toEqual([
      ['issuer_name', true],
      ['status', true],
      ['section_II_issued.classes[0].preceding_balance', true],
      ['section_II_issued.classes[0].increase_decrease', true],
      ['section_II_issued.classes[0].closing_balance', true],
    ]);
  });

  it('reports a wrong figure as a mismatch with both values', () => {
    const [field] = compareFf301({ section_II_issued: { classes: [{ closing_balance: 1_006 }] } }, model);
    expect(field).toEqual({
      field: 'section_II_issued.classes[0].closing_balance',
      expected: 1_006,
      actual: 1_005,
      ok: false,
      uncertain: false,
    });
  });

  it('tells a printed 0 from a blank', () => {
    const [field] = compareFf301(
      { section_II_issued: { classes: [{ increase_decrease: 0 }] } },
      {
        ...model,
        issuedShares: { ...model.issuedShares, classes: [makeIssuedShareClass()] },
      },
    );
    expect(field?.actual).toBeNull();
    expect(field?.ok).toBe(false);
  });

  it('counts a truth field it has no rule for as a mismatch rather than skipping it', () => {
    const [field] = compareFf301({ section_II_issued: { mystery: 1 } }, model);
    expect(field).toMatchObject({ field: 'section_II_issued.mystery (no rule)', ok: false });
  });

  it('leaves out the file name and the notes for the parser, and marks _uncertain fields', () => {
    const fields = compareFf301(
      { file: 'x.pdf', notes_for_parser: ['a trap'], month_ended: '2023-11-30', month_ended_uncertain: true },
      model,
    );
    expect(fields).toEqual([
      { field: 'month_ended', expected: '2023-11-30', actual: '2023-11-30', ok: true, uncertain: true },
    ]);
  });
});

describe('compareBothWays: the model against the truth', () => {
  const partII = (closing: number) => ({
    truth_scope: ['section_II_issued'],
    section_II_issued: {
      title: 'II. Movements in Issued Shares',
      has_treasury_columns: false,
      classes: [
        {
          class: 'Ordinary shares',
          type: 'Not applicable',
          listed_on_exchange: 'Yes',
          stock_code: '00020',
          description: 'Ordinary shares',
          preceding_balance: 1_000_000_000,
          increase_decrease: null,
          closing_balance: closing,
        },
      ],
    },
  });
  const unaccounted = (fields: readonly { field: string; ok: boolean }[]) =>
    fields.filter((field) => field.field.endsWith('(not in the truth)')).map((field) => field.field);

  it('finds nothing unaccounted when the truth covers every leaf of the parts in its scope', () => {
    const fields = compareBothWays(compareFf301, partII(1_000_000_000), makeMonthlyReturn());
    expect(unaccounted(fields)).toEqual([]);
    expect(fields.every((field) => field.ok)).toBe(true);
  });

  it('counts an invented part II class as mismatches, leaf by leaf', () => {
    const model = makeMonthlyReturn({
      issuedShares: {
        title: 'II. Movements in Issued Shares',
        hasTreasuryColumns: false,
        classes: [makeIssuedShareClass(), makeIssuedShareClass({ className: 'Preference shares' })],
        remarks: null,
      },
    });
    expect(unaccounted(compareBothWays(compareFf301, partII(1_000_000_000), model))).toEqual([
      'model issuedShares.classes[1].className (not in the truth)',
      'model issuedShares.classes[1].typeOfShares (not in the truth)',
      'model issuedShares.classes[1].listedOnExchange (not in the truth)',
      'model issuedShares.classes[1].stockCode (not in the truth)',
      'model issuedShares.classes[1].description (not in the truth)',
      'model issuedShares.classes[1].issuedShares.preceding (not in the truth)',
      'model issuedShares.classes[1].issuedShares.closing (not in the truth)',
    ]);
  });

  it('counts invented remarks as a mismatch, and leaves out the parts outside truth_scope', () => {
    const model = makeMonthlyReturn({
      issuedShares: { ...makeMonthlyReturn().issuedShares, remarks: 'Shares were issued.' },
      remarks: 'Outside the scope of this truth',
    });
    expect(unaccounted(compareBothWays(compareFf301, partII(1_000_000_000), model))).toEqual([
      'model issuedShares.remarks (not in the truth)',
    ]);
  });

  it('does not invent "no classes" checks for a part the pre-2021 truth does not cover', () => {
    const legacy = makeMonthlyReturn({ form: { ...makeMonthlyReturn().form, kind: 'legacy', version: null } });
    const fields = compareLegacy({ truth_scope: ['header'], issuer_name: 'Example Holdings Limited' }, legacy);
    expect(fields.map((field) => [field.field, field.ok])).toEqual([['issuer_name', true]]);
  });

  it('compares the shares of a v1.0.x III(E) row with the change in issued shares the model keeps', () => {
    const movement = {
      event: 'Placing',
      type: 'placing' as const,
      price: null,
      dateOfEvent: null,
      generalMeetingApprovalDate: null,
      changeInIssuedShares: 5_000,
      changeInTreasuryShares: null,
      pendingCancellation: null,
      sharesIssuableAtClose: null,
    };
    const model = makeMonthlyReturn({
      detailsOfMovements: {
        ...makeMonthlyReturn().detailsOfMovements,
        otherMovements: {
          notApplicable: false,
          classes: [{ ...makeIssuedShareClass(), items: [movement] }],
          totals: [],
          remarks: null,
        },
      },
    });
    const truth = (shares: number) => ({
      section_III: { E_other_movements: { classes: [{ items: [{ new_shares_issued_during_month: shares }] }] } },
    });
    expect(compareFf301(truth(5_000), model).map((field) => [field.actual, field.ok])).toEqual([[5_000, true]]);
    expect(compareFf301(truth(4_000), model).map((field) => [field.actual, field.ok])).toEqual([[5_000, false]]);
  });
});

describe('amendTruth: a field the shared truth lacks, as printed', () => {
  const amendment: TruthAmendment = {
    file: '00001_2024-01',
    path: 'section_III.B_warrants.remarks',
    value: 'Warrants issued on 1 January 2024.',
    page: 4,
    reason: 'the truth has no field for them',
  };
  const truth = { section_III: { B_warrants: { not_applicable: false } } };
  const model = (remarks: string) => {
    const base = makeMonthlyReturn();
    return makeMonthlyReturn({
      detailsOfMovements: {
        ...base.detailsOfMovements,
        warrants: { ...base.detailsOfMovements.warrants, notApplicable: false, remarks },
      },
    });
  };

  it('compares the amended leaf as text: the remark printed passes, another fails', () => {
    const amended = amendTruth('00001_2024-01', truth, [amendment]);
    expect(amended.applied).toEqual([amendment]);
    expect(truth.section_III.B_warrants).toEqual({ not_applicable: false });
    const remark = (remarks: string) =>
      compareFf301(amended.truth, model(remarks)).find((field) => field.field === amendment.path)?.ok;
    expect(remark('Warrants issued on\n1 January 2024.')).toBe(true);
    expect(remark('Warrants issued on 2 January 2024.')).toBe(false);
  });

  it('applies only to its own file, and says when the truth holds the value already', () => {
    expect(amendTruth('00002_2024-01', truth, [amendment]).applied).toEqual([]);
    const fixed = { section_III: { B_warrants: { remarks: amendment.value } } };
    expect(amendTruth('00001_2024-01', fixed, [amendment])).toMatchObject({ applied: [], unneeded: [amendment] });
  });
});

const dir = defaultFilingsDir();
const available = existsSync(dir);
if (!available) console.warn(`Skipping the FF301 accuracy run: no corpus at ${dir} (set HKEX_FILINGS_DIR)`);

describe.skipIf(!available)('accuracy on the FF301 returns of the corpus', () => {
  let files: FileAccuracy[] = [];

  beforeAll(async () => {
    files = await runAccuracy(dir, { only: (truth) => truth.form === 'FF301' });
  }, 120_000);

  it('finds the five FF301 returns', () => {
    expect(files.map((file) => file.name)).toEqual([
      '00328_2024-12',
      '00328_2025-09',
      '00328_2025-09_resubmitted',
      '01477_2023-12',
      '01723_2026-01',
    ]);
  });

  it('reads every truth field of every FF301 return, and nothing the truth does not hold', () => {
    const wrong = files.flatMap((file): unknown[] =>
      file.error
        ? [{ file: file.name, error: file.error }]
        : file.comparisons.filter((f) => !f.ok && !f.uncertain).map((f) => `${file.name}: ${f.field}`),
    );
    expect(wrong).toEqual([]);
    const totals = totalsOf(files);
    expect(totals.right).toBe(totals.checked);
    expect(totals.checked).toBeGreaterThan(300);
  });

  it("compares 01477's III(B) remarks, which its truth lacks, as printed, through the one truth amendment", () => {
    const file = files.find((candidate) => candidate.name === '01477_2023-12');
    expect(file?.amendments?.applied.map((amendment) => [amendment.path, amendment.page])).toEqual([
      ['section_III.B_warrants.remarks', 4],
    ]);
    const remark = file?.comparisons.find((field) => field.field === 'section_III.B_warrants.remarks (truth amended)');
    expect(remark).toMatchObject({ ok: true, uncertain: false });
    expect(String(remark?.actual)).toContain('the Company issued 1,000,000 warrants to Alimera Sciences, Inc.,');
    expect(formatAccuracyReport(files)).toContain(
      '    + truth amended: section_III.B_warrants.remarks as printed on page 4',
    );
  });
});
