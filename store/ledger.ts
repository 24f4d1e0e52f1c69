import type { StateDatabase } from "./database.ts";
import type { DigestPlatform } from "./subscriptions.ts";

/** Waits before the 2nd, 3rd, ... attempt of a failed post: 30 s, 2 min, 10 min, 30 min, 1 h. */
export const RETRY_DELAYS_MS: readonly number[] = [30_000, 120_000, 600_000, 1_800_000, 3_600_000];
/** Attempts before a digest is given up for its period. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** One channel's digest for one period. */
export interface DigestKey {
  platform: DigestPlatform;
  channelId: string;
  /** The period's start, ISO 8601 in UTC. */
  period: string;
}

/**
 * What became of a digest's open questions (`DIGEST_OPEN_QUESTIONS=on`): `none` to show, being
 * posted (`sending`, left so by a process that stopped: not tried again), `posted`, or `failed`.
 */
export type OpenQuestionsStatus = "none" | "sending" | "posted" | "failed";

/** What the ledger holds about a digest. */
export interface DigestRecord extends DigestKey {
  paperId: string | null;
  status: "sending" | "posted" | "failed" | "abandoned";
  attempts: number;
  claimedBy: string;
  /** When the last attempt was claimed (ms). */
  claimedAt: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  messageId: string | null;
  postedAt: number | null;
  /** Its open questions; null when they were never tried (off, or the digest not posted). */
  openQuestions: OpenQuestionsStatus | null;
  /** How many open questions were (to be) shown; never their words. */
  openQuestionsCount: number | null;
  /** Why posting them failed (free of secrets). */
  openQuestionsError: string | null;
}

interface Row {
  platform: DigestPlatform;
  channel_id: string;
  period: string;
  paper_id: string | null;
  status: DigestRecord["status"];
  attempts: number;
  claimed_by: string;
  claimed_at: number;
  next_attempt_at: number | null;
  last_error: string | null;
  message_id: string | null;
  posted_at: number | null;
  open_questions: OpenQuestionsStatus | null;
  open_questions_count: number | null;
  open_questions_error: string | null;
}

const fromRow = (row: Row): DigestRecord => ({
  platform: row.platform,
  channelId: row.channel_id,
  period: row.period,
  paperId: row.paper_id,
  status: row.status,
  attempts: row.attempts,
  claimedBy: row.claimed_by,
  claimedAt: row.claimed_at,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  messageId: row.message_id,
  postedAt: row.posted_at,
  openQuestions: row.open_questions,
  openQuestionsCount: row.open_questions_count,
  openQuestionsError: row.open_questions_error,
});

const KEY = "platform = ? AND channel_id = ? AND period = ?";

/**
 * The digests posted and being posted. A digest is claimed, in one write transaction, before it
 * is sent: whoever inserts the row (or takes over a failed one whose retry is due) posts it, and
 * everyone else leaves it. That is what makes a digest go out once per channel and period,
 * across restarts, a second bot process, and `paperbot digest run` beside the bot.
 */
export class DigestLedger {
  readonly #db: StateDatabase;

  constructor(db: StateDatabase) {
    this.#db = db;
  }

