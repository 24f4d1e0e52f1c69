/**
 * Re-indexing while answering: a one-file change to a large corpus, re-indexed in the worker
 * thread (what the bot does) and, in the same run, in the main thread (how it was before), with
 * the event loop's delay measured from the write until the new index answers.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openCorpusIndex } from "../src/retrieval/openCorpusIndex.ts";
import { percentiles } from "./percentiles.ts";
import { sampleDelay } from "./sampleDelay.ts";
import type { SyntheticPaper } from "./syntheticCorpus.ts";

/** One mode's figures, each the median over the changes. */
export interface ReindexFigures {
  /** 99th percentile of the event loop's delay during a change (ms). */
  delayP99: number;
  /** Longest delay of the event loop during a change (ms). */
  delayMax: number;
  /** From the write until the new index answers (ms). */
  liveMs: number;
}

/** Changes measured per mode. */
const CHANGES = 5;

/**
 * Edits `CHANGES` files one at a time, each followed by a refresh, and measures the event loop's
 * delay (a 10 ms timer's lateness) while the index is brought up to date.
 */
export async function measureReindexing(
  corpusDir: string,
  snapshotDir: string,
  papers: readonly SyntheticPaper[],
  indexIn: "worker" | "thread",
  round: number,
): Promise<ReindexFigures> {
  const live = openCorpusIndex({ corpusDir, snapshotDir, indexIn, snapshotDelayMs: 60_000 });
  // The worker reads the corpus once as it starts: let it, as a running bot would have.
  await live.refresh();
  const p99s: number[] = [];
  const maxes: number[] = [];
  const times: number[] = [];
  try {
    for (let change = 0; change < CHANGES; change++) {
      const paper = papers[((round * CHANGES + change) * 97) % papers.length];
      if (!paper) throw new Error("bench: no paper to change");
      const file = join(corpusDir, `${paper.meta.id}.md`);
      const word = `zyzzogeton${indexIn}${round}x${change}`;
      const sampler = sampleDelay();
      const started = performance.now();
      writeFileSync(file, readFileSync(file, "utf8").replace(/\n\n/, `\n\n${word} `));
      await live.refresh();
      times.push(performance.now() - started);
      const delays = sampler.stop();
      if (!live.current().papers.get(paper.meta.id)?.summary.includes(word)) {
        throw new Error(`bench: the change to ${file} was not indexed`);
      }
      p99s.push(percentiles(delays).p99);
      maxes.push(Math.max(...delays));
      // Let the heap settle between changes, as between edits in a running bot.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await live.close();
  }
  return {
    delayP99: percentiles(p99s).median,
    delayMax: percentiles(maxes).median,
    liveMs: percentiles(times).median,
  };
}
