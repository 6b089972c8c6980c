/**
 * A clock and timers the test moves by hand: `now()` only changes when the test says so, and a timer fires only
 * when the test runs the clock up to it.
 */
import { DEFAULT_DIGEST_SCHEDULE } from '../../src/digest/digest-schedule.js';
import {
  type DigestSchedulerDeps,
  type RunningScheduler,
  type SchedulerTimers,
  startDigestScheduler,
} from '../../src/services/digest-scheduler.js';

interface PendingTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

export interface FakeClock {
  now(): Date;
  readonly timers: SchedulerTimers;
  /** When the earliest pending timer fires; null when none is pending. */
  nextTimerAt(): Date | null;
  pendingTimers(): number;
  /** Moves to the earliest pending timer and fires it; false when none is pending. */
  fireNext(): boolean;
  /** Moves the clock without firing anything (the process was not running). */
  set(date: Date): void;
}

export function createFakeClock(start: Date): FakeClock {
  let now = start.getTime();
  let nextId = 1;
  let pending: PendingTimer[] = [];
  const earliest = () => [...pending].sort((a, b) => a.at - b.at || a.id - b.id)[0];
  return {
    now: () => new Date(now),
    timers: {
      setTimeout(callback, ms) {
        const timer = { id: nextId++, at: now + ms, callback };
        pending.push(timer);
        return timer.id;
      },
      clearTimeout(handle) {
        pending = pending.filter((timer) => timer.id !== handle);
      },
    },
    nextTimerAt() {
      const timer = earliest();
      return timer ? new Date(timer.at) : null;
    },
    pendingTimers: () => pending.length,
    fireNext() {
      const timer = earliest();
      if (!timer) return false;
      pending = pending.filter((t) => t !== timer);
      now = Math.max(now, timer.at);
      timer.callback();
      return true;
    },
    set(date) {
      now = date.getTime();
    },
  };
}

/** Runs the clock to `target`, firing each timer due by then and letting the scheduler finish what it starts. */
export async function runUntil(clock: FakeClock, scheduler: RunningScheduler, target: Date): Promise<void> {
  for (;;) {
    await scheduler.idle();
    const next = clock.nextTimerAt();
    if (next === null || next.getTime() > target.getTime()) break;
    clock.fireNext();
  }
  if (clock.now().getTime() < target.getTime()) clock.set(target);
}

/** The digest scheduler on the default schedule, run by `clock`, its log kept in `log`. */
export function startSchedulerOn(
  clock: FakeClock,
  deps: Pick<DigestSchedulerDeps, 'store' | 'poster' | 'fill' | 'postersOf'>,
  log: string[] = [],
): RunningScheduler {
  return startDigestScheduler({
    ...deps,
    now: () => clock.now(),
    schedule: DEFAULT_DIGEST_SCHEDULE,
    timers: clock.timers,
    log: (message) => log.push(message),
  });
}