  /**
   * Claims a digest for `owner`: returns the attempt number when this caller should post it,
   * undefined when it is posted, being posted, given up, or failed with its retry not yet due.
   */
  claim(key: DigestKey, owner: string, now: number): number | undefined {
    const run = this.#db.transaction((): number | undefined => {
      const current = this.get(key);
      if (!current) {
        this.#db
          .prepare(
            `INSERT INTO digests (platform, channel_id, period, status, attempts, claimed_by, claimed_at)
             VALUES (?, ?, ?, 'sending', 1, ?, ?)`,
          )
          .run(key.platform, key.channelId, key.period, owner, now);
        return 1;
      }
      if (current.status !== "failed" || (current.nextAttemptAt ?? 0) > now) return undefined;
      this.#db
        .prepare(
          `UPDATE digests SET status = 'sending', attempts = attempts + 1, claimed_by = ?,
           claimed_at = ?, next_attempt_at = NULL WHERE ${KEY}`,
        )
        .run(owner, now, key.platform, key.channelId, key.period);
      return current.attempts + 1;
    });
    // IMMEDIATE: the read and the write happen under one lock, or two processes could both
    // read "no row" and both post.
    return run.immediate();
  }

  /** Records the paper a claimed digest features, before it is sent. */
  setPaper(key: DigestKey, paperId: string | null): void {
    this.#db
      .prepare(`UPDATE digests SET paper_id = ? WHERE ${KEY}`)
      .run(paperId, key.platform, key.channelId, key.period);
  }

  /** Records a successful post and the platform's id of the message. */
  posted(key: DigestKey, messageId: string, now: number): void {
    this.#db
      .prepare(
        `UPDATE digests SET status = 'posted', message_id = ?, posted_at = ?, last_error = NULL,
         next_attempt_at = NULL WHERE ${KEY}`,
      )
      .run(messageId, now, key.platform, key.channelId, key.period);
  }

  /**
   * Records a failed attempt: retried from `nextAttemptAt`, or given up (`abandoned`) when that is
   * undefined. `reason` must be free of secrets; it is shown by `paperbot digest status`.
   */
  failed(key: DigestKey, reason: string, nextAttemptAt: number | undefined): void {
    this.#db
      .prepare(`UPDATE digests SET status = ?, last_error = ?, next_attempt_at = ? WHERE ${KEY}`)
      .run(
        nextAttemptAt === undefined ? "abandoned" : "failed",
        reason.slice(0, 500),
        nextAttemptAt ?? null,
        key.platform,
        key.channelId,
        key.period,
      );
  }

  /**
   * Claims a posted digest's open questions, in one statement: true for the one caller that
   * should post them, false when the digest is not posted or they were claimed before (by this
   * process, a restarted one, or `paperbot digest run`). So they go out at most once per digest.
   */
  claimOpenQuestions(key: DigestKey): boolean {
    return (
      this.#db
        .prepare(
          `UPDATE digests SET open_questions = 'sending'
           WHERE ${KEY} AND status = 'posted' AND open_questions IS NULL`,
        )
        .run(key.platform, key.channelId, key.period).changes === 1
    );
  }

  /**
   * Records what became of claimed open questions: how many there were, and for a failure the
   * reason, which must be free of secrets (`paperbot digest status` shows it).
   */
  settleOpenQuestions(
    key: DigestKey,
    status: Exclude<OpenQuestionsStatus, "sending">,
    count: number,
    reason?: string,
  ): void {
    this.#db
      .prepare(
        `UPDATE digests SET open_questions = ?, open_questions_count = ?, open_questions_error = ?
         WHERE ${KEY}`,
      )
      .run(status, count, reason?.slice(0, 500) ?? null, key.platform, key.channelId, key.period);
  }

  /** One digest's record, if it was ever claimed. */
  get(key: DigestKey): DigestRecord | undefined {
    const row = this.#db
      .prepare<[string, string, string], Row>(`SELECT * FROM digests WHERE ${KEY}`)
      .get(key.platform, key.channelId, key.period);
    return row ? fromRow(row) : undefined;
  }

  /** When the channel's last digest was posted (ms), if ever. */
  lastPostedAt(platform: DigestPlatform, channelId: string): number | undefined {
    const row = this.#db
      .prepare<[string, string], { at: number | null }>(
        "SELECT MAX(posted_at) AS at FROM digests WHERE platform = ? AND channel_id = ? AND status = 'posted'",
      )
      .get(platform, channelId);
    return row?.at ?? undefined;
  }

  /** The most recent records, newest period first: what `paperbot digest status` prints. */
  recent(limit: number): DigestRecord[] {
    return this.#db
      .prepare<[number], Row>(
        "SELECT * FROM digests ORDER BY period DESC, platform, channel_id LIMIT ?",
      )
      .all(limit)
      .map(fromRow);
  }
}

/** When attempt `attempt` (1-based) failed at `now`: the next attempt's time, or undefined to give up. */
export function retryAt(attempt: number, now: number): number | undefined {
  const delay = RETRY_DELAYS_MS[attempt - 1];
  return delay === undefined ? undefined : now + delay;
}
