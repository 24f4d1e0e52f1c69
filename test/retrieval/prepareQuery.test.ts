import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { plainText } from "../../src/retrieval/highlight.ts";
import { MAX_QUERY_CHARS, prepareQuery } from "../../src/retrieval/prepareQuery.ts";
import { search } from "../../src/retrieval/search.ts";
import { corpusIndex } from "../helpers/corpus.ts";
import { trickyText, withinBudget } from "../helpers/generatedText.ts";
import { fakePaper, fillerPapers } from "../helpers/papers.ts";

/** Questions: names, topic words and typos among tricky fragments, some far over the length cap. */
const question = fc.oneof(
  { weight: 8, arbitrary: trickyText(30) },
  {
    weight: 8,
    arbitrary: fc
      .array(
        fc.constantFrom(
          "what is",
          "how does",
          "BEAR",
          "mix match",
          "mixmtach",
          "Berthelot et al.",
          "vq vae 2",
          "1905.02249",
          "arxiv.org/abs/1906.00949v2",
          "out-of-distribution actions",
          "lottery tickets",
          "guessed labels",
          "kubernetes",
          "Dabney et al.",
          "Kumar et al. 2015",
          "mixmatch (dabney et al)",
          "the original DPR paper",
          "encodec's",
          "prm800k",
          "iccv17",
          "lora",
          "stanford",
          "?",
          "$\\epsilon$",
        ),
        { maxLength: 8 },
      )
      .map((words) => words.join(" ")),
  },
  { weight: 1, arbitrary: trickyText(20).map((t) => t.repeat(100)) },
);

describe("prepareQuery and search (generated questions)", () => {
  const index = corpusIndex();

  it("never throw, take bounded time, weigh only the question's terms, and answer from the index", () => {
    fc.assert(
      fc.property(question, (query) => {
        const prepared = withinBudget(() => prepareQuery(index, query));
        expect(new Set(prepared.terms).size).toBe(prepared.terms.length);
        const terms = new Set(prepared.terms);
        expect([...prepared.weights.keys()].filter((term) => !terms.has(term))).toEqual([]);
        expect([...prepared.weights.values()].filter((weight) => !(weight >= 0))).toEqual([]);
        for (const mention of prepared.mentions) {
          expect(index.papers.get(mention.paper.id)).toBe(mention.paper);
          expect(mention.start).toBeLessThan(mention.end);
          expect(mention.end).toBeLessThanOrEqual(Math.min(query.length, MAX_QUERY_CHARS));
        }

        const response = withinBudget(() => search(index, query));
        expect(response.coverage).toBeGreaterThanOrEqual(0);
        expect(response.coverage).toBeLessThanOrEqual(1 + 1e-9);
        expect(response.results.length).toBeLessThanOrEqual(3);
        for (const result of response.results) {
          expect(index.papers.get(result.paper.id)).toBe(result.paper);
          expect(index.passagesByPaper.get(result.paper.id)).toContain(result.passage);
          expect(plainText(result.highlighted)).toBe(result.passage.text);
        }
        if (response.confident) expect(response.results.length).toBeGreaterThan(0);
        // A question about a paper by authors the corpus has nothing by is never answered.
        if (response.unknownAuthor) expect(response.confident).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("a word the corpus lacks, made by a prefix from one it has", () => {
  const index = corpusIndex();

  it("is read as that word, and counts as a correction", () => {
    const prepared = prepareQuery(index, "how do they upweight the guessed labels");
    expect(prepared.text).toContain("weight the guessed labels");
    expect(prepared.terms).toContain("weight");
  });

  it("stays as typed when the corpus has it, in a summary or a title", () => {
    expect(prepareQuery(index, "is deconstructing worth it").text).toContain("deconstructing");
    expect(prepareQuery(index, "retrain the ticket").text).toContain("retrain");
  });

  it("stays as typed when what is left is no word of the corpus", () => {
    expect(prepareQuery(index, "how does it undercook rice").text).toContain("undercook");
  });
});

describe("a paper named by a word its alias writes in capitals", () => {
  const base = {
    ...fakePaper(1, "BASE Layers: Simplifying Training of Large, Sparse Models"),
    aliases: ["BASE"],
    summary:
      "- Route tokens to experts by a balanced assignment; a residual expert on the base model",
  };
  const writingBase = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      ...fakePaper(20 + i, `Paper ${i}`),
      aliases: [],
      summary: `- A refiner applied to the base model's output, variant ${i}`,
    }));
  const named = (index: ReturnType<typeof buildIndex>, question: string) =>
    prepareQuery(index, question).mentions.map((m) => m.paper.id);

  it("names no paper when most summaries write the word as a word", () => {
    const index = buildIndex([base, ...writingBase(6)]);
    expect(named(index, "how is the refiner applied to the base output?")).toEqual([]);
    expect(named(index, "how does BASE route tokens?")).toEqual(["p1"]);
  });

  it("still names the paper when few summaries write the word", () => {
    const index = buildIndex([base, ...writingBase(2), ...fillerPapers()]);
    expect(named(index, "how does base route tokens to experts?")).toEqual(["p1"]);
  });
});
