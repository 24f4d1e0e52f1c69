/**
 * Run in a fresh process by the benchmark: opens a corpus's index the way a watching bot does
 * (re-indexing in the worker thread or in the main thread), then prints one JSON line: the
 * process's RSS once started (a worker thread's memory is the process's), the RSS once one file
 * changed and the snapshot was saved again, and the event loop's longest delay while saving.
 * The changed file is put back before the probe ends.
 *
 * Usage: tsx bench/watchProbe.ts worker|thread CORPUS_DIR SNAPSHOT_DIR FILE
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { snapshotPath } from "../src/retrieval/indexSnapshot.ts";
import { openCorpusIndex } from "../src/retrieval/openCorpusIndex.ts";
import { sampleDelay } from "./sampleDelay.ts";

const [indexIn = "worker", corpusDir = "", snapshotDir = "", file = ""] = process.argv.slice(2);
if (indexIn !== "worker" && indexIn !== "thread") throw new Error(`bench: no mode '${indexIn}'`);
/** Time for the heap to settle before memory is read, as between a running bot's requests. */
const SETTLE_MS = 2000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const savedAt = (): number => {
  try {
    return statSync(snapshotPath(snapshotDir, corpusDir)).mtimeMs;
  } catch {
    return 0;
  }
};

const live = openCorpusIndex({ corpusDir, snapshotDir, indexIn, snapshotDelayMs: 100 });
// The worker reads the corpus once as it starts: let it, as a running bot would have.
await live.refresh();
await pause(SETTLE_MS);
const rssStarted = process.memoryUsage().rss;

const original = readFileSync(file, "utf8");
const before = savedAt();
writeFileSync(file, original.replace(/\n\n/, "\n\nzyzzogetonprobe "));
await live.refresh();
const sampler = sampleDelay();
const deadline = Date.now() + 120_000;
while (savedAt() === before) {
  if (Date.now() > deadline) throw new Error("bench: the snapshot was not saved after a change");
  await pause(20);
}
const saveDelayMax = Math.max(...sampler.stop());
await pause(SETTLE_MS);
const rssChanged = process.memoryUsage().rss;

writeFileSync(file, original);
await live.refresh();
await live.close();
console.log(JSON.stringify({ rssStarted, rssChanged, saveDelayMax }));
