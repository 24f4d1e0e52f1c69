import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { search } from "../../src/retrieval/search.ts";
import { opensWithUnknownLabel } from "../../src/retrieval/topicLabel.ts";
import { fakePaper } from "../helpers/papers.ts";

const sinkhorn = {
  ...fakePaper(1, "Sinkhorn Distances"),
  aliases: ["Sinkhorn"],
  summary: [
    "- Entropic regularization makes optimal transport fast: matrix scaling instead of a linear program",
    "- Low-rank kernels speed it up further; the rank of the kernel trades accuracy for speed",
    "- Used for domain adaptation, where weight matrices map one distribution onto another",
  ].join("\n"),
};
const fillers = ["image captioning", "graph attention", "protein folding", "object detection"];
const index = buildIndex([
  sinkhorn,
  ...fillers.map((topic, at) => ({
    ...fakePaper(10 + at, topic),
    aliases: [],
    summary: `- A paper about ${topic} and nothing else`,
  })),
]);

describe("opensWithUnknownLabel", () => {
  it("is true for a label no summary has a word of", () => {
    expect(opensWithUnknownLabel(index, "lora: which weight matrices get adapters?")).toBe(true);
    expect(opensWithUnknownLabel(index, "qlora paper: what rank do they use?")).toBe(true);
    expect(opensWithUnknownLabel(index, "hypertune — what rank do they use?")).toBe(true);
  });

  it("is false for a label the corpus has, in any field", () => {
    expect(opensWithUnknownLabel(index, "sinkhorn: what rank do they use?")).toBe(false);
    expect(opensWithUnknownLabel(index, "low-rank kernels: what rank?")).toBe(false);
    expect(opensWithUnknownLabel(index, "Lovelace: what did they propose?")).toBe(false);
  });

  it("is false for a description or a lab, which say no name", () => {
    expect(opensWithUnknownLabel(index, "that deepmind paper - why so slow?")).toBe(false);
    expect(opensWithUnknownLabel(index, "openai: what rank?")).toBe(false);
  });

  it("is false for a question without a label", () => {
    expect(opensWithUnknownLabel(index, "which weight matrices does lora adapt?")).toBe(false);
    expect(opensWithUnknownLabel(index, "how does lora work: any idea?")).toBe(false);
  });
});

describe("search and a question labelled with a name the corpus lacks", () => {
  const question = "which weight matrices get the low-rank kernels, and what rank do they use?";

  it("answers the words when no label says otherwise", () => {
    expect(search(index, question).confident).toBe(true);
  });

  it("declines when the label names what the corpus lacks", () => {
    const response = search(index, `lora: ${question}`);
    expect(response.results[0]?.paper.id).toBe("p1");
    expect(response.confident).toBe(false);
  });

  it("still answers a thread's paper", () => {
    expect(search(index, `lora: ${question}`, { focus: "p1" }).confident).toBe(true);
  });
});
