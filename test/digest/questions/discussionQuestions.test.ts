import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../src/corpus/loadCorpus.ts";
import {
  discussionQuestions,
  MAX_QUESTION_CHARS,
} from "../../../src/digest/questions/discussionQuestions.ts";
import { buildIndex } from "../../../src/retrieval/buildIndex.ts";
import { termsOf } from "../../../src/text/terms.ts";
import type { Paper } from "../../../src/types.ts";
import { CORPUS_DIR, corpusIndex } from "../../helpers/corpus.ts";
import { fakePaper } from "../../helpers/papers.ts";

const index = corpusIndex();
const papers = [...index.papers.values()];

/** The templates' own words: a question must share words with its summary beyond these. */
const TEMPLATE_TERMS = new Set(
  termsOf(
    "why how convincing evidence argument premise finding what could explain really much matter summary's author view share would someone hasn't read",
  ),
);

/** A made-up paper with the given summary, indexed beside the real corpus. */
function withSummary(n: number, summary: string): { paper: Paper; questions: string[] } {
  const paper = { ...fakePaper(n), summary };
  const own = buildIndex([...loadCorpus(CORPUS_DIR).papers, paper]);
  return { paper, questions: discussionQuestions(own, paper) };
}

describe("discussionQuestions", () => {
  it.each(papers.map((paper) => [paper.id, paper] as const))(
    "gives %s two or three distinct, plain questions",
    (_, paper) => {
      const questions = discussionQuestions(index, paper);
      expect(questions.length).toBeGreaterThanOrEqual(2);
      expect(questions.length).toBeLessThanOrEqual(3);
      expect(new Set(questions).size).toBe(questions.length);
      for (const question of questions) {
        expect(question).toMatch(/\?$/);
        expect(question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
        expect(question).not.toMatch(/\$|\\|\*\*|https?:|www\.|imgur/i);
      }
    },
  );

  it.each(papers.map((paper) => [paper.id, paper] as const))(
    "draws each question of %s from its summary's words",
    (_, paper) => {
      const summary = new Set(termsOf(paper.summary));
      for (const question of discussionQuestions(index, paper)) {
        const own = termsOf(question).filter((term) => !TEMPLATE_TERMS.has(term));
        const shared = own.filter((term) => summary.has(term));
        expect(shared.length, question).toBeGreaterThanOrEqual(2);
        // Nearly every word it adds to the template comes from the summary.
        expect(shared.length / own.length, question).toBeGreaterThanOrEqual(0.8);
      }
    },
  );

  it("gives the same questions for the same summary, from the same or a new index", () => {
    const fresh = buildIndex(loadCorpus(CORPUS_DIR).papers);
    for (const paper of papers) {
      const first = discussionQuestions(index, paper);
      expect(discussionQuestions(index, paper)).toEqual(first);
      expect(discussionQuestions(fresh, paper)).toEqual(first);
    }
  });

  it("reads an edited paper's own summary, not the indexed version's", () => {
    const bear = index.papers.get("bear") as Paper;
    const before = discussionQuestions(index, bear);
    const edited = {
      ...bear,
      summary:
        "BEAR keeps the learned policy on the support of the batch. Why does support matching beat distribution matching?",
    };
    expect(discussionQuestions(index, edited)).toContain(
      "Why does support matching beat distribution matching?",
    );
    expect(discussionQuestions(index, bear)).toEqual(before);
  });

  it("gives at most `max` questions", () => {
    for (const paper of papers) {
      expect(discussionQuestions(index, paper, 2).length).toBeLessThanOrEqual(2);
      expect(discussionQuestions(index, paper, 0)).toEqual([]);
    }
  });

  it("gives fewer questions, without throwing, for a tiny or empty summary", () => {
    expect(withSummary(1, "").questions).toEqual([]);
    expect(withSummary(2, "A short note.").questions.length).toBeLessThan(2);
    expect(withSummary(3, "$$L = \\sum_i \\log p(x_i)$$ $\\nabla L = 0$.").questions).toEqual([]);
  });

  it("uses a question the summary asks", () => {
    const { questions } = withSummary(
      4,
      "Graph networks pass messages between neighbouring nodes to learn node representations. " +
        "Why does message passing oversmooth deep graph networks? The authors add residual " +
        "connections between layers, and report results on citation graphs.",
    );
    expect(questions).toContain("Why does message passing oversmooth deep graph networks?");
  });

  it("asks a question announced by a colon from the colon on", () => {
    const { questions } = withSummary(
      5,
      "Sparse attention keeps only the largest attention weights of each query. " +
        "The authors' next question was: can sparse attention match dense attention on long documents? " +
        "The experiments on summarization benchmarks confirm that sparse attention is faster.",
    );
    expect(questions).toContain("Can sparse attention match dense attention on long documents?");
  });

  it("rephrases a claim about the method, named by its alias, as a why-question", () => {
    const paper = { ...fakePaper(6), aliases: ["SparseMax"] };
    const summary =
      "Kumar et al. propose sparse attention (SparseMax), which keeps only the largest weights of " +
      "each attention row. The ablations show that the choice of temperature is crucial.";
    const own = buildIndex([...loadCorpus(CORPUS_DIR).papers, { ...paper, summary }]);
    const questions = discussionQuestions(own, { ...paper, summary });
    expect(questions).toContain(
      "Why does SparseMax keep only the largest weights of each attention row?",
    );
    expect(questions).toContain("Why is the choice of temperature crucial?");
  });
});
