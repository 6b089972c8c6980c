/**
 * Copies what one store holds into a PostgreSQL store (`hkex-shares migrate`), then checks the copy: every return
 * (by sha256, under the same code and month, with the same model, flags, provenance and audience), every watchlist,
 * digest record and Slack upload claim. Safe to run again: what the target already holds is kept and counted as
 * such, so a second run copies nothing and checks everything again.
 */
import { audienceOf, channelKeyOf, type StoredReturn } from '../domain/stored-return.js';
import { canonicalSha256 } from './content-identity.js';
import type { FilingStore, HeldMonth } from './filing-store.js';
import type { PostgresFilingStore } from './postgres/postgres-filing-store.js';

export interface CopyCount {
  /** Held in the source. */
  readonly source: number;
  /** Added to the target by this run. */
  readonly copied: number;
  /** Held in the target already, and left as it was. */
  readonly alreadyThere: number;
}

export interface CopySummary {
  readonly returns: CopyCount;
  readonly watchlists: CopyCount;
  readonly digestRecords: CopyCount;
  readonly slackUploads: CopyCount;
  /** The app's installations in many workspaces. */
  readonly installations: CopyCount;
  /**
   * The workspace of the single bot token the source was used with (team-adoption.ts), whether this run recorded it
   * in the target; null where the source records none.
   */
  readonly tokenWorkspace: { readonly teamId: string; readonly copied: boolean } | null;
  /** Months of the source that could not be read, each with why: not copied. */
  readonly damagedMonths: readonly string[];
  /** What the check found missing or different in the target; empty when the copy is whole. */
  readonly problems: readonly string[];
}

export interface CopyOptions {
  /** Told after each month copied, with the returns done so far. */
  readonly onMonth?: (returnsDone: number) => void;
}

/** What identifies a return's copy: everything but the links to its neighbours, which the target relinks. */
const fingerprintOf = (held: StoredReturn) =>
  canonicalSha256({
    stockCode: held.stockCode,
    reportMonth: held.reportMonth,
    monthlyReturn: held.monthlyReturn,
    flags: held.flags,
    provenance: held.provenance,
    audience: audienceOf(held),
  });

export async function copyStore(
  from: FilingStore,
  to: PostgresFilingStore,
  options: CopyOptions = {},
): Promise<CopySummary> {
  const source = from.contents();
  const damagedMonths: string[] = [];
  const wanted = new Map<string, string>();
  let copiedReturns = 0;
  let heldReturns = 0;
  for await (const month of source.months()) {
    if (month.damaged) {
      damagedMonths.push(`${month.stockCode} ${month.reportMonth}: ${month.damaged}`);
      continue;
    }
    const added = await to.importMonth(month);
    copiedReturns += added;
    heldReturns += month.submissions.length - added;
    for (const held of month.submissions) wanted.set(held.id, fingerprintOf(held));
    options.onMonth?.(wanted.size);
  }

  const watchlists = await source.watchlists();
  let watchlistsCopied = 0;
  for (const watchlist of watchlists) if (await to.importWatchlist(watchlist)) watchlistsCopied++;
  const digests = await source.digestRecords();
  let digestsCopied = 0;
  for (const record of digests) if ((await to.claimDigest(record)) === null) digestsCopied++;
  const uploads = await source.slackUploads();
  let uploadsCopied = 0;
  for (const upload of uploads) if (await to.importSlackUpload(upload)) uploadsCopied++;
  const installations = await source.installations();
  let installationsCopied = 0;
  for (const installation of installations) {
    if (await to.findInstallation(installation.team.id)) continue;
    await to.saveInstallation(installation);
    installationsCopied++;
  }

  // Copied with the records it stamped, so that the target is not adopted again by whichever token starts first.
  const tokenWorkspace = await source.tokenWorkspace();
  const tokenWorkspaceCopied = tokenWorkspace ? await to.importTokenWorkspace(tokenWorkspace) : false;

  const problems = await checkCopy(to, {
    returns: wanted,
    watchlists: watchlists.map(channelKeyOf),
    digests: digests.map((d) => `${channelKeyOf(d)} ${d.reportMonth}`),
    uploads: uploads.map((u) => u.key),
    installations: installations.map((i) => i.team.id),
    tokenWorkspace: tokenWorkspace?.teamId ?? null,
  });
  const count = (total: number, copied: number): CopyCount => ({
    source: total,
    copied,
    alreadyThere: total - copied,
  });
  return {
    returns: { source: wanted.size, copied: copiedReturns, alreadyThere: heldReturns },
    watchlists: count(watchlists.length, watchlistsCopied),
    digestRecords: count(digests.length, digestsCopied),
    slackUploads: count(uploads.length, uploadsCopied),
    installations: count(installations.length, installationsCopied),
    tokenWorkspace: tokenWorkspace ? { teamId: tokenWorkspace.teamId, copied: tokenWorkspaceCopied } : null,
    damagedMonths,
    problems,
  };
}

/** Reads the target back in full and names what is missing or differs from the source. */
async function checkCopy(
  to: FilingStore,
  expected: {
    returns: ReadonlyMap<string, string>;
    watchlists: readonly string[];
    digests: readonly string[];
    uploads: readonly string[];
    installations: readonly string[];
    tokenWorkspace: string | null;
  },
): Promise<string[]> {
  const target = to.contents();
  const held = new Map<string, string>();
  const add = ({ submissions }: HeldMonth) => {
    for (const submission of submissions) held.set(submission.id, fingerprintOf(submission));
  };
  for await (const month of target.months()) add(month);
  const problems: string[] = [];
  for (const [sha256, fingerprint] of expected.returns) {
    const found = held.get(sha256);
    if (found === undefined) problems.push(`return ${sha256} is missing`);
    else if (found !== fingerprint) problems.push(`return ${sha256} differs from the source`);
  }
  const missing = (what: string, wanted: readonly string[], have: Iterable<string>) => {
    const present = new Set(have);
    for (const key of wanted) if (!present.has(key)) problems.push(`${what} ${key} is missing`);
  };
  missing('watchlist', expected.watchlists, (await target.watchlists()).map(channelKeyOf));
  missing(
    'digest record',
    expected.digests,
    (await target.digestRecords()).map((d) => `${channelKeyOf(d)} ${d.reportMonth}`),
  );
  missing(
    'installation in workspace',
    expected.installations,
    (await target.installations()).map((i) => i.team.id),
  );
  missing(
    'Slack upload',
    expected.uploads,
    (await target.slackUploads()).map((u) => u.key),
  );
  const tokenTeam = (await target.tokenWorkspace())?.teamId ?? null;
  if (expected.tokenWorkspace !== null && tokenTeam !== expected.tokenWorkspace) {
    problems.push(
      `the bot token's workspace is ${expected.tokenWorkspace}, but ${tokenTeam ?? 'none'} in the database`,
    );
  }
  return problems;
}
