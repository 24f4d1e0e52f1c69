import { describe, expect, it } from "vitest";
import { checkCorpusSources, readPaperFile } from "../../src/corpus/loadCorpus.ts";
import { formatPaperFile } from "../../src/corpus/paperFile.ts";

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

  it("reports an empty summary at the closing fence when the file ends there", () => {
    // Found by the generated-files property: the problem pointed one line past the file's end.
    const source = GOOD.replace("\nMixMatch mixes labeled and unlabeled data.\n", "").trimEnd();
    expect(problemsOf(source)).toEqual([
      `${source.split("\n").length}: empty summary: write the summary below the front matter`,
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

  it("accepts a paper with a DOI and no arXiv id, and one with both (#17)", () => {
    const journal = GOOD.replace('arxiv: "1905.02249"', "doi: 10.1016/j.neunet.2014.09.003");
    const { paper, problems } = readPaperFile("mixmatch.md", journal);
    expect(problems).toEqual([]);
    expect(paper?.doi).toBe("10.1016/j.neunet.2014.09.003");
    expect(paper && "arxiv" in paper).toBe(false);
    const both = GOOD.replace(
      'arxiv: "1905.02249"',
      'arxiv: "1905.02249"\ndoi: 10.48550/arXiv.1905.02249',
    );
    expect(problemsOf(both)).toEqual([]);
    expect(problemsOf(GOOD.replace('arxiv: "1905.02249"\n', ""))).toEqual([]);
  });

  it("reports a malformed DOI and an unknown summary source at their lines (#17)", () => {
    expect(problemsOf(GOOD.replace('arxiv: "1905.02249"', "doi: https://doi.org/10.1/x"))).toEqual([
      "8: 'doi' must be a DOI without prefix or URL, like 10.1016/j.neunet.2014.09.003",
    ]);
    expect(problemsOf(GOOD.replace("venue: NeurIPS", "venue: NeurIPS\nsummary: mine"))).toEqual([
      "8: 'summary' must be 'abstract' (the summary is the paper's abstract), or be left out",
    ]);
  });

  it("reads `summary: abstract` as a summary from the abstract, and writes it back (#17)", () => {
    const source = GOOD.replace("venue: NeurIPS", "venue: NeurIPS\nsummary: abstract");
    const { paper } = readPaperFile("mixmatch.md", source);
    expect(paper?.summarySource).toBe("abstract");
    if (!paper) throw new Error("unreadable");
    const { summary, file, figures, ...meta } = paper;
    const written = formatPaperFile(meta, summary);
    expect(written).toContain("\nsummary: abstract\n");
    expect(readPaperFile("mixmatch.md", written).paper).toEqual(paper);
  });

  it("rejects a second paper with the same DOI, in any case (#17)", () => {
    const doi = (id: string, value: string) =>
      GOOD.replace("id: mixmatch", `id: ${id}`)
        .replace('arxiv: "1905.02249"', `doi: ${value}`)
        .replace(/title: .*/, `title: Paper ${id}`)
        .replace("  - MixMatch", `  - ${id}-alias`);
    const { papers, problems } = checkCorpusSources([
      { file: "a.md", source: doi("a", "10.1016/j.neunet.2014.09.003") },
      { file: "b.md", source: doi("b", "10.1016/J.NEUNET.2014.09.003") },
    ]);
    expect(papers.map((p) => p.id)).toEqual(["a"]);
    expect(problems.map((p) => p.message)).toEqual([
      "duplicate DOI '10.1016/J.NEUNET.2014.09.003': already used by a.md",
    ]);
  });
});
