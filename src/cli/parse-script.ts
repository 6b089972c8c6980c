/**
 * `hkex-shares parse` on its own: what scripts/bundle-cli.mjs bundles, with every library it needs, into the one
 * classic script bin/hkex-shares.js runs from V8's code cache (cached-script.ts). The arguments are main.ts's: the
 * command's name, then its own.
 */
import { run } from './parse-command.js';

run(process.argv.slice(3)).then((code) => {
  process.exitCode = code;
});
