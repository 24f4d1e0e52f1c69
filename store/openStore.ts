import { type OpenDatabaseOptions, openDatabase, type StateDatabase } from "./database.ts";
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
  /** Closes the database; safe to call twice. */
  close(): void;
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions extends OpenDatabaseOptions {
  /** The clock (ms); tests pass a fake one. */
  now?: () => number;
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
    close: () => {
      if (db.open) db.close();
    },
  };
}
