import {
  THREAD_MEMORY_SIZE,
  THREAD_MEMORY_TTL_MS,
  type ThreadPapers,
} from "../src/answer/threadMemory.ts";
import type { StateDatabase } from "./database.ts";

/** How many writes pass between two sweeps of expired threads: sweeping is a table scan. */
const SWEEP_EVERY = 500;

/**
 * Thread memory in the database: a thread keeps its paper across restarts, and a digest posted
 * by `paperbot digest run` tells the running bot which paper its thread is about. Same rules as
 * the in-process memory: a quiet thread forgets after two weeks, and the table stays bounded.
 */
export class SqliteThreadMemory implements ThreadPapers {
  readonly #get;
  readonly #put;
  readonly #sweep;
  #writes = 0;

  constructor(
    db: StateDatabase,
    private readonly ttlMs = THREAD_MEMORY_TTL_MS,
    private readonly now: () => number = Date.now,
    private readonly size = THREAD_MEMORY_SIZE,
  ) {
    this.#get = db.prepare<[string, number], { paper_id: string }>(
      "SELECT paper_id FROM thread_papers WHERE thread = ? AND at >= ?",
    );
    this.#put = db.prepare<[string, string, number]>(
      `INSERT INTO thread_papers (thread, paper_id, at) VALUES (?, ?, ?)
       ON CONFLICT (thread) DO UPDATE SET paper_id = excluded.paper_id, at = excluded.at`,
    );
    // Expired rows go, then the least recently used beyond the size bound.
    this.#sweep = db.prepare<[number, number]>(
      `DELETE FROM thread_papers WHERE at < ? OR thread IN (
         SELECT thread FROM thread_papers ORDER BY at DESC LIMIT -1 OFFSET ?)`,
    );
  }

  paperOf(thread: string): string | undefined {
    return this.#get.get(thread, this.now() - this.ttlMs)?.paper_id;
  }

  remember(thread: string, paperId: string): void {
    const now = this.now();
    this.#put.run(thread, paperId, now);
    this.#writes += 1;
    if (this.#writes % SWEEP_EVERY === 0) this.#sweep.run(now - this.ttlMs, this.size);
  }
}
