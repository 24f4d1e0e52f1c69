import { describe, expect, it } from "vitest";
import type { Mention } from "../../src/lookup/mention.ts";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { namesOnlyAsReference } from "../../src/retrieval/references.ts";
import { search } from "../../src/retrieval/search.ts";
import { fakePaper } from "../helpers/papers.ts";

/** A mention of "BERT" (by name) where the question writes it (`last`: the last time). */
function bertIn(question: string, last = false): Mention {
  const start = last ? question.lastIndexOf("BERT") : question.indexOf("BERT");
  return { paper: fakePaper(1), by: "name", canonical: "BERT", start, end: start + 4 };
}

describe("namesOnlyAsReference", () => {
  it("is true for a name that places the paper asked about", () => {
    for (const question of [
      "the BERT variant that masks spans",
      "the BERT follow-up with span masking",
      "the BERT follow-up",
      "which BERT variants mask spans?",
      "a variant of BERT that masks spans",
      "an improvement over BERT for QA",
      "a span model built on top of BERT",
      "unlike BERT, does it keep next sentence prediction?",
      "how much better is it than BERT on SQuAD?",
      "a BERT-style encoder for spans",
      "for the BERT that masks whole spans, how long are they?",
    ]) {
      expect(namesOnlyAsReference(question, bertIn(question)), question).toBe(true);
    }
    // After another paper the question has named, a name it is compared with places that one.
    for (const question of [
      "how does SpanBERT's masking relate to BERT's?",
      "how is SpanBERT different from BERT?",
      "how fast is SpanBERT compared to the BERT baseline?",
    ]) {
      expect(namesOnlyAsReference(question, bertIn(question, true), true), question).toBe(true);
    }
  });

  it("is false for a name the question asks about, or names by id or author", () => {
    for (const question of [
      "how does BERT mask tokens?",
      "BERT vs RoBERTa: which masks spans?",
      "is BERT better than ELMo?",
      "is it BERT that masks 15% of tokens?",
      // Nothing said besides: the question asks what BERT led to, which BERT's notes answer.
      "BERT follow up work",
      "BERT variants?",
    ]) {
      expect(namesOnlyAsReference(question, bertIn(question)), question).toBe(false);
    }
    // Set against a name only after another paper is named ("how did deit relate to BERT").
    expect(
      namesOnlyAsReference("how does it relate to BERT?", bertIn("how does it relate to BERT?")),
    ).toBe(false);
    const byAuthor = { ...bertIn("the BERT variant"), by: "author" as const };
    expect(namesOnlyAsReference("the BERT variant", byAuthor)).toBe(false);
  });
});

describe("a question that names a paper only to place the one it asks about", () => {
  const index = buildIndex([
    {
      ...fakePaper(1, "Pre-training of Deep Bidirectional Transformers"),
      aliases: ["BERT"],
      summary: [
        "- BERT masks 15% of single tokens at random and predicts them from both sides",
        "- Masked words are sampled uniformly; masking contiguous spans is left to later work",
        "- BERT adds next sentence prediction",
      ].join("\n"),
    },
    {
      ...fakePaper(2, "Improving Pre-training by Representing and Predicting Spans"),
      aliases: ["SpanBERT"],
      summary:
        "- Like BERT, but masks contiguous spans of words, not single tokens\n- Span length is sampled from a geometric distribution, mean 3.8 words",
    },
    { ...fakePaper(3, "Image captioning"), aliases: [], summary: "- About captions" },
  ]);

  it("is answered by the derived paper, not the named one", () => {
    const result = search(
      index,
      "the BERT variant that masks contiguous spans of words instead of single tokens: how are their lengths sampled?",
    );
    expect(result.results[0]?.paper.id).toBe("p2");
    expect(result.results[0]?.passage.text).toContain("geometric");
  });

  it("still goes to the named paper when it asks about it", () => {
    expect(search(index, "how does BERT mask tokens?").results[0]?.paper.id).toBe("p1");
  });

  it("is answered by the described paper when the name comes only in what it then asks", () => {
    const result = search(
      index,
      "the one that masks contiguous spans of words, not single tokens - how does it differ from BERT?",
    );
    expect(result.results[0]?.paper.id).toBe("p2");
  });

  it("keeps a named paper whose question opens with no description", () => {
    expect(search(index, "quick question - how does BERT mask tokens?").results[0]?.paper.id).toBe(
      "p1",
    );
  });

  it("keeps a named paper the asking part places the question in", () => {
    const question =
      "they mask contiguous spans of words, not single tokens - what goes wrong in BERT if you do?";
    expect(search(index, question).results[0]?.paper.id).toBe("p1");
  });

  it("keeps a named paper that the description before the ask picks out itself", () => {
    const question =
      "the model that masks 15% of single tokens at random and adds next sentence prediction - how does BERT pick the words to mask?";
    expect(search(index, question).results[0]?.paper.id).toBe("p1");
  });
});
