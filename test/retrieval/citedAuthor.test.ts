import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { passagesCite } from "../../src/retrieval/citedAuthor.ts";
import { search } from "../../src/retrieval/search.ts";
import { CAPTIONS_PAPER, fakePaper } from "../helpers/papers.ts";

const awr = {
  ...fakePaper(1, "Advantage-Weighted Regression"),
  authors: ["Xue Bin Peng", "Peter Sunehag"],
  aliases: ["AWR"],
  summary: [
    "## How",
    "- Extends reward-weighted regression (Peters & Schaal 2007) with advantages and a replay buffer",
    "- Plots in the Goodfellow-style: loss along a line between two solutions",
    "- Builds on Schölkopf et al., 2001 for the kernel view",
  ].join("\n"),
};
const index = buildIndex([awr, CAPTIONS_PAPER]);

describe("passagesCite", () => {
  it("finds a family name a summary writes as a word, with a year close after it if asked", () => {
    expect(passagesCite(index, "Peters", [])).toBe(true);
    expect(passagesCite(index, "peters", [2007])).toBe(true);
    expect(passagesCite(index, "Peters", [2008])).toBe(true);
    expect(passagesCite(index, "Scholkopf", [2001])).toBe(true);
  });

  it("does not take a word that only stems alike, or a citation of another year", () => {
    // "Peter" (a given name in the author list) stems as "Peters" does.
    expect(passagesCite(index, "Peter", [])).toBe(false);
    expect(passagesCite(index, "Peters", [2018])).toBe(false);
    expect(passagesCite(index, "Goodfellow", [2014])).toBe(false);
    expect(passagesCite(index, "Goodfellow", [])).toBe(true);
    expect(passagesCite(index, "Lovelace", [])).toBe(false);
  });
});

describe("questions about a cited author's work of another year", () => {
  it("are declined as about a paper the group has not summarized", () => {
    expect(search(index, "what did peters et al 2018 propose?")).toMatchObject({
      confident: false,
      unknownAuthor: "peters et al. (2018)",
    });
    expect(search(index, "what did peters and schaal 2007 propose?").unknownAuthor).toBeUndefined();
  });
});
