/**
 * The bot's durable state: one SQLite file (`DATABASE_PATH`), opened, checked and migrated once at
 * start-up, so a locked, unwritable or foreign file stops start-up with a clear message instead of
 * failing in the middle of a post.
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { createError, PaperbotError } from "../src/errors.ts";
import { MIGRATIONS } from "./migrations.ts";

/** An open database, with its schema at the latest version. */
export type StateDatabase = Database.Database;

/** How long a statement waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** How long to wait for a lock held by another process (default {@link BUSY_TIMEOUT_MS}). */
  busyTimeoutMs?: number;
  /**
   * Whether opening takes the write lock even when the schema is up to date (default true): the
   * bot does, so a locked file stops it at start-up rather than in the middle of a post. A
   * command that only reads (`paperbot gaps`, `paperbot stats`) passes false, so it runs beside
   * a bot that is writing, and takes the lock only to migrate.
   */
  lockAtOpen?: boolean;
}

function unavailable(path: string, problem: string, cause: unknown): PaperbotError {
  return createError(
    "STATE_UNAVAILABLE",
    `cannot use the database ${path} (DATABASE_PATH): ${problem}`,
    {
      cause,
    },
  );
}

/** Turns SQLite's error codes into a sentence that says what to do. */
function explain(path: string, error: unknown): PaperbotError {
  const code = (error as { code?: string }).code ?? "";
  const message = (error as Error).message ?? String(error);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return unavailable(
      path,
      "it is locked by another process that kept it busy. Stop that process or point DATABASE_PATH at another file",
      error,
    );
  }
  if (
    code.startsWith("SQLITE_READONLY") ||
    code.startsWith("SQLITE_CANTOPEN") ||
    code === "EACCES"
  ) {
    return unavailable(path, "the file or its directory is not writable by this user", error);
  }
  if (code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT")) {
    return unavailable(path, "it is not a paperbot database (or it is damaged)", error);
  }
  if (["ENOENT", "ENOTDIR", "EEXIST", "EROFS", "EPERM"].includes(code)) {
    return unavailable(path, `its directory cannot be created (${code})`, error);
  }
  return unavailable(path, message, error);
}

/** Tables paperbot's first migration creates: a database that has them all is paperbot's. */
const PAPERBOT_TABLES = [...(MIGRATIONS[0] ?? "").matchAll(/CREATE TABLE (\w+)/g)].map(
  (match) => match[1] as string,
);

/**
 * Refuses an existing database that another application made, reading it only (no journal mode,
 * no migration, no `user_version`), so a mistyped DATABASE_PATH never changes someone else's
 * data. An empty file, a database with nothing in it, and one of paperbot's own pass.
 */
function refuseForeign(path: string, shown: string, timeout: number): void {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size === 0) return;
  } catch {
    return; // Not there yet: it will be paperbot's own.
  }
  const probe = new Database(path, { readonly: true, fileMustExist: true, timeout });
  try {
    const schema = probe
      .prepare<[], { type: string; name: string }>("SELECT type, name FROM sqlite_master")
      .all();
    if (schema.length === 0) return;
    const version = probe.pragma("user_version", { simple: true }) as number;
    const tables = schema.filter((row) => row.type === "table").map((row) => row.name);
    if (version >= 1 && PAPERBOT_TABLES.every((name) => tables.includes(name))) return;
    // Names come from someone else's file: show them printable, and only a few.
    const shownTables = tables
      .slice(0, 5)
      .map((name) => name.replace(/[^\p{L}\p{N}_.-]/gu, "?").slice(0, 40))
      .join(", ");
    const more = tables.length > 5 ? `, and ${tables.length - 5} more` : "";
    throw unavailable(
      shown,
      `it belongs to another application (tables: ${shownTables || "none"}${more}) and was left as it is. Point DATABASE_PATH at a file of paperbot's own`,
      undefined,
    );
  } finally {
    probe.close();
  }
}

/** Whether `error` is SQLite's "busy" (another connection holds a lock this one needs). */
function isBusy(error: unknown): boolean {
  return String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY");
}

