/**
 * Keeps question text no longer than `FEEDBACK_RETENTION_DAYS` while the bot runs: expired text
 * is cleared at start and then every hour, whether or not anyone asks anything (a quiet group
 * records nothing for weeks). The running bot is the only one that clears; readers only hide.
 */
import type { Logger } from "./logger.ts";

/** How often expired question text is cleared while the bot runs. */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** What can clear expired question text (the store's feedback). */
export interface Prunable {
  /** Clears expired question text; how many answers it cleared. */
  prune(): number;
}

/** Clears expired question text now and every {@link PRUNE_EVERY_MS}; returns a stop function. */
export function keepWithinRetention(
  feedback: Prunable,
  logger: Logger,
  everyMs = PRUNE_EVERY_MS,
): () => void {
  const prune = () => {
    try {
      const cleared = feedback.prune();
      if (cleared > 0) logger.info({ cleared }, "cleared question text past its retention period");
    } catch (error) {
      logger.error({ err: error }, "could not clear question text past its retention period");
    }
  };
  prune();
  const timer = setInterval(prune, everyMs);
  // Never the reason the process stays up.
  timer.unref();
  return () => clearInterval(timer);
}
