import { describe, expect, it } from "vitest";
import { findPaper } from "../../src/lookup/findPaper.ts";
import { lookupPaper } from "../../src/lookup/lookupPaper.ts";
import { corpusIndex } from "../helpers/corpus.ts";

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
