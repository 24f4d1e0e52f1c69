import { describe, expect, it } from "vitest";
import { readSections } from "../../src/text/markdownBlocks.ts";

const NOTES = `## What

- First-order optimizer
  - "Adam" = adaptive moment estimation
  - RMSProp + momentum
- Cheap, little memory

## How

### Bias correction

1. both EMAs start at 0
2. divide by \`(1 - beta1^t)\`

**Results:**

| model | top-5 error |
| --- | --- |
| VGG | 7.3% |
| ResNet | 3.6% |
`;

describe("readSections", () => {
  it("reads the heading path of each section, bold lines counting as headings", () => {
    expect(readSections(NOTES).map((s) => s.headings)).toEqual([
      ["What"],
      ["How", "Bias correction"],
      ["How", "Bias correction", "Results"],
    ]);
  });

  it("keeps a bullet's sub-bullets under it", () => {
    const [what] = readSections(NOTES);
    expect(what?.blocks).toEqual([
      {
        kind: "list",
        items: [
          {
            text: "First-order optimizer",
            marker: "-",
            children: [
              { text: '"Adam" = adaptive moment estimation', marker: "-", children: [] },
              { text: "RMSProp + momentum", marker: "-", children: [] },
            ],
          },
          { text: "Cheap, little memory", marker: "-", children: [] },
        ],
      },
    ]);
  });

  it("reads numbered lists and tables", () => {
    const sections = readSections(NOTES);
    expect(sections[1]?.blocks[0]).toMatchObject({
      kind: "list",
      items: [{ marker: "1." }, { marker: "2." }],
    });
    expect(sections[2]?.blocks[0]).toEqual({
      kind: "table",
      header: ["model", "top-5 error"],
      rows: [
        ["VGG", "7.3%"],
        ["ResNet", "3.6%"],
      ],
    });
  });

  it("joins a wrapped line to the item it continues", () => {
    const [section] = readSections("- a long item that\n  wraps onto the next line\n- second");
    expect(section?.blocks[0]).toMatchObject({
      items: [{ text: "a long item that wraps onto the next line" }, { text: "second" }],
    });
  });

  it("lets a list interrupt a paragraph, as notes write 'Results:' above their items", () => {
    const [section] = readSections("Results:\n- 7.1% top-5\n- 3.6% with an ensemble");
    expect(section?.blocks.map((b) => b.kind)).toEqual(["paragraph", "list"]);
  });

  it("reads labels as section names when notes name their parts with them", () => {
    const plain =
      "What:\n- scale each weight vector\n\nHow:\n- project the gradient\n- init from one batch";
    expect(readSections(plain).map((s) => s.headings)).toEqual([["What"], ["How"]]);
    expect(readSections(plain)[1]?.blocks).toEqual([
      {
        kind: "list",
        items: [
          { text: "project the gradient", marker: "-", children: [] },
          { text: "init from one batch", marker: "-", children: [] },
        ],
      },
    ]);
    const bold = "**TL;DR:** a critic instead of a discriminator.\n\n**How:** clip the weights.";
    expect(readSections(bold)).toEqual([
      {
        headings: ["TL;DR"],
        blocks: [{ kind: "paragraph", text: "a critic instead of a discriminator." }],
      },
      { headings: ["How"], blocks: [{ kind: "paragraph", text: "clip the weights." }] },
    ]);
  });

  it("reads a lone label above a list as the sentence that introduces it", () => {
    const sections = readSections("They evaluate on:\n- CIFAR-10\n- ImageNet");
    expect(sections.map((s) => s.headings)).toEqual([[]]);
    expect(sections[0]?.blocks[0]).toEqual({ kind: "paragraph", text: "They evaluate on:" });
  });

  it("reads setext headings, and thematic breaks as nothing", () => {
    const sections = readSections(
      "Method\n======\n\nIt samples.\n\n---\n\nResults\n-------\n- 7.1% top-5",
    );
    expect(sections.map((s) => s.headings)).toEqual([["Method"], ["Method", "Results"]]);
    expect(sections[0]?.blocks).toEqual([{ kind: "paragraph", text: "It samples." }]);
  });

  it("keeps fenced code whole and does not read headings inside it", () => {
    const sections = readSections("Intro.\n\n```\n# not a heading\nx = 1\n```\n");
    expect(sections).toHaveLength(1);
    expect(sections[0]?.blocks[1]).toEqual({ kind: "code", text: "# not a heading\nx = 1" });
  });

  it("reads a one-line prose export as one paragraph with no structure", () => {
    const sections = readSections("Kumar et al. propose BEAR. It works - mostly - well.");
    expect(sections).toEqual([
      {
        headings: [],
        blocks: [
          { kind: "paragraph", text: "Kumar et al. propose BEAR. It works - mostly - well." },
        ],
      },
    ]);
  });
});
