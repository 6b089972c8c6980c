/**
 * `hkex-shares migrate --from DATA_DIR --to postgres://…`: copies the lowdb store in a folder into a PostgreSQL
 * database (every return, watchlist, digest record and Slack upload claim) and checks the copy. Run it with the bot
 * stopped (the folder admits one process); run it again at will: what the database holds already is left as it
 * is, and the check runs again. Exit status: 0 copied and checked, 1 a store could not be opened, a month could not
 * be read or the check found a difference, 2 a usage error.
 */
import { parseArgs } from 'node:util';
import { isAppError } from '../domain/errors.js';
import { type CopyCount, type CopySummary, copyStore } from '../store/copy-store.js';
import { openFilingStore } from '../store/index.js';
import { describeDatabaseUrl } from '../store/postgres/database.js';
import { openPostgresFilingStore } from '../store/postgres/open-postgres-store.js';
import { EXIT, readCommandLine } from './store-command.js';

const USAGE = `Usage: hkex-shares migrate --from DIR --to postgres://user:password@host:5432/database
  Copies the store in DIR (a DATA_DIR) into the PostgreSQL database, then checks every return's sha256 and record,
  and every watchlist, digest record and Slack upload claim. Stop the bot on DIR first. Safe to run again.`;

interface Options {
  readonly from: string;
  readonly to: string;
  readonly help: boolean;
}

export async function run(args: string[]): Promise<number> {
  const options = readCommandLine(args, USAGE, parseOptions);
  if (typeof options === 'number') return options;
  const fail = (error: unknown) => {
    console.error(`hkex-shares migrate: ${isAppError(error) ? error.message : String(error)}`);
    return EXIT.failed;
  };
  let from: Awaited<ReturnType<typeof openFilingStore>>;
  try {
    from = await openFilingStore({ dir: options.from });
  } catch (error) {
    return fail(error);
  }
  try {
    const to = await openPostgresFilingStore({ url: options.to });
    try {
      const summary = await copyStore(from, to);
      console.log(renderCopySummary(summary, options));
      return summary.problems.length > 0 || summary.damagedMonths.length > 0 ? EXIT.failed : EXIT.ok;
    } finally {
      await to.close();
    }
  } catch (error) {
    return fail(error);
  } finally {
    await from.close();
  }
}

function parseOptions(args: string[]): Options {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { from: '', to: '', help: true };
  if (positionals.length > 0) throw new Error(`Unexpected argument "${positionals[0]}".`);
  if (!values.from) throw new Error('Give the store to copy with --from DIR.');
  if (!values.to || !/^postgres(ql)?:\/\/./.test(values.to)) {
    throw new Error('Give the database to copy into with --to postgres://…');
  }
  return { from: values.from, to: values.to, help: false };
}

export function renderCopySummary(summary: CopySummary, options: { from: string; to: string }): string {
  const line = (what: string, count: CopyCount) =>
    `  ${what}: ${count.source} in ${options.from}, ${count.copied} copied, ${count.alreadyThere} held already`;
  const lines = [
    `Copied ${options.from} into ${describeDatabaseUrl(options.to)}:`,
    line('returns', summary.returns),
    line('watchlists', summary.watchlists),
    line('digest records', summary.digestRecords),
    line('Slack upload claims', summary.slackUploads),
  ];
  // Only a store of the app installed in many workspaces holds any: a line of zeros would say nothing.
  if (summary.installations.source > 0) lines.push(line('installations in workspaces', summary.installations));
  const token = summary.tokenWorkspace;
  if (token) lines.push(`  the bot token's workspace: ${token.teamId}, ${token.copied ? 'copied' : 'held already'}`);
  for (const damaged of summary.damagedMonths) lines.push(`  not copied, damaged: ${damaged}`);
  if (summary.problems.length === 0) {
    lines.push('Checked: every return (sha256 and record), watchlist, digest record and claim is in the database.');
  } else {
    lines.push(`The check found ${summary.problems.length} difference(s):`, ...summary.problems.map((p) => `  ${p}`));
  }
  return lines.join('\n');
}
