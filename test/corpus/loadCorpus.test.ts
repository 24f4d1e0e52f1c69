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
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatProblem, loadCorpus } from "../../src/corpus/loadCorpus.ts";
import { PaperbotError } from "../../src/errors.ts";
import { CORPUS_DIR } from "../helpers/corpus.ts";

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
