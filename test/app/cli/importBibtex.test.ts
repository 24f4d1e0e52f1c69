import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPaperbot } from "../../helpers/cli.ts";
import { CORPUS_DIR, FIXTURES_DIR } from "../../helpers/corpus.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

/** A Zotero library export: Better BibTeX and Zotero's own BibTeX, accents, arXiv and DOIs. */
const READING_LIST = join(FIXTURES_DIR, "bibtex", "reading-list.bib");

function setUp() {
  const dir = tempDir("import-bibtex");
  cpSync(CORPUS_DIR, dir, { recursive: true });
  return { dir, env: { CORPUS_DIR: dir } };
}

const filesIn = (dir: string) => readdirSync(dir).sort();

describe("paperbot import bibtex", () => {
  it("imports each entry with an abstract, and lists the rest (#17)", async () => {
    const { dir, env } = setUp();
    const run = await runPaperbot(["import", "bibtex", READING_LIST, "--added", "2026-12-07"], {
      env,
    });
    expect(run.stdout.split("\n").filter(Boolean)).toEqual([
      `imported schmidhuberDeepLearningNeural2015 as ${join(dir, "deep-learning-neural-networks-overview.md")}: Deep Learning in Neural Networks: An Overview`,
      `imported erdosEvolutionRandomGraphs1960 as ${join(dir, "evolution-random-graphs.md")}: On the Evolution of Random Graphs`,
      `imported heDeepResidualLearning2015 as ${join(dir, "deep-residual-learning-image-recognition.md")}: Deep Residual Learning for Image Recognition`,
      `imported kingma_adam_2017 as ${join(dir, "adam.md")}: Adam: A Method for Stochastic Optimization`,
      `imported 4 paper(s) into ${dir}; 2 refused; 1 skipped (no abstract)`,
    ]);
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      "paperbot: skipped goodfellowDeepLearning2016: no abstract",
      "paperbot: refused noLinkNotes2020: the entry has no url (or doi, or an arXiv eprint); nothing was written for it",
      `paperbot: refused berthelotMixMatchHolisticApproach2019: already in the corpus as ${join(dir, "mixmatch.md")} (same arXiv id 1905.02249); nothing was written for it`,
    ]);
    expect(run.code).toBe(1);
    expect((await runPaperbot(["check"], { env })).stdout).toContain("13 paper(s), no problems");
  });

  it("decodes LaTeX accents and braces in titles, names and abstracts (#17)", async () => {
    const { dir, env } = setUp();
    await runPaperbot(["import", "bibtex", READING_LIST, "--added", "2026-12-07"], { env });
    expect(readFileSync(join(dir, "evolution-random-graphs.md"), "utf8")).toBe(
      [
        "---",
        "id: evolution-random-graphs",
        "title: On the Evolution of Random Graphs",
        "authors:",
        "  - Pál Erdős",
        "  - Alfréd Rényi",
        "year: 1960",
        "venue: Publications of the Mathematical Institute of the Hungarian Academy of Sciences",
        "url: https://static.renyi.hu/~p_erdos/1960-10.pdf",
        "summary: abstract",
        "aliases: []",
        "added: 2026-12-07",
        "---",
        "",
        "We study the *evolution* of a random graph Γ_n,N as the number N of edges grows: the structure of its components changes abruptly near N∼n/2, where a giant component of order n^2/3 emerges. Straße and naïve coincidences aside, the threshold phenomena are universal.",
        "",
      ].join("\n"),
    );
    const survey = readFileSync(join(dir, "deep-learning-neural-networks-overview.md"), "utf8");
    expect(survey).toContain('title: "Deep Learning in Neural Networks: An Overview"\n');
    expect(survey).toContain("  - Jürgen Schmidhuber\n");
    expect(survey).toContain(
      "doi: 10.1016/j.neunet.2014.09.003\nurl: https://doi.org/10.1016/j.neunet.2014.09.003\n",
    );
    expect(survey).not.toContain("arxiv:");
    // Zotero's own export of an arXiv preprint: the id from its journal, `arXiv:1412.6980 [cs]`.
    const adam = readFileSync(join(dir, "adam.md"), "utf8");
    expect(adam).toContain('venue: arXiv preprint\narxiv: "1412.6980"\n');
  });

  it("makes a DOI-only paper one `paper` finds by DOI and `ask` answers (#17)", async () => {
    const { env } = setUp();
    await runPaperbot(["import", "bibtex", READING_LIST], { env });
    const card = await runPaperbot(["paper", "https://doi.org/10.1016/J.NEUNET.2014.09.003"], {
      env,
    });
    expect(card.code).toBe(0);
    expect(card.stdout.split("\n").slice(0, 3)).toEqual([
      "Deep Learning in Neural Networks: An Overview",
      "Jürgen Schmidhuber",
      "Neural Networks 2015 · DOI 10.1016/j.neunet.2014.09.003 · https://doi.org/10.1016/j.neunet.2014.09.003",
    ]);
    const answer = await runPaperbot(["ask", "what are credit assignment paths?"], { env });
    expect(answer.code).toBe(0);
    expect(answer.stdout.split("\n")[0]).toBe("Deep Learning in Neural Networks: An Overview");
    expect(answer.stdout).toContain("(Summary from the abstract:");
    const graphs = await runPaperbot(
      ["ask", "when does the giant component of a random graph emerge?"],
      { env },
    );
    expect(graphs.stdout.split("\n")[0]).toBe("On the Evolution of Random Graphs");
  });

  it("refuses the whole file at a syntax error, at its line, writing nothing (#17)", async () => {
    const { dir, env } = setUp();
    const before = filesIn(dir);
    const bib = join(tempDir("bib"), "broken.bib");
    const good = readFileSync(READING_LIST, "utf8");
    // A comma missing after the title of the second entry, at line 21 of the file.
    const broken = good.replace(
      "  title = {On the Evolution of Random Graphs},",
      "  title = {On the Evolution of Random Graphs}",
    );
    expect(broken.split("\n")[20]).toBe("  title = {On the Evolution of Random Graphs}");
    writeFileSync(bib, broken);
    const run = await runPaperbot(["import", "bibtex", bib], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `paperbot: ${bib}:22: BibTeX syntax error (in the entry that starts at line 20): Token mismatch, expected "}", found "author = {Erd{\\\\H o}s"... in "inproceedings" (is a comma missing at the end of line 21?); nothing was written\n`,
    );
    expect(filesIn(dir)).toEqual(before);
  });

  it("reports an unclosed brace and an unterminated quote at their lines (#17)", async () => {
    const { dir, env } = setUp();
    const before = filesIn(dir);
    const bib = join(tempDir("bib"), "broken.bib");
    writeFileSync(
      bib,
      '@article{a,\n  title = "Unterminated,\n  author = {B},\n  year = 2019\n}\n',
    );
    const quote = await runPaperbot(["import", "bibtex", bib], { env });
    expect(quote.code).toBe(1);
    expect(quote.stderr).toMatch(
      new RegExp(`^paperbot: ${bib}:2: BibTeX syntax error .*Unterminated`),
    );
    writeFileSync(
      bib,
      "@article{a,\n  title = {Open,\n  author = {B}\n}\n\n@misc{b,\n  title = {B},\n}\n",
    );
    const brace = await runPaperbot(["import", "bibtex", bib], { env });
    expect(brace.stderr).toMatch(
      new RegExp(
        `^paperbot: ${bib}:\\d+: BibTeX syntax error \\(in the entry that starts at line 1\\)`,
      ),
    );
    expect(filesIn(dir)).toEqual(before);
  });

  it("refuses a duplicate by DOI or title, and an entry imported twice in one file (#17)", async () => {
    const { dir, env } = setUp();
    const bib = join(tempDir("bib"), "twice.bib");
    const entry = (key: string, title: string, doi: string) =>
      `@article{${key},\n  title = {${title}},\n  author = {Doe, Jane},\n  year = {2020},\n  journal = {J},\n  doi = {${doi}},\n  abstract = {An abstract.}\n}\n`;
    writeFileSync(
      bib,
      [
        entry("first", "A Study of Things", "10.1000/things"),
        entry("sameDoi", "Another Title", "10.1000/THINGS"),
        entry("sameTitle", "a study of things!", "10.1000/other"),
        entry(
          "bearTitle",
          "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction",
          "10.1000/bear",
        ),
      ].join("\n"),
    );
    const run = await runPaperbot(["import", "bibtex", bib], { env });
    expect(run.code).toBe(1);
    const file = join(dir, "study-things.md");
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      `paperbot: refused sameDoi: already in the corpus as ${file} (same DOI 10.1000/THINGS); nothing was written for it`,
      `paperbot: refused sameTitle: already in the corpus as ${file} (same title); nothing was written for it`,
      `paperbot: refused bearTitle: already in the corpus as ${join(dir, "bear.md")} (same title); nothing was written for it`,
    ]);
  });

  it("gives a usage error without a file, and fails on a file it cannot read", async () => {
    const { env } = setUp();
    expect((await runPaperbot(["import", "bibtex"], { env })).code).toBe(2);
    const missing = await runPaperbot(["import", "bibtex", "/nonexistent/lib.bib"], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("paperbot: cannot read BibTeX file '/nonexistent/lib.bib'\n");
  });
});
