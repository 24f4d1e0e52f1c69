/**
 * Retrieval quality report: asks every labelled set (see `evalSets.ts`) and prints, per set and
 * per kind of question, how often the right paper comes first and confident, how often its
 * passage answers, how many outside questions are declined and how many right answers are
 * declined, with plain MiniSearch (one document per summary) beside.
 *
 * Usage: npm run eval [-- SET_NAME|FILE.jsonl ...]   (default: every set)
 * A FILE is asked of the corpus this checkout answers from (`CORPUS_DIR`, else `corpus/`): the
 * questions `paperbot gaps --export` wrote, once labelled; lines still marked `todo` are skipped
 * and reported.
 * VERBOSE=1 lists the misses of development and hold-out sets (never of a blind set: it is
 * measured, not read). CALIBRATE=1 prints decline thresholds over the development sets.
 * With every set, it ends with the cross-corpus outside questions (see `crossCorpus.ts`; CROSS=0
 * leaves them out); CROSS_VERBOSE=1 lists those answered from development and hold-out sets.
 */
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { askAcross, tallyAcross } from "./crossCorpus.ts";
import {
  count,
  describeUnfilled,
  EVAL_SETS,
  type EvalSet,
  emptyTally,
  evalCorpus,
  measureSet,
  type Outcome,
  type Tally,
} from "./evalSets.ts";

/** A set by name, or a question file of the group's own, asked of the local corpus. */
function wantedSet(arg: string): EvalSet[] {
  const named = EVAL_SETS.filter((set) => set.name === arg);
  if (named.length > 0) return named;
  if (existsSync(arg)) {
    return [
      { name: basename(arg), corpus: "local", split: "dev", file: resolve(arg), drafts: true },
    ];
  }
  console.error(
    `eval: '${arg}' is neither a set (${EVAL_SETS.map((set) => set.name).join(", ")}) nor a file`,
  );
  process.exit(2);
}

const wanted = process.argv.slice(2);
const sets = wanted.length === 0 ? EVAL_SETS : wanted.flatMap(wantedSet);
const verbose = process.env.VERBOSE === "1";

function pct(a: number, n: number): string {
  return n === 0 ? "    -" : `${((100 * a) / n).toFixed(0).padStart(4)}%`;
}

const HEADER = `  ${"".padEnd(18)} ${"n".padStart(4)}  ${"first".padStart(5)}  ${"passage".padStart(7)}  ${"shown".padStart(5)}  ${"ranked".padStart(6)}  ${"baseline".padStart(8)}  ${"right declined".padStart(14)}  ${"outside declined".padStart(16)}`;

function row(label: string, t: Tally): string {
  const outside = t.outside === 0 ? "" : `${pct(t.declined, t.outside)} of ${t.outside}`;
  return `  ${label.padEnd(18)} ${String(t.covered).padStart(4)}  ${pct(t.first, t.covered)}  ${pct(t.passage, t.covered).padStart(7)}  ${pct(t.shown, t.covered)}  ${pct(t.ranked, t.covered).padStart(6)}  ${pct(t.baseline, t.covered).padStart(8)}  ${pct(t.rankedDeclined, t.ranked).padStart(14)}  ${outside.padStart(16)}`;
}

function describeMiss(o: Outcome): string {
  const q = o.question;
  const what = q.paper === null ? "ACCEPTED" : o.first ? "passage" : "paper";
  const got = o.first ? `\n       got: ${o.text.slice(0, 200).replace(/\n/g, " ")}` : "";
  return `    MISS ${what}: ${q.q} -> ${o.top} conf=${o.confident} (${o.coverage.toFixed(2)}) want ${q.paper} ${JSON.stringify(q.passage_any ?? [])}${got}`;
}

const calibration: Outcome[] = [];
for (const set of sets) {
  const { tally, outcomes, unfilled } = measureSet(set);
  console.log(`\n${set.name} (${set.file})`);
  if (unfilled.length > 0) console.log(`  skipped: ${describeUnfilled(set.file, unfilled)}`);
  console.log(HEADER);
  const kinds = new Map<string, Tally>();
  const styles = new Map<string, Tally>();
  const styleOf = evalCorpus(set.corpus).style;
  for (const outcome of outcomes) {
    const kind = outcome.question.kind ?? (outcome.question.paper ? "covered" : "outside");
    const byKind = kinds.get(kind) ?? emptyTally();
    kinds.set(kind, byKind);
    count(byKind, outcome);
    if (["styles", "together"].includes(set.corpus) && outcome.question.paper) {
      const style = `style ${styleOf.get(outcome.question.paper) ?? "?"}`;
      const byStyle = styles.get(style) ?? emptyTally();
      styles.set(style, byStyle);
      count(byStyle, outcome);
    }
  }
  for (const [kind, t] of [...kinds].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(row(kind, t));
  }
  for (const [style, t] of styles) console.log(row(style, t));
  console.log(row("ALL", tally));
  // Each question once, asked of the corpus it was written for.
  if (set.split === "dev" && ["seed", "styles", "notes", "notes2", "notes3"].includes(set.corpus)) {
    calibration.push(...outcomes);
  }
  if (verbose && set.split !== "blind") {
    for (const o of outcomes)
      if (o.question.paper === null ? o.confident : !o.passage) console.log(describeMiss(o));
  }
}

if (process.env.CALIBRATE === "1") {
  const covered = calibration.filter(
    (o) => o.question.paper !== null && o.top === o.question.paper,
  );
  const outside = calibration.filter((o) => o.question.paper === null);
  console.log("\ncalibration over the development sets (right paper first vs outside):");
  for (let t = 0.2; t <= 0.801; t += 0.01) {
    const kept = covered.filter((o) => o.coverage >= t).length;
    const declined = outside.filter((o) => o.coverage < t).length;
    console.log(
      `  threshold ${t.toFixed(2)}: right kept ${pct(kept, covered.length)}  outside declined ${pct(declined, outside.length)}`,
    );
  }
}

if (wanted.length === 0 && process.env.CROSS !== "0") {
  console.log(
    "\ncross-corpus outside: each covered question asked of the other corpora, which lack its paper",
  );
  console.log(`  ${"".padEnd(18)} ${"asked".padStart(6)}  ${"declined".padStart(8)}`);
  for (const [label, splits] of [
    ["dev + hold-out", ["dev", "holdout"]],
    ["blind", ["blind"]],
  ] as const) {
    const outcomes = askAcross(splits);
    console.log(`  ${label}`);
    for (const [kind, t] of [...tallyAcross(outcomes)].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(
        `  ${kind.padEnd(18)} ${String(t.asked).padStart(6)}  ${pct(t.declined, t.asked).padStart(8)}`,
      );
    }
    if (process.env.CROSS_VERBOSE === "1" && label !== "blind") {
      for (const o of outcomes.filter((x) => x.confident)) {
        console.log(
          `    ANSWERED ${o.from} -> ${o.to}: ${o.question} -> ${o.top} (${o.coverage.toFixed(2)})`,
        );
      }
    }
  }
}
