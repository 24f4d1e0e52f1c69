import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addPapers, writeFileAtomically } from "../../src/import/addPapers.ts";
import { CorpusIdentities } from "../../src/import/corpusIdentities.ts";
import { journalVenue } from "../../src/import/importArxiv.ts";
import { paperSlug } from "../../src/import/paperSlug.ts";
import { tempDir } from "../helpers/tempCorpus.ts";

describe("paperSlug", () => {
  it("uses a short name before the title's colon, else the title's naming words", () => {
    expect(paperSlug("MixMatch: A Holistic Approach to Semi-Supervised Learning")).toBe("mixmatch");
    expect(paperSlug("VQ-VAE-2: Generating Diverse Images")).toBe("vq-vae-2");
    expect(paperSlug("Attention Is All You Need")).toBe("attention-all-you-need");
    expect(paperSlug("On the Convergence of Adam and Beyond")).toBe("convergence-adam-beyond");
    expect(paperSlug("Deep Learning in Neural Networks: An Overview of Everything Ever")).toBe(
      "deep-learning-neural-networks-overview",
    );
    expect(paperSlug("Über Erdős-Zahlen")).toBe("uber-erdos-zahlen");
    expect(paperSlug("深度学习")).toBe("paper");
  });
});

describe("journalVenue", () => {
  it("takes the venue before a volume or comma, and the last year named", () => {
    expect(journalVenue("Neural Networks, Vol 61, pp 85-117, Jan 2015")).toEqual({
      venue: "Neural Networks",
      year: 2015,
    });
    expect(
      journalVenue("Advances in Neural Information Processing Systems 32 (NeurIPS 2019)"),
    ).toEqual({
      venue: "Advances in Neural Information Processing Systems",
      year: 2019,
    });
    expect(journalVenue("Phys. Rev. D 76, 013009 (2007)")).toEqual({
      venue: "Phys. Rev. D",
      year: 2007,
    });
  });
});

describe("writeFileAtomically", () => {
  it("writes the whole file and leaves no temporary file", () => {
    const dir = tempDir("atomic");
    writeFileAtomically(join(dir, "a.md"), "whole\n");
    expect(readdirSync(dir)).toEqual(["a.md"]);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("whole\n");
  });

  it("never replaces a file that appeared meanwhile, and cleans up after itself", () => {
    const dir = tempDir("atomic");
    writeFileSync(join(dir, "a.md"), "someone else's\n");
    expect(() => writeFileAtomically(join(dir, "a.md"), "mine\n")).toThrow(/EEXIST/);
    expect(readdirSync(dir)).toEqual(["a.md"]);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("someone else's\n");
  });

  it("leaves nothing behind when the directory cannot take the file", () => {
    const dir = join(tempDir("atomic"), "gone");
    expect(() => writeFileAtomically(join(dir, "a.md"), "text\n")).toThrow(/ENOENT/);
    mkdirSync(dir);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("addPapers", () => {
  it("refuses, and keeps the other's file, when another import took the name meanwhile", () => {
    const dir = tempDir("race");
    const theirs = join(dir, "attention-all-you-need.md");
    writeFileSync(theirs, "written by another import\n");
    const draft = {
      source: "1706.03762",
      meta: {
        title: "Attention Is All You Need",
        authors: ["Ashish Vaswani"],
        year: 2017,
        venue: "NeurIPS",
        arxiv: "1706.03762",
        url: "https://arxiv.org/abs/1706.03762",
        summarySource: "abstract" as const,
        aliases: [],
      },
      summary: "The dominant sequence transduction models are recurrent.",
    };
    // Identities read before the other import wrote its file.
    const report = addPapers([draft], {
      corpusDir: dir,
      added: "2026-12-07",
      identities: new CorpusIdentities(),
    });
    expect(report.added).toEqual([]);
    expect(report.refused).toEqual([
      expect.objectContaining({ source: "1706.03762", reason: "duplicate", file: theirs }),
    ]);
    expect(readFileSync(theirs, "utf8")).toBe("written by another import\n");
    expect(readdirSync(dir)).toEqual(["attention-all-you-need.md"]);
  });
});
