import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import {
  givesReflection,
  inOverviewSection,
  passageKinds,
  questionKinds,
} from "../../src/retrieval/passageKind.ts";
import { search } from "../../src/retrieval/search.ts";
import { fakePaper, fakePassage, fillerPapers } from "../helpers/papers.ts";

const passage = fakePassage;

describe("questionKinds", () => {
  it("reads what kind of answer a question asks for", () => {
    expect([...questionKinds("how does the controller pick skip connections?")]).toEqual([
      "method",
    ]);
    expect([...questionKinds("how many positions per second does it search?")]).toEqual([
      "results",
    ]);
    expect([...questionKinds("what range do they clip the weights to")]).toEqual(["results"]);
    expect([...questionKinds("which objective came out best when they compared them")]).toEqual([
      "results",
    ]);
    expect([...questionKinds("does mixup help with noisy labels")]).toEqual(["results"]);
    expect([...questionKinds("cbow vs skip-gram, what's the difference")]).toEqual(["overview"]);
  });

  it("reads nothing from most questions", () => {
    expect(questionKinds("which datasets did they train on?").size).toBe(0);
    expect(questionKinds("dropout vs weight decay").size).toBe(0);
  });
});

describe("passageKinds", () => {
  it("reads a passage's section from its headings", () => {
    expect([...passageKinds(passage("It samples.", ["Method"]))]).toEqual(["method"]);
    expect([...passageKinds(passage("It samples.", ["Notes", "How"]))]).toEqual(["method"]);
    expect([...passageKinds(passage("It samples.", ["Experiments"]))]).toEqual(["results"]);
  });

  it("reads the labels an outline writes as bullets", () => {
    const outline = "- **Results summary**\n  - beats the LSTM on every task";
    expect([...passageKinds(passage(outline))]).toEqual(["results"]);
    expect([...passageKinds(passage("TL;DR: a critic instead of a discriminator"))]).toEqual([
      "overview",
    ]);
  });

  it("counts a passage that writes figures as giving results", () => {
    expect(passageKinds(passage("They clip weights to [-0.01, 0.01].")).has("results")).toBe(true);
  });

  it("takes the summarizer's own view for none of them", () => {
    expect(passageKinds(passage("It samples.", ["What I liked"])).size).toBe(0);
    expect(passageKinds(passage("- My take on the method\n  - too slow")).size).toBe(0);
  });
});

describe("givesReflection", () => {
  it("reads the summarizer's view, and their notes unless the question compares", () => {
    expect(givesReflection(fakePassage("- neat trick", ["My take"]))).toBe(true);
    expect(givesReflection(fakePassage("- vs BigBird: no random attention", ["Notes"]))).toBe(true);
    expect(givesReflection(fakePassage("- vs BigBird: no random attention", ["Notes"]), true)).toBe(
      false,
    );
    expect(givesReflection(fakePassage("- two critics", ["How"]))).toBe(false);
  });
});

describe("inOverviewSection", () => {
  it("reads a section that says what the paper is, by its name", () => {
    for (const heading of ["What", "TL;DR", "Summary", "Overview"]) {
      expect(inOverviewSection(fakePassage("- a bot", [heading])), heading).toBe(true);
    }
    for (const heading of ["How", "Results summary", "My take", "Limitations"]) {
      expect(inOverviewSection(fakePassage("- a bot", [heading])), heading).toBe(false);
    }
    expect(inOverviewSection(fakePassage("- a bot"))).toBe(false);
  });
});

describe("the passage shown among those that match about as much", () => {
  const summary = [
    "## Thoughts",
    "",
    "The controller's skip connections are neat.",
    "",
    "## Method",
    "",
    "At each layer the controller emits, for every earlier layer, a sigmoid probability that it feeds the current one: those are the skip connections it samples.",
    "",
  ].join("\n");
  const index = buildIndex([
    { ...fakePaper(1, "Architecture search"), aliases: [], summary },
    ...fillerPapers(),
  ]);

  it("is in the kind of section the question asks for", () => {
    const how = search(index, "how does the controller choose skip connections?");
    expect(how.results[0]?.passage.headings).toEqual(["Method"]);
  });

  it("is the best match when the question asks for no kind", () => {
    const plain = search(index, "controller skip connections");
    expect(plain.results[0]?.passage.headings).toEqual(["Thoughts"]);
  });

  it("does not change how much the paper covers", () => {
    const how = search(index, "how does the controller choose skip connections?");
    const plain = search(index, "controller choose skip connections");
    expect(how.coverage).toBe(plain.coverage);
  });
});

describe("the passage that introduces a paper", () => {
  const outline = [
    "# Weight Normalization",
    "",
    "- How:",
    "    - in weight normalization the gradient of the direction is orthogonal to it",
    "    - so the norm of the direction vector can only grow during training, by Pythagoras",
    "    - a growing norm shrinks the effective learning rate, which makes training stable",
    "    - a data-dependent initialization sets the scale from one minibatch at the start",
    "- What:",
    "    - reparameterize each weight vector as a length times a unit direction",
    "    - decouples the norm from the direction for better-conditioned optimization",
    "    - motivated by batch normalization but with no dependence on the minibatch at all",
    "- Results:",
    "    - faster convergence than plain parameters on CIFAR-10 classification",
    "    - better bounds for convolutional variational autoencoders on MNIST and CIFAR-10",
    "    - improved scores for DQN on a few Atari games where batch statistics are noisy",
  ].join("\n");
  /** Salimans's paper with the given summary, beside one other. */
  const withSummary = (summary: string) =>
    buildIndex([
      { ...fakePaper(1, "Weight Normalization"), authors: ["Tim Salimans"], aliases: [], summary },
      {
        ...fakePaper(2, "Image captioning"),
        authors: ["Grace Hopper"],
        aliases: [],
        summary: "- About captions",
      },
    ]);
  const index = withSummary(outline);

  it("is under a heading that says what the paper does, as notes name it", () => {
    const headed = outline
      .replace("- How:", "## How it works")
      .replace("- What:", "## What it does")
      .replace("- Results:", "## What they found");
    const result = search(withSummary(headed), "what did Salimans propose in 2019?").results[0];
    expect(result?.passage.headings?.at(-1)).toBe("What it does");
  });

  it("is under a numbered or decorated 'What' heading", () => {
    for (const what of ["## 1. What", "## 🔍 What"]) {
      const headed = outline
        .replace("- How:", "## How")
        .replace("- What:", what)
        .replace("- Results:", "## Results");
      const result = search(withSummary(headed), "what did Salimans propose in 2019?").results[0];
      expect(result?.passage.text, what).toContain("unit direction");
    }
  });

  it("is the outline's 'What' bullet, under the summary's title heading", () => {
    const result = search(index, "what did Salimans propose in 2019?").results[0];
    expect(result?.paper.id).toBe("p1");
    expect(result?.passage.text.split("\n", 1)[0]).toBe("- What:");
  });
});
