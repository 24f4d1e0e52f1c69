import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/loadCorpus.ts";
import { PAPER_FIELDS, paperFields } from "../../src/retrieval/buildIndex.ts";
import { splitPassages } from "../../src/retrieval/passages.ts";
import { TermIndex } from "../../src/retrieval/termIndex.ts";
import { processTerm, tokenize } from "../../src/text/terms.ts";
import { CORPUS_DIR } from "../helpers/corpus.ts";

const termOptions = {
  tokenize,
  processTerm: (piece: string) => {
    const terms = processTerm(piece);
    return terms.length > 0 ? [...terms] : false;
  },
};
const queryTerms = (q: string) => tokenize(q).flatMap((piece) => processTerm(piece));
const QUERIES = [
  "how does BEAR avoid out-of-distribution actions?",
  "MixMatch sharpen labels with temperature",
  "lottery ticket lottery ticket supermask",
  "VQ-VAE-2 hierarchical prior",
  "mutual information lower bound",
];

/** Every passage of the real corpus, numbered in order. */
const passages = loadCorpus(CORPUS_DIR).papers.flatMap((paper, i) =>
  splitPassages(paper.id, paper.summary, 1000 * i),
);

function scoresOf(index: TermIndex, q: string): Map<number, number> {
  const result = index.score(queryTerms(q));
  return new Map([...result.docs].map((doc, i) => [doc, result.scores[i] ?? 0]));
}

describe("TermIndex", () => {
  it("scores as MiniSearch does, so rankings tuned with it stay the same", () => {
    const mini = new MiniSearch<{ id: number; text: string }>({ fields: ["text"], ...termOptions });
    mini.addAll(passages.map((p) => ({ id: p.id, text: p.text })));
    const ours = new TermIndex(["text"]);
    for (const p of passages) ours.add(p.id, [p.text]);
    for (const q of QUERIES) {
      const theirs = mini.search(q);
      const scores = scoresOf(ours, q);
      expect(scores.size, q).toBe(theirs.length);
      for (const hit of theirs) expect(scores.get(hit.id), q).toBeCloseTo(hit.score, 9);
      const best = theirs[0];
      if (!best) continue;
      const hit = ours.hit(ours.score(queryTerms(q)), best.id, best.score);
      expect(hit.terms.sort(), q).toEqual([...best.terms].sort());
    }
  });

  it("scores fields with their boosts as MiniSearch does", () => {
    const papers = loadCorpus(CORPUS_DIR).papers;
    const fields = [...PAPER_FIELDS];
    // "id" is a searched field here (the paper's slug), so MiniSearch numbers documents by "doc".
    const mini = new MiniSearch<Record<string, string | number>>({
      fields,
      idField: "doc",
      ...termOptions,
    });
    const ours = new TermIndex(fields);
    papers.forEach((paper, doc) => {
      const texts = paperFields(paper);
      mini.add({ ...Object.fromEntries(fields.map((f, i) => [f, texts[i] ?? ""])), doc });
      ours.add(doc, texts);
    });
    const boost = { aliases: 3, title: 2, id: 2, arxiv: 3, authors: 2, summary: 0.5 };
    for (const q of QUERIES) {
      const theirs = mini.search(q, { boost });
      const result = ours.score(queryTerms(q), boost);
      const scores = new Map([...result.docs].map((doc, i) => [doc, result.scores[i] ?? 0]));
      expect(scores.size, q).toBe(theirs.length);
      for (const hit of theirs) {
        expect(scores.get(hit.id), q).toBeCloseTo(hit.score, 9);
        expect(ours.hit(result, hit.id, hit.score).match, q).toEqual(hit.match);
      }
    }
  });

  it("after removing documents, scores as an index built without them", () => {
    const kept = passages.filter((p) => p.paperId !== "bear");
    const removed = passages.filter((p) => p.paperId === "bear");
    const updated = new TermIndex(["text"]);
    for (const p of passages) updated.add(p.id, [p.text]);
    for (const p of removed) updated.remove(p.id, [p.text]);
    const fresh = new TermIndex(["text"]);
    for (const p of kept) fresh.add(p.id, [p.text]);
    expect(updated.documentCount).toBe(kept.length);
    for (const q of QUERIES) {
      const expected = scoresOf(fresh, q);
      const actual = scoresOf(updated, q);
      expect([...actual.keys()].sort(), q).toEqual([...expected.keys()].sort());
      for (const [doc, score] of expected) expect(actual.get(doc), q).toBeCloseTo(score, 9);
    }
  });

  it("gives the same scores back from its snapshot data", () => {
    const index = new TermIndex(["text"]);
    for (const p of passages) index.add(p.id, [p.text]);
    const copy = TermIndex.fromData(index.toData());
    for (const q of QUERIES) expect(scoresOf(copy, q), q).toEqual(scoresOf(index, q));
    // Adding to a loaded index copies a term's postings out of the shared array, never over it.
    const extra = "supermask lottery ticket actions hierarchical prior";
    copy.add(99_999, [extra]);
    index.add(99_999, [extra]);
    for (const q of QUERIES) expect(scoresOf(copy, q), q).toEqual(scoresOf(index, q));
  });

  it("scores with the current lengths when documents come and go between queries", () => {
    const [first, ...rest] = passages;
    if (!first) throw new Error("no passages");
    const changing = new TermIndex(["text"]);
    for (const p of rest) changing.add(p.id, [p.text]);
    // Queried first, so length norms worked out for these documents would be stale after.
    for (const q of QUERIES) scoresOf(changing, q);
    changing.add(first.id + 1_000_000, [first.text]);
    const grown = new TermIndex(["text"]);
    for (const p of rest) grown.add(p.id, [p.text]);
    grown.add(first.id + 1_000_000, [first.text]);
    for (const q of QUERIES) expect(scoresOf(changing, q), q).toEqual(scoresOf(grown, q));
    changing.remove(first.id + 1_000_000, [first.text]);
    const shrunk = new TermIndex(["text"]);
    for (const p of rest) shrunk.add(p.id, [p.text]);
    for (const q of QUERIES) {
      const expected = scoresOf(shrunk, q);
      const actual = scoresOf(changing, q);
      expect([...actual.keys()].sort(), q).toEqual([...expected.keys()].sort());
      for (const [doc, score] of expected) expect(actual.get(doc), q).toBeCloseTo(score, 9);
    }
  });

  it("keeps each document's score of the last query only", () => {
    const index = new TermIndex(["text"]);
    for (const p of passages) index.add(p.id, [p.text]);
    const [one, other] = QUERIES as [string, string];
    const last = scoresOf(index, one);
    for (const p of passages) expect(index.lastScore(p.id)).toBe(last.get(p.id) ?? 0);
    const next = scoresOf(index, other);
    for (const p of passages) expect(index.lastScore(p.id)).toBe(next.get(p.id) ?? 0);
  });

  it("lists the live documents that have a term in a field", () => {
    const index = new TermIndex(["text"]);
    index.add(1, ["deepnorm residual scaling"]);
    index.add(2, ["residual branches"]);
    index.add(3, ["deepnorm again"]);
    expect(index.documentsWith("residu")).toEqual([1, 2]);
    index.remove(1, ["deepnorm residual scaling"]);
    expect(index.documentsWith("deepnorm")).toEqual([3]);
    expect(index.documentsWith("absent")).toEqual([]);
  });
});
