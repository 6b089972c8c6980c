/**
 * `/shares` under a burst, in the bot's own process (dist/main.js, HTTP mode, as `npm start` runs it) with 2,600
 * issuers held: 200 commands sent at once, 40% of them typos that take the suggestion path ("pacifc dargon",
 * "histroy 00020", misspelt names up to the longest a name may be), the rest codes, months, histories and names.
 * Reports the acknowledgement p50 / p99 (Slack gives up at 3 s; target p99 ≤ 50 ms) beside a burst of 200 `help`
 * commands in the same run, whose acks measure the machine rather than the bot. The commands go out 5 ms apart
 * (200 in a second), as a busy workspace's would, from this process, which also plays Slack.
 *
 * `npm run build` first; `npm run bench -- shares-burst`.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { type BotProcess, startBotProcess } from '../../test/helpers/bot-process.js';
import { startFakeSlack } from '../../test/helpers/fake-slack.js';
import { type MarketStore, writeMarketStore } from '../../test/helpers/market-store.js';
import { seededRandom } from '../../test/store/market-returns.js';

const ISSUERS = 2_600;
const BURST = 200;
const TYPO_SHARE = 0.4;
const TARGET_ACK_P99_MS = 50;
/** 200 commands within four seconds: a busy workspace's burst, not one client's flood of a single socket. */
const SPACING_MS = 20;

/** A typo of a name: two neighbouring letters swapped in each word. */
function misspell(name: string, random: () => number): string {
  return name
    .split(' ')
    .map((word) => {
      if (word.length < 4) return word;
      const at = 1 + Math.floor(random() * (word.length - 2));
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
    })
    .join(' ');
}

function commandsFor(market: MarketStore): string[] {
  const random = seededRandom(2_600);
  const pick = () =>
    market.issuers[Math.floor(random() * market.issuers.length)] ?? { stockCode: '00001', issuerName: '' };
  return Array.from({ length: BURST }, (_, i) => {
    const { stockCode, issuerName } = pick();
    if (i < BURST * TYPO_SHARE) {
      const typos = [
        misspell(issuerName.split(' ').slice(0, 2).join(' '), random),
        `histroy ${stockCode}`,
        misspell(`${issuerName} ${issuerName} ${issuerName}`, random).slice(0, 120),
        misspell(issuerName, random),
      ];
      return typos[i % typos.length] ?? '';
    }
    const plain = [stockCode, `${stockCode} 2023-11`, `history ${stockCode}`, `${Number(stockCode)}.HK Nov 2023`];
    return plain[i % plain.length] ?? '';
  }).sort(() => random() - 0.5);
}

/** Sends the commands SPACING_MS apart; the time from each send to its acknowledgement, and when all were answered. */
async function burst(bot: BotProcess, commands: readonly string[]): Promise<{ acks: number[]; answeredMs: number }> {
  const started = performance.now();
  const sent = await Promise.all(
    commands.map(async (text, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * SPACING_MS));
      const sentAt = performance.now();
      const ack = await bot.sendCommand(text);
      if (ack.status !== 200) throw new Error(`/shares ${text} was answered ${ack.status}`);
      return { ms: ack.ackedAt - sentAt, responseUrl: ack.responseUrl };
    }),
  );
  for (const { responseUrl } of sent) await bot.answerTo(responseUrl);
  return { acks: sent.map((s) => s.ms), answeredMs: performance.now() - started };
}

function percentile(times: readonly number[], q: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

if (!existsSync(path.join(import.meta.dirname, '../../dist/main.js'))) {
  console.error('dist/main.js is missing: run `npm run build` first.');
  process.exit(1);
}
const fakeSlack = await startFakeSlack();
const market = await writeMarketStore(ISSUERS);
const bot = await startBotProcess(fakeSlack, market.dir);
try {
  await burst(
    bot,
    Array.from({ length: 20 }, () => 'help'),
  ); // warm-up
  const help = await burst(
    bot,
    Array.from({ length: BURST }, () => 'help'),
  );
  const shares = await burst(bot, commandsFor(market));
  const p99 = percentile(shares.acks, 0.99);
  const rows = [
    ['burst', 'ack p50', 'ack p99', 'all answered'],
    ...[
      [`${BURST} x help`, help],
      [`${BURST} /shares, ${TYPO_SHARE * 100}% typos`, shares],
    ].map(([name, run]) => {
      const { acks, answeredMs } = run as { acks: number[]; answeredMs: number };
      return [
        name as string,
        `${percentile(acks, 0.5).toFixed(1)} ms`,
        `${percentile(acks, 0.99).toFixed(1)} ms`,
        `${(answeredMs / 1000).toFixed(2)} s`,
      ];
    }),
  ];
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(30) : cell.padStart(14))).join(''));
  const ratio = p99 / percentile(help.acks, 0.99);
  console.log(
    `\n/shares ack p99 with ${ISSUERS.toLocaleString('en')} issuers: ${p99.toFixed(1)} ms (target ≤ ${TARGET_ACK_P99_MS} ms: ${p99 <= TARGET_ACK_P99_MS ? 'met' : 'NOT met'}), x${ratio.toFixed(2)} the help burst's p99 in the same run`,
  );
} finally {
  await bot.stop();
  await fakeSlack.close();
  await rm(market.dir, { recursive: true, force: true });
}
