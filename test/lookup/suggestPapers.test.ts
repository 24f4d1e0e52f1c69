import { describe, expect, it } from "vitest";
import { generatePapers } from "../../bench/syntheticCorpus.ts";
import { loadCorpus } from "../../src/corpus/loadCorpus.ts";
import { MAX_AUTOCOMPLETE_CHOICES, suggestPapers } from "../../src/lookup/suggestPapers.ts";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { CORPUS_DIR, corpusIndex } from "../helpers/corpus.ts";

const index = corpusIndex();
const ids = (prefix: string, limit?: number) =>
  suggestPapers(index, prefix, limit).map((s) => s.id);

describe("suggestPapers", () => {
  it('offers MixMatch for "mix", with the name that matched', () => {
    expect(suggestPapers(index, "mix")[0]).toEqual({
      id: "mixmatch",
      title: "MixMatch: A Holistic Approach to Semi-Supervised Learning",
      name: "MixMatch",
    });
  });

  it('forgives case, spaces and hyphens: "vq vae", "VQ-VAE" and "vqvae" offer VQ-VAE-2', () => {
    for (const typed of ["vq vae", "VQ-VAE", "vqvae", "Vq Vae 2"]) {
      expect(ids(typed)[0], typed).toBe("vq-vae-2");
    }
  });

  it("offers a paper by the start of its arXiv id or of a later word of its title", () => {
    expect(ids("1905.022")).toEqual(["mixmatch"]);
    expect(ids("holistic appro")).toEqual(["mixmatch"]);
  });

  it("offers every paper a prefix fits, each once", () => {
    const lottery = ids("lottery");
    expect(lottery).toEqual(expect.arrayContaining(["deconstructing-lottery-tickets"]));
    expect(new Set(lottery).size).toBe(lottery.length);
  });

  it("offers nothing for what starts no name", () => {
    expect(suggestPapers(index, "zzzz")).toEqual([]);
  });

  it("offers the first papers when nothing is typed yet", () => {
    expect(ids("")).toHaveLength(9);
    expect(ids("", 2)).toHaveLength(2);
  });

  it("never offers more than Discord's 25 choices, even in a large corpus", () => {
    const synthetic = generatePapers(400, CORPUS_DIR, 3).map(({ meta, summary }) => ({
      ...meta,
      summary,
      file: `${meta.id}.md`,
      figures: [],
    }));
    const large = buildIndex([...loadCorpus(CORPUS_DIR).papers, ...synthetic]);
    for (const typed of ["", "l", "le", "learning", "t"]) {
      const offered = suggestPapers(large, typed);
      expect(offered.length, typed).toBeLessThanOrEqual(MAX_AUTOCOMPLETE_CHOICES);
      expect(new Set(offered.map((s) => s.id)).size).toBe(offered.length);
    }
    expect(suggestPapers(large, "l").length).toBe(MAX_AUTOCOMPLETE_CHOICES);
  });
});
