import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { search } from "../../src/retrieval/search.ts";
import { fakePaper } from "../helpers/papers.ts";

const method = [
  "## Method",
  "",
  "Many actors run in parallel, each with its own copy of the environment.",
  "Each actor computes n-step returns and sends gradients to a shared learner.",
  "The learner applies them without locks, so updates are cheap and frequent.",
  "An entropy bonus keeps the policy from collapsing too early.",
  "",
].join("\n");
const laterWork = "Later work such as Impala adds a trace correction for the lag between actors.";
const paper = (n: number, title: string, summary: string) => ({
  ...fakePaper(n, title),
  aliases: [],
  summary,
});
const fillers = ["image captioning", "speech recognition", "graph attention", "protein folding"];
const corpus = (first: string) =>
  buildIndex([
    paper(1, "Asynchronous actors", first),
    ...fillers.map((t, i) => paper(10 + i, t, `- A paper about ${t} and nothing else`)),
  ]);

describe("a summary that mentions the question's subject only in passing", () => {
  const question = "how exactly does the Impala trace correction work";

  it("covers the question half as much as one about that subject", () => {
    const passing = search(corpus(`${method}## Open questions\n\n${laterWork}\n`), question);
    const about = search(corpus(`${laterWork}\n\n${method}`), question);
    expect(passing.results[0]?.paper.id).toBe("p1");
    expect(about.results[0]?.paper.id).toBe("p1");
    expect(passing.coverage).toBeCloseTo(about.coverage / 2, 2);
  });

  it("is about a word it uses twice or more", () => {
    const twice = `${method}## Open questions\n\n${laterWork} Impala is also much faster.\n`;
    const about = search(corpus(`${laterWork}\n\n${method}`), question);
    expect(search(corpus(twice), question).coverage).toBeCloseTo(about.coverage, 2);
  });

  it("never takes a number for a passing mention: a summary states each figure once", () => {
    const results =
      "## Results\n\nThe grids are 32x32 and 64x64, and the top-1 error drops to 21.7.\n";
    const numbers = "which setup reached 21.7 with 32x32 grids";
    const once = search(corpus(`${method}${results}`), numbers);
    const opening = search(corpus(`${results}\n${method}`), numbers);
    expect(once.results[0]?.paper.id).toBe("p1");
    expect(once.coverage).toBeCloseTo(opening.coverage, 2);
  });
});
