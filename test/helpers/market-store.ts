/**
 * A store on disk holding `codes` issuers (one return each, names as the market's are: a few words shared by
 * thousands), written by the store's bulk writer: a test or a bench gets a market-sized store in a second or two.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BulkWriter } from '../../src/store/lowdb/bulk-writer.js';
import { storeLayout } from '../../src/store/lowdb/store-layout.js';
import { toStoredReturn } from '../../src/store/submissions.js';
import { issuerNameOf, makeMarketReturn } from '../store/market-returns.js';

export interface MarketStore {
  readonly dir: string;
  /** The codes held, in order, and each one's issuer name. */
  readonly issuers: readonly { readonly stockCode: string; readonly issuerName: string }[];
}

export async function writeMarketStore(codes: number, month = '2023-11'): Promise<MarketStore> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hkex-shares-market-'));
  // No fsync: the store is built for one run and thrown away.
  const writer = new BulkWriter(storeLayout(dir), false);
  const issuers = Array.from({ length: codes }, (_, i) => {
    const stockCode = String(1 + Math.floor((i * 9_998) / codes)).padStart(5, '0');
    return { stockCode, issuerName: issuerNameOf(stockCode) };
  });
  // Codes write disjoint files; the writer's index shards are updated in memory and written by finish().
  const lanes = 16;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = lane; i < issuers.length; i += lanes) {
        const stockCode = issuers[i]?.stockCode ?? '';
        await writer.writeCode(stockCode, [toStoredReturn(makeMarketReturn(stockCode, month))]);
      }
    }),
  );
  await writer.finish();
  return { dir, issuers };
}
