/**
 * `hkex-shares`: the command line. Each sub-command lives in a file of its own; this file only dispatches.
 */
const USAGE = `Usage:
  hkex-shares parse [--json] FILE.pdf    read one monthly return and print it
  hkex-shares ingest PATH...             read every PDF under PATHs into the store
  hkex-shares fetch CODE...              fetch the monthly returns of CODEs from HKEXnews into the store
  hkex-shares history [--csv|--json] CODE  print the history of CODE held in the store
  hkex-shares migrate --from DIR --to postgres://…  copy the store in DIR into a PostgreSQL database`;

const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  parse: () => import('./parse-command.js'),
  ingest: () => import('./ingest-command.js'),
  fetch: () => import('./fetch-command.js'),
  history: () => import('./history-command.js'),
  migrate: () => import('./migrate-command.js'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? commands[name] : undefined;
if (!load) {
  console.error(name && name !== 'help' && name !== '--help' ? `Unknown command "${name}".\n${USAGE}` : USAGE);
  process.exitCode = name === 'help' || name === '--help' ? 0 : 2;
} else {
  process.exitCode = await (await load()).run(args);
}
