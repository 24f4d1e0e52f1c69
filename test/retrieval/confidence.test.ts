import { describe, expect, it } from "vitest";
import { weighQuery } from "../../src/retrieval/confidence.ts";
import { corpusIndex } from "../helpers/corpus.ts";

const index = corpusIndex();

describe("weighQuery", () => {
  it("weighs a compound's joined spelling only when the corpus writes it so", () => {
    // No summary writes "testset": the question asks about a test set, no unseen topic.
    expect([...weighQuery(index, "test-set training", new Set()).keys()]).not.toContain("testset");
    // The summaries write "out-of-distribution", so the joined term is real evidence.
    expect([...weighQuery(index, "out-of-distribution", new Set()).keys()]).toContain(
      "outofdistribut",
    );
  });

  it("weighs a name joined to its number as the name, which the corpus may lack", () => {
    const weights = weighQuery(index, "how did phi-1 filter its code data?", new Set());
    // The seed corpus writes no "phi1": the question is about a model it has not summarized.
    const phi1 = weights.get("phi1") ?? 0;
    expect(phi1).toBeGreaterThan(Math.max(...[...weights.values()].filter((w) => w !== phi1)));
    // A year joined to a word is no model's name.
    expect([...weighQuery(index, "early-2020 scaling study", new Set()).keys()]).not.toContain(
      "early2020",
    );
  });

  it("weighs no LaTeX formatting command, which the index leaves out too", () => {
    // Found by fast-check: "\\frac" weighed as an unseen word no passage could ever match.
    expect([...weighQuery(index, String.raw`\frac{\frac{`, new Set()).keys()]).toEqual([]);
    expect([...weighQuery(index, String.raw`the \left( image`, new Set()).keys()]).toEqual([
      "imag",
    ]);
  });

  it("still weighs an unseen word the most", () => {
    const weights = weighQuery(index, "kubernetes dataset", new Set());
    expect(weights.get("kubernet")).toBeGreaterThan(weights.get("dataset") ?? 0);
  });

  it("weighs an unseen name written with figures as a name, not a figure or a venue", () => {
    // "PRM800K" names a dataset no summary has; "iccv17" and "32x32" place and measure.
    const weights = weighQuery(index, "prm800k size iccv17 32x32", new Set());
    const name = weights.get("prm800k") ?? 0;
    expect(name).toBeGreaterThan(1.5 * (weights.get("iccv17") ?? 0));
    expect(name).toBeGreaterThan(1.5 * (weights.get("32x32") ?? 0));
  });
});

describe("weighQuery: words written as names", () => {
  it("weighs a lab as the place a paper is from, however it is cased", () => {
    // "In that NVIDIA paper that splits the MLP across GPUs..." weighed NVIDIA as an unseen
    // name, twice what any summary word can, and the question was held to a higher bar.
    for (const lab of ["NVIDIA", "DeepMind", "OpenAI", "Stanford", "Montreal"]) {
      const cased = weighQuery(index, `that ${lab} paper on lottery tickets`, new Set());
      const plain = weighQuery(
        index,
        `that ${lab.toLowerCase()} paper on lottery tickets`,
        new Set(),
      );
      expect(cased.get(lab.toLowerCase()), lab).toBe(plain.get(lab.toLowerCase()));
    }
  });

  it("weighs a word cased as a name as a name, however common the English word it spells", () => {
    // "Albert" is an English first name; "ALBERT" is a model no summary has: an unseen name.
    const cased = weighQuery(index, "ALBERT parameter sharing", new Set());
    const plain = weighQuery(index, "albert parameter sharing", new Set());
    expect(cased.get("albert")).toBeGreaterThan(2 * (plain.get("albert") ?? 0));
  });

  it("weighs a word no summary has as a name before 'optimizer' or 'transformer'", () => {
    const named = weighQuery(index, "lion optimizer update rule", new Set());
    const described = weighQuery(index, "lion update rule", new Set());
    expect(named.get("lion")).toBeGreaterThan(2 * (described.get("lion") ?? 0));
    // A word the summaries have stays a word: "lottery" describes the tickets it always does.
    const known = weighQuery(index, "the lottery optimizer", new Set());
    expect(known.get("lotteri")).toBe(weighQuery(index, "the lottery", new Set()).get("lotteri"));
  });

  it("weighs a person's name no summary has as an unseen name, however it is cased", () => {
    // "Lora" is a first name in English, so "how does lora work?" weighed its one word as an
    // English word, half what an unseen name weighs, and a summary of other fine-tuning answered.
    const plain = weighQuery(index, "how does lora work for fine-tuning?", new Set());
    const cased = weighQuery(index, "how does LoRA work for fine-tuning?", new Set());
    expect(plain.get("lora")).toBeGreaterThan((cased.get("lora") ?? 0) / 2);
    // A place research comes from is no work: "the stanford ranker" weighs "stanford" as the
    // everyday word subtitles make it.
    const place = weighQuery(index, "the stanford ranker", new Set());
    expect(place.get("stanford")).toBeLessThan((cased.get("lora") ?? 0) / 2);
  });

  it("reads an English word before 'paper' as a description, not a name", () => {
    // "that ray marching paper" is NeRF described; "marching" is no model's name.
    const described = weighQuery(index, "that ray marching paper", new Set());
    expect(described.get("march")).toBe(weighQuery(index, "ray marching", new Set()).get("march"));
  });

  it("reads nothing into the casing of a question written all in capitals", () => {
    const shouted = weighQuery(index, "ALBERT PARAMETER SHARING", new Set());
    const plain = weighQuery(index, "albert parameter sharing", new Set());
    expect(shouted).toEqual(plain);
  });
});
