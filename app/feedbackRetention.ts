/**
 * Keeps the promise of `FEEDBACK_RETENTION_DAYS` while the bot runs: question text past it is
 * cleared at start and every hour, not only when someone next asks something (recording an
 * answer clears it too, once a day). Commands that read the feedback never clear it: they go by
 * the bot's retention, not their own environment's.
 */
import type { CoreLogger } from "../src/logger.ts";
import type { FeedbackStore } from "../store/feedback.ts";

/** How often the running bot clears question text past the retention period. */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Clears expired question text now and then every {@link PRUNE_EVERY_MS}; returns the function
 * that stops it. A failure (a locked database) is logged and tried again at the next hour.
 */
export function pruneFeedbackHourly(feedback: FeedbackStore, logger: CoreLogger): () => void {
  const prune = (): void => {
    try {
      const cleared = feedback.prune();
      if (cleared > 0) logger.info({ cleared }, "cleared question text past the retention period");
    } catch (error) {
      logger.warn({ err: error }, "could not clear question text past the retention period");
    }
  };
  prune();
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  // The hourly clean-up never keeps a process alive that has nothing else to do.
  timer.unref();
  return () => clearInterval(timer);
}
