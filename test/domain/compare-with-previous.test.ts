import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { compareWithPrevious, isResubmission } from '../../src/domain/compare-with-previous.js';
import { buildFilingCard } from '../../src/services/filing-card.js';
import { buildShareHistory } from '../../src/services/share-history.js';
import { makeIssuedShareClass } from '../helpers/factories.js';
import { makeSenseTimeReturn, saveSample } from '../helpers/sample-returns.js';
import { useTempStore } from '../store/store-fixtures.js';

const temp = useTempStore();

const CLASS_B = 25_948_809_928;

describe('compareWithPrevious', () => {
  const october = { reportMonth: '2023-10', monthlyReturn: makeSenseTimeReturn({ month: '2023-10' }) };

  it('compares closing issued shares with the same class in the previous return held', () => {
    const november = makeSenseTimeReturn({ classBPreceding: CLASS_B - 7, classBClosing: CLASS_B + 1_000 });
    const [classB] = november.issuedShares.classes;
    if (!classB) throw new Error('no class B');
    // The previous return closes at 25,948,809,928: +1,000, whatever November prints as its preceding balance.
    expect(compareWithPrevious(classB, october)).toMatchObject({
      comparedWith: { kind: 'previous-return', month: '2023-10' },
      closing: CLASS_B + 1_000,
      previousClosing: CLASS_B,
      change: 1_000,
    });
  });

  it('falls back to the return’s own preceding balance where no earlier return is held', () => {
    const [classB] = makeSenseTimeReturn({ classBPreceding: 1_000_000, classBClosing: 1_050_000 }).issuedShares.classes;
    if (!classB) throw new Error('no class B');
    const comparison = compareWithPrevious(classB, null);
    expect(comparison).toMatchObject({ comparedWith: { kind: 'preceding-balance' }, previousClosing: 1_000_000 });
    expect(comparison.change).toBe(50_000);
    expect(comparison.changePercent).toBe(5);
  });

  it('falls back to the preceding balance where the previous return has no matching class', () => {
    const preference = makeIssuedShareClass({
      className: 'Preference shares',
      stockCode: null,
      issuedShares: { preceding: 400, movement: -100, closing: 300 },
    });
    expect(compareWithPrevious(preference, october)).toMatchObject({
      comparedWith: { kind: 'preceding-balance' },
      previousClass: null,
      change: -100,
    });
  });

  it('calls a return a resubmission only where it replaced an earlier submission held', () => {
    expect(isResubmission({ supersedes: 'a'.repeat(64) })).toBe(true);
    expect(isResubmission({ supersedes: null })).toBe(false);
  });
});

describe('the card, the history and the digest', () => {
  it('give the same change and the same resubmission mark for the same returns', async () => {
    const first = makeSenseTimeReturn({ month: '2023-11', classBPreceding: CLASS_B - 500, classBClosing: CLASS_B });
    await saveSample(temp.store, first);
    // December's first submission held, then a correction of it.
    const printedOnly = makeSenseTimeReturn({
      month: '2023-12',
      classBPreceding: CLASS_B,
      classBClosing: CLASS_B + 2_000,
      overrides: { status: 'resubmission' },
    });
    await saveSample(temp.store, printedOnly);
    const corrected = makeSenseTimeReturn({
      month: '2023-12',
      classBPreceding: CLASS_B,
      classBClosing: CLASS_B + 2_500,
      overrides: { status: 'resubmission', dateSubmitted: '2024-01-20' },
    });
    await saveSample(temp.store, corrected);

    const november = await temp.store.forMonth('00020', '2023-11');
    const december = await temp.store.forMonth('00020', '2023-12');
    if (!november || !december) throw new Error('months not held');

    const card = await buildFilingCard(temp.store, december);
    const firstCard = await buildFilingCard(temp.store, november);
    const history = await buildShareHistory(temp.store, '00020');
    const digest = buildDigest({
      month: '2023-12',
      deadline: '2024-01-08',
      sources: [{ stockCode: '00020', current: december, previous: november }],
    });
    const novemberDigest = buildDigest({
      month: '2023-11',
      deadline: '2023-12-07',
      sources: [{ stockCode: '00020', current: november, previous: null }],
    });

    // December against November: +2,500 everywhere.
    expect(card.classes[0]?.change).toBe(2_500);
    expect(history?.months[0]?.classes[0]?.change).toBe(2_500);
    expect(digest.moved[0]?.classes[0]?.change).toBe(2_500);
    // November, nothing earlier held: +500 against its own preceding balance everywhere, and marked as such.
    expect(firstCard.classes[0]).toMatchObject({ change: 500, comparedWith: { kind: 'preceding-balance' } });
    expect(history?.months[1]?.classes[0]).toMatchObject({ change: 500, comparedWith: { kind: 'preceding-balance' } });
    expect(novemberDigest.moved[0]?.classes[0]).toMatchObject({
      change: 500,
      comparedWith: { kind: 'preceding-balance' },
    });
    // The corrected December supersedes the first December held; November is printed "new" and replaces nothing.
    expect([history?.months[0]?.resubmitted, digest.moved[0]?.resubmission]).toEqual([true, true]);
    expect([history?.months[1]?.resubmitted, novemberDigest.moved[0]?.resubmission]).toEqual([false, false]);
  });

  it('do not mark a return printed "resubmission" whose earlier submission is not held', async () => {
    const printed = makeSenseTimeReturn({ month: '2023-11', overrides: { status: 'resubmission' } });
    await saveSample(temp.store, printed);
    const november = await temp.store.forMonth('00020', '2023-11');
    if (!november) throw new Error('month not held');
    const history = await buildShareHistory(temp.store, '00020');
    const digest = buildDigest({
      month: '2023-11',
      deadline: '2023-12-07',
      sources: [{ stockCode: '00020', current: november, previous: null }],
    });
    expect(history?.months[0]?.resubmitted).toBe(false);
    expect([...digest.moved, ...digest.quiet][0]?.resubmission).toBe(false);
  });
});
