/**
 * The history a code takes away: the time to draw its chart (spec, SVG and PNG, as `/shares CODE history` posts it)
 * and to write its CSV, for a code with 60 months and 3 classes (v1.1 treasury and total columns on the last 18
 * months, options outstanding on one class, a resubmission and a continuity break). Warm, one process: the first
 * runs (which load Vega and the fonts) are left out.
 *
 * `npm run bench -- history`.
 */
import os from 'node:os';
import { buildHistoryChart } from '../../src/chart/history-chart.js';
import { renderChartPng } from '../../src/chart/render-chart.js';
import type { ReportMonth } from '../../src/domain/monthly-return.js';
import { renderHistoryCsv } from '../../src/format/history-export.js';
import type { HistoryExport, HistoryExportRow } from '../../src/view-models/history-export.js';
import { monthsFrom } from '../../test/store/market-returns.js';
import { quantile, verdict } from './bench-support.js';

const MONTHS = 60;
const CLASSES = ['Class A ordinary shares', 'Class B ordinary shares', 'Preference shares'];
const TARGET = { chartP50Ms: 300, csvMs: 20 };
const RUNS = { warm: 3, chart: 30, csv: 200 };

function rowsOf(month: ReportMonth, index: number): HistoryExportRow[] {
  const v11 = index >= MONTHS - 18;
  return CLASSES.map((name, c) => {
    const closing = 1_000_000_000 * (c + 1) + index * 1_250_000 * (c + 1);
    const treasury = v11 ? 2_000_000 + index * 10_000 : null;
    return {
      month,
      class: name,
      stockCode: c === 2 ? null : String(9_000 + c).padStart(5, '0'),
      otherExchangeCode: null,
      preceding: closing - 1_250_000 * (c + 1),
      movement: 1_250_000 * (c + 1),
      closing,
      treasury,
      total: treasury === null ? null : closing + treasury,
      optionsOutstanding: c === 0 ? 40_000_000 - index * 150_000 : null,
      flags: index === 30 ? ['continuity-break'] : [],
      resubmitted: index === 45,
      dateSubmitted: `${month}-28`,
      source: `https://www1.hkexnews.hk/listedco/listconews/sehk/${month}/monthly-return-${index}.pdf`,
    };
  });
}

const history: HistoryExport = {
  stockCode: '09000',
  issuerName: 'Benchmark Holdings Limited',
  range: null,
  rows: monthsFrom('2021-01', MONTHS).flatMap(rowsOf),
  damagedMonths: [],
};

async function time(run: () => unknown, times: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  return ms;
}

const drawChart = () => renderChartPng(buildHistoryChart(history).spec);
await time(drawChart, RUNS.warm);
const cpuBefore = process.cpuUsage();
const chart = await time(drawChart, RUNS.chart);
const cpu = process.cpuUsage(cpuBefore);
const writeCsv = () => renderHistoryCsv(history);
await time(writeCsv, RUNS.warm);
const csv = await time(writeCsv, RUNS.csv);
const bytes = (await drawChart()).byteLength;
const panels = buildHistoryChart(history).panels.length;

const chartP50 = quantile(chart, 0.5);
const csvP50 = quantile(csv, 0.5);
const csvP99 = quantile(csv, 0.99);
const chartCpu = (cpu.user + cpu.system) / 1000 / RUNS.chart;
const ratio = (value: number, target: number) => `x${(value / target).toFixed(2)}; ${verdict(value, target)}`;
console.log(
  `history bench: ${MONTHS} months x ${CLASSES.length} classes (${history.rows.length} rows), ${panels} panels, ` +
    `${os.availableParallelism()} cores, load ${os.loadavg()[0]?.toFixed(1)}`,
);
console.log(
  `  chart (spec + SVG + PNG, ${Math.round(bytes / 1024)} KB)  p50 ${chartP50.toFixed(1)} ms, p95 ${quantile(chart, 0.95).toFixed(1)} ms  ` +
    `(target p50 <= ${TARGET.chartP50Ms} ms: ${ratio(chartP50, TARGET.chartP50Ms)})`,
);
// On a shared machine wall time follows the load; the CPU a chart takes (all threads, resvg's included) does not.
console.log(
  `  chart CPU time                 ${chartCpu.toFixed(1)} ms a chart  (beside the target: ${ratio(chartCpu, TARGET.chartP50Ms)})`,
);
console.log(
  `  CSV                            p50 ${csvP50.toFixed(2)} ms, p99 ${csvP99.toFixed(2)} ms  ` +
    `(target <= ${TARGET.csvMs} ms: p99 ${ratio(csvP99, TARGET.csvMs)})`,
);
