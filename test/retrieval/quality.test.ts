import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { search } from "../../src/retrieval/search.ts";
import { corpusIndex, FIXTURES_DIR } from "../helpers/corpus.ts";

interface Question {
  q: string;
  paper: string | null;
  passage_any?: string[];
}

function questions(file: string): Question[] {
  return readFileSync(join(FIXTURES_DIR, file), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Question);
}

const index = corpusIndex();

/** Share of covered questions answered confidently with the right paper first and an answering passage. */
function measure(set: Question[]) {
  const covered = set.filter((q) => q.paper !== null);
  const outside = set.filter((q) => q.paper === null);
  let first = 0;
  let passage = 0;
  for (const q of covered) {
    const response = search(index, q.q);
    const top = response.results[0];
    if (!response.confident || top?.paper.id !== q.paper) continue;
    first++;
    const text = top.passage.text.toLowerCase();
    if ((q.passage_any ?? []).some((phrase) => text.includes(phrase.toLowerCase()))) passage++;
  }
  const declined = outside.filter((q) => !search(index, q.q).confident).length;
  return {
    first: first / covered.length,
    passage: passage / covered.length,
    declined: declined / outside.length,
  };
}

describe("retrieval quality (shared eval questions)", () => {
  for (const q of questions("questions.jsonl")) {
    if (q.paper === null) {
      it(`declines "${q.q}"`, () => {
        expect(search(index, q.q).confident).toBe(false);
      });
    } else {
      it(`answers "${q.q}" from ${q.paper}`, () => {
        const response = search(index, q.q);
        expect(response.confident).toBe(true);
        expect(response.results[0]?.paper.id).toBe(q.paper);
        const text = response.results[0]?.passage.text.toLowerCase() ?? "";
        expect(q.passage_any?.some((phrase) => text.includes(phrase))).toBe(true);
      });
    }
  }
});

// Floors a little under what retrieval reaches today (see README), so a change that makes
// answers worse fails here; raise them when retrieval improves.
describe("retrieval quality (held-out sets written without sight of the code)", () => {
  it("holds on the development set", () => {
    const result = measure(questions("dev-questions.jsonl"));
    expect(result.first).toBeGreaterThanOrEqual(0.85);
    expect(result.passage).toBeGreaterThanOrEqual(0.7);
    expect(result.declined).toBeGreaterThanOrEqual(0.9);
  });

  it("holds on the hold-out set", () => {
    const result = measure(questions("holdout-questions.jsonl"));
    expect(result.first).toBeGreaterThanOrEqual(0.93);
    expect(result.passage).toBeGreaterThanOrEqual(0.8);
    expect(result.declined).toBeGreaterThanOrEqual(0.93);
  });
});
