import type { StateDatabase } from "./database.ts";

/**
 * The reading queue: every paper the bot has seen, in the order it was added, and which period
 * last featured it. Each period features one paper, the same for every channel: papers never
 * featured come first, in the order they were added; once all have been, the least recently
 * featured comes round again.
 */
export class ReadingQueue {
  readonly #db: StateDatabase;
  readonly #now: () => number;

  constructor(db: StateDatabase, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Adds the papers the queue has not seen yet, in the given order, and returns their ids. The
   * first sync of an empty queue is the baseline: those papers were there before the bot, so they
   * never count as "added since the last digest".
   */
  sync(paperIds: readonly string[]): string[] {
    const run = this.#db.transaction((ids: readonly string[]) => {
      const known = new Set(
        this.#db
          .prepare<[], { paper_id: string }>("SELECT paper_id FROM reading_queue")
          .all()
          .map((row) => row.paper_id),
      );
      const baseline = known.size === 0;
      const last = this.#db
        .prepare<[], { last: number | null }>("SELECT MAX(position) AS last FROM reading_queue")
        .get();
      let position = last?.last ?? 0;
      const insert = this.#db.prepare<[string, number, number]>(
        "INSERT INTO reading_queue (paper_id, position, added_at) VALUES (?, ?, ?)",
      );
      const added = ids.filter((id) => !known.has(id));
      const at = baseline ? 0 : this.#now();
      for (const id of added) insert.run(id, ++position, at);
      return baseline ? [] : added;
    });
    return run.immediate(paperIds);
  }

  /** The papers added after `since` (ms), in the order they were added. */
  addedSince(since: number): string[] {
    return this.#db
      .prepare<[number], { paper_id: string }>(
        "SELECT paper_id FROM reading_queue WHERE added_at > ? ORDER BY position",
      )
      .all(since)
      .map((row) => row.paper_id);
  }

  /** The paper already chosen for `period`, if any. */
  featuredFor(period: string): string | undefined {
    return this.#db
      .prepare<[string], { paper_id: string }>("SELECT paper_id FROM featured WHERE period = ?")
      .get(period)?.paper_id;
  }

  /** The paper the next unchosen period would feature, without choosing it. */
  peek(present: ReadonlySet<string>): string | undefined {
    const order = this.#db
      .prepare<[], { paper_id: string }>(
        `SELECT paper_id FROM reading_queue
         ORDER BY last_featured IS NOT NULL, last_featured, position`,
      )
      // Lazily: the first paper still in the corpus is nearly always the first row.
      .iterate();
    for (const row of order) {
      // Returning ends the iteration, which releases the statement.
      if (present.has(row.paper_id)) return row.paper_id;
    }
    return undefined;
  }

  /**
   * The paper `period` features: chosen on first call, in one write transaction, so every
   * channel and every process gets the same one. `present` is the corpus now: a paper removed
   * since it was chosen is replaced.
   */
  pickFor(period: string, present: ReadonlySet<string>): string | undefined {
    const run = this.#db.transaction(() => {
      const chosen = this.featuredFor(period);
      if (chosen !== undefined && present.has(chosen)) return chosen;
      const next = this.peek(present);
      if (next === undefined) return undefined;
      this.#db
        .prepare<[string, string, number]>(
          `INSERT INTO featured (period, paper_id, chosen_at) VALUES (?, ?, ?)
           ON CONFLICT (period) DO UPDATE SET paper_id = excluded.paper_id`,
        )
        .run(period, next, this.#now());
      this.#db
        .prepare<[string, string]>("UPDATE reading_queue SET last_featured = ? WHERE paper_id = ?")
        .run(period, next);
      return next;
    });
    return run.immediate();
  }
}
