/**
 * Speed at scale: generates synthetic corpora (1,000 and 10,000 papers by default) and measures,
 * for paperbot and a plain-MiniSearch baseline on the same corpus and queries: the first index
 * build, start-up to ready (paperbot from its snapshot), memory after start (both in a fresh
 * process), and latency of questions, /paper look-ups and autocomplete prefixes. Then, for
 * paperbot alone, the event loop's delay while a one-file change is re-indexed in the worker
 * thread against the same change re-indexed in the main thread (see reindexing.ts), and the
 * memory of a watching bot either way, worker included, each in a fresh process (watchProbe.ts).
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

/** What one fresh watching process reports (see watchProbe.ts). */
interface Watching {
  rssStarted: number;
  rssChanged: number;
  saveDelayMax: number;
}

/** Watching processes run per mode; the figures are their medians. */
const WATCH_RUNS = 3;

function probeWatching(
  indexIn: "worker" | "thread",
  corpusDir: string,
  snapshotDir: string,
  file: string,
): Watching {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", "bench/watchProbe.ts", indexIn, corpusDir, snapshotDir, file],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as Watching;
}

/** Medians of {@link WATCH_RUNS} watching processes of each mode, run in turn. */
function measureWatching(
  corpusDir: string,
  snapshotDir: string,
  file: string,
  bar: { update(done: number): void },
): Record<"worker" | "thread", Watching> {
  const runs: Record<"worker" | "thread", Watching[]> = { worker: [], thread: [] };
  for (let run = 0; run < WATCH_RUNS; run++) {
    for (const indexIn of ["thread", "worker"] as const) {
      runs[indexIn].push(probeWatching(indexIn, corpusDir, snapshotDir, file));
      bar.update(2 + run * 2 + (indexIn === "worker" ? 1 : 0));
    }
  }
  const median = (of: Watching[]): Watching => ({
    rssStarted: percentiles(of.map((r) => r.rssStarted)).median,
    rssChanged: percentiles(of.map((r) => r.rssChanged)).median,
    saveDelayMax: percentiles(of.map((r) => r.saveDelayMax)).median,
  });
  return { worker: median(runs.worker), thread: median(runs.thread) };
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

/** Re-indexing and watching figures per corpus size: worker thread and main thread. */
const reindexRows: Array<{
  papers: number;
  worker: ReindexFigures & Watching;
  thread: ReindexFigures & Watching;
}> = [];

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

    const reindexing = progressBar(
      `${papers} papers: re-indexing while answering, watching`,
      2 + 2 * WATCH_RUNS,
    );
    const thread = await measureReindexing(corpusDir, snapshotDir, generated, "thread", 0);
    reindexing.update(1);
    const worker = await measureReindexing(corpusDir, snapshotDir, generated, "worker", 0);
    reindexing.update(2);
    const changed = join(corpusDir, `${generated[0]?.meta.id}.md`);
    const watching = measureWatching(corpusDir, snapshotDir, changed, reindexing);
    reindexing.finish();
    reindexRows.push({
      papers,
      worker: { ...worker, ...watching.worker },
      thread: { ...thread, ...watching.thread },
    });

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
  `Watching: a bot watching the corpus in a fresh process, worker thread included, median of ${WATCH_RUNS} processes per mode: RSS 2 s after start, and 2 s after one file changed and the snapshot was saved again; the event loop's longest delay from the change being answered until the snapshot is saved.`,
  "",
  "| papers | measure | worker thread | main thread (before) | worker ÷ main |",
  "| --- | --- | --- | --- | --- |",
);
for (const { papers, worker, thread } of reindexRows) {
  const measures: Array<[string, keyof (ReindexFigures & Watching), number, string]> = [
    ["event-loop delay p99", "delayP99", 1, "ms"],
    ["event-loop delay max", "delayMax", 1, "ms"],
    ["change to answered from", "liveMs", 1, "ms"],
    ["RSS watching, after start", "rssStarted", 1e6, "MB"],
    ["RSS watching, after a change and its save", "rssChanged", 1e6, "MB"],
    ["event-loop delay max while saving", "saveDelayMax", 1, "ms"],
  ];
  for (const [measure, key, scale, unit] of measures) {
    const ratio = thread[key] > 0 ? `${format(worker[key] / thread[key])}×` : "n/a";
    lines.push(
      `| ${papers.toLocaleString("en")} | ${measure} (${unit}) | ${format(worker[key] / scale)} | ${format(thread[key] / scale)} | ${ratio} |`,
    );
  }
}
console.log(lines.join("\n"));
