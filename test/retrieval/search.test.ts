import { describe, expect, it } from "vitest";
import { plainText } from "../../src/retrieval/highlight.ts";
import { MAX_QUERY_CHARS, search } from "../../src/retrieval/search.ts";
import { corpusIndex } from "../helpers/corpus.ts";

const index = corpusIndex();
const top = (query: string) => search(index, query).results[0];

describe("search", () => {
  it("answers a question with the paper and the passage that answers it", () => {
    const response = search(index, "how does BEAR avoid out-of-distribution actions?");
    expect(response.confident).toBe(true);
    expect(response.results[0]?.paper.id).toBe("bear");
    expect(response.results[0]?.passage.text.toLowerCase()).toContain(
      "out-of-distribution actions",
    );
  });

  it("returns the figure that belongs to the passage", () => {
    const result = top("K augmentations of each unlabeled example");
    expect(result?.paper.id).toBe("mixmatch");
    expect(result?.passage.figures).toEqual(["https://i.imgur.com/6lHQqMD.png"]);
  });

  it("is not confident about a question the corpus does not cover", () => {
    for (const query of [
      "best pizza in Naples",
      "kubernetes pod restart policy",
      "what's the weather tomorrow",
    ]) {
      expect(search(index, query).confident, query).toBe(false);
    }
  });

  it("is not confident about an empty or stop-word-only question", () => {
    expect(search(index, "").confident).toBe(false);
    expect(search(index, "what is it?").confident).toBe(false);
  });

  it("puts a paper the question names first, by alias, typo, spacing or arXiv id", () => {
    expect(top("how did SNI do on MultiRoom?")?.paper.id).toBe("ib-sni");
    expect(top("mixmtach sharpening temperature")?.paper.id).toBe("mixmatch");
    expect(top("vq vae 2 prior")?.paper.id).toBe("vq-vae-2");
    expect(top("what is arXiv:1906.00949v2 about")?.paper.id).toBe("bear");
    expect(top("https://arxiv.org/abs/1905.01067")?.paper.id).toBe(
      "deconstructing-lottery-tickets",
    );
  });

  it("finds a paper by its authors", () => {
    expect(top("Berthelot et al. 2019")?.paper.id).toBe("mixmatch");
    expect(top("the Salman et al. smoothing paper")?.paper.id).toBe("smoothadv");
  });

  it("shows the passage that introduces a paper when the question only names it", () => {
    expect(top("mixmatch")?.passage.text).toContain("MixMatch");
    expect(top("1906.00949")?.passage.text).toContain("BEAR");
    expect(top("arXiv 1906.00949")?.passage.text).toContain("BEAR");
  });

  it("answers what a question asks about a paper it names by arXiv id", () => {
    const result = top("how does 1906.00949 use MMD?");
    expect(result?.paper.id).toBe("bear");
    expect(result?.passage.text).toContain("MMD");
    expect(result?.passage.text).not.toBe(top("1906.00949")?.passage.text);
  });

  it("declines a question about an arXiv id or DOI that no summary has", () => {
    // Every other word is BEAR's; the id says the question is about another paper.
    const asked = "how does 2106.09685 avoid out-of-distribution actions?";
    expect(search(index, asked).confident).toBe(false);
    expect(search(index, asked, { focus: "bear" }).confident).toBe(false);
    expect(search(index, "10.1000/xyz123: out-of-distribution actions?").confident).toBe(false);
    // Not a number that only looks like one (no month 13), nor a known id beside an unknown one.
    expect(
      search(index, "how does BEAR avoid out-of-distribution actions at 1399.12345?").confident,
    ).toBe(true);
    expect(search(index, "1906.00949 vs 2106.09685: out-of-distribution actions").confident).toBe(
      true,
    );
  });

  it("declines a question about a paper by authors no summary is by or writes", () => {
    // Every other word is BEAR's; "Dabney et al." say the question is about another paper.
    const asked = "how do Dabney et al. avoid out-of-distribution actions?";
    const response = search(index, asked);
    expect(response).toMatchObject({ confident: false, unknownAuthor: "Dabney et al." });
    expect(search(index, asked, { focus: "bear" }).confident).toBe(false);
    // A corpus author, mistyped or not, names the paper; so does another paper named beside.
    // An author of another year's paper does not name this one, unless a summary cites the name
    // with that year.
    expect(
      search(index, "how do Tucker et al. 2015 avoid out-of-distribution actions?"),
    ).toMatchObject({ confident: false, unknownAuthor: "Tucker et al. (2015)" });
    // The summary writes "Kumar et al." of its own authors, with no year: no 2015 work it cites.
    expect(
      search(index, "how do Kumar et al. 2015 avoid out-of-distribution actions?"),
    ).toMatchObject({ confident: false, unknownAuthor: "Kumar et al. (2015)" });
    for (const known of [
      "how do Kumar et al. avoid out-of-distribution actions?",
      "how do Tucker et al. 2019 avoid out-of-distribution actions?",
      "how do Kumra et al. avoid out-of-distribution actions?",
      "BEAR vs Dabney et al.: out-of-distribution actions",
    ]) {
      expect(search(index, known).confident, known).toBe(true);
      expect(search(index, known).unknownAuthor, known).toBeUndefined();
    }
  });

  it("prefers the passage with the rarest matched words", () => {
    expect(top("Uber's lottery ticket experiments")?.passage.text).toContain("Uber");
  });

  it("does not let the paper's own name pick its passage", () => {
    expect(top("how does MixMatch sharpen labels?")?.passage.text).toContain("sharpening step");
  });

  it("marks the query's terms in the passage without changing its text", () => {
    const result = top("consistency loss across augmentations");
    const marked = result?.highlighted.filter((s) => s.highlight).map((s) => s.text.toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(["consistency", "loss", "augmentations"]));
    expect(plainText(result?.highlighted ?? [])).toBe(result?.passage.text);
  });

  it("adds a second, non-overlapping passage when the summary answers in two places", () => {
    const [top] = search(index, "K augmentations of each unlabeled example").results;
    expect(top?.paper.id).toBe("mixmatch");
    const first = top?.passage.ordinal ?? 0;
    const second = top?.more?.passage.ordinal;
    expect(second).toBeDefined();
    // Neighbouring passages share a sentence; the second must say something the first does not.
    expect(Math.abs((second ?? first) - first)).toBeGreaterThanOrEqual(2);
    expect(top?.more?.highlighted.some((s) => s.highlight)).toBe(true);
  });

  it("gives one passage when no other comes close, and none extra for a bare name", () => {
    expect(search(index, "how did SNI do on MultiRoom?").results[0]?.more).toBeUndefined();
    expect(search(index, "mixmatch").results[0]?.more).toBeUndefined();
  });

  it("respects the limit and ranks best first", () => {
    const { results } = search(index, "lottery tickets", { limit: 2 });
    expect(results).toHaveLength(2);
    expect(results[0]?.score).toBeGreaterThanOrEqual(results[1]?.score ?? 0);
  });

  it("reads only the first MAX_QUERY_CHARS characters of a very long question", () => {
    const long = `${"lottery ticket ".repeat(200)}uber`;
    expect(long.length).toBeGreaterThan(MAX_QUERY_CHARS);
    const response = search(index, long);
    expect(response.query).toBe(long);
    expect(response.results[0]?.paper.id).toMatch(/ticket/);
  });
});

describe("search: a question that is one phrase", () => {
  it("is not covered by a passage that has the phrase's words apart", () => {
    // BEAR writes "support matching" and "policy matching", never "flow matching".
    expect(search(index, "what is flow matching?").confident).toBe(false);
    expect(search(index, "what is flow matching?", { focus: "bear" }).confident).toBe(false);
    expect(search(index, "what is support matching?").confident).toBe(true);
  });

  it("is asked about first, whatever follows it, when the question opens 'what is'", () => {
    const flow = search(index, "what is flow matching and how does it constrain the policy?");
    expect(flow.confident).toBe(false);
    const support = search(index, "what is support matching and how does it constrain the policy?");
    expect(support.confident).toBe(true);
  });
});
