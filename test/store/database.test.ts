import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { PaperbotError } from "../../src/errors.ts";
import { openDatabase } from "../../store/database.ts";
import { MIGRATIONS } from "../../store/migrations.ts";
import { tempDir } from "../helpers/tempCorpus.ts";

function failure(open: () => unknown): PaperbotError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(PaperbotError);
    return error as PaperbotError;
  }
  throw new Error("expected openDatabase to fail");
}

describe("openDatabase", () => {
  it("creates the file and its directory, and migrates it to the latest schema", () => {
    const path = join(tempDir("db"), "nested", "data", "paperbot.db");
    const db = openDatabase(path);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
      )
      .all()
      .map((t) => t.name);
    expect(tables).toEqual([
      "answers",
      "digests",
      "featured",
      "meta",
      "question_counts",
      "reading_queue",
      "subscriptions",
      "thread_papers",
      "votes",
    ]);
    db.close();
  });

  it("migrates a database of schema version 2 to the latest, keeping its rows (#16)", () => {
    const path = join(tempDir("db"), "paperbot.db");
    const old = new Database(path);
    old.pragma("journal_mode = WAL");
    for (const [i, migration] of MIGRATIONS.slice(0, 2).entries()) {
      old.exec(migration);
      old.pragma(`user_version = ${i + 1}`);
    }
    old.prepare("INSERT INTO thread_papers VALUES ('t', 'mixmatch', 1)").run();
    old.prepare("INSERT INTO subscriptions VALUES ('discord', '123', 'command', 2)").run();
    old.close();
    const db = openDatabase(path);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT paper_id FROM thread_papers").all()).toEqual([
      { paper_id: "mixmatch" },
    ]);
    expect(db.prepare("SELECT platform, channel_id FROM subscriptions").all()).toEqual([
      { platform: "discord", channel_id: "123" },
    ]);
    for (const table of ["answers", "votes", "meta"]) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    db.close();
  });

  it("opens beside a process holding the write lock when told not to lock at open, reading what it committed", () => {
    const path = join(tempDir("db"), "paperbot.db");
    const bot = openDatabase(path);
    bot.prepare("INSERT INTO thread_papers VALUES ('t1', 'bear', 1)").run();
    bot.exec("BEGIN IMMEDIATE");
    bot.prepare("INSERT INTO thread_papers VALUES ('t2', 'mixmatch', 2)").run();
    const began = Date.now();
    const reader = openDatabase(path, { lockAtOpen: false, busyTimeoutMs: 2000 });
    expect(Date.now() - began).toBeLessThan(1000);
    expect(reader.prepare("SELECT thread FROM thread_papers").all()).toEqual([{ thread: "t1" }]);
    expect(() => openDatabase(path, { busyTimeoutMs: 100 })).toThrow(/locked by another process/);
    bot.exec("COMMIT");
    reader.close();
    bot.close();
  });

  it("still migrates under the write lock when told not to lock at open", () => {
    const path = join(tempDir("db"), "paperbot.db");
    const old = new Database(path);
    old.exec(MIGRATIONS[0] as string);
    old.pragma("user_version = 1");
    old.close();
    const db = openDatabase(path, { lockAtOpen: false });
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it("opens an existing database again without migrating twice, keeping its rows", () => {
    const path = join(tempDir("db"), "paperbot.db");
    const first = openDatabase(path);
    first.prepare("INSERT INTO thread_papers VALUES ('t', 'mixmatch', 1)").run();
    first.close();
    const second = openDatabase(path);
    expect(second.prepare("SELECT paper_id FROM thread_papers").get()).toEqual({
      paper_id: "mixmatch",
    });
    second.close();
  });

  it("says the file is locked when another process holds its write lock, instead of hanging", () => {
    const path = join(tempDir("db"), "paperbot.db");
    openDatabase(path).close();
    const holder = new Database(path);
    holder.exec("BEGIN EXCLUSIVE");
    const began = Date.now();
    const error = failure(() => openDatabase(path, { busyTimeoutMs: 200 }));
    expect(error.code).toBe("STATE_UNAVAILABLE");
    expect(error.message).toMatch(/DATABASE_PATH.*locked by another process/);
    expect(Date.now() - began).toBeLessThan(3000);
    holder.exec("ROLLBACK");
    holder.close();
    openDatabase(path).close();
  });

  it("says the file is not a database when it is something else", () => {
    const path = join(tempDir("db"), "notes.db");
    writeFileSync(path, "these are my notes, not a database ".repeat(200));
    expect(failure(() => openDatabase(path)).message).toMatch(/not a paperbot database/);
  });

  it("says DATABASE_PATH is a directory, not that it is not writable (#14)", () => {
    const dir = tempDir("db");
    const error = failure(() => openDatabase(dir));
    expect(error.message).toBe(
      `paperbot: cannot use the database ${dir} (DATABASE_PATH): it is a directory; DATABASE_PATH names the SQLite file in it, e.g. ${join(dir, "paperbot.db")}`,
    );
  });

  it("says where the directory cannot be made (a file where a directory should be)", () => {
    const file = join(tempDir("db"), "a-file");
    writeFileSync(file, "x");
    const error = failure(() => openDatabase(join(file, "paperbot.db")));
    expect(error.message).toMatch(
      /cannot use the database .*a-file\/paperbot\.db \(DATABASE_PATH\)/,
    );
    expect(error.message).toMatch(/directory cannot be created/);
  });

  it("says the place is not writable on a read-only file system", () => {
    const error = failure(() => openDatabase("/proc/paperbot-test.db"));
    expect(error.message).toMatch(/not writable|cannot be created/);
  });

  it("refuses a database made by a newer paperbot rather than guess at its schema", () => {
    const path = join(tempDir("db"), "paperbot.db");
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(failure(() => openDatabase(path)).message).toMatch(/newer than this paperbot knows/);
  });

  /** Everything a test can see of a SQLite file from outside: bytes, journal, schema, version. */
  function fileState(path: string): unknown {
    const bytes = readFileSync(path).toString("base64");
    const db = new Database(path, { readonly: true });
    const state = {
      bytes,
      wal: existsSync(`${path}-wal`),
      journal: db.pragma("journal_mode", { simple: true }),
      version: db.pragma("user_version", { simple: true }),
      schema: db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all(),
    };
    db.close();
    return state;
  }

  it("refuses another application's database before writing anything to it", () => {
    // Issue #14: paperbot's tables were added, user_version set and WAL switched on.
    const path = join(tempDir("db"), "shop.db");
    const shop = new Database(path);
    shop.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
    shop.exec("INSERT INTO customers (name) VALUES ('Ada')");
    shop.close();
    const before = fileState(path);
    const error = failure(() => openDatabase(path));
    expect(error.code).toBe("STATE_UNAVAILABLE");
    expect(error.message).toMatch(
      /shop\.db \(DATABASE_PATH\): it belongs to another application \(tables: customers\)/,
    );
    expect(fileState(path)).toEqual(before);
  });

  it("refuses a foreign database whose table names collide with paperbot's, before switching WAL", () => {
    const path = join(tempDir("db"), "other.db");
    const other = new Database(path);
    other.exec("CREATE TABLE digests (week TEXT, body TEXT)");
    other.close();
    const before = fileState(path);
    expect(failure(() => openDatabase(path)).message).toMatch(/belongs to another application/);
    expect(fileState(path)).toEqual(before);
  });

  it("takes an empty file as a new database", () => {
    const path = join(tempDir("db"), "empty.db");
    writeFileSync(path, "");
    const db = openDatabase(path);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });
});
