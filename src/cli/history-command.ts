/**
 * `hkex-shares history CODE [--data DIR] [--csv | --json] [--since YYYY-MM] [--until YYYY-MM]`: a code's history
 * from the store, as a table (the default), as CSV (one row per month and class) or as JSON (an array of the same
 * rows). Exit status: 0 when printed, 1 when nothing is held for the code or the store cannot be read, 2 for a usage
 * error.
 */
import { parseArgs } from 'node:util';
import { loadDatabaseUrl, loadDataDir, loadDotEnv } from '../config.js';
import { isAppError } from '../domain/errors.js';
import { checkMonthRange, type MonthRange } from '../domain/month-range.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import { renderHistoryCsv, renderHistoryJson } from '../format/history-export.js';
import { renderShareHistoryText } from '../format/share-history-text.js';
import { buildHistoryExport } from '../services/history-export.js';
import { buildShareHistory } from '../services/share-history.js';
import type { FilingStore } from '../store/filing-store.js';
import { inWorkspace } from '../store/in-workspace.js';
import { openFilingStore } from '../store/index.js';
import { type CodeWord, readCodeArgument, resolveCodeArgument } from './resolve-code.js';

const USAGE = `Usage: hkex-shares history [options] CODE
  Prints the history of a stock code held in the store: issued shares per class, month by month.
  --csv             one row per month and class, as CSV
  --json            the same rows as a JSON array
  --since YYYY-MM   the first month (default: the first held)
  --until YYYY-MM   the last month (default: the latest held)
  --data DIR        the store's directory (default: DATA_DIR from the environment or .env, else ./data)`;

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

interface Options {
  /** An HKEX code, or an A share's six-digit code, found through the store. */
  readonly code: CodeWord;
  readonly format: 'table' | 'csv' | 'json';
  readonly range: MonthRange | null;
  readonly dataDir: string;
}

export async function run(args: string[]): Promise<number> {
  let options: Options | 'help';
  try {
    loadDotEnv();
    options = parseOptions(args);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return EXIT.usage;
  }
  if (options === 'help') {
    console.log(USAGE);
    return EXIT.ok;
  }
  const fail = (error: unknown) => {
    console.error(`hkex-shares history: ${isAppError(error) ? error.message : String(error)}`);
    return EXIT.failed;
  };
  let store: Awaited<ReturnType<typeof openFilingStore>>;
  try {
    store = await openFilingStore({ dir: options.dataDir, databaseUrl: loadDatabaseUrl() });
  } catch (error) {
    return fail(error);
  }
  try {
    // As the single bot token's workspace sees it, where the store records one: its Slack returns with the filings.
    const seen = inWorkspace(store, (await store.contents().tokenWorkspace())?.teamId ?? null);
    let resolved: Awaited<ReturnType<typeof resolveCodeArgument>>;
    try {
      resolved = await resolveCodeArgument(seen, options.code);
    } catch (error) {
      if (!isAppError(error, 'bad-input')) throw error;
      console.error(`hkex-shares history: ${error.message}`);
      return EXIT.usage;
    }
    if (resolved.note) console.error(`hkex-shares history: ${resolved.note}`);
    const printed = await renderHistory(seen, resolved.stockCode, options);
    if (printed === null) {
      console.error(`hkex-shares history: nothing is held for ${resolved.stockCode} in ${options.dataDir}`);
      return EXIT.failed;
    }
    process.stdout.write(printed.endsWith('\n') ? printed : `${printed}\n`);
    return EXIT.ok;
  } catch (error) {
    return fail(error);
  } finally {
    await store.close();
  }
}

async function renderHistory(store: FilingStore, stockCode: StockCode, options: Options): Promise<string | null> {
  if (options.format === 'table') {
    // Every month held (or in the range): a terminal scrolls.
    const history = await buildShareHistory(store, stockCode, { months: 100_000, range: options.range });
    return history ? renderShareHistoryText(history) : null;
  }
  const history = await buildHistoryExport(store, stockCode, { range: options.range });
  if (!history) return null;
  if (history.damagedMonths.length > 0) {
    console.error(`hkex-shares history: left out, damaged in the store: ${history.damagedMonths.join(', ')}`);
  }
  return options.format === 'csv' ? renderHistoryCsv(history) : renderHistoryJson(history);
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function monthOption(name: string, value: string | undefined): ReportMonth | null {
  if (value === undefined) return null;
  if (!MONTH.test(value)) throw new Error(`--${name} must be a month YYYY-MM, not "${value}"`);
  return value;
}

function parseOptions(args: string[]): Options | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      csv: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      since: { type: 'string' },
      until: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (values.csv && values.json) throw new Error('Give --csv or --json, not both.');
  if (positionals.length !== 1) throw new Error('Give exactly one stock code.');
  const code = readCodeArgument(positionals[0] ?? '');
  const since = monthOption('since', values.since);
  const until = monthOption('until', values.until);
  let range: MonthRange | null = null;
  if (since || until) {
    try {
      range = checkMonthRange({ since, until });
    } catch (error) {
      throw new Error(`--since ${since} is after --until ${until}`, { cause: error });
    }
  }
  return {
    code,
    format: values.csv ? 'csv' : values.json ? 'json' : 'table',
    range,
    dataDir: values.data ?? loadDataDir(),
  };
}
