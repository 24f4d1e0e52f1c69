import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checkCorpusSources,
  formatProblem,
  loadCorpus,
  readPaperFile,
} from "../../src/corpus/loadCorpus.ts";
import { PaperbotError } from "../../src/errors.ts";
import { nameKey } from "../../src/text/names.ts";
import { CORPUS_DIR } from "../helpers/corpus.ts";
import { TRICKY_FRAGMENTS, trickyText, withinBudget } from "../helpers/generatedText.ts";

describe("loadCorpus", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "paperbot-corpus-"));
    cpSync(CORPUS_DIR, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("loads the nine papers of the real corpus with no problems", () => {
    const { papers, problems } = loadCorpus(CORPUS_DIR);
    expect(problems).toEqual([]);
    expect(papers.map((p) => p.id).sort()).toEqual([
      "bear",
      "deconstructing-lottery-tickets",
      "ib-sni",
      "mixmatch",
      "one-ticket",
      "scene-bias",
      "smoothadv",
      "vq-vae-2",
      "wasserstein-dependency-measure",
    ]);
    const withoutFigures = papers.filter((p) => p.figures.length === 0).map((p) => p.id);
    expect(withoutFigures).toEqual(["smoothadv"]);
  });

  it("serves the other papers when one file is broken, and reports that file", () => {
    const file = join(dir, "bear.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^year: .*$/m, ""));
    const { papers, problems } = loadCorpus(dir);
    expect(papers).toHaveLength(8);
    expect(papers.some((p) => p.id === "bear")).toBe(false);
    expect(problems.map(formatProblem)).toEqual([`${file}:1: missing field 'year'`]);
  });

  it("rejects a copy of a paper under another file name, pointing at its id line", () => {
    const copy = join(dir, "zz-copy.md");
    writeFileSync(copy, readFileSync(join(dir, "bear.md"), "utf8"));
    const { papers, problems } = loadCorpus(dir);
    expect(papers).toHaveLength(9);
    expect(problems.map(formatProblem)).toEqual([
      `${copy}:2: file name 'zz-copy.md' does not match the id 'bear': name the file 'bear.md', or give the paper its own id`,
    ]);
  });

  it("rejects the copy, not the original, when the copy's name sorts first", () => {
    // Issue #14: 'a-copy.md' was kept and the original 'mixmatch.md' rejected as the duplicate.
    const copy = join(dir, "a-copy.md");
    writeFileSync(copy, readFileSync(join(dir, "mixmatch.md"), "utf8"));
    const { papers, problems } = loadCorpus(dir);
    expect(papers.find((p) => p.id === "mixmatch")?.file).toBe(join(dir, "mixmatch.md"));
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([`${copy}:2`]);
  });

  it("rejects a file whose name is not its id, at the id line", () => {
    // Issue #14: a file whose name differed from its id was never flagged.
    const renamed = join(dir, "bear-paper.md");
    renameSync(join(dir, "bear.md"), renamed);
    const { papers, problems } = loadCorpus(dir);
    expect(papers.map((p) => p.id)).not.toContain("bear");
    expect(problems.map(formatProblem)).toEqual([
      `${renamed}:2: file name 'bear-paper.md' does not match the id 'bear': name the file 'bear.md', or give the paper its own id`,
    ]);
  });

  it("rejects a summary that is not UTF-8, at the line of its first bad byte", () => {
    // Issue #14: a Latin-1 file passed check and was served as "Caf\uFFFD na\uFFFDve".
    const file = join(dir, "bear.md");
    const text = readFileSync(file, "utf8").replace(/\n\n/, "\n\nCafé naïve.\n\n");
    writeFileSync(file, Buffer.from(text, "latin1"));
    const line = text.split("\n").findIndex((l) => l.startsWith("Café")) + 1;
    const { papers, problems } = loadCorpus(dir);
    expect(papers.map((p) => p.id)).not.toContain("bear");
    expect(problems.map(formatProblem)).toEqual([
      `${file}:${line}: not UTF-8 text (a byte on this line is not): save the file as UTF-8`,
    ]);
  });

  it("rejects an alias another paper already uses, whatever its spelling", () => {
    const file = join(dir, "vq-vae-2.md");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("  - VQ-VAE-2", "  - VQ-VAE-2\n  - mix match"),
    );
    const { papers, problems } = loadCorpus(dir);
    expect(papers.map((p) => p.id)).not.toContain("vq-vae-2");
    expect(papers.map((p) => p.id)).toContain("mixmatch");
    expect(problems.map(formatProblem)).toEqual([
      `${file}:14: duplicate alias 'mix match': already used by ${join(dir, "mixmatch.md")}`,
    ]);
  });

  it("reports a file whose front matter is a YAML alias bomb and loads the rest", () => {
    // Issue #14: this file made loading throw "Excessive alias count" for the whole corpus.
    const bomb = join(dir, "bomb.md");
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [i, name] of ["b", "c", "d", "e", "f"].entries()) {
      const previous = "abcde"[i];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    writeFileSync(bomb, `---\n${levels.join("\n")}\n---\n\nlol\n`);
    const { papers, problems } = loadCorpus(dir);
    expect(papers).toHaveLength(9);
    expect(problems.map(formatProblem)).toEqual([
      `${bomb}:3: bad front matter: its aliases (*name) expand to too much; write the values out`,
    ]);
  });

  it("reports a file it cannot read and loads the rest", () => {
    // A directory named like a corpus file cannot be read as one, even by root.
    const unreadable = join(dir, "unreadable.md");
    mkdirSync(unreadable);
    const { papers, problems } = loadCorpus(dir);
    expect(problems.map(formatProblem)).toEqual([`${unreadable}:1: cannot read the file (EISDIR)`]);
    expect(papers).toHaveLength(9);
  });

  it("fails with a clear error for a missing directory", () => {
    expect(() => loadCorpus(join(dir, "nope"))).toThrow(PaperbotError);
    expect(() => loadCorpus(join(dir, "nope"))).toThrow(/corpus directory '.*nope' not found/);
  });
});

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

describe("readPaperFile and checkCorpusSources (generated files)", () => {
  it("never throw; each file is served, named after its id, or reported at its own lines; no two served papers share a name", () => {
    fc.assert(
      fc.property(fc.array(corpusFile, { minLength: 1, maxLength: 3 }), (files) => {
        const sources = files.map(({ name, source }, i) => ({
          file: `/corpus/${i}/${name}`,
          source,
        }));
        for (const { file, source } of sources) {
          const { paper, problems } = withinBudget(() => readPaperFile(file, source));
          expect(paper === undefined).toBe(problems.length > 0);
          if (paper) expect(`${paper.id}.md`).toBe(basename(file));
          const misplaced = problems.filter(
            (p) => p.file !== file || !(p.line >= 1 && p.line <= lineCount(source)),
          );
          expect(misplaced).toEqual([]);
        }
        const { papers, problems } = withinBudget(() => checkCorpusSources(sources));
        const reported = new Set(problems.map((p) => p.file));
        const served = new Set(papers.map((p) => p.file));
        for (const { file } of sources) expect(served.has(file) !== reported.has(file)).toBe(true);
        const names = papers.flatMap((p) => [
          ...new Set([p.id, p.title, ...p.aliases].map((n) => nameKey(n))),
        ]);
        expect(new Set(names).size).toBe(names.length);
        // The arXiv id is optional: papers without one share no id.
        const arxivIds = papers.flatMap((p) => (p.arxiv ? [p.arxiv] : []));
        expect(new Set(arxivIds).size).toBe(arxivIds.length);
      }),
      { numRuns: 1000 },
    );
  });
});
