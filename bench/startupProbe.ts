/**
 * Run in a fresh process by the benchmark: loads a corpus's index the way the bot starts (or builds
 * the baseline), then prints one JSON line: how long from process start to ready, how long the
 * index itself took, and the memory in use once ready.
 *
 * Usage: tsx bench/startupProbe.ts paperbot|baseline CORPUS_DIR SNAPSHOT_DIR
 */
import MiniSearch from "minisearch";
import { loadCorpus } from "../src/corpus/loadCorpus.ts";
import { loadCorpusIndex } from "../src/retrieval/loadCorpusIndex.ts";

const [which, corpusDir = "", snapshotDir = ""] = process.argv.slice(2);
const started = performance.now();
let fromSnapshot = false;
let held: unknown;
if (which === "baseline") {
  const baseline = new MiniSearch<{ id: string; title: string; summary: string }>({
    fields: ["title", "summary"],
  });
  baseline.addAll(
    loadCorpus(corpusDir).papers.map(({ id, title, summary }) => ({ id, title, summary })),
  );
  held = baseline;
} else {
  const loaded = loadCorpusIndex({ corpusDir, snapshotDir });
  fromSnapshot = loaded.fromSnapshot;
  held = loaded.index;
}
const indexMs = performance.now() - started;
// performance.now() counts from process start: Node, tsx and module loading are included.
const readyMs = performance.now();
const { rss, heapUsed } = process.memoryUsage();
console.log(
  JSON.stringify({ readyMs, indexMs, rss, heapUsed, fromSnapshot, held: held !== undefined }),
);
