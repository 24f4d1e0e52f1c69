import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/loadCorpus.ts";
import { findMentions } from "../../src/lookup/findMentions.ts";
import { findPaper } from "../../src/lookup/findPaper.ts";
import { lookupPaper } from "../../src/lookup/lookupPaper.ts";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { CORPUS_DIR, corpusIndex } from "../helpers/corpus.ts";
import { fakePaper } from "../helpers/papers.ts";

const { names } = corpusIndex();
const find = (name: string) => lookupPaper(names, name).paper?.id;

describe("lookupPaper", () => {
  it("finds a paper by id, alias and title, ignoring case", () => {
    expect(find("mixmatch")).toBe("mixmatch");
    expect(find("BEAR")).toBe("bear");
    expect(find("Deconstructing Lottery Tickets: Zeros, Signs, and the Supermask")).toBe(
      "deconstructing-lottery-tickets",
    );
  });

  it('finds "vq vae 2", "VQVAE2" and "vq-vae2" as VQ-VAE-2', () => {
    for (const name of ["vq vae 2", "VQVAE2", "vq-vae2"]) expect(find(name), name).toBe("vq-vae-2");
  });

  it('finds "mix match" and the typo "mixmtach" as MixMatch', () => {
    expect(find("mix match")).toBe("mixmatch");
    expect(find("mixmtach")).toBe("mixmatch");
    expect(find("supermaks")).toBe("deconstructing-lottery-tickets");
  });

  it("finds a paper by arXiv id in any common form", () => {
    for (const name of [
      "1905.02249",
      "arXiv:1905.02249",
      "1905.02249v3",
      "https://arxiv.org/abs/1905.02249",
    ]) {
      expect(find(name), name).toBe("mixmatch");
    }
  });

  it("finds a paper by the start of its title", () => {
    expect(find("one ticket to win them all")).toBe("one-ticket");
    expect(find("why can't i dance")).toBe("scene-bias");
  });

  it("does not take another paper's name for a typo", () => {
    expect(find("fixmatch")).toBeUndefined();
    expect(lookupPaper(names, "fixmatch").suggestions[0]?.id).toBe("mixmatch");
  });

  it("matches neither paper when a name fits two, and suggests both", () => {
    const result = findPaper(corpusIndex(), "lottery");
    expect(result.paper).toBeUndefined();
    expect(result.suggestions.map((p) => p.id).sort()).toEqual(
      expect.arrayContaining(["deconstructing-lottery-tickets", "one-ticket"]),
    );
  });

  it("finds nothing for an empty or unrelated name", () => {
    expect(find("")).toBeUndefined();
    expect(find("pizza")).toBeUndefined();
    // No typo is forgiven in a three-letter acronym: "snip" is not SNI.
    expect(find("snip")).toBeUndefined();
  });
});

describe("lookupPaper by DOI and old-style arXiv id (#17)", () => {
  const journal = {
    ...fakePaper(1, "Deep Learning in Neural Networks: An Overview"),
    id: "deep-learning-overview",
    arxiv: undefined,
    doi: "10.1016/j.neunet.2014.09.003",
    url: "https://doi.org/10.1016/j.neunet.2014.09.003",
    aliases: [],
    summary: "Deep learning in neural networks, an overview of the field.",
  };
  const oldStyle = {
    ...fakePaper(2, "Knots in Old Style"),
    id: "knots",
    arxiv: "math.GT/0309136",
    url: "https://arxiv.org/abs/math/0309136",
    aliases: [],
    summary: "A paper about knots.",
  };
  const index = buildIndex([...loadCorpus(CORPUS_DIR).papers, journal, oldStyle]);
  const findIn = (name: string) => lookupPaper(index.names, name).paper?.id;

  it("finds a paper by its DOI bare, with doi:, as a doi.org URL, in any case", () => {
    for (const name of [
      "10.1016/j.neunet.2014.09.003",
      "doi:10.1016/j.neunet.2014.09.003",
      "https://doi.org/10.1016/j.neunet.2014.09.003",
      "10.1016/J.NEUNET.2014.09.003",
    ]) {
      expect(findIn(name), name).toBe("deep-learning-overview");
    }
  });

  it("never takes a DOI one digit off for the paper's", () => {
    expect(findIn("10.1016/j.neunet.2014.09.004")).toBeUndefined();
  });

  it("finds an old-style id with or without its subject class, as a URL too", () => {
    for (const name of [
      "math.GT/0309136",
      "math/0309136",
      "https://arxiv.org/abs/math/0309136v2",
    ]) {
      expect(findIn(name), name).toBe("knots");
    }
  });

  it("finds the paper a question names by DOI", () => {
    const mentions = findMentions(index.names, "what does 10.1016/j.neunet.2014.09.003 cover?");
    expect(mentions.map((m) => [m.paper.id, m.by])).toEqual([["deep-learning-overview", "doi"]]);
  });
});
