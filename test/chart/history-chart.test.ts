/**
 * The chart of a history: what it plots (months, values, panels, marks) asserted on its data, built from the
 * fixture returns as the store holds them, and the PNG it is drawn as, decoded.
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildHistoryChart, CHART_SUBTITLE, type HistoryChart } from '../../src/chart/history-chart.js';
import { renderChartPng } from '../../src/chart/render-chart.js';
import { buildHistoryExport } from '../../src/services/history-export.js';
import { saveFixture } from '../helpers/fixture-specs.js';
import { createMemoryFilingStore } from '../helpers/memory-filing-store.js';
import { makeSenseTimeReturn, saveSample } from '../helpers/sample-returns.js';

async function chartOf(fixtures: readonly string[], code: string): Promise<HistoryChart> {
  const store = createMemoryFilingStore();
  for (const [index, name] of fixtures.entries()) await saveFixture(store, name, { sha256: String(index).repeat(64) });
  const history = await buildHistoryExport(store, code);
  if (!history) throw new Error(`nothing held for ${code}`);
  return buildHistoryChart(history);
}

function plotted(chart: HistoryChart, panel: string): [string, number][] {
  return chart.points.filter((p) => p.panel === panel).map((p) => [p.month, p.value]);
}

/** The rows of the spec's inline data that a layer draws. */
function specValues(chart: HistoryChart, layer: 'value' | 'mark'): Record<string, unknown>[] {
  const data = chart.spec.data as { values: Record<string, unknown>[] };
  return data.values.filter((v) => v.layer === layer);
}

