/**
 * A chart spec drawn as a PNG without a browser: Vega-Lite compiles it to a Vega spec, Vega renders that headless to
 * SVG (`renderer: 'none'`, no canvas: text widths are estimated), and resvg draws the SVG to PNG pixels. resvg-js
 * ships its compiled renderer inside its npm package (`@resvg/resvg-js-linux-x64-gnu` and the like), so nothing is
 * downloaded or built at install. The only importer of vega-lite, vega and @resvg/resvg-js.
 *
 * Text is set in the system's LiberationSans (or DejaVu Sans, with WenQuanYi Micro Hei for Chinese names), the fonts
 * `.ci/run` installs (fonts-liberation, fonts-dejavu-core, fonts-wqy-microhei); the system's other fonts are not
 * scanned, so that a chart is drawn the same on every machine that has them.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartSpec } from './history-chart.js';

const FONT_FILES = [
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
];

let fontFiles: string[] | null = null;

function installedFontFiles(): string[] {
  fontFiles ??= FONT_FILES.filter((file) => existsSync(file));
  return fontFiles;
}

export async function renderChartSvg(spec: ChartSpec): Promise<string> {
  const view = new View(parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The PNG at twice the spec's size, so that it stays sharp on a high-density screen. */
export async function renderChartPng(spec: ChartSpec): Promise<Uint8Array> {
  const svg = await renderChartSvg(spec);
  const files = installedFontFiles();
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: {
      fontFiles: files,
      // Where none of the fonts above is installed, whatever the system has is better than no text.
      loadSystemFonts: files.length === 0,
      defaultFontFamily: 'Liberation Sans',
      sansSerifFamily: 'Liberation Sans',
    },
  });
  return resvg.render().asPng();
}
