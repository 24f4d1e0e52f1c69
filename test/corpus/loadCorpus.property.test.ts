import { basename } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCorpusSources, readPaperFile } from "../../src/corpus/loadCorpus.ts";
import { nameKey } from "../../src/text/names.ts";
import { TRICKY_FRAGMENTS, trickyText, withinBudget } from "../helpers/generatedText.ts";

const lineCount = (source: string): number => source.split(/\r?\n/).length;

/** Mostly one of the good values, sometimes one of the bad. */
const mostly = <T>(good: readonly T[], bad: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: fc.constantFrom(...bad) },
  );

/** Values drawn from small pools, so generated files often clash with each other. */
const ids = mostly(["mixmatch", "bear", "vq-vae-2", "mix-match", "x1"], ["Bad Id", ""]);
const titles = mostly(["MixMatch", "Bear", "A Paper", '"quoted: title"'], ["[list]", ""]);
const aliases = fc.array(fc.constantFrom("MixMatch", "mix match", "BEAR", "VQ-VAE-2", "vae"), {
  maxLength: 3,
});
const arxivIds = mostly(['"1905.02249"', '"1906.00949"', '"2001.00001"'], ["1905.02249", '"1"']);

/** A corpus file: mostly well-formed, often with a tricky fragment spliced in somewhere. */
const corpusFile = fc
  .record({
    id: ids,
    title: titles,
    aliases,
    arxiv: arxivIds,
    year: mostly(["2019"], ["1800", "twenty"]),
    added: mostly(["2026-11-27"], ["2026-02-30", "yesterday"]),
    body: trickyText(20),
    splice: fc.option(
      fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...TRICKY_FRAGMENTS), trickyText(5))),
      { freq: 2 },
    ),
    name: mostly([null], ["copy", "a-copy", "mixmatch", "bear"]),
  })
  .map((f) => {
    const text = [
      "---",
      `id: ${f.id}`,
      `title: ${f.title}`,
      "authors:",
      "  - David Berthelot",
      `year: ${f.year}`,
      "venue: NeurIPS",
      `arxiv: ${f.arxiv}`,
      "url: https://arxiv.org/abs/1905.02249",
      f.aliases.length === 0
        ? "aliases: []"
        : `aliases:\n${f.aliases.map((a) => `  - ${a}`).join("\n")}`,
      `added: ${f.added}`,
      "---",
      "",
      f.body,
    ].join("\n");
    const source = f.splice
      ? text.slice(0, f.splice[0] % (text.length + 1)) +
        f.splice[1] +
        text.slice(f.splice[0] % (text.length + 1))
      : text;
    return { name: `${f.name ?? f.id}.md`, source };
  });

describe("readPaperFile (generated files)", () => {
  it("never throws, and gives a paper named after its file or problems at lines of the file", () => {
    fc.assert(
      fc.property(corpusFile, ({ name, source }) => {
        const file = `/corpus/${name}`;
        const { paper, problems } = withinBudget(() => readPaperFile(file, source));
        expect(paper === undefined).toBe(problems.length > 0);
        if (paper) expect(`${paper.id}.md`).toBe(basename(file));
        for (const problem of problems) {
          expect(problem.file).toBe(file);
          expect(problem.line >= 1 && problem.line <= lineCount(source)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("checkCorpusSources (generated corpora)", () => {
  it("never throws; every file is either served or reported, and no two served papers share a name", () => {
    fc.assert(
      fc.property(fc.array(corpusFile, { maxLength: 4 }), (files) => {
        const sources = files.map(({ name, source }, i) => ({
          file: `/corpus/${i}/${name}`,
          source,
        }));
        const { papers, problems } = withinBudget(() => checkCorpusSources(sources));
        const reported = new Set(problems.map((p) => p.file));
        const served = new Set(papers.map((p) => p.file));
        for (const { file } of sources) expect(served.has(file) !== reported.has(file)).toBe(true);
        const names = papers.flatMap((p) =>
          [p.id, p.title, ...p.aliases]
            .map((n) => nameKey(n))
            .filter((key, i, all) => all.indexOf(key) === i),
        );
        expect(new Set(names).size).toBe(names.length);
        expect(new Set(papers.map((p) => p.arxiv)).size).toBe(papers.length);
      }),
      { numRuns: 1000 },
    );
  });
});
