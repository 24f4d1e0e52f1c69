import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/loadCorpus.ts";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { snapshotPath, writeSnapshotInSlices } from "../../src/retrieval/indexSnapshot.ts";
import { loadCorpusIndex } from "../../src/retrieval/loadCorpusIndex.ts";
import { search } from "../../src/retrieval/search.ts";
import {
  answersOf,
  EVAL_QUESTIONS,
  recordingLogger,
  tempCorpus,
  tempDir,
} from "../helpers/tempCorpus.ts";

describe("index snapshots", () => {
  let corpusDir: string;
  let snapshotDir: string;
  beforeEach(() => {
    corpusDir = tempCorpus();
    snapshotDir = tempDir("snapshots");
  });
  afterEach(() => {
    rmSync(corpusDir, { recursive: true, force: true });
    rmSync(snapshotDir, { recursive: true, force: true });
  });
  const load = (logger = recordingLogger()) => loadCorpusIndex({ corpusDir, snapshotDir, logger });

  it("gives the same answers after a round trip through a snapshot", () => {
    const first = load();
    expect(first.fromSnapshot).toBe(false);
    const second = load();
    expect(second.fromSnapshot).toBe(true);
    expect(second.reindexed).toBe(0);
    const fresh = buildIndex(loadCorpus(corpusDir).papers);
    expect(answersOf(second.index, EVAL_QUESTIONS)).toEqual(answersOf(fresh, EVAL_QUESTIONS));
  });

  it("gives back papers that read, spread and serialize as the loaded ones do", () => {
    load();
    const restored = [...load().index.papers.values()];
    const loaded = loadCorpus(corpusDir).papers;
    expect(restored.map((paper) => ({ ...paper }))).toEqual(loaded.map((paper) => ({ ...paper })));
    for (const [i, paper] of restored.entries()) {
      expect(Object.keys(paper).sort()).toEqual(Object.keys(loaded[i] ?? {}).sort());
      expect(JSON.parse(JSON.stringify(paper))).toEqual(loaded[i]);
    }
  });

  it("rebuilds a corrupt snapshot instead of trusting it, and says so", () => {
    load();
    writeFileSync(snapshotPath(snapshotDir, corpusDir), "PBIX not really a snapshot");
    const logger = recordingLogger();
    const loaded = load(logger);
    expect(loaded.fromSnapshot).toBe(false);
    expect(logger.lines.join("\n")).toContain("index snapshot not used; rebuilding");
    expect(search(loaded.index, "what is BEAR?").results[0]?.paper.id).toBe("bear");
    // The rebuilt index was saved in its place.
    expect(load().fromSnapshot).toBe(true);
  });

  it("rebuilds a truncated snapshot", () => {
    load();
    const path = snapshotPath(snapshotDir, corpusDir);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 1000));
    const logger = recordingLogger();
    expect(load(logger).fromSnapshot).toBe(false);
    expect(logger.lines.join("\n")).toContain("truncated");
  });

  it("rebuilds a snapshot made by other indexing code", () => {
    load();
    const path = snapshotPath(snapshotDir, corpusDir);
    const text = readFileSync(path, "latin1").replace(
      /"code":"[0-9a-f]{64}"/,
      `"code":"${"0".repeat(64)}"`,
    );
    writeFileSync(path, text, "latin1");
    const logger = recordingLogger();
    expect(load(logger).fromSnapshot).toBe(false);
    expect(logger.lines.join("\n")).toContain("made by other indexing code");
  });

  it("re-indexes only the file that changed, and answers from the change", () => {
    load();
    const file = join(corpusDir, "bear.md");
    const edited = readFileSync(file, "utf8").replace(
      "Kumar et al. propose",
      "Kumar et al. (who like zanzibarian kites) propose",
    );
    writeFileSync(file, edited);
    const loaded = load();
    expect(loaded.fromSnapshot).toBe(true);
    expect(loaded.reindexed).toBe(1);
    expect(search(loaded.index, "zanzibarian kites").results[0]?.paper.id).toBe("bear");
    const fresh = buildIndex(loadCorpus(corpusDir).papers);
    expect(answersOf(loaded.index, EVAL_QUESTIONS)).toEqual(answersOf(fresh, EVAL_QUESTIONS));
  });

  it("leaves out a removed file", () => {
    load();
    rmSync(join(corpusDir, "smoothadv.md"));
    const loaded = load();
    expect(loaded.fromSnapshot).toBe(true);
    expect(loaded.index.papers.has("smoothadv")).toBe(false);
    expect(search(loaded.index, "smoothadv").results.map((r) => r.paper.id)).not.toContain(
      "smoothadv",
    );
  });

  it("warns and carries on when the snapshot cannot be written", () => {
    const notADirectory = join(snapshotDir, "file");
    writeFileSync(notADirectory, "");
    const logger = recordingLogger();
    const loaded = loadCorpusIndex({ corpusDir, snapshotDir: join(notADirectory, "sub"), logger });
    expect(loaded.index.papers.size).toBe(9);
    expect(logger.lines.join("\n")).toContain("index snapshot not saved");
  });

  it("writes in slices the very bytes it writes at once, for an index built, loaded and updated", async () => {
    const sliced = tempDir("snapshots");
    try {
      const sameBytes = async (state: ReturnType<typeof load>): Promise<void> => {
        await writeSnapshotInSlices(sliced, corpusDir, state);
        const atOnce = readFileSync(snapshotPath(snapshotDir, corpusDir));
        expect(readFileSync(snapshotPath(sliced, corpusDir)).equals(atOnce)).toBe(true);
      };
      // Built from the files: every summary is a string.
      await sameBytes(load());
      // Loaded from the snapshot, one paper changed, one removed, one left out for a clash:
      // summaries read from the snapshot beside one parsed anew, and holes in the passage ids.
      const file = join(corpusDir, "bear.md");
      writeFileSync(file, readFileSync(file, "utf8").replace("Kumar et al.", "Kumar (kites)"));
      rmSync(join(corpusDir, "smoothadv.md"));
      writeFileSync(
        join(corpusDir, "bear2.md"),
        readFileSync(file, "utf8").replace("id: bear\n", "id: bear2\n"),
      );
      const updated = load();
      expect(updated.fromSnapshot).toBe(true);
      expect(updated.problems.map((problem) => problem.file)).toContain(
        join(corpusDir, "bear2.md"),
      );
      await sameBytes(updated);
    } finally {
      rmSync(sliced, { recursive: true, force: true });
    }
  });
});
