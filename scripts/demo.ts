/**
 * `npm run demo`: the real app, over HTTP on 127.0.0.1, against a local fake of the Slack Web API, so no workspace
 * is needed. It uploads the bundled fixture returns as a user would share them in a channel, asks `/shares 00020`
 * and `/shares 00020 history`, then asks for a return nobody shared, which the bot fetches from the project's local
 * fake HKEXnews (never the real site), and prints what the bot posted, as a reader would see it.
 *
 *   npm run demo                      plain text
 *   npm run demo -- --json            the Block Kit payloads
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
import { type BotMessage, startTestApp, type TestApp } from '../test/helpers/slack-harness.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    dir: { type: 'string', default: path.join(import.meta.dirname, '..', 'fixtures') },
  },
});
const json = values.json ?? false;
const dir = values.dir ?? 'fixtures';

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
    console.log(JSON.stringify({ via: message.via, text: message.text, blocks: message.blocks }, null, 2));
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

/** Runs one user action and prints what the bot said in answer to it. */
async function step(t: TestApp, title: string, action: () => Promise<unknown>): Promise<void> {
  const before = t.botMessages().length;
  const logged = t.logs.length;
  console.log(json ? `// ${title}` : `▶ ${title}`);
  await action();
  await t.idle();
  // What the user was spared (a stack trace behind an apology) is for the person running the demo to see.
  for (const line of t.logs.slice(logged).filter((l) => l.level === 'error')) {
    console.error(`  [app error] ${line.text.split('\n').slice(0, 3).join(' | ')}`);
  }
  const said = t.botMessages().slice(before);
  // The "Reading …" acknowledgement is replaced or removed at once: show only what stays in the channel.
  for (const message of said.filter((m) => !m.superseded)) show(message);
  if (said.length === 0) console.log('  (the bot said nothing)\n');
}

async function main(): Promise<void> {
  const pdfs = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.pdf'))
    .sort();
  if (pdfs.length === 0) {
    console.error(`No PDFs in ${dir}. Generate the fixtures with \`npm run fixtures\`, or pass --dir <folder>.`);
    process.exit(1);
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
    await step(t, 'a user types /shares 00020', () => t.sendCommand('00020'));
    await step(t, 'a user types /shares 00020 history', () => t.sendCommand('00020 history'));
    if (!json) console.log(`HKEXnews here is the project's local fake at ${hkexnews.url}, serving real filings.\n`);
    await step(t, `a user types /shares ${unshared} (nobody shared it)`, () => t.sendCommand(unshared));
  } finally {
    await t.close();
    await hkexnews.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
