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
import { renderAsync } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartSpec } from './history-chart.js';

/** The first family installed is used for every label; the CJK font is loaded only for a chart that needs it. */
const LATIN_FAMILIES = [
  {
    family: 'Liberation Sans',
    files: [
      '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
      '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
    ],
  },
  {
    family: 'Liberation Sans',
    files: [
      '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
      '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
    ],
  },
  {
    family: 'DejaVu Sans',
    files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  },
];
const CJK_FILE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

let latin: { family: string; files: string[] } | null | undefined;

function latinFonts(): { family: string; files: string[] } | null {
  latin ??= LATIN_FAMILIES.find(({ files }) => files.every((file) => existsSync(file))) ?? null;
  return latin;
}

export async function renderChartSvg(spec: ChartSpec): Promise<string> {
  const view = new View(parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The SVG as a PNG at 1.5 times its size, sharp on a high-density screen (twice would draw and compress 1.8 times
 * the pixels, for about a third more time). resvg draws on a thread of
 * libuv's pool (`renderAsync`), so the pixels never hold the main thread.
 */
export async function renderSvgPng(svg: string): Promise<Uint8Array> {
  const fonts = latinFonts();
  const files = [...(fonts?.files ?? []), ...(CJK.test(svg) && existsSync(CJK_FILE) ? [CJK_FILE] : [])];
  const family = fonts?.family ?? 'sans-serif';
  const image = await renderAsync(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 1.5 },
    font: {
      fontFiles: files,
      // Where none of the fonts above is installed, whatever the system has is better than no text.
      loadSystemFonts: fonts === null,
      defaultFontFamily: family,
      sansSerifFamily: family,
    },
  });
  return image.asPng();
}

export async function renderChartPng(spec: ChartSpec): Promise<Uint8Array> {
  return renderSvgPng(await renderChartSvg(spec));
}
