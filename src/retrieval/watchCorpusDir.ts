import { type FSWatcher, statSync, watch } from "node:fs";
import type { CoreLogger } from "../logger.ts";

/** Options of {@link watchCorpusDir}. */
export interface WatchCorpusDirOptions {
  /** The corpus directory. */
  dir: string;
  /** Called when something in the directory may have changed, or the directory came back. */
  onChange: () => void;
  /** How often to check that the directory at `dir` is still the one watched. */
  pollMs?: number;
  /** Where to say that the directory went away and came back. */
  logger: CoreLogger;
}

/** A running watch of a corpus directory. */
export interface CorpusDirWatch {
  /** Stops watching. */
  close(): void;
}

/** Default time between checks that the watched directory is still there. */
export const DEFAULT_POLL_MS = 1000;

/** The directory's identity (device and inode), or undefined when there is no directory there. */
function identityOf(dir: string): string | undefined {
  try {
    const stat = statSync(dir);
    return stat.isDirectory() ? `${stat.dev}:${stat.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Watches a corpus directory and survives it going away. `fs.watch` follows one directory (an
 * inode): deleted, it stops for good; moved, it follows the moved one. So the path is checked
 * every `pollMs` (one `stat`), and when the directory there is gone or another one, the watch is
 * dropped and made again on whatever directory appears, and `onChange` re-reads it.
 */
export function watchCorpusDir(options: WatchCorpusDirOptions): CorpusDirWatch {
  const { dir, onChange, logger } = options;
  let watcher: FSWatcher | undefined;
  /** Identity of the directory the watcher follows; undefined while none is watched. */
  let watched: string | undefined;
  let gone = false;
  let failing = false;
  let closed = false;

  const disarm = (): void => {
    watcher?.close();
    watcher = undefined;
    watched = undefined;
  };

  const arm = (identity: string): boolean => {
    try {
      watcher = watch(dir, { persistent: false }, () => onChange());
    } catch (error) {
      // Say it once, not at every check (out of inotify watches, say).
      if (!failing) logger.error({ err: error, corpusDir: dir }, "corpus directory not watched");
      failing = true;
      return false;
    }
    failing = false;
    watcher.on("error", (error) => {
      // Deleted, or no longer readable: the next check re-arms when a directory is there again.
      logger.warn({ err: error, corpusDir: dir }, "corpus directory watch stopped");
      disarm();
    });
    watched = identity;
    return true;
  };

  const check = (): void => {
    if (closed) return;
    const identity = identityOf(dir);
    if (identity !== undefined && identity === watched) return;
    disarm();
    if (identity === undefined) {
      if (!gone) {
        logger.warn(
          { corpusDir: dir },
          "corpus directory is gone; answering from the index we have until it is back",
        );
        gone = true;
      }
      return;
    }
    if (!arm(identity)) return;
    if (gone) logger.info({ corpusDir: dir }, "corpus directory is back; watching it again");
    gone = false;
    onChange();
  };

  const first = identityOf(dir);
  if (first !== undefined) arm(first);
  const timer = setInterval(check, options.pollMs ?? DEFAULT_POLL_MS);
  timer.unref();

  return {
    close() {
      closed = true;
      clearInterval(timer);
      disarm();
    },
  };
}
