import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { countedTerms, countsIn } from "../../src/retrieval/countAsked.ts";
import { search } from "../../src/retrieval/search.ts";
import { fakePaper, fillerPapers } from "../helpers/papers.ts";

describe("countedTerms", () => {
  it("reads what a 'how many' or 'how much' question counts", () => {
    expect(countedTerms("openai five how many heroes were allowed in the pool")).toContain("hero");
    expect(countedTerms("ENAS: how many gpu-days did the search take?")).toEqual(
      expect.arrayContaining(["gpu", "day"]),
    );
    expect(countedTerms("how much memory does a 1000x1000 layer need?")).toEqual(["memori"]);
  });

  it("is undefined for a question that counts nothing, or counts by a verb", () => {
    expect(countedTerms("why does the pool hold heroes?")).toBeUndefined();
    expect(countedTerms("how much does performance drop without it?")).toBeUndefined();
  });
});

describe("countsIn", () => {
  const heroes = countedTerms("how many heroes were allowed?") ?? [];

  it("is true for a figure just before what is counted", () => {
    expect(countsIn("- pool of **17 heroes** (of ~115)", heroes)).toBe(true);
    expect(countsIn("- 17 playable heroes in the pool", heroes)).toBe(true);
    expect(countsIn("search cost | ~0.45 GPU-days", countedTerms("how many gpu-days?") ?? [])).toBe(
      true,
    );
  });

  it("is false for a figure far from it, or none", () => {
    expect(countsIn("- 17 kinds of items, couriers and heroes", heroes)).toBe(false);
    expect(countsIn("- heroes picked by a drafting bot", heroes)).toBe(false);
  });
});

describe("search and a question that counts", () => {
  const five = {
    ...fakePaper(1, "Dota 2 with Large Scale Deep Reinforcement Learning"),
    aliases: ["OpenAI Five"],
    summary: [
      "## What",
      "- A Dota 2 agent trained with PPO and self-play at huge scale",
      "## How",
      "- Observations: floats from the bot API, 20k of them; per-hero embeddings pooled, heroes share an LSTM, each hero's state pooled again",
      "## Setup",
      "- Restrictions: a pool of 17 heroes; no summons or illusions",
      "## Results",
      "- Beat the world champions 2-0 in April 2019",
    ].join("\n"),
  };
  const index = buildIndex([five, ...fillerPapers()]);

  // The observations match "heroes" and "pool" as much, and more often: without the count's share
  // they are shown.
  it("shows the passage that gives the count", () => {
    const response = search(index, "openai five: how many heroes were allowed in the pool?");
    expect(response.results[0]?.passage.text).toContain("17 heroes");
  });
});
