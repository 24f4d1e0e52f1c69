import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generatePapers, writePapers } from "../../bench/syntheticCorpus.ts";
import type { PaperIndex } from "../../src/retrieval/buildIndex.ts";
import { snapshotPath } from "../../src/retrieval/indexSnapshot.ts";
import {
  type CorpusIndex,
  type OpenCorpusIndexOptions,
  openCorpusIndex,
} from "../../src/retrieval/openCorpusIndex.ts";
import { search } from "../../src/retrieval/search.ts";
import { serializeSnapshot } from "../../src/retrieval/snapshotCodec.ts";
import { CORPUS_DIR } from "../helpers/corpus.ts";
import { recordingLogger, SYNTHETIC_SEED, tempCorpus, tempDir } from "../helpers/tempCorpus.ts";

/** Waits until `condition` holds, checking every 20 ms, for at most `ms`. */
async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Papers to add while running: generated after those of `tempCorpus(300)`, so names never clash. */
const newcomers = generatePapers(310, CORPUS_DIR, SYNTHETIC_SEED).slice(300);

describe("openCorpusIndex", () => {
  let corpusDir: string;
  let snapshotDir: string;
  let source: CorpusIndex | undefined;
  const logger = recordingLogger();
  const open = () => {
    source = openCorpusIndex({ corpusDir, snapshotDir, watch: true, debounceMs: 50, logger });
    return source;
  };
  beforeEach(() => {
    snapshotDir = tempDir("snapshots");
    logger.lines.length = 0;
  });
  afterEach(async () => {
    await source?.close();
    rmSync(corpusDir, { recursive: true, force: true });
    rmSync(snapshotDir, { recursive: true, force: true });
  });

  it("picks up an added, a changed and a removed file without a restart", async () => {
    corpusDir = tempCorpus();
    const live = open();
    const [added] = newcomers;
    if (!added) throw new Error("no paper generated");
    writePapers([added], corpusDir);
    await until(() => live.current().papers.has(added.meta.id));

    const bear = join(corpusDir, "bear.md");
    writeFileSync(
      bear,
      readFileSync(bear, "utf8").replace("Kumar et al.", "Kumar et al. (zanzibarian kites)"),
    );
    await until(() => search(live.current(), "zanzibarian kites").results[0]?.paper.id === "bear");

    rmSync(join(corpusDir, "smoothadv.md"));
    await until(() => !live.current().papers.has("smoothadv"));
    expect(logger.lines.join("\n")).toContain("corpus changed; index updated");
  });

  it("logs a file that fails validation and keeps serving the rest", async () => {
    corpusDir = tempCorpus();
    const live = open();
    writeFileSync(join(corpusDir, "broken.md"), "no front matter here\n");
    await until(() => logger.lines.some((line) => line.includes("broken.md")));
    expect(logger.lines.find((line) => line.includes("broken.md"))).toMatch(/^warn: skipped /);
    expect(live.current().papers.size).toBe(9);
    expect(search(live.current(), "what is BEAR?").results[0]?.paper.id).toBe("bear");
  });

  it("re-indexes only the file that changed in a large corpus", async () => {
    corpusDir = tempCorpus(300);
    const live = open();
    const before = live.current();
    const file = join(corpusDir, "mixmatch.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("MixUp", "MixUp (quokka)"));
    await until(() => live.current() !== before);
    expect(logger.lines.join("\n")).toMatch(/index updated \{"papers":309,"reindexed":1,/);
    expect(search(live.current(), "quokka").results[0]?.paper.id).toBe("mixmatch");
  }, 20_000);

  it("never answers from a half-built index while files are added", async () => {
    corpusDir = tempCorpus(300);
    const live = open();
    const seen = new Set<PaperIndex>();
    const problems: string[] = [];
    let running = true;
    const ask = async (): Promise<void> => {
      while (running) {
        const index = live.current();
        seen.add(index);
        try {
          for (const paper of index.papers.values()) {
            if (!index.passagesByPaper.has(paper.id)) problems.push(`${paper.id} has no passages`);
          }
          for (const result of search(index, "how does the model learn from unlabeled data?")
            .results) {
            if (index.papers.get(result.paper.id) !== result.paper) problems.push("a stray paper");
          }
        } catch (error) {
          problems.push(String(error));
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const asking = ask();
    // Farther apart than the debounce, so each file is its own update while queries run.
    for (const paper of newcomers) {
      writePapers([paper], corpusDir);
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
    await until(() => newcomers.every((p) => live.current().papers.has(p.meta.id)));
    // Let the queries see the last index too.
    await new Promise((resolve) => setTimeout(resolve, 50));
    running = false;
    await asking;
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(1);
    expect(live.current().papers.size).toBe(309 + newcomers.length);
  }, 20_000);
});

describe("openCorpusIndex in a worker thread", () => {
  const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
  const opened: CorpusIndex[] = [];
  let corpusDir: string;
  const logger = recordingLogger();
  beforeEach(() => {
    logger.lines.length = 0;
  });
  afterEach(async () => {
    for (const source of opened.splice(0)) await source.close();
    rmSync(corpusDir, { recursive: true, force: true });
  });
  const open = (options: Partial<OpenCorpusIndexOptions> = {}): CorpusIndex => {
    const source = openCorpusIndex({ corpusDir, snapshotDir: null, logger, ...options });
    opened.push(source);
    return source;
  };
  /** A file with bear's names under another id: it clashes with bear.md. */
  const bearTwin = () =>
    readFileSync(join(CORPUS_DIR, "bear.md"), "utf8")
      .replace("id: bear\n", "id: bear2\n")
      .replace("Kumar et al.", "Kumar (kites)");
  /** The index as bytes: equal bytes, equal index (files aside). */
  const bytesOf = (index: PaperIndex) =>
    serializeSnapshot(corpusDir, { index, files: new Map() }).toString("base64");

  it("brings the index to what re-indexing in the main thread gives", async () => {
    corpusDir = tempCorpus(40);
    const inWorker = open({ indexIn: "worker" });
    const inThread = open({ indexIn: "thread" });
    const [added] = newcomers;
    if (!added) throw new Error("no paper generated");
    const changes = [
      () => writePapers([added], corpusDir),
      () => {
        const bear = join(corpusDir, "bear.md");
        writeFileSync(bear, readFileSync(bear, "utf8").replace("Kumar et al.", "Kumar (kites)"));
      },
      () => rmSync(join(corpusDir, "smoothadv.md")),
      () => writeFileSync(join(corpusDir, "broken.md"), "no front matter here\n"),
      // A file whose names clash with bear's is left out, then taken in once bear is gone.
      () => writeFileSync(join(corpusDir, "bear2.md"), bearTwin()),
      () => rmSync(join(corpusDir, "bear.md")),
      // Touched, text unchanged.
      () => writeFileSync(join(corpusDir, "bear2.md"), bearTwin()),
    ];
    for (const change of changes) {
      change();
      await Promise.all([inWorker.refresh(), inThread.refresh()]);
      expect(inWorker.problems()).toEqual(inThread.problems());
      expect(bytesOf(inWorker.current())).toBe(bytesOf(inThread.current()));
    }
    expect(inWorker.current().papers.has(added.meta.id)).toBe(true);
    expect(inWorker.current().papers.has("smoothadv")).toBe(false);
    expect(inWorker.problems().map((problem) => problem.file)).toContain(
      join(corpusDir, "broken.md"),
    );
    expect(inWorker.current().papers.get("bear2")?.summary).toContain("Kumar (kites)");
  }, 20_000);

  it("saves the snapshot that re-indexing in the main thread saves, byte for byte", async () => {
    corpusDir = tempCorpus(40);
    const snapshotDirs = [tempDir("snapshots"), tempDir("snapshots")] as const;
    try {
      const inWorker = open({ indexIn: "worker", snapshotDir: snapshotDirs[0] });
      const inThread = open({ indexIn: "thread", snapshotDir: snapshotDirs[1] });
      const [added] = newcomers;
      if (!added) throw new Error("no paper generated");
      writePapers([added], corpusDir);
      rmSync(join(corpusDir, "smoothadv.md"));
      writeFileSync(join(corpusDir, "bear2.md"), bearTwin());
      await Promise.all([inWorker.refresh(), inThread.refresh()]);
      const mixmatch = join(corpusDir, "mixmatch.md");
      writeFileSync(mixmatch, readFileSync(mixmatch, "utf8").replace("MixUp", "MixUp (quokka)"));
      await Promise.all([inWorker.refresh(), inThread.refresh()]);
      // Closing saves the snapshot the last change left pending.
      for (const source of opened.splice(0)) await source.close();
      const [fromWorker, fromThread] = snapshotDirs.map((dir) =>
        readFileSync(snapshotPath(dir, corpusDir)),
      );
      expect(fromWorker?.equals(fromThread ?? Buffer.alloc(0))).toBe(true);
      const reopened = open({ indexIn: "thread", snapshotDir: snapshotDirs[0] });
      expect(search(reopened.current(), "quokka").results[0]?.paper.id).toBe("mixmatch");
      expect(reopened.current().papers.has("bear2")).toBe(false);
    } finally {
      for (const dir of snapshotDirs) rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);

  it("keeps answering while the worker re-indexes", async () => {
    corpusDir = tempCorpus();
    // Each re-indexing holds the worker for 800 ms, as a very large corpus would.
    const live = open({ indexIn: "worker", workerScript: fixture("slowIndexWorker.mjs") });
    const before = live.current();
    const bear = join(corpusDir, "bear.md");
    writeFileSync(bear, readFileSync(bear, "utf8").replace("Kumar et al.", "Kumar (quokka)"));
    let answered = 0;
    const asking = setInterval(() => {
      if (search(live.current(), "what is BEAR?").results[0]?.paper.id === "bear") answered++;
    }, 10);
    try {
      await live.refresh();
    } finally {
      clearInterval(asking);
    }
    expect(live.current()).not.toBe(before);
    expect(search(live.current(), "quokka").results[0]?.paper.id).toBe("bear");
    // 800 ms of 10 ms timers is 80 answers; a blocked thread would give none. A loaded machine
    // slows timers down, never to a tenth.
    expect(answered).toBeGreaterThanOrEqual(8);
  }, 20_000);

  it("re-indexes in the main thread when the worker crashes, and says so", async () => {
    corpusDir = tempCorpus();
    const live = open({ indexIn: "worker", workerScript: fixture("crashingIndexWorker.mjs") });
    expect(live.current().papers.has("smoothadv")).toBe(true);
    rmSync(join(corpusDir, "smoothadv.md"));
    await live.refresh();
    expect(live.current().papers.has("smoothadv")).toBe(false);
    expect(search(live.current(), "what is BEAR?").results[0]?.paper.id).toBe("bear");
    const stopped = logger.lines.find((line) => line.includes("index worker stopped"));
    expect(stopped).toMatch(/^error: index worker stopped; re-indexing in the main thread/);
    expect(stopped).toContain("crashed on purpose");

    // Later changes are picked up in the main thread.
    const bear = join(corpusDir, "bear.md");
    writeFileSync(bear, readFileSync(bear, "utf8").replace("Kumar et al.", "Kumar (quokka)"));
    await live.refresh();
    expect(search(live.current(), "quokka").results[0]?.paper.id).toBe("bear");
  }, 20_000);
});
