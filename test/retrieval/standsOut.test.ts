import { describe, expect, it } from "vitest";
import { evalCorpus } from "../../bench/evalSets.ts";
import { CONFIDENCE_THRESHOLD, search } from "../../src/retrieval/search.ts";
import { CROWDED_SCORE_SHARE, standsOut, WEAK_COVERAGE } from "../../src/retrieval/standsOut.ts";
import type { SearchResult } from "../../src/types.ts";
import { fakePaper } from "../helpers/papers.ts";

/** Ranked results with the given coverage of the best and ranking scores of each. */
function ranked(coverage: number, ...scores: number[]): SearchResult[] {
  return scores.map((score, at) => ({
    paper: fakePaper(at),
    score,
    coverage: at === 0 ? coverage : 0.2,
    passage: { id: at, paperId: `p${at}`, ordinal: 0, text: "", figures: [] },
    highlighted: [],
  }));
}

describe("standsOut", () => {
  it("is false for a weak best paper that the third scores nearly as well as", () => {
    expect(standsOut(ranked(0.4, 10, 9, 8))).toBe(false);
    expect(standsOut(ranked(0.4, 10, 9, CROWDED_SCORE_SHARE * 10))).toBe(false);
  });

  it("is true when the best paper covers the question well, however close the others", () => {
    expect(standsOut(ranked(WEAK_COVERAGE, 10, 9, 8))).toBe(true);
    expect(standsOut(ranked(0.9, 10, 10, 10))).toBe(true);
  });

  it("is true when the third paper scores well under the best", () => {
    expect(standsOut(ranked(0.4, 10, 9, 6.9))).toBe(true);
  });

  it("looks past a close second: a paper and its nearest neighbour often score alike", () => {
    expect(standsOut(ranked(0.4, 10, 10, 3))).toBe(true);
  });

  it("is true with fewer than three papers, or none scoring", () => {
    expect(standsOut([])).toBe(true);
    expect(standsOut(ranked(0.4, 10, 9))).toBe(true);
    expect(standsOut(ranked(0.4, 0, 0, 0))).toBe(true);
  });
});

describe("search and the stand-out rule", () => {
  const { index } = evalCorpus("notes");
  // Asked of notes that lack it: a third of its weight matched by each of three summaries.
  const question = "consistency loss across augmentations";

  it("declines a weak best paper the third scores nearly as well as", () => {
    const response = search(index, question);
    expect(response.coverage).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
    expect(standsOut(response.results)).toBe(false);
    expect(response.confident).toBe(false);
  });

  it("answers alike however many results the caller asks for", () => {
    const one = search(index, question, { limit: 1 });
    expect(one.results).toHaveLength(1);
    expect(one.confident).toBe(false);
  });
});
