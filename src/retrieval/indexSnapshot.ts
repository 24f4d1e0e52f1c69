import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { hashText } from "../corpus/corpusFiles.ts";
import {
  decodeSnapshot,
  type IndexState,
  OutdatedSnapshotError,
  readPrefix,
  serializeSnapshot,
} from "./snapshotCodec.ts";

export type { IndexState } from "./snapshotCodec.ts";

/** Where the snapshot of a corpus directory is kept: one file per corpus, named by its path. */
export function snapshotPath(snapshotDir: string, corpusDir: string): string {
  return join(snapshotDir, `index-${hashText(resolve(corpusDir)).slice(0, 16)}.snapshot`);
}

/**
 * Reads a snapshot file in two parts, header and binary, so that only the binary part (postings
 * and summaries, which the index keeps using) stays in memory.
 */
function readParts(path: string): { header: string; binary: Buffer } {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const prefix = Buffer.alloc(8);
    readSync(fd, prefix, 0, 8, 0);
    const { headerLength, binaryStart } = readPrefix(prefix);
    if (binaryStart > size) throw new Error("the file is truncated");
    const header = Buffer.alloc(headerLength);
    readSync(fd, header, 0, headerLength, 8);
    const binary = Buffer.alloc(size - binaryStart);
    let read = 0;
    while (read < binary.length) {
      const got = readSync(fd, binary, read, binary.length - read, binaryStart + read);
      if (got === 0) throw new Error("the file is truncated");
      read += got;
    }
    return { header: header.toString("utf8"), binary };
  } finally {
    closeSync(fd);
  }
}

/** Reads the snapshot of a corpus, or says why there is none to use. */
export function readSnapshot(
  snapshotDir: string,
  corpusDir: string,
): { state: IndexState } | { missing: true } | { rejected: string; outdated: boolean } {
  const path = snapshotPath(snapshotDir, corpusDir);
  if (!existsSync(path)) return { missing: true };
  try {
    const { header, binary } = readParts(path);
    return { state: decodeSnapshot(corpusDir, header, binary) };
  } catch (error) {
    const rejected = error instanceof Error ? error.message : String(error);
    return { rejected, outdated: error instanceof OutdatedSnapshotError };
  }
}

/**
 * Writes a snapshot atomically: to a temporary file, then renamed over the old one, so a reader
 * (another process starting) never sees half a file. Throws when the directory is not writable.
 */
export function writeSnapshot(snapshotDir: string, corpusDir: string, state: IndexState): void {
  const path = snapshotPath(snapshotDir, corpusDir);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(snapshotDir, { recursive: true });
    writeFileSync(temporary, serializeSnapshot(corpusDir, state));
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
