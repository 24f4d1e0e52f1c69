/**
 * The paths part of the configuration: where the corpus, the database and the index snapshot are.
 * Read by `loadConfig` for the bot, and alone by the commands that talk to no platform, so that
 * neither reads these variables in its own way. Kept apart from the platforms' registry, which
 * loads their libraries, so those commands start fast.
 */
import { type Env, read } from "../src/platform/env.ts";
import { DEFAULT_DATABASE_PATH } from "../store/paths.ts";

/** Default corpus directory, relative to where the command runs. */
export const DEFAULT_CORPUS_DIR = "./corpus";

/** Where paperbot reads and keeps its files: what every command needs, bot or not. */
export interface StoragePaths {
  /** The corpus directory: `--corpus DIR`, else `CORPUS_DIR`, else `./corpus`. */
  corpusDir: string;
  /** The SQLite file (`DATABASE_PATH`). */
  databasePath: string;
  /**
   * `INDEX_SNAPSHOT_DIR` as set: a directory, `off` for no snapshot, or undefined for the
   * database's directory.
   */
  snapshotDir: string | undefined;
}

/**
 * The paths of the configuration alone, for the commands that do not talk to a platform
 * (`search`, `ask`, `check`): a bad platform variable does not stop them.
 */
export function readPaths(
  env: Env,
  overrides: { corpusDir?: string | undefined } = {},
): StoragePaths {
  const snapshotDir = read(env, "INDEX_SNAPSHOT_DIR");
  return {
    // An empty CORPUS_DIR (a blank line in .env) means unset, not "the current directory".
    corpusDir: overrides.corpusDir || read(env, "CORPUS_DIR") || DEFAULT_CORPUS_DIR,
    databasePath: read(env, "DATABASE_PATH") ?? DEFAULT_DATABASE_PATH,
    snapshotDir,
  };
}
