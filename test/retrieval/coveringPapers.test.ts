import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { coveringPapers, searchPaper } from "../../src/retrieval/search.ts";
import { fakePaper } from "../helpers/papers.ts";

const paper = (n: number, title: string, summary: string, aliases: string[] = []) => ({
  ...fakePaper(n, title),
  aliases,
  summary,
});
const index = buildIndex([
  paper(1, "Batch Normalization", "- Normalize each activation with mini-batch statistics", ["BN"]),
  paper(2, "Layer Normalization", "- Unlike batch normalization, statistics over the hidden units"),
  paper(3, "Real NVP", "- A normalizing flow of affine coupling layers with exact likelihood"),
  paper(4, "Glow", "- A flow with invertible 1x1 convolutions; coupling layers as in Real NVP"),
  paper(5, "Weight decay", "- Normalizing the weights is not what flows through the network"),
  // Papers on other things, so that the topic's words are rare, as in a real corpus.
  ...["policy gradients", "image captioning", "speech recognition", "graph attention"].map((t, i) =>
    paper(10 + i, t, `- A paper about ${t} and nothing else`),
  ),
]);

describe("coveringPapers", () => {
  it("lists every paper that writes a topic of several words as a phrase, best first", () => {
    const ids = coveringPapers(index, "batch normalization").map((r) => r.paper.id);
    expect(ids[0]).toBe("p1");
    expect(ids).toContain("p2");
    expect(ids).not.toContain("p5");
  });

  it("leaves out a paper that has the topic's words only apart", () => {
    const ids = coveringPapers(index, "normalizing flow").map((r) => r.paper.id);
    expect(ids).toContain("p3");
    expect(ids).not.toContain("p5");
  });

  it("lists nothing for a topic no summary covers", () => {
    expect(coveringPapers(index, "kubernetes operators")).toEqual([]);
  });
});

describe("searchPaper", () => {
  it("gives one paper's own best passage for a question, whatever ranks first", () => {
    const result = searchPaper(index, "coupling layers", "p4");
    expect(result?.paper.id).toBe("p4");
    expect(result?.passage.text).toContain("invertible 1x1");
  });
});
