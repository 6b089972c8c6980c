/**
 * The accuracy run: the FF301 comparator on small truths of our own (everywhere), and the parse of every FF301
 * return in the corpus against its hand-checked truth (where ../shared/filings is present).
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultFilingsDir, type FileAccuracy, runAccuracy, totalsOf } from '../../scripts/accuracy/corpus.js';
import { compareFf301 } from '../../scripts/accuracy/ff301.js';
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

  it('reads every truth field of every FF301 return', () => {
    const wrong = files.flatMap((file): unknown[] =>
      file.error ? [{ file: file.name, error: file.error }] : file.comparisons.filter((f) => !f.ok && !f.uncertain),
    );
    expect(wrong).toEqual([]);
    const totals = totalsOf(files);
    expect(totals.right).toBe(totals.checked);
    expect(totals.checked).toBeGreaterThan(300);
  });
});
