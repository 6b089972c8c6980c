/**
 * One damaged month file confined to its month, seen through the /shares answers on a real store on disk: the
 * intact months, the history and the name search keep answering, and the damaged month names itself.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LookupQuery, parseSharesQuery } from '../../src/domain/shares-query.js';
import { describeError } from '../../src/format/describe-error.js';
import { renderShareHistory } from '../../src/format/share-history.js';
import { answerSharesQuery } from '../../src/services/answer-shares-query.js';
import type { FilingStore } from '../../src/store/index.js';
import { makeSaveInput, makeTempDir, openTestStore, removeTempDir } from '../store/store-fixtures.js';

let dir: string;
let store: FilingStore;

beforeEach(async () => {
  dir = await makeTempDir();
  ({ store } = await openTestStore(dir));
  await store.save(makeSaveInput({ month: '2023-10', closing: 100 }));
  await store.save(makeSaveInput({ month: '2023-11', closing: 200 }));
  await store.close();
  // Torn as a write cut off half way leaves it.
  const november = path.join(dir, 'returns', '00020', '2023-11.json');
  const text = await readFile(november, 'utf8');
  await writeFile(november, text.slice(0, text.length / 2));
  ({ store } = await openTestStore(dir));
});

afterEach(async () => {
  await store.close();
  await removeTempDir(dir);
});

const ask = (text: string) => answerSharesQuery({ store }, parseSharesQuery(text) as LookupQuery);

describe('a torn month file', () => {
  it('answers for itself with a message naming the code and month', async () => {
    const error = await ask('00020 2023-11').catch((e: unknown) => e);
    expect(describeError(error).text).toBe(
      ':warning: The 2023-11 return of 00020 is damaged in the store, so I cannot show it; its other months still answer (`/shares 00020 history`). Share the filing again to restore it.',
    );
  });

  it('leaves the intact month before it answering with its figures', async () => {
    const answer = await ask('00020 2023-10');
    expect(
      answer.kind === 'card' && answer.card.stored.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing,
    ).toBe(100);
  });

  it('leaves the history answering without it, and the history says which month is left out', async () => {
    await ask('00020 2023-11').catch(() => null);
    const answer = await ask('00020 history');
    if (answer.kind !== 'history') throw new Error(`expected a history, got ${answer.kind}`);
    expect(answer.history.months.map((m) => [m.month, m.classes[0]?.issued])).toEqual([['2023-10', 100]]);
    expect(answer.history.damagedMonths).toEqual(['2023-11']);
    expect(renderShareHistory(answer.history).text).toContain(
      ':warning: Nov 2023 could not be read from the store (damaged) and is left out; share its filing again to restore it.',
    );
  });

  it('leaves the name search finding the company', async () => {
    await store.save(makeSaveInput({ stockCode: '00700', issuerName: 'Example Holdings Two Limited' }));
    const answer = await ask('example');
    expect(answer.kind === 'issuers' && answer.issuers.map((i) => i.stockCode)).toEqual(['00020', '00700']);
  });
});
