/**
 * The audit trail an operator reads to answer "who loaded this figure, from where, when": one `info` line per
 * `/shares` answer and per digest, naming who asked, in which conversation, what was answered and where its
 * returns came from. Never a token, and never the text of a message or command: only ids, codes and months.
 */
import type { ProvenanceSource, StoredReturn } from '../domain/stored-return.js';
import type { Digest } from '../view-models/digest.js';
import type { SharesAnswer } from '../view-models/shares-answer.js';
import type { WatchAnswer } from '../view-models/watch-answer.js';

/** Where a return was read from, by id: a Slack file and its conversation, a path, or an HKEXnews document. */
export function describeOrigin(source: ProvenanceSource): string {
  switch (source.kind) {
    case 'slack':
      return `Slack file ${source.fileId} from ${source.channelId ?? 'unknown'}`;
    case 'path':
      return 'a file ingested from disk';
    case 'hkexnews':
      return `HKEXnews ${source.newsId}`;
  }
}

function describeReturn(stored: StoredReturn): string {
  return `${stored.stockCode} ${stored.reportMonth} (${describeOrigin(stored.provenance.source)})`;
}

export function describeSharesAnswer(answer: SharesAnswer): string {
  switch (answer.kind) {
    case 'help':
      return 'help';
    case 'card':
      return `card ${describeReturn(answer.card.stored)}`;
    case 'full-return':
      return `full return ${describeReturn(answer.card.stored)}`;
    case 'history':
      return `history ${answer.history.stockCode}, ${answer.history.months.length} month(s)`;
    case 'history-export':
      return `history ${answer.format} ${answer.history.stockCode}, ${answer.history.rows.length} row(s)`;
    case 'issuers':
      return answer.query === null
        ? `list, ${answer.issuers.length} code(s)`
        : `${answer.issuers.length} name match(es)`;
    case 'not-held':
      return 'not held';
  }
}

export function describeDigest(digest: Digest): string {
  const filed = digest.moved.length + digest.quiet.length;
  return `digest ${digest.month}: ${digest.watchedCount} code(s) watched, ${filed} filed, ${digest.pending.length} not held`;
}

export function describeWatchAnswer(answer: WatchAnswer): string {
  switch (answer.kind) {
    case 'digest':
      return describeDigest(answer.digest);
    default:
      return answer.kind;
  }
}
