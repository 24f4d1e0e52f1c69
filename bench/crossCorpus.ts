/**
 * Outside questions by the thousand: each covered question of one corpus, asked of every other
 * evaluation corpus that lacks its paper. A member asking about a paper the group has not
 * summarized asks just such a question, named, typed wrong or described, and the bot should say
 * the summaries do not cover it. Some are answered well by another corpus's paper all the same
 * ("how many layers in bert-large" by notes that compare against it), so the figure is a
 * comparison between versions of the code, not a target.
 */
import { search } from "../src/retrieval/search.ts";
import type { Paper } from "../src/types.ts";
import { type CorpusName, EVAL_SETS, evalCorpus, readQuestions, type Split } from "./evalSets.ts";

/** The corpora asked of one another: each written for this project, none sharing a paper. */
const CROSS_CORPORA: readonly CorpusName[] = [
  "seed",
  "styles",
  "notes",
  "notes2",
  "notes3",
  "notes4",
  "notes5",
  "notes6",
  "notes7",
  "notes8",
  "notes9",
  "notes10",
  "notes11",
  "notes12",
  "notes13",
  "notes14",
  "notes15",
  "notes16",
];

/** Questions asked and declined, for one kind of question or all. */
export interface CrossTally {
  asked: number;
  declined: number;
}

/** One question asked of a corpus that lacks its paper. */
export interface CrossOutcome {
  from: string;
  to: CorpusName;
  kind: string;
  question: string;
  confident: boolean;
  top?: string;
  coverage: number;
}

/** A paper's title folded to compare across corpora, which may spell it apart. */
function titleKey(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** True when `corpus` has `paper` by id, arXiv id or title. */
function corpusHas(papers: readonly Paper[], paper: Paper): boolean {
  return papers.some(
    (p) =>
      p.id === paper.id ||
      titleKey(p.title) === titleKey(paper.title) ||
      (paper.arxiv !== undefined && p.arxiv === paper.arxiv),
  );
}

/** Asks the covered questions of the sets of the given splits of every other corpus without their paper. */
export function askAcross(splits: readonly Split[]): CrossOutcome[] {
  const outcomes: CrossOutcome[] = [];
  for (const set of EVAL_SETS) {
    if (!splits.includes(set.split) || set.coveredOnly || !CROSS_CORPORA.includes(set.corpus))
      continue;
    const from = evalCorpus(set.corpus);
    for (const q of readQuestions(set.file)) {
      const paper = from.papers.find((p) => p.id === q.paper);
      if (!paper) continue;
      for (const to of CROSS_CORPORA) {
        if (to === set.corpus || corpusHas(evalCorpus(to).papers, paper)) continue;
        const response = search(evalCorpus(to).index, q.q);
        outcomes.push({
          from: set.name,
          to,
          kind: q.kind ?? "covered",
          question: q.q,
          confident: response.confident,
          top: response.results[0]?.paper.id,
          coverage: response.coverage,
        });
      }
    }
  }
  return outcomes;
}

/** Tallies outcomes by kind of question, with "ALL" for every one. */
export function tallyAcross(outcomes: readonly CrossOutcome[]): Map<string, CrossTally> {
  const tallies = new Map<string, CrossTally>([["ALL", { asked: 0, declined: 0 }]]);
  for (const o of outcomes) {
    for (const key of ["ALL", o.kind]) {
      const t = tallies.get(key) ?? { asked: 0, declined: 0 };
      t.asked++;
      if (!o.confident) t.declined++;
      tallies.set(key, t);
    }
  }
  return tallies;
}
