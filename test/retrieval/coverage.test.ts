import { describe, expect, it } from "vitest";
import { buildIndex, PAPER_FIELDS } from "../../src/retrieval/buildIndex.ts";
import {
  CONFIDENCE_THRESHOLD,
  search,
  searchPaper,
  UNKNOWN_NAME_COVERAGE,
} from "../../src/retrieval/search.ts";
import { fakePaper, GLOVE_NOTES } from "../helpers/papers.ts";

describe("how much a summary covers a question that describes its paper first", () => {
  const summary = GLOVE_NOTES;
  const topics = ["image captioning", "speech recognition", "graph attention", "object detection"];
  const index = buildIndex([
    { ...fakePaper(1, "Global vectors"), aliases: ["GloVe"], summary },
    ...topics.map((topic, i) => ({
      ...fakePaper(10 + i, topic),
      aliases: [],
      summary: `- A paper about ${topic} and nothing else, its vectors and its counts`,
    })),
  ]);

  it("counts half of what only the introduction matches beside the answering passage", () => {
    // The "How" passage alone covers 0.51 of it; "co-occurrence" is in the introduction.
    const response = search(
      index,
      "word vectors from co-occurrence counts: do frequent pairs dominate the fit?",
    );
    expect(response.results[0]?.passage.text).toContain("caps frequent pairs");
    expect(response.coverage).toBeGreaterThan(0.7);
  });

  it("checks a long description against the whole summary, and the asking part against a passage", () => {
    // The description's words are in three passages; the asking part is the "How" passage's.
    const described = search(
      index,
      "that weighted least squares paper, compared with word2vec, where word and context vectors get summed - do frequent pairs dominate the fit?",
    );
    expect(described.results[0]?.paper.id).toBe("p1");
    expect(described.results[0]?.passage.text).toContain("caps frequent pairs");
    expect(described.confident).toBe(true);
    // A description the summary does not give covers nothing more.
    const elsewhere = search(
      index,
      "that paper with beam search decoding over noisy spectrograms in crowded rooms - do frequent pairs dominate the fit?",
    );
    expect(elsewhere.coverage).toBeLessThan(CONFIDENCE_THRESHOLD);
  });

  it("counts the paper's year when the question gives it", () => {
    // The papers are from 2019 but one, from 2016; no summary writes a year.
    const dated = buildIndex([
      { ...fakePaper(1, "Global vectors"), aliases: ["GloVe"], summary },
      { ...fakePaper(2, "Image captioning"), year: 2016, summary: "- About image captions" },
      { ...fakePaper(3, "Speech recognition"), summary: "- About speech, its vectors and counts" },
    ]);
    const question = (year: number) =>
      search(dated, `that ${year} paper on co-occurrence counts: do frequent pairs dominate?`);
    expect(question(2019).results[0]?.paper.id).toBe("p1");
    expect(question(2019).coverage).toBeGreaterThan(question(2016).coverage + 0.1);
  });

  it("counts none of it when the question's weightiest word is one no summary has", () => {
    const response = search(
      index,
      "word vectors from co-occurrence counts: do frequent pairs dominate the Qwzxyk fit?",
    );
    expect(response.confident).toBe(false);
  });
});

describe("a question chiefly about a name no summary has", () => {
  const summary = [
    "## What",
    "",
    "- Detect objects by classifying about 2000 region proposals, each warped and passed forward through a CNN",
    "- Proposals come from selective search",
    "",
    "## Results",
    "",
    "- mAP 53% on VOC 2010",
  ].join("\n");
  const topics = ["image captioning", "speech recognition", "graph attention", "protein folding"];
  const index = buildIndex([
    { ...fakePaper(1, "Rich feature hierarchies"), aliases: ["R-CNN"], summary },
    ...topics.map((topic, i) => ({
      ...fakePaper(10 + i, topic),
      aliases: [],
      summary: `- A paper about ${topic} and nothing else, in a single pass`,
    })),
  ]);

  it("must be covered by half, not just the usual threshold, to be answered", () => {
    const question =
      "how does Zorblat detect objects in a single forward pass without region proposals?";
    const response = search(index, question);
    expect(response.coverage).toBeGreaterThan(CONFIDENCE_THRESHOLD);
    expect(response.coverage).toBeLessThan(UNKNOWN_NAME_COVERAGE);
    expect(response.confident).toBe(false);
  });

  it("is answered as usual when it names the paper", () => {
    const response = search(index, "R-CNN vs Zorblat: how are region proposals found?");
    expect(response.confident).toBe(true);
    expect(response.results[0]?.passage.text).toContain("selective search");
  });
});

describe("a paper's venue", () => {
  const notes = (what: string) => `- What: a tokenizer that learns subword units ${what}\n`;
  const index = buildIndex([
    {
      ...fakePaper(1, "Rare words in translation"),
      venue: "ACL 2016",
      summary: notes("by merging pairs"),
    },
    {
      ...fakePaper(2, "A simple library"),
      venue: "EMNLP 2018 (System Demonstrations)",
      summary: notes("from raw text"),
    },
    {
      ...fakePaper(3, "Regularization by sampling"),
      venue: "arXiv preprint",
      summary: notes("by sampling"),
    },
  ]);

  it("picks out the paper a question places by where it appeared", () => {
    expect(
      search(index, "the emnlp demo paper on learning subword units").results[0]?.paper.id,
    ).toBe("p2");
    expect(search(index, "that acl paper that learns subword units").results[0]?.paper.id).toBe(
      "p1",
    );
  });

  it("is no evidence the corpus covers a question, nor is 'arXiv preprint' a venue", () => {
    expect(search(index, "when is the emnlp deadline this year?").confident).toBe(false);
    const venue = PAPER_FIELDS.indexOf("venue");
    expect(index.paperSearch.documentFrequency("emnlp", venue)).toBe(1);
    expect(index.paperSearch.documentFrequency("preprint", venue)).toBe(0);
  });

  it("is evidence beside the paper's year, which places it as its title would", () => {
    const year = fakePaper(2, "").year;
    const coverageOf = (question: string) => searchPaper(index, question, "p2")?.coverage ?? 0;
    const asked = "library: does it learn subword units with exponents?";
    // ACL, p1's venue, weighs as much as EMNLP, p2's: both are in one paper's venue.
    expect(coverageOf(`emnlp ${year} ${asked}`)).toBeGreaterThan(
      coverageOf(`acl ${year} ${asked}`),
    );
    expect(coverageOf(`emnlp ${asked}`)).toBe(coverageOf(`acl ${asked}`));
  });
});
