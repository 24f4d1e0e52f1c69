import { describe, expect, it } from "vitest";
import { buildIndex, PAPER_FIELDS } from "../../src/retrieval/buildIndex.ts";
import { asksAboutCitedPhrase } from "../../src/retrieval/citedPhrase.ts";
import { search } from "../../src/retrieval/search.ts";
import type { Paper } from "../../src/types.ts";
import { fakePaper, fillerPapers } from "../helpers/papers.ts";

const CASCADE = [
  "- Multi-stage detector: each stage refines the boxes of the last at a higher IoU threshold",
  "- Each stage is trained on the boxes the previous stage produced, so the quality of positives rises",
  "* Became a standard component: Cascade Mask R-CNN, Hybrid Task Cascade (HTC), lots of entries",
].join("\n");

/** A paper with the given summary, and how many times the summary writes a term (by the index). */
function notes(
  summary: string,
  title = "Multi-stage box refinement",
): [Paper, (t: string) => number] {
  const paper = { ...fakePaper(1, title), aliases: [], summary };
  const index = buildIndex([paper]);
  const field = PAPER_FIELDS.indexOf("summary");
  return [paper, (term) => index.paperSearch.termCount(term, 0, field)];
}

const asks = (question: string, summary: string, title?: string) =>
  asksAboutCitedPhrase(question, ...notes(summary, title));

describe("asksAboutCitedPhrase", () => {
  const question = "what does hybrid task cascade add on top of the detector?";

  it("is true for a name of several words listed among other works", () => {
    expect(asks(question, CASCADE)).toBe(true);
  });

  it("is true for a name after a citing word, or along a line of successors", () => {
    expect(asks(question, "- Later work: Hybrid Task Cascade interleaves the mask branch")).toBe(
      true,
    );
    const lineage = "- Lineage: Shazeer 2017 -> GShard -> Switch Transformer -> GLaM";
    expect(asks("how does switch transformer route tokens?", lineage)).toBe(true);
  });

  it("is true for a title in quotes, however it is cased", () => {
    const later = '- Recipe gains (later made explicit by ResNet-RS and "ResNet strikes back")';
    expect(asks("resnet strikes back: which loss did they train with?", later)).toBe(true);
    const unquoted = "- Recipe gains (later made explicit by ResNet-RS and ResNet strikes back)";
    expect(asks("resnet strikes back: which loss did they train with?", unquoted)).toBe(false);
  });

  it("reads a hyphenated word by its pieces, as the index does", () => {
    const later = "- Later: Classifier-Free Guidance (one net, label dropped 10% of the time)";
    expect(asks("how does classifier-free guidance work?", later)).toBe(true);
  });

  it("is false for the paper's own name", () => {
    expect(asks(question, CASCADE, "Hybrid Task Cascade for Instance Segmentation")).toBe(false);
  });

  it("is false for words the summary writes as words, not as a name", () => {
    const plain = "- Later work builds a hybrid task cascade of heads, one per stage";
    expect(asks(question, plain)).toBe(false);
  });

  it("is false for a name the summary writes in a line of its own findings", () => {
    const own = "- Hybrid Task Cascade gains 1.2 AP on COCO over the single-stage head";
    expect(asks(question, own)).toBe(false);
  });

  it("is false for a name the summary writes more often than a citation would", () => {
    const line = "* Later: Cascade Mask R-CNN, Hybrid Task Cascade (HTC), lots of entries";
    expect(asks(question, [line, line, line, line].join("\n"))).toBe(false);
    expect(asks(question, [line, line, line].join("\n"))).toBe(true);
  });

  it("is false for where a paper is from: a lab, or a list opening its line", () => {
    const from = "- Authors at Meta, Google Brain, Stanford; built on prior vision work";
    expect(asks("the google brain paper on routing - how many experts?", from)).toBe(false);
    const affiliations =
      "- Hazy Research / Stanford (+ Mila). Long convolutions instead of attention";
    expect(asks("in the hazy research long-conv paper, how are filters made?", affiliations)).toBe(
      false,
    );
  });

  it("is false for a question that compares, which a citing line may answer", () => {
    expect(asks("how does hybrid task cascade compare to this detector?", CASCADE)).toBe(false);
  });
});

describe("search and a name of several words a summary only cites", () => {
  const [cascade] = notes(CASCADE);
  const index = buildIndex([cascade, ...fillerPapers()]);

  it("declines a question about the cited work", () => {
    const response = search(index, "what does hybrid task cascade add to cascade mask r-cnn?");
    expect(response.results[0]?.paper.id).toBe("p1");
    expect(response.confident).toBe(false);
  });

  it("answers a question about the paper's own stages", () => {
    const response = search(index, "why is each stage trained at a higher IoU threshold?");
    expect(response.results[0]?.paper.id).toBe("p1");
    expect(response.confident).toBe(true);
  });
});
