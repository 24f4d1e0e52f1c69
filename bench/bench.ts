/**
 * Speed at scale: generates synthetic corpora (1,000 and 10,000 papers by default) and measures,
 * for paperbot and a plain-MiniSearch baseline on the same corpus and queries: the first index
 * build, start-up to ready (paperbot from its snapshot), memory after start (both in a fresh
 * process), and latency of questions, /paper look-ups and autocomplete prefixes. Then, for
 * paperbot alone, the event loop's delay while a one-file change is re-indexed in the worker
 * thread against the same change re-indexed in the main thread (see reindexing.ts).
 *
 * Usage: npm run bench [-- --papers N ...] [--queries PER_KIND] [--seed N] [--keep]
 * Prints a Markdown table on stdout; progress goes to stderr.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import MiniSearch from "minisearch";
import { loadCorpus } from "../src/corpus/loadCorpus.ts";
import { findPaper } from "../src/lookup/findPaper.ts";
import { suggestPapers } from "../src/lookup/suggestPapers.ts";
import { loadCorpusIndex } from "../src/retrieval/loadCorpusIndex.ts";
import { search } from "../src/retrieval/search.ts";
import { type BenchQuery, benchQueries, type QueryKind } from "./benchQueries.ts";
import { percentiles } from "./percentiles.ts";
import { progressBar } from "./progressBar.ts";
import { measureReindexing, type ReindexFigures } from "./reindexing.ts";
import { generatePapers, seededRandom, writePapers } from "./syntheticCorpus.ts";

const { values } = parseArgs({
  options: {
    papers: { type: "string", multiple: true },
    queries: { type: "string", default: "350" },
    seed: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
  },
});
const sizes = (values.papers ?? ["1000", "10000"]).map(Number);
const perKind = Number(values.queries);
const seed = Number(values.seed);
const KINDS: QueryKind[] = ["question", "lookup", "autocomplete"];
/** Queries run before timing, so both sides are measured with warm JIT and caches. */
const WARM_UP = 50;

/** What one fresh process reports once its index is ready (see startupProbe.ts). */
interface Startup {
  readyMs: number;
  indexMs: number;
  rss: number;
  heapUsed: number;
  fromSnapshot: boolean;
}

function probe(which: "paperbot" | "baseline", corpusDir: string, snapshotDir: string): Startup {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", "bench/startupProbe.ts", which, corpusDir, snapshotDir],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as Startup;
}

/** Times each query with `answer`, after a warm-up, with a progress bar. */
function timeQueries(
  label: string,
  queries: readonly BenchQuery[],
  answer: (q: BenchQuery) => unknown,
): Map<QueryKind, number[]> {
  for (const q of queries.slice(0, WARM_UP)) answer(q);
  const times = new Map<QueryKind, number[]>(KINDS.map((kind) => [kind, []]));
  const bar = progressBar(label, queries.length);
  queries.forEach((q, i) => {
    const started = performance.now();
    answer(q);
    times.get(q.kind)?.push(performance.now() - started);
    if (i % 25 === 0) bar.update(i);
  });
  bar.finish();
  return times;
}

interface Row {
  measure: string;
  ours: number;
  baseline: number;
  unit: string;
}

/** Re-indexing figures per corpus size: worker thread and main thread. */
const reindexRows: Array<{ papers: number; worker: ReindexFigures; thread: ReindexFigures }> = [];

