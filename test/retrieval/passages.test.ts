import { describe, expect, it } from "vitest";
import { splitPassages } from "../../src/retrieval/passages.ts";

const options = { minChars: 20, maxSentences: 2, maxChars: 200 };

describe("splitPassages", () => {
  it("cuts overlapping passages: each shares its last sentence with the next", () => {
    const passages = splitPassages(
      "p",
      "One is here. Two is here. Three is here. Four is here.",
      0,
      options,
    );
    expect(passages.map((p) => p.text)).toEqual([
      "One is here. Two is here.",
      "Two is here. Three is here.",
      "Three is here. Four is here.",
    ]);
    expect(passages.map((p) => p.id)).toEqual([0, 1, 2]);
  });

  it("numbers passages from the given first id", () => {
    expect(splitPassages("p", "One is here. Two is here.", 7, options)[0]?.id).toBe(7);
  });

  it("gives a passage the figure inside it", () => {
    const [first] = splitPassages(
      "p",
      "Look at this: https://i.imgur.com/a.png It shows it. Then more.",
      0,
      options,
    );
    expect(first?.text).toBe("Look at this: It shows it.");
    expect(first?.figures).toEqual(["https://i.imgur.com/a.png"]);
  });

  it("gives a passage without a figure the nearest one after it", () => {
    const summary = "Alpha one. Beta two. Gamma three. https://i.imgur.com/b.png Delta four.";
    const [first] = splitPassages("p", summary, 0, options);
    expect(first?.text).toBe("Alpha one. Beta two.");
    expect(first?.figures).toEqual(["https://i.imgur.com/b.png"]);
  });

  it("falls back to the nearest figure before it at the end of a summary", () => {
    const summary = "Alpha one. https://i.imgur.com/c.png Beta two. Gamma three. Delta four.";
    const passages = splitPassages("p", summary, 0, options);
    expect(passages.at(-1)?.figures).toEqual(["https://i.imgur.com/c.png"]);
  });

  it("has no figures for a summary without any", () => {
    expect(splitPassages("p", "No figure. None at all.", 0, options)[0]?.figures).toEqual([]);
  });
});

describe("splitPassages on structured notes", () => {
  const notes = [
    "## What",
    "",
    "- Residual learning for very deep nets",
    "- Identity shortcuts add no parameters",
    "",
    "## Results",
    "",
    "- ImageNet top-5 error (single model):",
    "  - 4.49% for ResNet-152",
    "  - 7.1% for VGG",
    "- COCO detection: 28% relative improvement",
  ].join("\n");

  it("never cuts a bullet from its sub-bullets: the number stays with its label", () => {
    const passages = splitPassages("resnet", notes);
    const results = passages.find((p) => p.text.includes("top-5 error"));
    expect(results?.text).toContain("4.49% for ResNet-152");
    expect(results?.text).toContain("7.1% for VGG");
  });

  it("keeps passages inside their section and gives each its headings", () => {
    const passages = splitPassages("resnet", notes);
    expect(passages.map((p) => p.headings)).toEqual([["What"], ["Results"]]);
    expect(passages[0]?.text).not.toContain("ImageNet");
  });

  it("reads notes that label their parts ('What:', '**Results:**') as they read headings", () => {
    const labelled = notes
      .replace("## What", "What:")
      .replace("## Results", "**Results:** on ImageNet and COCO");
    const passages = splitPassages("resnet", labelled);
    expect(passages.map((p) => p.headings)).toEqual([["What"], ["Results"]]);
    expect(passages[0]?.text).not.toContain("ImageNet");
    expect(passages[1]?.text.startsWith("on ImageNet and COCO")).toBe(true);
  });

  it("writes list items on lines of their own, sub-items indented", () => {
    const [, results] = splitPassages("resnet", notes);
    expect(results?.text).toBe(
      [
        "- ImageNet top-5 error (single model):",
        "  - 4.49% for ResNet-152",
        "  - 7.1% for VGG",
        "- COCO detection: 28% relative improvement",
      ].join("\n"),
    );
  });

  it("repeats a long bullet's own line above each part of its children", () => {
    const children = Array.from(
      { length: 12 },
      (_, i) => `  - finding number ${i} ${"x".repeat(60)}`,
    );
    const parent = "- We ran a dozen ablations of the model, each listed below with its finding:";
    const passages = splitPassages("p", [parent, ...children].join("\n"));
    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages) expect(passage.text.startsWith(parent)).toBe(true);
    expect(passages.map((p) => p.text).join("\n")).toContain("finding number 11");
  });

  it("cuts a table into rows under its header", () => {
    const [passage] = splitPassages("p", "| model | score |\n|---|---|\n| Fast YOLO | 52.7 |");
    expect(passage?.text).toBe("| model | score |\n| Fast YOLO | 52.7 |");
  });

  it("gives a list item the figure written inside it", () => {
    const [passage] = splitPassages(
      "p",
      "- the architecture ![overview](https://figures.example/a.png) in one picture",
    );
    expect(passage?.text).toBe("- the architecture in one picture");
    expect(passage?.figures).toEqual(["https://figures.example/a.png"]);
  });
});

describe("splitPassages on outline notes", () => {
  const long = (label: string) =>
    Array.from({ length: 14 }, (_, i) => `    * ${label} detail ${i} ${"y".repeat(50)}`).join("\n");
  const outline = [
    "* What",
    "  * A detector that predicts boxes from several feature maps in one pass",
    "* How",
    "  * Default boxes",
    long("box"),
    "  * Hard negative mining keeps a 3:1 ratio of negatives to positives",
    "* Results",
    "  * VOC2007 mAP:",
    "    * 74.3% at 59 FPS",
  ].join("\n");

  it("reads a short top-level bullet with a long subtree as a section heading", () => {
    const passages = splitPassages("ssd", outline);
    const how = passages.filter((p) => p.headings?.[0] === "How");
    expect(how.length).toBeGreaterThan(0);
    expect(how.map((p) => p.headings)).toContainEqual(["How", "Default boxes"]);
    expect(passages.find((p) => p.text.includes("3:1 ratio"))?.headings).toEqual(["How"]);
  });

  it("keeps a short bullet with its children as one unit", () => {
    const passages = splitPassages("ssd", outline);
    const results = passages.find((p) => p.text.includes("74.3%"));
    expect(results?.text).toContain("- Results\n  - VOC2007 mAP:\n    - 74.3% at 59 FPS");
  });
});
