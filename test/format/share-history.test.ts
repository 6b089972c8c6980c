import type { TableBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderShareHistory } from '../../src/format/share-history.js';
import { renderShareHistoryText } from '../../src/format/share-history-text.js';
import { buildShareHistory } from '../../src/services/share-history.js';
import { makeIssuedShareClass, makeMonthlyReturn } from '../helpers/factories.js';
import { createMemoryFilingStore } from '../helpers/memory-filing-store.js';
import { renderPlainText } from '../helpers/plain-text.js';
import { makeSenseTimeReturn, saveSample } from '../helpers/sample-returns.js';

async function senseTimeHistory() {
  const store = createMemoryFilingStore();
  await saveSample(store, makeSenseTimeReturn({ month: '2023-09', classBClosing: 25_900_000_000 }));
  await saveSample(
    store,
    makeSenseTimeReturn({ month: '2023-10', classBPreceding: 25_900_000_000, classBClosing: 25_948_000_000 }),
  );
  await saveSample(store, makeSenseTimeReturn({ classBPreceding: 25_948_000_000 }));
  const history = await buildShareHistory(store, '00020');
  if (!history) throw new Error('no history');
  return history;
}

describe('renderShareHistory', () => {
  it('puts one row per class and month in a table, newest first, with the change on the month before', async () => {
    const message = renderShareHistory(await senseTimeHistory());
    const table = message.blocks.find((b): b is TableBlock => b.type === 'table');
    const rows = table?.rows.map((row) => row.map((cell) => ('text' in cell ? cell.text : '')));
    expect(rows?.slice(0, 3)).toEqual([
      ['Month', 'Class', 'Issued', 'Change', 'Notes'],
      ['Nov 2023', 'Class B ordinary shares', '25,948,809,928', '+809,928', '–'],
      ['Nov 2023', 'Class A ordinary shares', '7,520,115,072', 'no change', '–'],
    ]);
    // No month before September is held: its change is against the preceding balance it prints, and says so.
    expect(rows?.at(-2)).toEqual([
      'Sep 2023',
      'Class B ordinary shares',
      '25,900,000,000',
      'no change',
      'vs preceding balance as printed',
    ]);
  });

  it('gives the same figures as lines in the fallback text', async () => {
    const message = renderShareHistory(await senseTimeHistory());
    expect(message.text).toContain(
      'Oct 2023: Class B ordinary shares 25,948,000,000 (+48,000,000); Class A ordinary shares 7,520,115,072 (no change)',
    );
  });

  it('renders the table readably as plain text', async () => {
    const plain = renderPlainText(renderShareHistory(await senseTimeHistory()));
    expect(plain).toContain('Nov 2023  Class B ordinary shares  25,948,809,928     +809,928  –');
  });

  it('keeps to 100 table rows and says how many months are left out', async () => {
    const store = createMemoryFilingStore();
    for (let i = 0; i < 30; i++) {
      const year = 2020 + Math.floor(i / 12);
      const month = `${year}-${String((i % 12) + 1).padStart(2, '0')}`;
      const classes = makeSenseTimeReturn().issuedShares.classes;
      const four = [...classes, ...classes].map((c, k) => ({ ...c, description: `Class ${k}`, stockCode: null }));
      await saveSample(
        store,
        makeMonthlyReturn({
          monthEnded: `${month}-28`,
          dateSubmitted: `${month}-28`,
          issuedShares: { title: 'II', hasTreasuryColumns: false, classes: four, remarks: null },
        }),
      );
    }
    const history = await buildShareHistory(store, '00020');
    if (!history) throw new Error('no history');
    const message = renderShareHistory(history);
    const table = message.blocks.find((b): b is TableBlock => b.type === 'table');
    // 24 months of four classes would be 96 rows plus the heading: all fit; six older months are held beyond them.
    expect(table?.rows).toHaveLength(97);
    expect(renderPlainText(message)).toContain('+6 earlier months held');
  });
});

async function treasuryHistory() {
  const store = createMemoryFilingStore();
  const month = (m: string, [preceding, closing]: [number, number], [treasuryBefore, treasury]: [number, number]) =>
    makeMonthlyReturn({
      stockCodes: ['03388'],
      monthEnded: `${m}-30`,
      dateSubmitted: `${m}-30`,
      issuedShares: {
        title: 'II',
        hasTreasuryColumns: true,
        classes: [
          makeIssuedShareClass({
            className: 'Ordinary shares',
            stockCode: '03388',
            issuedShares: { preceding, movement: closing - preceding || null, closing },
            treasuryShares: {
              preceding: treasuryBefore,
              movement: treasury - treasuryBefore || null,
              closing: treasury,
            },
            totalIssuedShares: { preceding: preceding + treasuryBefore, movement: null, closing: closing + treasury },
          }),
        ],
        remarks: null,
      },
    });
  await saveSample(store, month('2024-08', [1_002_500_000, 1_000_000_000], [0, 2_500_000]));
  await saveSample(store, month('2024-09', [1_000_000_000, 995_500_000], [2_500_000, 4_500_000]));
  await saveSample(store, month('2024-11', [995_500_000, 995_500_000], [4_500_000, 4_500_000]));
  return store;
}

describe('the history with treasury shares and a range', () => {
  it('adds treasury and total columns where the form has them', async () => {
    const history = await buildShareHistory(await treasuryHistory(), '03388');
    if (!history) throw new Error('no history');
    const table = renderShareHistory(history).blocks.find((b): b is TableBlock => b.type === 'table');
    const rows = table?.rows.map((row) => row.map((cell) => ('text' in cell ? cell.text : '')));
    expect(rows?.[0]).toEqual(['Month', 'Class', 'Issued', 'Change', 'Treasury', 'Total', 'Notes']);
    expect(rows?.[2]).toEqual([
      'Sep 2024',
      'Ordinary shares',
      '995,500,000',
      '-4,500,000',
      '4,500,000',
      '1,000,000,000',
      '–',
    ]);
    expect(renderShareHistory(history).text).toContain(
      'Sep 2024: 995,500,000 (-4,500,000, treasury 4,500,000, total 1,000,000,000)',
    );
  });

  it('shows only the months of a range, the oldest with its change against the month before it', async () => {
    const history = await buildShareHistory(await treasuryHistory(), '03388', {
      range: { since: '2024-09', until: '2024-10' },
    });
    expect(history?.months.map((m) => m.month)).toEqual(['2024-09']);
    expect(history?.months[0]?.classes[0]?.change).toBe(-4_500_000);
    expect(history?.olderMonthsHeld).toBe(1);
    const message = renderShareHistory(history as NonNullable<typeof history>);
    expect(message.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: expect.stringContaining('2024-09 to 2024-10') },
    });
  });

  it('prints the same table for a terminal, figures aligned right', async () => {
    const history = await buildShareHistory(await treasuryHistory(), '03388');
    const text = renderShareHistoryText(history as NonNullable<typeof history>);
    expect(text.split('\n').slice(2, 4)).toEqual([
      'Month     Class                   Issued      Change   Treasury          Total  Notes',
      'Nov 2024  Ordinary shares    995,500,000   no change  4,500,000  1,000,000,000',
    ]);
  });
});
