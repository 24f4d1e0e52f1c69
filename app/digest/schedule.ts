/**
 * When digests are due: a cron expression read in a time zone (`DIGEST_CRON`, `DIGEST_TZ`). Each
 * scheduled instant starts a period, and a channel gets one digest per period: the latest instant
 * at or before now is the period that is due, however many were missed.
 */
import { Cron } from "croner";
import { createError } from "../../src/errors.ts";

/** Monday 09:00. */
export const DEFAULT_DIGEST_CRON = "0 9 * * 1";
/** Read in UTC unless `DIGEST_TZ` says otherwise. */
export const DEFAULT_DIGEST_TZ = "UTC";

/** What the five fields of `DIGEST_CRON` are, in order. */
const CRON_FIELDS = "minute hour day-of-month month day-of-week";

/** A digest schedule. */
export class DigestSchedule {
  readonly #cron: Cron;

  /** Throws a `USAGE` error naming the variable when the expression or the zone is invalid. */
  constructor(
    /** The cron expression: exactly 5 fields (croner would take seconds and years too). */
    readonly cron: string = DEFAULT_DIGEST_CRON,
    /** An IANA time zone, e.g. `Europe/Berlin`. */
    readonly timeZone: string = DEFAULT_DIGEST_TZ,
  ) {
    try {
      // Intl is the reference for zone names; croner accepts some it cannot convert later.
      new Intl.DateTimeFormat("en-GB", { timeZone });
    } catch {
      throw createError(
        "USAGE",
        `DIGEST_TZ "${timeZone}" is not a time zone (e.g. UTC, Europe/Berlin)`,
      );
    }
    // A seconds field ("* * * * * *") would start a period every second: eight "weekly"
    // digests in eight seconds, working through the reading queue. Nicknames (@weekly) are out too.
    const fields = cron.trim().split(/\s+/).filter(Boolean).length;
    if (fields !== 5) {
      throw createError(
        "USAGE",
        `DIGEST_CRON "${cron}" is not a cron expression of exactly five fields (${CRON_FIELDS}; e.g. "0 9 * * 1" for Mondays 09:00): it has ${fields}`,
      );
    }
    try {
      this.#cron = new Cron(cron, { timezone: timeZone, paused: true });
    } catch (error) {
      throw createError(
        "USAGE",
        `DIGEST_CRON "${cron}" is not a cron expression (e.g. "0 9 * * 1" for Mondays 09:00): ${(error as Error).message}`,
      );
    }
    if (this.#cron.nextRun(new Date(0)) === null) {
      throw createError("USAGE", `DIGEST_CRON "${cron}" never comes round`);
    }
  }

  /** The start of the period that contains `now` (the latest instant at or before it), if any. */
  periodAt(now: number): Date | undefined {
    // previousRuns counts runs strictly before its reference; +1 ms takes in a run at `now`.
    return this.#cron.previousRuns(1, new Date(now + 1))[0];
  }

  /** The period before the one starting at `period`, if any. */
  periodBefore(period: Date): Date | undefined {
    return this.#cron.previousRuns(1, period)[0];
  }

  /** The next scheduled instant after `now`, if any. */
  nextAfter(now: number): Date | undefined {
    return this.#cron.nextRun(new Date(now)) ?? undefined;
  }

  /** A date as people in the schedule's zone read it: "30 November 2026". */
  dateLabel(instant: Date): string {
    return new Intl.DateTimeFormat("en-GB", {
      timeZone: this.timeZone,
      day: "numeric",
      month: "long",
      year: "numeric",
    }).format(instant);
  }

  /** A date and time with its zone: "Monday 30 November 2026 at 09:00 UTC". */
  whenLabel(instant: Date): string {
    const part = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat("en-GB", { timeZone: this.timeZone, ...options }).format(instant);
    const time = part({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    return `${part({ weekday: "long" })} ${this.dateLabel(instant)} at ${time} ${this.timeZone}`;
  }
}