async function measureSize(papers: number): Promise<Row[]> {
  const root = mkdtempSync(join(tmpdir(), `paperbot-bench-${papers}-`));
  const corpusDir = join(root, "corpus");
  const snapshotDir = join(root, "data");
  try {
    const generating = progressBar(`${papers} papers: generating corpus`, 1);
    const generated = generatePapers(papers, "corpus", seed);
    writePapers(generated, corpusDir);
    generating.finish();

    const starting = progressBar(`${papers} papers: start-up probes`, 3);
    const first = probe("paperbot", corpusDir, snapshotDir);
    starting.update(1);
    const warm = probe("paperbot", corpusDir, snapshotDir);
    starting.update(2);
    const base = probe("baseline", corpusDir, snapshotDir);
    starting.finish();
    if (first.fromSnapshot || !warm.fromSnapshot)
      throw new Error("bench: snapshot not used as expected");

    const index = loadCorpusIndex({ corpusDir, snapshotDir }).index;
    const baseline = new MiniSearch<{ id: string; title: string; summary: string }>({
      fields: ["title", "summary"],
    });
    baseline.addAll(
      loadCorpus(corpusDir).papers.map(({ id, title, summary }) => ({ id, title, summary })),
    );
    const queries = benchQueries(generated, perKind, seededRandom(seed + 1));
    const ours = timeQueries(`${papers} papers: paperbot queries`, queries, (q) => {
      if (q.kind === "question") return search(index, q.text);
      if (q.kind === "lookup") return findPaper(index, q.text);
      return suggestPapers(index, q.text);
    });
    const theirs = timeQueries(`${papers} papers: baseline queries`, queries, (q) =>
      baseline
        .search(q.text, { fuzzy: 0.2, prefix: true })
        .slice(0, q.kind === "autocomplete" ? 25 : 3),
    );

    const reindexing = progressBar(`${papers} papers: re-indexing while answering`, 2);
    const thread = await measureReindexing(corpusDir, snapshotDir, generated, "thread", 0);
    reindexing.update(1);
    const worker = await measureReindexing(corpusDir, snapshotDir, generated, "worker", 0);
    reindexing.finish();
    reindexRows.push({ papers, worker, thread });

    const rows: Row[] = [
      {
        measure: "first index build",
        ours: first.indexMs / 1000,
        baseline: base.indexMs / 1000,
        unit: "s",
      },
      {
        measure: "start-up to ready",
        ours: warm.readyMs / 1000,
        baseline: base.readyMs / 1000,
        unit: "s",
      },
      { measure: "RSS after start", ours: warm.rss / 1e6, baseline: base.rss / 1e6, unit: "MB" },
      {
        measure: "heap after start",
        ours: warm.heapUsed / 1e6,
        baseline: base.heapUsed / 1e6,
        unit: "MB",
      },
    ];
    for (const kind of KINDS) {
      const a = percentiles(ours.get(kind) ?? []);
      const b = percentiles(theirs.get(kind) ?? []);
      rows.push({ measure: `${kind} median`, ours: a.median, baseline: b.median, unit: "ms" });
      rows.push({ measure: `${kind} p99`, ours: a.p99, baseline: b.p99, unit: "ms" });
    }
    return rows;
  } finally {
    if (!values.keep) rmSync(root, { recursive: true, force: true });
    else process.stderr.write(`kept ${root}\n`);
  }
}

function format(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}`;
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; ${3 * perKind} queries per size (${perKind} of each kind, after ${WARM_UP} warm-up).`,
  "",
  "| papers | measure | paperbot | baseline | paperbot ÷ baseline |",
  "| --- | --- | --- | --- | --- |",
];
for (const papers of sizes) {
  for (const row of await measureSize(papers)) {
    const share = row.ours / row.baseline;
    const ratio = row.baseline > 0 ? (share < 0.01 ? "<0.01×" : `${format(share)}×`) : "n/a";
    lines.push(
      `| ${papers.toLocaleString("en")} | ${row.measure} (${row.unit}) | ${format(row.ours)} | ${format(row.baseline)} | ${ratio} |`,
    );
  }
}
lines.push(
  "",
  "Re-indexing while answering: one file changed, median of 5 changes; event-loop delay = lateness of a 10 ms timer, from the write until the new index answers.",
  "",
  "| papers | measure | worker thread | main thread (before) | worker ÷ main |",
  "| --- | --- | --- | --- | --- |",
);
for (const { papers, worker, thread } of reindexRows) {
  const measures: Array<[string, keyof ReindexFigures]> = [
    ["event-loop delay p99", "delayP99"],
    ["event-loop delay max", "delayMax"],
    ["change to answered from", "liveMs"],
  ];
  for (const [measure, key] of measures) {
    const ratio = thread[key] > 0 ? `${format(worker[key] / thread[key])}×` : "n/a";
    lines.push(
      `| ${papers.toLocaleString("en")} | ${measure} (ms) | ${format(worker[key])} | ${format(thread[key])} | ${ratio} |`,
    );
  }
}
console.log(lines.join("\n"));
