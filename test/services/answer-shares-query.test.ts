import { describe, expect, it } from 'vitest';
import { answerPreviousMonth, answerSharesQuery } from '../../src/services/answer-shares-query.js';
import { makeMonthlyReturn } from '../helpers/factories.js';
import { createMemoryFilingStore } from '../helpers/memory-filing-store.js';
import { makeSenseTimeReturn, saveSample } from '../helpers/sample-returns.js';

async function storeWithTwoIssuers() {
  const store = createMemoryFilingStore();
  await saveSample(store, makeSenseTimeReturn({ month: '2023-10' }));
  await saveSample(store, makeSenseTimeReturn());
  await saveSample(
    store,
    makeMonthlyReturn({ issuerName: 'Tencent Holdings Limited', stockCodes: ['00700'], monthEnded: '2023-11-30' }),
  );
  await saveSample(
    store,
    makeMonthlyReturn({
      issuerName: 'Tencent Music Entertainment Group',
      stockCodes: ['01698'],
      monthEnded: '2023-11-30',
    }),
  );
  return store;
}

describe('answerSharesQuery', () => {
  it('answers a code with the latest month held', async () => {
    const answer = await answerSharesQuery(
      { store: await storeWithTwoIssuers() },
      {
        kind: 'latest',
        issuer: { kind: 'code', code: '00020' },
      },
    );
    expect(answer.kind === 'card' && answer.card.stored.reportMonth).toBe('2023-11');
    expect(answer.kind === 'card' && answer.card.previous?.reportMonth).toBe('2023-10');
  });

  it('answers a name that matches one issuer with its card', async () => {
    const answer = await answerSharesQuery(
      { store: await storeWithTwoIssuers() },
      {
        kind: 'latest',
        issuer: { kind: 'name', text: 'sensetime' },
      },
    );
    expect(answer.kind === 'card' && answer.card.stored.stockCode).toBe('00020');
  });

  it('lists the issuers a name matches when it matches several', async () => {
    const answer = await answerSharesQuery(
      { store: await storeWithTwoIssuers() },
      {
        kind: 'latest',
        issuer: { kind: 'name', text: 'tencent' },
      },
    );
    expect(answer.kind === 'issuers' && answer.issuers.map((i) => i.stockCode)).toEqual(['00700', '01698']);
  });

  it('suggests a near code for an unknown one', async () => {
    const answer = await answerSharesQuery(
      { store: await storeWithTwoIssuers() },
      {
        kind: 'latest',
        issuer: { kind: 'code', code: '00021' },
      },
    );
    expect(answer.kind).toBe('not-held');
    expect(answer.kind === 'not-held' && answer.suggestions.map((s) => s.stockCode)).toEqual(['00020']);
  });

  it('suggests the issuer a misspelt name was meant to be', async () => {
    const answer = await answerSharesQuery(
      { store: await storeWithTwoIssuers() },
      {
        kind: 'latest',
        issuer: { kind: 'name', text: 'sensetme' },
      },
    );
    expect(answer.kind === 'not-held' && answer.suggestions.map((s) => s.stockCode)).toEqual(['00020']);
  });

  it('lists the months held when the month asked for is not', async () => {
    const answer = await answerSharesQuery(
      { store: await storeWithTwoIssuers() },
      {
        kind: 'month',
        issuer: { kind: 'code', code: '00020' },
        month: '2023-12',
      },
    );
    expect(answer).toMatchObject({ kind: 'not-held', month: '2023-12', monthsHeld: ['2023-11', '2023-10'] });
  });
});

describe('answerPreviousMonth', () => {
  it('answers with the month held before', async () => {
    const answer = await answerPreviousMonth({ store: await storeWithTwoIssuers() }, '00020', '2023-11');
    expect(answer.kind === 'card' && answer.card.stored.reportMonth).toBe('2023-10');
  });

  it('says which month is missing when none is held before', async () => {
    const answer = await answerPreviousMonth({ store: await storeWithTwoIssuers() }, '00020', '2023-10');
    expect(answer).toMatchObject({ kind: 'not-held', month: '2023-09' });
  });
});
