import type { StateDatabase } from "./database.ts";

const HOUR_MS = 60 * 60 * 1000;
/** How long counts are kept: long enough for any digest period people choose. */
export const COUNTS_KEPT_MS = 180 * 24 * HOUR_MS;

/** One paper and how often it was asked about. */
export interface PaperCount {
  paperId: string;
  count: number;
}

/**
 * How often the bot answered about each paper, per workspace ("scope") and hour: what the
 * digest's "most asked" list is made of. Only the paper, the scope and the hour are stored; no
 * message text and no user id, by design.
 */
export class QuestionCounts {
  readonly #add;
  readonly #top;
  readonly #prune;
  #lastPrune = 0;

  constructor(
    db: StateDatabase,
    private readonly now: () => number = Date.now,
  ) {
    this.#add = db.prepare<[string, string, number]>(
      `INSERT INTO question_counts (scope, paper_id, hour, count) VALUES (?, ?, ?, 1)
       ON CONFLICT (scope, paper_id, hour) DO UPDATE SET count = count + 1`,
    );
    // A null scope counts every workspace (the CLI's preview, run by whoever runs the bot).
    this.#top = db.prepare<
      [{ scope: string | null; hour: number; limit: number }],
      { paper_id: string; count: number }
    >(
      `SELECT paper_id, SUM(count) AS count FROM question_counts
       WHERE (@scope IS NULL OR scope = @scope) AND hour >= @hour
       GROUP BY paper_id ORDER BY count DESC, paper_id LIMIT @limit`,
    );
    this.#prune = db.prepare<[number]>("DELETE FROM question_counts WHERE hour < ?");
  }

  /** Counts one answer about `paperId` in `scope` (a workspace: `slack`, `discord:<server>`). */
  record(scope: string, paperId: string): void {
    const now = this.now();
    this.#add.run(scope, paperId, Math.floor(now / HOUR_MS));
    if (now - this.#lastPrune > 24 * HOUR_MS) {
      this.#lastPrune = now;
      this.#prune.run(Math.floor((now - COUNTS_KEPT_MS) / HOUR_MS));
    }
  }

  /** The most-asked papers in `scope` (every scope when undefined) since `since` (ms), most asked first, at most `limit`. */
  top(scope: string | undefined, since: number, limit: number): PaperCount[] {
    // Whole hours: an answer in the hour of the last digest counts towards the next one.
    return this.#top
      .all({ scope: scope ?? null, hour: Math.floor(since / HOUR_MS), limit })
      .map((row) => ({ paperId: row.paper_id, count: row.count }));
  }
}
