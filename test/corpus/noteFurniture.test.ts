import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPaperFile } from "../../src/corpus/loadCorpus.ts";
import { withoutNoteFurniture } from "../../src/corpus/noteFurniture.ts";

const meta = { title: "Layer Normalization", aliases: ["LayerNorm"] };

const repoNotes = `# Layer Normalization

* Authors: Jimmy Lei Ba, Jamie Ryan Kiros, Geoffrey E. Hinton
* Link: https://arxiv.org/abs/1607.06450
* **Tags:** normalization
* Year: 2016

* What
  * Normalizes over the hidden units of a layer, per example.
    * ![Formula](images/Layer_Normalization__formula.jpg?raw=true "Formula")
* Results
  * Speeds up RNN training.
  * <img src="images/results.png" width="500">
  * Worse than batch norm for ConvNets. ![Plot](https://example.org/plot.png)
  * <img src="https://example.org/curves.png" width="400">`;

describe("withoutNoteFurniture", () => {
  it("drops the title heading, the metadata lines and images saved beside the notes", () => {
    expect(withoutNoteFurniture(repoNotes, meta)).toBe(`* What
  * Normalizes over the hidden units of a layer, per example.
* Results
  * Speeds up RNN training.
  * Worse than batch norm for ConvNets. ![Plot](https://example.org/plot.png)
  * <img src="https://example.org/curves.png" width="400">`);
  });

  it("reads a setext title, an alias heading and a link line with a Markdown link", () => {
    const notes =
      "LayerNorm\n=========\n\nPaper: [arXiv](https://arxiv.org/abs/1607.06450)\n\n## What\n- normalize per example";
    expect(withoutNoteFurniture(notes, meta)).toBe("## What\n- normalize per example");
  });

  it("reads a title heading as templates dress it: a link, an emoji, 'Notes on', a year", () => {
    for (const heading of [
      "# [Layer Normalization](https://arxiv.org/abs/1607.06450)",
      "# 📄 Layer Normalization (2016)",
      "## Notes on: Layer Normalization",
      "# Paper: LayerNorm [arXiv 2016]",
    ]) {
      expect(withoutNoteFurniture(`${heading}\n\n## What\n- per example`, meta), heading).toBe(
        "## What\n- per example",
      );
    }
  });

  it("keeps notes that only look like metadata: a heading that is not the title, a 'Paper:' note", () => {
    const notes =
      "# Why it works\nPaper: proposes normalizing per example.\n- Authors: note the trick";
    expect(withoutNoteFurniture(notes, meta)).toBe(notes);
  });

  it("keeps metadata-like lines below the first note, where they are notes", () => {
    const notes =
      "TL;DR: normalize per example.\n\n- Code: https://github.com/x/y is the reference";
    expect(withoutNoteFurniture(notes, meta)).toBe(notes);
  });

  it("keeps a summary that is nothing but furniture", () => {
    expect(withoutNoteFurniture("Authors: A. Person\nYear: 2016", meta)).toBe(
      "Authors: A. Person\nYear: 2016",
    );
  });

  it("never adds text and never leaves an empty result from a summary that had words", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (summary) => {
        const cleaned = withoutNoteFurniture(summary, meta);
        expect(cleaned.length).toBeLessThanOrEqual(summary.trim().length);
        if (summary.trim()) expect(cleaned).not.toBe("");
      }),
    );
  });
});

describe("loading a summary laid out as in a notes repository", () => {
  it("keeps web figures as the paper's figures and indexes none of the furniture", () => {
    const source = `---
id: layer-norm
title: "Layer Normalization"
authors: [Jimmy Lei Ba, Jamie Ryan Kiros, Geoffrey E. Hinton]
year: 2016
venue: arXiv
url: https://arxiv.org/abs/1607.06450
aliases: [LayerNorm]
added: 2026-12-01
---

${repoNotes}
`;
    const { paper, problems } = readPaperFile("/corpus/layer-norm.md", source);
    expect(problems).toEqual([]);
    expect(paper?.summary.startsWith("* What")).toBe(true);
    expect(paper?.summary).not.toMatch(/images\/|Authors:|raw=true/);
    expect(paper?.figures).toEqual([
      "https://example.org/plot.png",
      "https://example.org/curves.png",
    ]);
  });
});
