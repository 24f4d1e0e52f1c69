/**
 * How `paperbot gaps` and `paperbot stats` open the bot's database: through the configuration
 * (`DATABASE_PATH`, `FEEDBACK_RETENTION_DAYS`), beside a bot that may be running and writing. They
 * only read: opening takes the write lock only when the schema must be migrated, and the reads
 * clear nothing (the bot clears expired text, by its own retention).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { DigestStore } from "../../store/openStore.ts";
import type { BotConfig } from "../config.ts";
import { loadBotRuntime } from "./botRuntime.ts";
import { type CliIO, writeLine } from "./io.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The open store, the configuration, and the window asked for. */
export interface FeedbackReading {
  store: DigestStore;
  config: BotConfig;
  /** Days the window reaches back: `--days`, else the retention period. */
  days: number;
  /** The window's start (ms). */
  since: number;
  /** Its end: now (ms). */
  until: number;
}

/**
 * Opens the database for reading the feedback over the last `days` (default: the retention
 * period, all the question text there is). Returns an exit code instead when the configuration
 * is bad (2), or there is no database (1, and says so: a mistyped DATABASE_PATH must not read as
 * "no gaps") or it cannot be opened (1).
 */
export async function openFeedbackReading(
  io: CliIO,
  days: number | undefined,
): Promise<FeedbackReading | number> {
  const runtime = await loadBotRuntime(io);
  if (typeof runtime === "number") return runtime;
  const { config } = runtime;
  const path = config.databasePath;
  if (path !== ":memory:" && !existsSync(path)) {
    writeLine(
      io.stderr,
      `paperbot: there is no database at ${resolve(path)} (DATABASE_PATH): nothing has been recorded there. Point DATABASE_PATH at the bot's database.`,
    );
    return 1;
  }
  const { openStore } = await import("../../store/openStore.ts");
  const { PaperbotError } = await import("../../src/errors.ts");
  let store: DigestStore;
  try {
    store = openStore(path, {
      lockAtOpen: false,
      ...(config.feedback ? { feedback: config.feedback } : {}),
    });
  } catch (error) {
    if (!(error instanceof PaperbotError)) throw error;
    writeLine(io.stderr, error.message);
    return 1;
  }
  const window = days ?? store.feedback.retentionDays;
  const until = Date.now();
  return { store, config, days: window, since: until - window * DAY_MS, until };
}

/** A moment (ms) as its UTC day, `YYYY-MM-DD`. */
export function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