describe('buildHistoryChart', () => {
  it("plots both of SenseTime's classes and its options outstanding, month by month, from the fixtures", async () => {
    const chart = await chartOf(['00020_2023-10', '00020_2023-11'], '00020');
    expect(chart.title).toBe('SenseTime Group Inc. (00020): shares by month');
    expect(chart.panels).toEqual([
      'Class B ordinary shares (00020): issued shares',
      'Class A ordinary shares: issued shares',
      'Class B ordinary shares (00020): options outstanding',
    ]);
    expect(plotted(chart, 'Class B ordinary shares (00020): issued shares')).toEqual([
      ['2023-10', 25_948_809_928],
      ['2023-11', 25_948_809_928],
    ]);
    expect(plotted(chart, 'Class A ordinary shares: issued shares')).toEqual([
      ['2023-10', 7_520_115_072],
      ['2023-11', 7_520_115_072],
    ]);
    // The scheme's shares sold in November (-12,189,548) show in the second panel.
    expect(plotted(chart, 'Class B ordinary shares (00020): options outstanding')).toEqual([
      ['2023-10', 3_537_208_529],
      ['2023-11', 3_525_018_981],
    ]);
    expect(chart.marks).toEqual([]);
    // What the spec draws is these points, each on the first of its month.
    expect(specValues(chart, 'value')).toHaveLength(6);
    expect(specValues(chart, 'value')[1]).toMatchObject({
      month: '2023-11',
      date: '2023-11-01',
      value: 25_948_809_928,
    });
  });

  it('plots treasury and total shares beside issued shares where the form has them (03388, v1.1)', async () => {
    const chart = await chartOf(['03388_2024-09_treasury'], '03388');
    expect(chart.panels).toEqual([
      'Ordinary shares (03388): issued shares',
      'Ordinary shares (03388): treasury shares',
      'Ordinary shares (03388): total issued shares',
    ]);
    expect(plotted(chart, 'Ordinary shares (03388): issued shares')).toEqual([['2024-09', 995_500_000]]);
    expect(plotted(chart, 'Ordinary shares (03388): treasury shares')).toEqual([['2024-09', 4_500_000]]);
    expect(plotted(chart, 'Ordinary shares (03388): total issued shares')).toEqual([['2024-09', 1_000_000_000]]);
  });

  it("names an A+H issuer's A shares by their Shanghai code, beside the H shares' HKEX code (01338)", async () => {
    const chart = await chartOf(['01338_2025-09_a-plus-h-sse'], '01338');
    expect(chart.panels).toEqual([
      'H Shares (01338): issued shares',
      'H Shares (01338): treasury shares',
      'H Shares (01338): total issued shares',
      'A Shares (SSE 601338): issued shares',
      'A Shares (SSE 601338): treasury shares',
      'A Shares (SSE 601338): total issued shares',
      'A Shares (SSE 601338): options outstanding',
    ]);
    expect(plotted(chart, 'A Shares (SSE 601338): issued shares')).toEqual([['2025-09', 4_803_600_000]]);
    expect(plotted(chart, 'A Shares (SSE 601338): options outstanding')).toEqual([['2025-09', 8_650_000]]);
  });

  it('marks the month of a resubmission in every panel (02288, March 2025 filed again)', async () => {
    const chart = await chartOf(['02288_2025-03', '02288_2025-03_resubmitted'], '02288');
    expect(chart.marks).toEqual([{ month: '2025-03', kind: 'resubmission' }]);
    // The resubmission's figures are the ones plotted.
    expect(plotted(chart, 'Ordinary shares (02288): issued shares')).toEqual([['2025-03', 860_320_000]]);
    expect(plotted(chart, 'Ordinary shares (02288): options outstanding')).toEqual([['2025-03', 11_680_000]]);
    const rules = specValues(chart, 'mark');
    expect(rules.map((r) => [r.panel, r.date, r.mark])).toEqual(
      chart.panels.map((panel) => [panel, '2025-03-01', 'resubmitted']),
    );
  });

  it('marks a continuity break: November opens at a balance October did not close at', async () => {
    const store = createMemoryFilingStore();
    await saveSample(store, makeSenseTimeReturn({ month: '2023-10', classBClosing: 25_948_000_000 }));
    await saveSample(store, makeSenseTimeReturn({ classBPreceding: 25_948_500_000 }));
    const history = await buildHistoryExport(store, '00020');
    const chart = buildHistoryChart(history ?? ({} as never));
    expect(chart.marks).toEqual([{ month: '2023-11', kind: 'continuity-break' }]);
    expect(plotted(chart, 'Class B ordinary shares (00020): issued shares')).toEqual([
      ['2023-10', 25_948_000_000],
      ['2023-11', 25_948_809_928],
    ]);
  });

  it('labels its axes with thousands separators, and says the y-axes do not start at zero', async () => {
    const chart = await chartOf(['00020_2023-10'], '00020');
    const spec = JSON.stringify(chart.spec);
    expect(spec).toContain('"scale":{"zero":false}');
    expect(spec).toContain('"format":",d"');
    expect((chart.spec.title as { subtitle: string }).subtitle).toBe(CHART_SUBTITLE);
    expect(CHART_SUBTITLE).toContain('do not start at zero');
  });
});

describe('renderChartPng', () => {
  it('draws the chart as a PNG 1.5 times the size of the spec, with ink on it', async () => {
    const chart = await chartOf(['00020_2023-10', '00020_2023-11'], '00020');
    const bytes = await renderChartPng(chart.spec);
    // The PNG signature, then IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect(Buffer.from(bytes.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const [width, height] = [view.getUint32(16), view.getUint32(20)];
    const png = PNG.sync.read(Buffer.from(bytes));
    expect([png.width, png.height]).toEqual([width, height]);
    // 640 px panels plus the axis labels and padding, drawn at 1.5 times that; three panels of 80 px and their headers.
    expect(width).toBeGreaterThan(1.5 * 700);
    expect(width).toBeLessThan(1.5 * 850);
    expect(height).toBeGreaterThan(1.5 * 3 * 80);
    expect(height).toBeLessThan(1.5 * 3 * 200);
    let dark = 0;
    let blue = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
      if (r + g + b < 200) dark++;
      // The line colour, #1f5f9f.
      if (Math.abs(r - 0x1f) < 24 && Math.abs(g - 0x5f) < 24 && Math.abs(b - 0x9f) < 24) blue++;
    }
    // Text (dark) and the lines (blue) are drawn: a blank or all-black image fails both.
    expect(dark).toBeGreaterThan(2_000);
    expect(dark).toBeLessThan(png.width * png.height * 0.2);
    expect(blue).toBeGreaterThan(1_000);
  });
});
