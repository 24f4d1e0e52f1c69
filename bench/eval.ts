/**
 * Retrieval quality report: runs labelled questions through the core and prints, per kind, how often
 * the right paper comes first and confident, how often its passage answers, and how many outside
 * questions are declined; then the coverage of every question, to calibrate CONFIDENCE_THRESHOLD.
 *
 * Usage: npm run eval [-- FILE.jsonl ...]   (default: every labelled set in test/fixtures)
 * VERBOSE=1 lists every miss; CALIBRATE=1 prints coverage thresholds per set.
 */
import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import { buildIndex, loadCorpus, search } from "../src/index.ts";

interface Question {
  q: string;
  paper: string | null;
  passage_any?: string[];
  kind?: string;
}

const files = process.argv.slice(2);
const sources =
  files.length > 0
    ? files
    : ["questions", "dev-questions", "holdout-questions"].map(
        (name) => `test/fixtures/${name}.jsonl`,
      );
const papers = loadCorpus("corpus").papers;
const index = buildIndex(papers);
// The baseline: what a typical bot does, one MiniSearch document per summary.
const baseline = new MiniSearch<{ id: string; title: string; summary: string }>({
  fields: ["title", "summary"],
});
baseline.addAll(papers.map((p) => ({ id: p.id, title: p.title, summary: p.summary })));
const baselineTop = (q: string) => baseline.search(q, { fuzzy: 0.2, prefix: true })[0]?.id;
const verbose = process.env.VERBOSE === "1";

const allCoverages: Array<{ c: number; covered: boolean }> = [];
for (const file of sources) {
  const questions: Question[] = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
  const byKind = new Map<
    string,
    {
      n: number;
      first: number;
      passage: number;
      shown: number;
      declined: number;
      ranked: number;
      base: number;
    }
  >();
  const coverages: Array<{ c: number; covered: boolean; q: string }> = [];
  for (const question of questions) {
    const kind = question.paper === null ? "outside" : (question.kind ?? "covered");
    const stats = byKind.get(kind) ?? {
      n: 0,
      first: 0,
      passage: 0,
      shown: 0,
      declined: 0,
      ranked: 0,
      base: 0,
    };
    byKind.set(kind, stats);
    stats.n++;
    const response = search(index, question.q);
    const top = response.results[0];
    coverages.push({ c: response.coverage, covered: question.paper !== null, q: question.q });
    allCoverages.push({ c: response.coverage, covered: question.paper !== null });
    if (question.paper === null) {
      if (!response.confident) stats.declined++;
      else if (verbose)
        console.log(
          `  ACCEPTED outside: ${question.q} -> ${top?.paper.id} (${response.coverage.toFixed(2)})`,
        );
      continue;
    }
    if (top?.paper.id === question.paper) stats.ranked++;
    if (baselineTop(question.q) === question.paper) stats.base++;
    const first = response.confident && top?.paper.id === question.paper;
    const text = top?.passage.text.toLowerCase() ?? "";
    const says = (t: string) =>
      (question.passage_any ?? []).some((p) => t.includes(p.toLowerCase()));
    const answers = first && says(text);
    // What the reply shows: the first passage, and the second when the summary answers twice.
    const more = top?.more?.passage.text.toLowerCase() ?? "";
    if (first) stats.first++;
    if (answers) stats.passage++;
    if (answers || (first && says(more))) stats.shown++;
    if (verbose && !answers) {
      console.log(
        `  MISS ${first ? "passage" : "paper"}: ${question.q} -> ${top?.paper.id} conf=${response.confident} (${response.coverage.toFixed(2)}) want ${question.paper} ${JSON.stringify(question.passage_any)}${first ? `\n     got: ${text.slice(0, 160)}` : ""}`,
      );
    }
  }
  console.log(`\n${file}`);
  let total = { n: 0, first: 0, passage: 0, shown: 0, ranked: 0, base: 0 };
  for (const [kind, s] of byKind) {
    if (kind === "outside") {
      console.log(
        `  ${kind.padEnd(11)} n=${String(s.n).padStart(3)}  declined ${s.declined}/${s.n}`,
      );
    } else {
      total = {
        n: total.n + s.n,
        first: total.first + s.first,
        passage: total.passage + s.passage,
        shown: total.shown + s.shown,
        ranked: total.ranked + s.ranked,
        base: total.base + s.base,
      };
      console.log(
        `  ${kind.padEnd(11)} n=${String(s.n).padStart(3)}  paper first ${pct(s.first, s.n)}  passage ${pct(s.passage, s.n)}  shown ${pct(s.shown, s.n)}  ranked first ${pct(s.ranked, s.n)}  baseline ${pct(s.base, s.n)}`,
      );
    }
  }
  console.log(
    `  ${"all covered".padEnd(11)} n=${String(total.n).padStart(3)}  paper first ${pct(total.first, total.n)}  passage ${pct(total.passage, total.n)}  shown ${pct(total.shown, total.n)}  ranked first ${pct(total.ranked, total.n)}  baseline ${pct(total.base, total.n)}`,
  );
  if (process.env.CALIBRATE === "1") {
    for (const t of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
      const tp = coverages.filter((x) => x.covered && x.c >= t).length;
      const tn = coverages.filter((x) => !x.covered && x.c < t).length;
      console.log(
        `  threshold ${t}: covered kept ${tp}/${coverages.filter((x) => x.covered).length}, outside declined ${tn}/${coverages.filter((x) => !x.covered).length}`,
      );
    }
  }
}

function pct(a: number, n: number): string {
  return `${((100 * a) / Math.max(1, n)).toFixed(0).padStart(3)}% (${a}/${n})`;
}

// The calibration rule: the highest share of covered questions answered while at least
// MIN_DECLINED of the outside questions, over every set read, are declined.
const MIN_DECLINED = 0.95;
const outside = allCoverages.filter((x) => !x.covered);
const covered = allCoverages.filter((x) => x.covered);
let recommended: { t: number; kept: number; declined: number } | undefined;
// Steps of 0.01: outside and covered questions can sit a few hundredths apart, and a coarser
// grid then gives away covered questions to decline the same outside ones.
for (let t = 0.2; t <= 0.8; t += 0.01) {
  const declined = outside.filter((x) => x.c < t).length / Math.max(1, outside.length);
  const kept = covered.filter((x) => x.c >= t).length / Math.max(1, covered.length);
  if (declined >= MIN_DECLINED && (!recommended || kept > recommended.kept)) {
    recommended = { t: Math.round(t * 100) / 100, kept, declined };
  }
}
if (recommended) {
  console.log(
    `\ncalibration: threshold ${recommended.t} keeps ${pct(Math.round(recommended.kept * covered.length), covered.length)} of covered questions and declines ${pct(Math.round(recommended.declined * outside.length), outside.length)} of outside ones (rule: most kept with >= ${MIN_DECLINED * 100}% declined)`,
  );
}
