import { describe, expect, it } from "vitest";
import { CARD_SUMMARY_CHARS, paperCard } from "../../src/answer/paperCard.ts";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { corpusIndex } from "../helpers/corpus.ts";
import { fakePaper } from "../helpers/papers.ts";

function cardOf(summary: string): string {
  const paper = { ...fakePaper(1, "Addressing Function Approximation Error"), summary };
  const other = { ...fakePaper(2, "Image captioning"), aliases: [], summary: "- About captions" };
  return paperCard(buildIndex([paper, other]), paper).summary;
}

describe("paperCard", () => {
  it("gives notes' overview part as a list, without its label, not bullets run into sentences", () => {
    const notes = [
      "- What",
      "    - Overestimation bias also exists in deterministic actor-critic",
      "    - Proposes TD3: DDPG plus three fixes",
      "- How",
      "    - Fix 1: clipped double Q-learning",
    ].join("\n");
    expect(cardOf(notes)).toBe(
      "- Overestimation bias also exists in deterministic actor-critic\n- Proposes TD3: DDPG plus three fixes",
    );
  });

  it("stops at the overview's end: no heading or method step spills in", () => {
    const notes = "## What\n- Big CNN on ImageNet\n\n## How\n- ReLU instead of tanh";
    expect(cardOf(notes)).toBe("- Big CNN on ImageNet");
  });

  it("gives the lead before the first heading when no part is named as the overview", () => {
    const notes = "TL;DR: vector capsules, routed by agreement.\n\n## How\n- Squash the vectors";
    expect(cardOf(notes)).toBe("TL;DR: vector capsules, routed by agreement.");
  });

  it("keeps whole lines within the card's length", () => {
    const line = `- ${"word ".repeat(40).trim()}`;
    const card = cardOf(["## What", line, line, line].join("\n"));
    expect(card.length).toBeLessThanOrEqual(CARD_SUMMARY_CHARS);
    expect(card.split("\n").every((l) => l === line)).toBe(true);
  });

  it("gives running prose its sentences from the one introducing the paper, as before", () => {
    const index = corpusIndex();
    const mixmatch = index.papers.get("mixmatch");
    if (!mixmatch) throw new Error("the seed corpus has no mixmatch");
    const card = paperCard(index, mixmatch).summary;
    expect(card.length).toBeLessThanOrEqual(CARD_SUMMARY_CHARS);
    expect(card).not.toContain("\n");
    expect(card).toMatch(/[.!?]$/);
  });
});
