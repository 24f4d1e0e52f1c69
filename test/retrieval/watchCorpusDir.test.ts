import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CorpusDirWatch, watchCorpusDir } from "../../src/retrieval/watchCorpusDir.ts";
import { recordingLogger, tempDir } from "../helpers/tempCorpus.ts";

async function until(condition: () => boolean, what: string, ms = 3000): Promise<void> {
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
