/**
 * `hkex-shares fetch CODE... [--since YYYY-MM] [--until YYYY-MM] [--data DIR] [--json] [--verbose]`: the monthly
 * returns of the given codes from HKEXnews into the store. The months are those the returns report (default: the
 * twelve before this one). Documents already held are not downloaded again. Exit status as for `ingest`: 0 when
 * every return was stored or already held, 1 when one could not be read or saved or a code could not be asked
 * about, 2 for a usage error, 130 when interrupted.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataDir, loadDotEnv, loadHkexnewsSettings } from '../config.js';
import { isAppError } from '../domain/errors.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import { parseReportMonth } from '../domain/report-month-words.js';
import type { StockCode } from '../domain/stock-code.js';
import { createHkexnewsClient } from '../hkexnews/hkexnews-client.js';
import {
  addMonths,
  type FetchSummary,
  fetchMonthlyReturns,
  lastTwelveMonths,
  type PassedOver,
} from '../services/fetch-returns.js';
import { ingestFailed, renderIngestSummary, summaryAsJson } from './ingest-summary.js';
import { type CodeWord, readCodeArgument, resolveCodeArgument } from './resolve-code.js';
import { EXIT, readCommandLine, runOnStore } from './store-command.js';

const USAGE = `Usage: hkex-shares fetch [options] CODE...
  Fetches the monthly returns of the given stock codes from HKEXnews into the store.
  --since YYYY-MM   the first month a return reports (default: twelve months before --until)
  --until YYYY-MM   the last month (default: last month)
  --data DIR        the store's directory (default: DATA_DIR from the environment or .env, else ./data)
  --json            print the summary as JSON
  --verbose         list every document in the summary`;

export async function run(args: string[]): Promise<number> {
  const options = readCommandLine(args, USAGE, (given) => {
    loadDotEnv();
    return parseOptions(given);
  });
  if (typeof options === 'number') return options;
  let settings: ReturnType<typeof loadHkexnewsSettings>;
  try {
    settings = loadHkexnewsSettings();
  } catch (error) {
    console.error(`hkex-shares fetch: ${isAppError(error) ? error.message : String(error)}`);
    return EXIT.usage;
  }
  const { hkexnewsUrl } = settings;
  if (!hkexnewsUrl) {
    console.error('hkex-shares fetch: HKEXnews is turned off (HKEXNEWS=off); nothing was fetched.');
    return EXIT.failed;
  }
  const stopping = 'Stopping after the document in hand (Ctrl-C again to quit at once; nothing saved is lost).';
  return runOnStore('fetch', options.dataDir, stopping, async ({ stopProgress, note, ...hooks }) => {
    const stockCodes: StockCode[] = [];
    for (const given of options.codes) {
      try {
        const resolved = await resolveCodeArgument(hooks.store, given);
        if (resolved.note) note(resolved.note);
        if (!stockCodes.includes(resolved.stockCode)) stockCodes.push(resolved.stockCode);
      } catch (error) {
        if (!isAppError(error, 'bad-input')) throw error;
        stopProgress();
        console.error(`hkex-shares fetch: ${error.message}`);
        return EXIT.usage;
      }
    }
    const client = createHkexnewsClient({ baseUrl: hkexnewsUrl, maxBytes: settings.maxBytes });
    note(
      `Asking HKEXnews (${client.origin}) for the returns of ${stockCodes.join(', ')}, ${options.since} to ${options.until}`,
    );
    const summary = await fetchMonthlyReturns({ ...hooks, client, now: () => new Date() }, { ...options, stockCodes });
    stopProgress();
    console.log(
      options.json
        ? JSON.stringify(fetchSummaryAsJson(summary, options.dataDir), null, 2)
        : renderFetchSummary(summary, options),
    );
    if (summary.interrupted) return EXIT.interrupted;
    return ingestFailed(summary) || summary.codeProblems.length > 0 ? EXIT.failed : EXIT.ok;
  });
}

function renderFetchSummary(summary: FetchSummary, options: { dataDir: string; verbose: boolean }): string {
  const codes = new Set(summary.codeProblems.map((p) => p.stockCode));
  const lines = [
    `HKEXnews listed ${summary.listed} document${summary.listed === 1 ? '' : 's'} in the search for monthly returns`,
    renderIngestSummary(summary, options),
  ];
  const passed = (label: string, items: readonly PassedOver[]) => {
    lines.push(`  ${label.padEnd(22)}${items.length}`);
    for (const { stockCode, document } of items) {
      lines.push(`      ${stockCode} ${document.releasedAt.slice(0, 10)} "${document.title}" (${document.headline})`);
    }
  };
  passed('other headlines', summary.notMonthlyReturns);
  passed('outside the months', summary.outsideMonths);
  for (const problem of summary.codeProblems) lines.push(`  not fetched: ${problem.stockCode}: ${problem.message}`);
  if (codes.size > 0) lines.push('  (run the same command again later to fetch those codes)');
  return lines.join('\n');
}

function fetchSummaryAsJson(summary: FetchSummary, dataDir: string): object {
  const passed = (items: readonly PassedOver[]) =>
    items.map(({ stockCode, document }) => ({ stockCode, ...document, file: path.basename(document.url) }));
  return {
    ...summaryAsJson(summary, dataDir),
    listed: summary.listed,
    notMonthlyReturns: passed(summary.notMonthlyReturns),
    outsideMonths: passed(summary.outsideMonths),
    codeProblems: summary.codeProblems,
  };
}

/** A month as `/shares` reads one ("2011-01", "01/2011", "Jan 2011", "2011年1月"). */
function monthOption(name: string, value: string | undefined): ReportMonth | undefined {
  if (value === undefined) return undefined;
  const refusal = `--${name} must be a month such as 2011-01 or "Jan 2011", not "${value}"`;
  let month: ReportMonth | null;
  try {
    month = parseReportMonth(value);
  } catch {
    throw new Error(refusal);
  }
  if (!month) throw new Error(refusal);
  return month;
}

function parseOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      since: { type: 'string' },
      until: { type: 'string' },
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const codes: CodeWord[] = positionals
    .flatMap((words) => words.split(/[\s,;]+/).filter(Boolean))
    .map(readCodeArgument);
  if (!values.help && codes.length === 0) throw new Error('Give at least one stock code.');
  const defaults = lastTwelveMonths(new Date());
  const until = monthOption('until', values.until) ?? defaults.until;
  const since = monthOption('since', values.since) ?? (values.until ? addMonths(until, -11) : defaults.since);
  if (since > until) throw new Error(`--since ${since} is after --until ${until}`);
  return {
    codes,
    since,
    until,
    dataDir: values.data ?? loadDataDir(),
    json: values.json,
    verbose: values.verbose,
    help: values.help,
  };
}
