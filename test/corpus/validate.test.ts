import { describe, expect, it } from "vitest";
import { readPaperFile } from "../../src/corpus/loadCorpus.ts";

const GOOD = `---
id: mixmatch
title: "MixMatch: A Holistic Approach to Semi-Supervised Learning"
authors:
  - David Berthelot
year: 2019
venue: NeurIPS
arxiv: "1905.02249"
url: https://arxiv.org/abs/1905.02249
aliases:
  - MixMatch
added: 2026-11-27
---

MixMatch mixes labeled and unlabeled data.
`;

function problemsOf(source: string): string[] {
  return readPaperFile("mixmatch.md", source).problems.map((p) => `${p.line}: ${p.message}`);
}

describe("readPaperFile", () => {
  it("reads a valid file into a paper with its figures", () => {
    const { paper, problems } = readPaperFile(
      "mixmatch.md",
      GOOD.replace("data.", "data. https://i.imgur.com/6lHQqMD.png"),
    );
    expect(problems).toEqual([]);
    expect(paper).toMatchObject({
      id: "mixmatch",
      authors: ["David Berthelot"],
      year: 2019,
      arxiv: "1905.02249",
      figures: ["https://i.imgur.com/6lHQqMD.png"],
    });
  });

  it("reports a file without front matter at line 1", () => {
    expect(problemsOf("Just a summary.")).toEqual([
      "1: missing front matter: the file must start with a '---' line",
    ]);
  });

  it("reports unclosed front matter", () => {
    expect(problemsOf("---\nid: x\n")).toEqual(["1: front matter is not closed by a '---' line"]);
  });

  it("reports bad YAML at its line in the file", () => {
    const broken = GOOD.replace("venue: NeurIPS", "venue: [NeurIPS");
    const [problem] = problemsOf(broken);
    expect(problem).toMatch(/^8: bad front matter: /);
  });

  it("reports a missing field", () => {
    expect(problemsOf(GOOD.replace("year: 2019\n", ""))).toEqual(["1: missing field 'year'"]);
  });

  it("reports a malformed field at its own line", () => {
    expect(problemsOf(GOOD.replace('arxiv: "1905.02249"', "arxiv: 1905.02249"))).toEqual([
      "8: 'arxiv' must be an arXiv id in quotes, like \"1905.02249\"",
    ]);
    expect(problemsOf(GOOD.replace("id: mixmatch", "id: Mix Match"))).toEqual([
      "2: 'id' must be lower-case letters, digits and single hyphens, like 'vq-vae-2'",
    ]);
    expect(problemsOf(GOOD.replace("added: 2026-11-27", "added: last week"))).toEqual([
      "12: 'added' must be a date like 2026-11-27",
    ]);
  });

  it("reports an empty summary at the first line after the front matter", () => {
    const empty = GOOD.replace("MixMatch mixes labeled and unlabeled data.\n", "");
    expect(problemsOf(empty)).toEqual([
      "14: empty summary: write the summary below the front matter",
    ]);
  });

  it("reports a duplicated key", () => {
    expect(problemsOf(GOOD.replace("venue: NeurIPS", "venue: NeurIPS\nvenue: ICML"))[0]).toMatch(
      /^8: bad front matter: Map keys must be unique$/,
    );
  });

  it("reports a YAML alias bomb as a problem of its file instead of throwing", () => {
    // Issue #14: nested anchors made the YAML library throw "Excessive alias count" out of
    // front matter parsing, which took check, search and the running bot down.
    const bomb = [
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
    ].join("\n");
    const problems = problemsOf(GOOD.replace("added: 2026-11-27", `added: 2026-11-27\n${bomb}`));
    expect(problems).toEqual([expect.stringMatching(/^\d+: bad front matter: .*alias/)]);
  });
});
