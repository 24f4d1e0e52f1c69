import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CorpusIndex, openCorpusIndex } from "../../src/retrieval/openCorpusIndex.ts";
import { search } from "../../src/retrieval/search.ts";
import { type CorpusDirWatch, watchCorpusDir } from "../../src/retrieval/watchCorpusDir.ts";
import { CORPUS_DIR } from "../helpers/corpus.ts";
import { recordingLogger, tempCorpus, tempDir } from "../helpers/tempCorpus.ts";

/** Waits until `condition` holds, checking every 10 ms, for at most `ms`. */
async function until(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("watchCorpusDir", () => {
  let parent: string;
  let watching: CorpusDirWatch | undefined;
  afterEach(() => {
    watching?.close();
    rmSync(parent, { recursive: true, force: true });
  });

  const start = (dir: string) => {
    const logger = recordingLogger();
    const seen = { changes: 0 };
    watching = watchCorpusDir({ dir, pollMs: 20, logger, onChange: () => seen.changes++ });
    return { logger, seen };
  };

  it("reports a file written in the directory", async () => {
    parent = tempDir("watch");
    const dir = join(parent, "corpus");
    mkdirSync(dir);
    const { seen } = start(dir);
    writeFileSync(join(dir, "a.md"), "a");
    await until(() => seen.changes > 0, "a change");
  });

  it("follows a directory moved away and made again, not the moved one", async () => {
    // Issue #14: fs.watch kept following the moved directory; the new one was never watched.
    parent = tempDir("watch");
    const dir = join(parent, "corpus");
    mkdirSync(dir);
    const { seen } = start(dir);
    renameSync(dir, join(parent, "corpus-old"));
    mkdirSync(dir);
    await until(() => seen.changes > 0, "the new directory to be read");
    await pause(60);
    seen.changes = 0;
    writeFileSync(join(dir, "b.md"), "b");
    await until(() => seen.changes > 0, "a change in the new directory");
  });

  it("says once that the directory is gone, and that it is back", async () => {
    parent = tempDir("watch");
    const dir = join(parent, "corpus");
    mkdirSync(dir);
    const { logger, seen } = start(dir);
    rmSync(dir, { recursive: true });
    await until(() => logger.lines.some((l) => l.includes("is gone")), "gone");
    await pause(100);
    mkdirSync(dir);
    await until(() => logger.lines.some((l) => l.includes("is back")), "back");
    seen.changes = 0;
    writeFileSync(join(dir, "c.md"), "c");
    await until(() => seen.changes > 0, "a change in the re-created directory");
    expect(logger.lines.filter((l) => l.includes("is gone"))).toHaveLength(1);
  });

  it("stops reporting once closed", async () => {
    parent = tempDir("watch");
    const dir = join(parent, "corpus");
    mkdirSync(dir);
    const { seen } = start(dir);
    watching?.close();
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    writeFileSync(join(dir, "d.md"), "d");
    await pause(100);
    expect(seen.changes).toBe(0);
  });
});

/** A corpus file whose front matter is a YAML alias bomb (issue #14). */
const ALIAS_BOMB = [
  "---",
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...["b", "c", "d", "e", "f"].map(
    (name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcde"[i]}`).join(", ")}]`,
  ),
  "---",
  "",
  "lol",
  "",
].join("\n");

describe("openCorpusIndex through its corpus directory's life", () => {
  let corpusDir: string;
  let live: CorpusIndex | undefined;
  afterEach(async () => {
    await live?.close();
    rmSync(corpusDir, { recursive: true, force: true });
  });

  it("answers throughout while the directory is deleted, re-created, broken and repaired", async () => {
    // Issue #14: after the directory was moved away and created again, files added to it were
    // never picked up until a restart.
    corpusDir = tempCorpus();
    const logger = recordingLogger();
    const opened = openCorpusIndex({
      corpusDir,
      snapshotDir: tempDir("lifecycle-snapshots"),
      watch: true,
      debounceMs: 30,
      pollMs: 30,
      logger,
    });
    live = opened;
    const failures: string[] = [];
    let answered = 0;
    let running = true;
    const asking = (async () => {
      while (running) {
        try {
          search(opened.current(), "how does BEAR avoid out-of-distribution actions?");
          search(opened.current(), "mixmatch");
          answered += 1;
        } catch (error) {
          failures.push(String(error));
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const ids = () => [...opened.current().papers.keys()].sort();
    const top = (query: string) => search(opened.current(), query).results[0]?.paper.id;

    // Deleted: the last index keeps answering.
    rmSync(corpusDir, { recursive: true, force: true });
    await until(() => logger.lines.some((l) => l.includes("corpus directory is gone")), "gone");
    expect(top("what is BEAR?")).toBe("bear");

    // Re-created with one paper: the index follows the new directory.
    mkdirSync(corpusDir);
    copyFileSync(join(CORPUS_DIR, "mixmatch.md"), join(corpusDir, "mixmatch.md"));
    await until(() => ids().join() === "mixmatch", "the re-created directory's paper");

    // A broken file (an alias bomb) is that file's problem; the rest keep serving.
    writeFileSync(join(corpusDir, "bear.md"), ALIAS_BOMB);
    await until(() => opened.problems().some((p) => p.file.endsWith("bear.md")), "the problem");
    expect(ids()).toEqual(["mixmatch"]);

    // Repaired: the file joins, and later files too.
    writeFileSync(join(corpusDir, "bear.md"), readFileSync(join(CORPUS_DIR, "bear.md")));
    await until(() => top("what is BEAR?") === "bear", "the repaired paper");
    copyFileSync(join(CORPUS_DIR, "vq-vae-2.md"), join(corpusDir, "vq-vae-2.md"));
    await until(() => ids().join() === "bear,mixmatch,vq-vae-2", "a file added after the repair");
    expect(opened.problems()).toEqual([]);

    running = false;
    await asking;
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(10);
  }, 20_000);
});
