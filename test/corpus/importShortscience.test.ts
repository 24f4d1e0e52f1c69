import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsePaperTable, parseShortscienceExport } from "../../src/corpus/importShortscience.ts";
import { runPaperbot } from "../helpers/cli.ts";
import { CORPUS_DIR, FIXTURES_DIR } from "../helpers/corpus.ts";

const SEED = join(FIXTURES_DIR, "shortscience-neurips2019.txt");
const TABLE = join(FIXTURES_DIR, "papers.tsv");

describe("parseShortscienceExport", () => {
  it("finds the nine summaries and cleans the export's artifacts, keeping LaTeX", () => {
    const summaries = parseShortscienceExport(readFileSync(SEED, "utf8"));
    expect(summaries).toHaveLength(9);
    expect(summaries.some((s) => s.includes("![]()"))).toBe(false);
    expect(summaries.every((s) => !s.endsWith("|"))).toBe(true);
    expect(summaries[1]).toContain("$\\pi_b$");
  });

  it("refuses text with no [link] lines", () => {
    expect(() => parseShortscienceExport("just text")).toThrow(/no summaries found/);
  });
});

describe("parsePaperTable", () => {
  it("reads lists separated by semicolons", () => {
    const [bear] = parsePaperTable(readFileSync(TABLE, "utf8")).filter((r) => r.id === "bear");
    expect(bear).toEqual({
      id: "bear",
      title: "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction",
      authors: ["Aviral Kumar", "Justin Fu", "George Tucker", "Sergey Levine"],
      year: 2019,
      venue: "NeurIPS",
      arxiv: "1906.00949",
      aliases: ["BEAR", "bootstrapping error accumulation reduction"],
    });
  });
});

/** Imports the seed export with the given metadata table into `out`. */
function importSeed(table: string, out: string) {
  return runPaperbot(["import", "shortscience", SEED, "--meta", table, "--out", out]);
}

describe("paperbot import shortscience", () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), "paperbot-import-"));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it("turns the seed export into exactly the files in corpus/", async () => {
    const added = /^added: (.*)$/m.exec(readFileSync(join(CORPUS_DIR, "bear.md"), "utf8"))?.[1];
    const run = await runPaperbot([
      "import",
      "shortscience",
      SEED,
      "--meta",
      TABLE,
      "--out",
      out,
      "--added",
      added ?? "",
    ]);
    expect(run).toMatchObject({ code: 0, stdout: `imported 9 paper(s) into ${out}\n` });
    const expected = readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith(".md"))
      .sort();
    expect(readdirSync(out).sort()).toEqual(expected);
    for (const file of expected) {
      expect(readFileSync(join(out, file), "utf8"), file).toBe(
        readFileSync(join(CORPUS_DIR, file), "utf8"),
      );
    }
  });

  it("keeps the added date of a paper already in the output directory", async () => {
    const args = ["import", "shortscience", SEED, "--meta", TABLE, "--out", out];
    await runPaperbot([...args, "--added", "2025-01-01"]);
    await runPaperbot([...args, "--added", "2026-06-30"]);
    expect(readFileSync(join(out, "mixmatch.md"), "utf8")).toContain("added: 2025-01-01");
  });

  it("writes nothing when the table and the export disagree", async () => {
    const shortTable = join(out, "short.tsv");
    writeFileSync(shortTable, readFileSync(TABLE, "utf8").split("\n").slice(0, 5).join("\n"));
    const target = join(out, "corpus");
    const run = await importSeed(shortTable, target);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "paperbot: the export has 9 summaries but the metadata table has 4 rows\n",
    );
    expect(readdirSync(out)).toEqual(["short.tsv"]);
  });

  it("writes nothing when a row would make an invalid or clashing paper", async () => {
    const badTable = join(out, "bad.tsv");
    const rows = readFileSync(TABLE, "utf8").split("\n");
    // Row 9 (MixMatch) takes BEAR's alias: the corpus would name two papers "BEAR".
    rows[9] = (rows[9] ?? "").replace(/\tMixMatch$/, "\tMixMatch; bear");
    writeFileSync(badTable, rows.join("\n"));
    const target = join(out, "corpus");
    const run = await importSeed(badTable, target);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("nothing was written: the import would make invalid corpus files");
    expect(run.stderr).toContain(`${join(target, "mixmatch.md")}:17: duplicate alias 'bear'`);
    expect(readdirSync(out)).toEqual(["bad.tsv"]);
  });

  it("says clearly which input it cannot read", async () => {
    const run = await runPaperbot([
      "import",
      "shortscience",
      join(out, "missing.txt"),
      "--meta",
      TABLE,
      "--out",
      out,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^paperbot: cannot read export '.*missing\.txt'/);
  });

  it("rejects an unknown format and missing options as usage errors", async () => {
    expect((await runPaperbot(["import", "endnote", SEED])).code).toBe(2);
    const run = await runPaperbot(["import", "shortscience", SEED]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("usage: paperbot import shortscience FILE --meta TSV --out DIR");
  });
});
