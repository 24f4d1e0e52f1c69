import { type OpenDatabaseOptions, openDatabase, type StateDatabase } from "./database.ts";
import { type FeedbackOptions, FeedbackStore } from "./feedback.ts";
import { DigestLedger } from "./ledger.ts";
import { QuestionCounts } from "./questionCounts.ts";
import { ReadingQueue } from "./readingQueue.ts";
import { Subscriptions } from "./subscriptions.ts";
import { SqliteThreadMemory } from "./threadStore.ts";

/** Everything paperbot keeps in its database, one object per table group. */
export interface DigestStore {
  readonly db: StateDatabase;
  readonly queue: ReadingQueue;
  readonly subscriptions: Subscriptions;
  readonly ledger: DigestLedger;
  readonly counts: QuestionCounts;
  /** Thread memory that outlives the process (see {@link SqliteThreadMemory}). */
  readonly threads: SqliteThreadMemory;
  /** Answers, declined questions and votes (#16). */
  readonly feedback: FeedbackStore;
  /** Closes the database; safe to call twice. */
  close(): void;
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions extends OpenDatabaseOptions {
  /** The clock (ms); tests pass a fake one. */
  now?: () => number;
  /** How feedback is kept (`FEEDBACK_RETENTION_DAYS`, `RECORD_QUESTIONS`). */
  feedback?: Omit<FeedbackOptions, "now">;
}

/** Opens (creating and migrating) the database at `path`; see `openDatabase` for its errors. */
export function openStore(path: string, options: OpenStoreOptions = {}): DigestStore {
  const now = options.now ?? Date.now;
  const db = openDatabase(path, options);
  return {
    db,
    queue: new ReadingQueue(db, now),
    subscriptions: new Subscriptions(db, now),
    ledger: new DigestLedger(db),
    counts: new QuestionCounts(db, now),
    threads: new SqliteThreadMemory(db, undefined, now),
    feedback: new FeedbackStore(db, { ...options.feedback, now }),
    close: () => {
      if (db.open) db.close();
    },
  };
}
