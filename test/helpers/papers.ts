import type { Paper, Passage } from "../../src/types.ts";

/** A made-up paper for renderer tests: `p<n>`, with markup-prone characters in its title. */
export function fakePaper(n: number, title = `Paper <${n}> & friends`): Paper {
  return {
    id: `p${n}`,
    title,
    authors: ["Ada Lovelace", "Alan Turing"],
    year: 2019,
    venue: "NeurIPS",
    arxiv: "1905.02249",
    url: "https://arxiv.org/abs/1905.02249",
    aliases: [`P${n}`],
    added: "2026-11-27",
    summary: "",
    file: "",
    figures: [],
  };
}

/**
 * A paper `p2` about something else (image captions), for an index in which the paper under test
 * must rank above another and be judged against a whole corpus, not alone.
 */
export const CAPTIONS_PAPER: Paper = {
  ...fakePaper(2, "Show and Tell"),
  aliases: [],
  summary: "- Captions images with an LSTM decoder over CNN features",
};

/** A made-up passage of paper `p1` with the given text and headings, for passage-level tests. */
export function fakePassage(text: string, headings?: string[]): Passage {
  return { id: 0, paperId: "p1", ordinal: 0, text, figures: [], ...(headings ? { headings } : {}) };
}

/**
 * Bullet notes on GloVe under "What / How / Limitations": an introduction that says what the
 * paper is, and passages that each answer one thing about it.
 */
export const GLOVE_NOTES = [
  "## What",
  "",
  "- Word vectors from a weighted least squares fit to the log of co-occurrence counts",
  "- Global counts instead of the local context windows that skip-gram samples",
  "",
  "## How",
  "",
  "- The weighting function caps frequent pairs, so the fit is not dominated by them",
  "- Vectors of words and of contexts are summed at the end",
  "",
  "## Limitations",
  "",
  "- Against word2vec the comparison is debatable: tuned fairly, both end up close",
].join("\n");

/**
 * Four papers about other things, each one line: set beside the paper a test asks about, they make
 * its words rare in the corpus, as a real corpus does.
 */
export function fillerPapers(): Paper[] {
  const topics = ["image captioning", "speech recognition", "graph attention", "protein folding"];
  return topics.map((topic, i) => ({
    ...fakePaper(10 + i, topic),
    aliases: [],
    summary: `- A paper about ${topic} and nothing else`,
  }));
}
