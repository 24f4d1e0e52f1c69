import { describe, expect, it } from "vitest";
import { splitSentences, splitUnits } from "../../src/text/sentences.ts";

describe("splitSentences", () => {
  it('keeps "et al." inside a sentence', () => {
    expect(splitSentences("Kumar et al. propose BEAR. It works.")).toEqual([
      "Kumar et al. propose BEAR.",
      "It works.",
    ]);
  });

  it('keeps "e.g." and "i.e." inside a sentence even before a capital', () => {
    expect(
      splitSentences(
        "They use augmentations, e.g. Crops and flips. They maximize it, i.e. The loss.",
      ),
    ).toEqual([
      "They use augmentations, e.g. Crops and flips.",
      "They maximize it, i.e. The loss.",
    ]);
  });

  it("does not split decimals", () => {
    expect(splitSentences("A parameter of 0.75 gives 0.25 negative. Next.")).toEqual([
      "A parameter of 0.75 gives 0.25 negative.",
      "Next.",
    ]);
  });

  it('does not split after "1 Mio." or "1Mio."', () => {
    expect(splitSentences("Batches of 1 Mio. Samples are used. Of 1Mio. Samples too.")).toEqual([
      "Batches of 1 Mio. Samples are used.",
      "Of 1Mio. Samples too.",
    ]);
  });

  it("never splits inside inline math", () => {
    const text = "The bound is $C(\\Pi) = 1. Then \\alpha$ holds. Next sentence.";
    expect(splitSentences(text)).toEqual([
      "The bound is $C(\\Pi) = 1. Then \\alpha$ holds.",
      "Next sentence.",
    ]);
  });

  it("never splits inside a URL or a Markdown link", () => {
    expect(
      splitSentences(
        "See [davidstutz.de](https://davidstutz.de/A. B/) for more. Also https://x.org/a. B ok.",
      ),
    ).toEqual([
      "See [davidstutz.de](https://davidstutz.de/A. B/) for more.",
      "Also https://x.org/a. B ok.",
    ]);
  });

  it("treats an initial as part of a name", () => {
    expect(splitSentences("[1] Jeremy M. Cohen and J. Zico Kolter. Certified Robustness.")).toEqual(
      ["[1] Jeremy M. Cohen and J. Zico Kolter.", "Certified Robustness."],
    );
  });

  it("splits inline list items and drops their markers", () => {
    expect(splitSentences("Ways to reduce capacity are: - Apply L2 - Apply dropout")).toEqual([
      "Ways to reduce capacity are:",
      "Apply L2",
      "Apply dropout",
    ]);
  });

  it("removes the export's empty-image artifact", () => {
    expect(splitSentences("The end. ![]() |")).toEqual(["The end."]);
  });
});

describe("splitUnits", () => {
  it("makes a figure link between sentences a unit of its own", () => {
    const units = splitUnits("First part: https://i.imgur.com/zUw7XNt.png The next one.");
    expect(units.map((u) => (u.kind === "figure" ? `fig ${u.url}` : u.text))).toEqual([
      "First part:",
      "fig https://i.imgur.com/zUw7XNt.png",
      "The next one.",
    ]);
  });

  it("recognizes Markdown images as figures", () => {
    const units = splitUnits("Look. ![diagram](https://example.org/d.png) Done.");
    expect(units.filter((u) => u.kind === "figure")).toMatchObject([
      { url: "https://example.org/d.png" },
    ]);
  });
});
