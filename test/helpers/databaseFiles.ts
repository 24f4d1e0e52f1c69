/**
 * What a test can read of the database's files on disk: the `.db` file and, while a process has it
 * open in WAL mode, its `-wal` and `-shm` files, where recent writes live until a checkpoint.
 */
import { existsSync, readFileSync } from "node:fs";

/** The database's files that exist now. */
export function databaseFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`].filter((file) => existsSync(file));
}

/**
 * The database files whose bytes hold `text` anywhere: in a row, a freed page or the WAL, as
 * UTF-8 or as UTF-16 (SQLite can store text either way).
 */
export function filesContaining(path: string, text: string): string[] {
  const needles = [Buffer.from(text, "utf8"), Buffer.from(text, "utf16le")];
  return databaseFiles(path).filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}
