/**
 * The chart of a code's history, as data: one panel per class and figure (issued shares, and on v1.1+ forms treasury
 * and total shares), then one per class with share option schemes (options outstanding), each over the months held,
 * with the months that hold a resubmission or a continuity break marked across every panel. Pure: the points, the
 * marks and the Vega-Lite spec that draws them are built here and asserted on by tests; `render-chart.ts` draws it.
 *
 * Every panel has its own y-axis that does not start at zero: 25,948,809,928 issued shares moving by 809,928 is a
 * flat line on an axis from zero, so the axis fits the figures and the subtitle says that it does.
 */
import { formatShortMonth } from '../domain/month-names.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import { escapeMrkdwn } from '../format/blocks.js';
import { withOtherExchangeCode } from '../format/class-label.js';
import { shortIssuerName } from '../format/filing-card.js';
import type { HistoryExport, HistoryExportRow } from '../view-models/history-export.js';

export type ChartMeasure = 'issued' | 'treasury' | 'total' | 'options';

export interface ChartPoint {
  /** The panel's title: the class and the figure ("Class B ordinary shares (00020): issued shares"). */
  readonly panel: string;
  readonly className: string;
  readonly measure: ChartMeasure;
  readonly month: ReportMonth;
  readonly value: number;
}

export type ChartMarkKind = 'resubmission' | 'continuity-break';

export interface ChartMark {
  readonly month: ReportMonth;
  readonly kind: ChartMarkKind;
}

/** A Vega-Lite spec as plain JSON: only render-chart.ts knows the library's own types. */
export type ChartSpec = Readonly<Record<string, unknown>>;

export interface HistoryChart {
  readonly stockCode: StockCode;
  readonly title: string;
  /** In panel order, then oldest month first. */
  readonly points: readonly ChartPoint[];
  /** Oldest month first; a month may have both kinds. */
  readonly marks: readonly ChartMark[];
  readonly panels: readonly string[];
  readonly spec: ChartSpec;
}

const MEASURES: readonly { measure: Exclude<ChartMeasure, 'options'>; words: string; of: keyof HistoryExportRow }[] = [
  { measure: 'issued', words: 'issued shares', of: 'closing' },
  { measure: 'treasury', words: 'treasury shares', of: 'treasury' },
  { measure: 'total', words: 'total issued shares', of: 'total' },
];

const MARK_WORDS: Record<ChartMarkKind, string> = {
  resubmission: 'resubmitted',
  'continuity-break': 'continuity break',
};

export const CHART_SUBTITLE = 'Each panel is scaled to its own figures: the y-axes do not start at zero.';

/** Chart width in CSS pixels (rendered at 1.5 times that), and each panel's height. */
const WIDTH = 640;
const PANEL_HEIGHT = 80;
/** Beyond this many months a point per month crowds the line (and doubles what is drawn): the line alone. */
const MONTHS_WITH_POINTS = 36;

function panelOf(row: HistoryExportRow, words: string): string {
  const listed = row.stockCode
    ? `${row.class} (${row.stockCode})`
    : withOtherExchangeCode(row.class, row.otherExchangeCode);
  return `${listed}: ${words}`;
}

function pointsOf(rows: readonly HistoryExportRow[]): ChartPoint[] {
  const classes = [...new Set(rows.map((row) => row.class))];
  const points: ChartPoint[] = [];
  const options: ChartPoint[] = [];
  for (const className of classes) {
    const ofClass = rows.filter((row) => row.class === className);
    for (const { measure, words, of } of MEASURES) {
      for (const row of ofClass) {
        const value = row[of];
        if (typeof value === 'number')
          points.push({ panel: panelOf(row, words), className, measure, month: row.month, value });
      }
    }
    for (const row of ofClass) {
      if (row.optionsOutstanding !== null) {
        options.push({
          panel: panelOf(row, 'options outstanding'),
          className,
          measure: 'options',
          month: row.month,
          value: row.optionsOutstanding,
        });
      }
    }
  }
  // Options outstanding are the second panel (or panels) under the share figures.
  return [...points, ...options];
}

function marksOf(rows: readonly HistoryExportRow[]): ChartMark[] {
  const marks: ChartMark[] = [];
  for (const month of [...new Set(rows.map((row) => row.month))]) {
    const ofMonth = rows.filter((row) => row.month === month);
    if (ofMonth.some((row) => row.resubmitted)) marks.push({ month, kind: 'resubmission' });
    if (ofMonth.some((row) => row.flags.includes('continuity-break'))) marks.push({ month, kind: 'continuity-break' });
  }
  return marks;
}

/** The first of the month, which Vega-Lite reads as a date (UTC). */
function dateOf(month: ReportMonth): string {
  return `${month}-01`;
}

