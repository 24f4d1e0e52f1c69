import { type CoreLogger, silentLogger } from "../../src/logger.ts";
import type { DigestOutcome } from "./digestService.ts";

/** The timers the scheduler sleeps with; tests pass a fake clock's. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the scheduler drives: a digest service, seen from the side the scheduler needs. */
export interface Schedulable {
  runDue(): Promise<DigestOutcome[]>;
  nextWakeAt(): number | undefined;
}

/** Longest sleep: the clock is read again at least this often (a suspended laptop, a clock change). */
export const MAX_SLEEP_MS = 60 * 60 * 1000;

/** A running schedule. */
export interface DigestScheduler {
  /** Resolves once the run in progress, if any, has finished. */
  idle(): Promise<void>;
  /** Stops waking; lets a run in progress finish. */
  stop(): Promise<void>;
}

/** Options of {@link startDigestScheduler}. */
export interface SchedulerOptions {
  service: Schedulable;
  now?: () => number;
  timers?: Timers;
  logger?: CoreLogger;
}

/**
 * Runs the digests on their schedule in a long-running bot: at once on start (so a digest missed
 * while the bot was down goes out now, once), then at each scheduled time and each due retry.
 */
export function startDigestScheduler(options: SchedulerOptions): DigestScheduler {
  const { service } = options;
  const now = options.now ?? Date.now;
  const timers: Timers = options.timers ?? {
    // unref: a pending digest must not keep a stopping process alive.
    setTimeout: (run, ms) => setTimeout(run, ms).unref(),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
  const log = options.logger ?? silentLogger;
  let stopped = false;
  let timer: unknown;
  let running: Promise<void> = Promise.resolve();

  const sleep = () => {
    if (stopped) return;
    const wake = service.nextWakeAt();
    const ms = Math.min(
      wake === undefined ? MAX_SLEEP_MS : Math.max(0, wake - now()),
      MAX_SLEEP_MS,
    );
    timer = timers.setTimeout(tick, ms);
  };
  const tick = () => {
    running = service
      .runDue()
      .then(
        (outcomes) => {
          const posted = outcomes.filter((o) => o.outcome === "posted").length;
          if (posted > 0) log.info({ posted }, "digests posted");
        },
        (error: unknown) => log.error({ err: error }, "the digest run failed"),
      )
      .finally(sleep);
  };
  tick();
  return {
    idle: async () => {
      await running;
    },
    stop: async () => {
      stopped = true;
      timers.clearTimeout(timer);
      await running;
    },
  };
}
