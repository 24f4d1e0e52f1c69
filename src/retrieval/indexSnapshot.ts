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
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { hashText } from "../corpus/corpusFiles.ts";
import { runInSlices } from "./runInSlices.ts";
import {
  decodeSnapshot,
  type IndexState,
  OutdatedSnapshotError,
  pieceBytes,
  readPrefix,
  serializeSnapshot,
  snapshotParts,
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

/** Bytes gathered before each write of {@link writeSnapshotInSlices}: few writes, small buffers. */
const WRITE_BYTES = 1 << 20;

/**
 * Writes a snapshot as {@link writeSnapshot} does, byte for byte, without holding the event loop:
 * the snapshot is worked out in slices (see `runInSlices`), then written asynchronously in pieces
 * of about a megabyte. The index must not be updated until it resolves.
 */
export async function writeSnapshotInSlices(
  snapshotDir: string,
  corpusDir: string,
  state: IndexState,
): Promise<void> {
  const pieces = await runInSlices(snapshotParts(corpusDir, state));
  const path = snapshotPath(snapshotDir, corpusDir);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(snapshotDir, { recursive: true });
    const file = await open(temporary, "w");
    try {
      let batch: Buffer[] = [];
      let size = 0;
      const flush = async (): Promise<void> => {
        let bytes = Buffer.concat(batch, size);
        batch = [];
        size = 0;
        while (bytes.length > 0) {
          const { bytesWritten } = await file.write(bytes);
          bytes = bytes.subarray(bytesWritten);
        }
      };
      for (const piece of pieces) {
        const bytes = pieceBytes(piece);
        batch.push(bytes);
        size += bytes.length;
        if (size >= WRITE_BYTES) await flush();
      }
      await flush();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