/** Blocks this thread for `ms` (opening is synchronous, as better-sqlite3 is). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `step` again while SQLite answers "busy" without having waited, until `timeoutMs` has
 * passed. SQLite skips the busy handler where waiting could deadlock: "If SQLite determines that
 * invoking the busy handler could result in a deadlock, it will go ahead and return SQLITE_BUSY"
 * (https://www.sqlite.org/c3ref/busy_handler.html). Two processes switching one new file to WAL
 * at once meet exactly that (each holds a read lock the other's switch must wait out), so one
 * of them must let go and try again. Any other error, and busy past the deadline, is thrown.
 */
export function retryWhileBusy<T>(
  step: () => T,
  timeoutMs: number,
  clock: { now: () => number; sleep: (ms: number) => void } = { now: Date.now, sleep: sleepSync },
): T {
  const deadline = clock.now() + timeoutMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return step();
    } catch (error) {
      if (!isBusy(error) || clock.now() >= deadline) throw error;
      // A few ms, growing: the other side needs only its own switch's time.
      clock.sleep(Math.min(5 * (attempt + 1), 50));
    }
  }
}

/** Puts the file in WAL mode unless it is already, which needs no lock of the write kind. */
function useWal(db: StateDatabase, timeoutMs: number): void {
  retryWhileBusy(() => {
    if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
  }, timeoutMs);
}

/** Brings the schema up to date inside one write transaction: two processes migrate in turn. */
function migrate(db: StateDatabase, path: string, lockAtOpen: boolean): void {
  // Versions only grow: one that is already the latest cannot change under a reader.
  if (!lockAtOpen && db.pragma("user_version", { simple: true }) === MIGRATIONS.length) return;
  // BEGIN IMMEDIATE takes the write lock now, so a locked file fails here, at start-up.
  db.exec("BEGIN IMMEDIATE");
  try {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw unavailable(
        path,
        `its schema (version ${version}) is newer than this paperbot knows (${MIGRATIONS.length}); upgrade paperbot`,
        undefined,
      );
    }
    for (let next = version; next < MIGRATIONS.length; next += 1) {
      db.exec(MIGRATIONS[next] as string);
      db.pragma(`user_version = ${next + 1}`);
    }
    db.exec("COMMIT");
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}

/**
 * Opens (creating when missing) the database at `path` and migrates it. Throws a
 * `STATE_UNAVAILABLE` {@link PaperbotError} naming the problem: locked, unwritable, not a database.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): StateDatabase {
  const shown = path === ":memory:" ? path : resolve(path);
  let db: StateDatabase | undefined;
  try {
    const timeout = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
    // SQLite says only that it cannot open a directory, which read as "not writable".
    if (path !== ":memory:" && statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      throw unavailable(
        shown,
        `it is a directory; DATABASE_PATH names the SQLite file in it, e.g. ${join(shown, "paperbot.db")}`,
        undefined,
      );
    }
    if (path !== ":memory:") {
      mkdirSync(dirname(resolve(path)), { recursive: true });
      refuseForeign(path, shown, timeout);
    }
    db = new Database(path, { timeout });
    // WAL lets the bot read while `paperbot digest run` writes, and survives a crash mid-write.
    if (path !== ":memory:") useWal(db, timeout);
    db.pragma("synchronous = NORMAL");
    // Text paperbot deletes (question text past FEEDBACK_RETENTION_DAYS) is overwritten with
    // zeros in the file, not only unlinked: https://www.sqlite.org/pragma.html#pragma_secure_delete
    db.pragma("secure_delete = ON");
    // ...and the write-ahead log, which keeps the old pages, starts afresh from empty after a
    // checkpoint instead of keeping its old frames: https://www.sqlite.org/pragma.html#pragma_journal_size_limit
    db.pragma("journal_size_limit = 0");
    migrate(db, shown, options.lockAtOpen ?? true);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof PaperbotError) throw error;
    throw explain(shown, error);
  }
}
