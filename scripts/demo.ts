/**
 * `npm run demo`: the real app, over HTTP on 127.0.0.1, against a local fake of the Slack Web API, so no workspace
 * is needed. It uploads the bundled fixture returns as a user would share them in a channel, asks `/shares` about
 * each code it just shared and for the first one's history, then asks for a return nobody shared, which the bot
 * fetches from the project's local fake HKEXnews (never the real site), and prints what the bot posted, as a reader
 * sees it.
 *
 *   npm run demo                      plain text
 *   npm run demo -- --json            one JSON object per line: {"event", "channel", "thread_ts", "payload"}
 *   npm run demo -- --dir <folder>    upload the PDFs of another folder
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  FILINGS_DIR,
  fixtureDocuments,
  sharedFilingDocuments,
  startFakeHkexnews,
} from '../test/helpers/fake-hkexnews.js';
import type { PostedFile } from '../test/helpers/fake-slack.js';
import { type BotMessage, startTestApp, type TestApp } from '../test/helpers/slack-harness.js';

const USAGE = 'usage: npm run demo -- [--json] [--dir FOLDER]  (FOLDER holds the monthly-return PDFs to share)';

/** A bad invocation answers in one line on stderr, never with a stack trace. */
function fail(message: string, code: number): never {
  console.error(`demo: ${message}`);
  process.exit(code);
}

function readOptions(): { json: boolean; dir: string; help: boolean } {
  try {
    const { values } = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        dir: { type: 'string', default: path.join(import.meta.dirname, '..', 'fixtures') },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    return { json: values.json ?? false, dir: values.dir ?? 'fixtures', help: values.help ?? false };
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}; ${USAGE}`, 2);
  }
}

// `npm run demo -- --json | head` closes the pipe early: that is the reader being done, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const options = readOptions();
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const { json, dir } = options;
let event = '';

const WHERE: Record<string, string> = {
  'chat.postMessage': 'posted in the thread',
  'chat.update': 'replaced its reply with',
  'chat.postEphemeral': 'told the uploader alone',
  response_url: 'answered',
};

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

function show(message: BotMessage): void {
  if (json) {
    const payload = {
      text: message.text,
      blocks: message.blocks,
      ...(message.responseType ? { response_type: message.responseType } : {}),
    };
    const line = { event, via: message.via, channel: message.channel, thread_ts: message.threadTs, payload };
    console.log(JSON.stringify(line));
    return;
  }
  const audience =
    message.responseType === 'in_channel'
      ? ' (for the channel)'
      : message.via === 'response_url'
        ? ' (for the asker only)'
        : '';
  console.log(`  bot ${WHERE[message.via] ?? message.via}${audience}:`);
  console.log(indent(message.plain));
  console.log();
}

/** A file the bot posted (files.uploadV2): its name, size and the comment it went with. */
function showFile(file: PostedFile): void {
  const where = file.threadTs ? 'in the thread' : 'in the conversation';
  if (json) {
    const payload = { text: file.initialComment ?? '', file: { name: file.filename, bytes: file.bytes.byteLength } };
    console.log(
      JSON.stringify({ event, via: 'files.uploadV2', channel: file.channel, thread_ts: file.threadTs, payload }),
    );
    return;
  }
  console.log(`  bot posted a file ${where}: ${file.filename} (${Math.ceil(file.bytes.byteLength / 1024)} KB)`);
  console.log(indent(file.initialComment ?? ''));
  console.log();
}

/** Runs one user action and prints what the bot said in answer to it. */
async function step(t: TestApp, title: string, action: () => Promise<unknown>): Promise<void> {
  const before = t.botMessages().length;
  const filesBefore = t.fakeSlack.postedFiles.length;
  const logged = t.logs.length;
  event = title;
  if (!json) console.log(`▶ ${title}`);
  await action();
  await t.idle();
  // What the user was spared (a stack trace behind an apology) is for the person running the demo to see.
  for (const line of t.logs.slice(logged).filter((l) => l.level === 'error')) {
    console.error(`  [app error] ${line.text.split('\n').slice(0, 3).join(' | ')}`);
  }
  const said = t.botMessages().slice(before);
  // Show only what stays in the channel (a message replaced later is not).
  for (const message of said.filter((m) => !m.superseded)) show(message);
  const files = t.fakeSlack.postedFiles.slice(filesBefore);
  for (const file of files) showFile(file);
  if (said.length === 0 && files.length === 0 && !json) console.log('  (the bot said nothing)\n');
}

async function main(): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(`cannot read --dir ${dir} (${code === 'ENOENT' ? 'no such folder' : (code ?? 'unreadable')})`, 2);
  }
  const pdfs = names.filter((name) => name.toLowerCase().endsWith('.pdf')).sort();
  if (pdfs.length === 0) {
    return fail(`no PDFs in ${dir}: generate the fixtures with \`npm run fixtures\`, or pass --dir FOLDER`, 1);
  }
  // A return nobody shares: a real one of ../shared/filings where that folder is here, else a fixture held back.
  const fromCorpus = existsSync(path.join(FILINGS_DIR, '01477_2023-12.pdf'));
  const heldBack = fromCorpus ? null : '08425_2024-10_gem.pdf';
  const unshared = fromCorpus ? '01477 2023-12' : '08425 2024-10';
  const hkexnews = await startFakeHkexnews({ documents: [...fixtureDocuments(), ...sharedFilingDocuments()] });
  const t = await startTestApp({ hkexnewsUrl: hkexnews.url });
  try {
    if (!json) {
      console.log('hkex-shares-bot demo: the Slack app on 127.0.0.1, talking to a local fake Slack.');
      console.log(`Sharing ${pdfs.length} PDFs from ${path.relative(process.cwd(), dir) || dir} in #filings.\n`);
    }
    for (const name of pdfs.filter((n) => n !== heldBack)) {
      const bytes = readFileSync(path.join(dir, name));
      await step(t, `a user shares ${name} in #filings`, () => t.uploadFile({ name, bytes }));
    }
    // Ask about what was just shared, whatever the folder held.
    const codes = (await t.store.listIssuers()).map((issuer) => issuer.stockCode).sort();
    for (const code of codes) await step(t, `a user types /shares ${code}`, () => t.sendCommand(code));
    const [first] = codes;
    if (first) await step(t, `a user types /shares ${first} history`, () => t.sendCommand(`${first} history`));
    if (!json) console.log(`HKEXnews here is the project's local fake at ${hkexnews.url}, serving real filings.\n`);
    await step(t, `a user types /shares ${unshared} (nobody shared it)`, () => t.sendCommand(unshared));
  } finally {
    await t.close();
    await hkexnews.close();
  }
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error), 1);
});