/** Months between the first and last, both counted. */
function monthSpan(months: readonly ReportMonth[]): number {
  const index = (month: ReportMonth) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  const sorted = months.map(index).sort((a, b) => a - b);
  return (sorted.at(-1) ?? 0) - (sorted[0] ?? 0) + 1;
}

const MARK_COLOURS: Record<ChartMarkKind, string> = { resubmission: '#e08a00', 'continuity-break': '#d62728' };

/** The dashed rules of the marked months, with a legend naming only the kinds there are. */
function ruleLayers(marks: readonly ChartMark[], x: Record<string, unknown>): Record<string, unknown>[] {
  const kinds = (Object.keys(MARK_WORDS) as ChartMarkKind[]).filter((kind) => marks.some((m) => m.kind === kind));
  if (kinds.length === 0) return [];
  return [
    {
      transform: [{ filter: "datum.layer === 'mark'" }],
      mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1.5 },
      encoding: {
        x,
        color: {
          field: 'mark',
          type: 'nominal',
          title: null,
          scale: { domain: kinds.map((kind) => MARK_WORDS[kind]), range: kinds.map((kind) => MARK_COLOURS[kind]) },
          legend: { orient: 'top', direction: 'horizontal' },
        },
      },
    },
  ];
}

function specOf(title: string, points: readonly ChartPoint[], marks: readonly ChartMark[], panels: readonly string[]) {
  const values = [
    ...points.map((point) => ({ ...point, date: dateOf(point.month), layer: 'value' })),
    // A rule is drawn in the panel of its row: each mark is repeated for every panel.
    ...panels.flatMap((panel) =>
      marks.map((mark) => ({
        panel,
        month: mark.month,
        date: dateOf(mark.month),
        layer: 'mark',
        mark: MARK_WORDS[mark.kind],
      })),
    ),
  ];
  // Every month of a short history (every other, and so on, up to two years), every January of a longer one.
  const monthCount = new Set(points.map((point) => point.month)).size;
  const span = monthSpan(points.map((point) => point.month));
  const tickCount =
    span > 24 ? { interval: 'year', step: Math.ceil(span / 120) } : { interval: 'month', step: Math.ceil(span / 12) };
  const x = {
    field: 'date',
    type: 'temporal',
    timeUnit: 'yearmonth',
    title: null,
    axis: { format: '%b %Y', tickCount, labelOverlap: true },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: CHART_SUBTITLE, anchor: 'start' },
    background: 'white',
    padding: 12,
    data: { values },
    facet: {
      row: {
        field: 'panel',
        type: 'nominal',
        sort: [...panels],
        title: null,
        header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontSize: 12, labelFontWeight: 'bold' },
      },
    },
    resolve: { scale: { y: 'independent' } },
    spacing: 14,
    spec: {
      width: WIDTH,
      height: PANEL_HEIGHT,
      layer: [
        ...ruleLayers(marks, x),
        {
          transform: [{ filter: "datum.layer === 'value'" }],
          mark: { type: 'line', point: monthCount <= MONTHS_WITH_POINTS, color: '#1f5f9f' },
          encoding: {
            x,
            y: {
              field: 'value',
              type: 'quantitative',
              title: null,
              scale: { zero: false },
              axis: { format: ',d', tickCount: 4 },
            },
          },
        },
      ],
    },
    config: { font: 'Liberation Sans', view: { stroke: '#dddddd' } },
  };
}

export function buildHistoryChart(history: HistoryExport): HistoryChart {
  const points = pointsOf(history.rows);
  const marks = marksOf(history.rows);
  const panels = [...new Set(points.map((point) => point.panel))];
  const title = `${shortIssuerName(history.issuerName)} (${history.stockCode}): shares by month`;
  return { stockCode: history.stockCode, title, points, marks, panels, spec: specOf(title, points, marks, panels) };
}

/** The words posted with the chart: whose, which months, and what is marked. */
export function describeHistoryChart(chart: HistoryChart): string {
  const months = [...new Set(chart.points.map((point) => point.month))].sort();
  const first = months[0];
  const last = months.at(-1);
  const span =
    first && last
      ? `, ${formatShortMonth(first)}${first === last ? '' : ` to ${formatShortMonth(last)}`} (${months.length} month${months.length === 1 ? '' : 's'} held)`
      : '';
  const marked = chart.marks.map((mark) => `${MARK_WORDS[mark.kind]} ${formatShortMonth(mark.month)}`);
  return `${escapeMrkdwn(chart.title)}${span}${marked.length > 0 ? `. Marked: ${marked.join('; ')}` : ''}.`;
}
