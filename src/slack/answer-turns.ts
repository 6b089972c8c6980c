/**
 * What the commands do on the main thread after their acknowledgement (store reads, suggestions, Block Kit
 * building) taken one turn at a time, each turn begun from `setImmediate`, so that the requests already waiting are
 * read and acknowledged first. An acknowledgement then waits behind at most one turn of work, never behind a
 * burst's worth of answers running side by side. Waits on the network (HKEXnews, `respond()`) stay outside a turn,
 * so one slow site holds no one else's answer.
 */
import { setImmediate } from 'node:timers/promises';

export interface AnswerTurns {
  /** Runs `work` when its turn comes; resolves (or rejects) as `work` does. */
  take<T>(work: () => Promise<T> | T): Promise<T>;
}

export function createAnswerTurns(): AnswerTurns {
  let last: Promise<unknown> = Promise.resolve();
  return {
    take(work) {
      const turn = last.then(() => setImmediate()).then(work);
      last = turn.catch(() => undefined);
      return turn;
    },
  };
}
