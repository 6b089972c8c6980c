/**
 * The chart of a code's history posted as a PNG: `/shares 00020 history` posts it in the conversation beside the
 * table, and the card's Chart button in the card's thread. The store is read and the SVG drawn in answer turns (they
 * hold the main thread); the pixels are drawn off it, so a chart never holds another command's acknowledgement.
 */
import { buildHistoryChart, describeHistoryChart } from '../chart/history-chart.js';
import { renderChartSvg, renderSvgPng } from '../chart/render-chart.js';
import type { MonthRange } from '../domain/month-range.js';
import type { StockCode } from '../domain/stock-code.js';
import { historyFileName } from '../format/history-export.js';
import { buildHistoryExport } from '../services/history-export.js';
import type { FilingStore } from '../store/filing-store.js';
import type { AnswerTurns } from './answer-turns.js';
import type { App } from './bolt.js';
import { type FileTarget, postFile } from './post-history-file.js';

export interface ChartRequest {
  readonly stockCode: StockCode;
  readonly range: MonthRange | null;
}

/** The file name posted, or null where no month is held to draw (nothing is posted then). */
export async function postHistoryChart(
  client: App['client'],
  store: FilingStore,
  turns: AnswerTurns,
  target: FileTarget,
  request: ChartRequest,
): Promise<string | null> {
  const drawn = await turns.take(async () => {
    const history = await buildHistoryExport(store, request.stockCode, { range: request.range });
    if (!history || history.rows.length === 0) return null;
    const chart = buildHistoryChart(history);
    return { history, chart, svg: await renderChartSvg(chart.spec) };
  });
  if (!drawn) return null;
  const bytes = await renderSvgPng(drawn.svg);
  const note = { text: describeHistoryChart(drawn.chart), blocks: [] };
  return postFile(client, target, { filename: historyFileName(drawn.history, 'png'), bytes, note, what: 'the chart' });
}
