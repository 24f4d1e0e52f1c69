import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type ArxivStandIn, startArxivStandIn } from "../../helpers/arxivStandIn.ts";
import { runPaperbot } from "../../helpers/cli.ts";
import { CORPUS_DIR } from "../../helpers/corpus.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

let standIn: ArxivStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

/** A copy of the real corpus, and the environment that imports into it from a fresh stand-in. */
async function setUp(mode?: Parameters<typeof startArxivStandIn>[0]) {
  standIn = await startArxivStandIn(mode);
  const dir = tempDir("import-arxiv");
  cpSync(CORPUS_DIR, dir, { recursive: true });
  return { dir, env: { CORPUS_DIR: dir, ARXIV_API_URL: standIn.url } };
}

/** Every file name in a directory, hidden ones too: nothing half-written may be left. */
const filesIn = (dir: string) => readdirSync(dir).sort();

describe("paperbot import arxiv", () => {
  it("imports new-style, versioned, pdf-link and old-style ids in one request (#17)", async () => {
    const { dir, env } = await setUp();
    const run = await runPaperbot(
      [
        "import",
        "arxiv",
        "1706.03762v5",
        "https://arxiv.org/pdf/1404.7828v4.pdf",
        "arXiv:math.DG/0211159",
        "--added",
        "2026-12-07",
      ],
      { env },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(standIn?.requests.map((r) => r.ids)).toEqual([
      ["1706.03762v5", "1404.7828v4", "math/0211159"],
    ]);
    expect(run.stdout).toContain(
      `imported 1706.03762v5 as ${join(dir, "attention-all-you-need.md")}`,
    );
    expect(run.stdout.trim().split("\n").at(-1)).toBe(`imported 3 paper(s) into ${dir}`);
    expect(readFileSync(join(dir, "deep-learning-neural-networks-overview.md"), "utf8")).toBe(
      [
        "---",
        "id: deep-learning-neural-networks-overview",
        'title: "Deep Learning in Neural Networks: An Overview"',
        "authors:",
        "  - Juergen Schmidhuber",
        "year: 2015",
        "venue: Neural Networks",
        'arxiv: "1404.7828"',
        "doi: 10.1016/j.neunet.2014.09.003",
        "url: https://arxiv.org/abs/1404.7828",
        "summary: abstract",
        "aliases: []",
        "added: 2026-12-07",
        "---",
        "",
        "In recent years, deep artificial neural networks (including recurrent ones) have won numerous contests in pattern recognition and machine learning. This historical survey compactly summarises relevant work, much of it from the previous millennium. Shallow and deep learners are distinguished by the depth of their credit assignment paths, which are chains of possibly learnable, causal links between actions and effects. I review deep supervised learning (also recapitulating the history of backpropagation), unsupervised learning, reinforcement learning & evolutionary computation, and indirect search for short programs encoding deep and large networks.",
        "",
      ].join("\n"),
    );
    const perelman = readFileSync(join(dir, "entropy-formula-ricci-flow-geometric.md"), "utf8");
    expect(perelman).toContain("arxiv: math/0211159\n");
    expect(perelman).toContain("venue: arXiv preprint\n");
    expect((await runPaperbot(["check"], { env })).stdout).toContain("12 paper(s), no problems");
  });

  it("makes the new paper one `paper` finds and `ask` answers, from the abstract (#17)", async () => {
    const { env } = await setUp();
    await runPaperbot(["import", "arxiv", "1706.03762", "1404.7828"], { env });
    for (const name of ["attention is all you need", "1706.03762v7", "arXiv:1706.03762"]) {
      const card = await runPaperbot(["paper", name], { env });
      expect(card.code, name).toBe(0);
      expect(card.stdout.split("\n").slice(0, 3), name).toEqual([
        "Attention Is All You Need",
        "Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, Aidan N. Gomez, Lukasz Kaiser, Illia Polosukhin",
        "arXiv preprint 2017 · arXiv 1706.03762 · https://arxiv.org/abs/1706.03762",
      ]);
      expect(card.stdout).toContain("(Summary from the abstract:");
    }
    for (const doi of [
      "doi:10.1016/J.NEUNET.2014.09.003",
      "https://doi.org/10.1016/j.neunet.2014.09.003",
    ]) {
      const card = await runPaperbot(["paper", doi], { env });
      expect(card.stdout.split("\n")[0], doi).toBe("Deep Learning in Neural Networks: An Overview");
    }
    const answer = await runPaperbot(
      ["ask", "what BLEU score does the Transformer reach on WMT 2014 English-to-German?"],
      { env },
    );
    expect(answer.code).toBe(0);
    expect(answer.stdout.split("\n")[0]).toBe("Attention Is All You Need");
    expect(answer.stdout).toContain("28.4 BLEU");
    expect(answer.stdout).toContain("(Summary from the abstract:");
  });

  it("refuses an id arXiv does not know (an empty feed), writing nothing (#17)", async () => {
    const { dir, env } = await setUp();
    const before = filesIn(dir);
    const run = await runPaperbot(["import", "arxiv", "2101.99999"], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "paperbot: refused 2101.99999: arXiv has no paper 2101.99999: check the id; nothing was written for it\n",
    );
    expect(filesIn(dir)).toEqual(before);
  });

  it("refuses a withdrawn paper, and still imports the others asked with it (#17)", async () => {
    const { dir, env } = await setUp();
    const run = await runPaperbot(["import", "arxiv", "1101.0001", "1706.03762"], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^paperbot: refused 1101\.0001: arXiv 1101\.0001 has been withdrawn/,
    );
    expect(filesIn(dir)).toContain("attention-all-you-need.md");
    expect(filesIn(dir).filter((f) => f.startsWith("proof"))).toEqual([]);
    expect(run.stdout).toContain("imported 1 paper(s)");
  });

  it("refuses a link that is not arXiv's, or text that is no id, without asking arXiv (#17)", async () => {
    const { dir, env } = await setUp();
    const before = filesIn(dir);
    const run = await runPaperbot(
      ["import", "arxiv", "https://openreview.net/forum?id=rkgNKkHtvB", "mixmatch", "1905.0224"],
      { env },
    );
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      "paperbot: refused https://openreview.net/forum?id=rkgNKkHtvB: not an arXiv link: give an arxiv.org abs or pdf link, or the arXiv id; nothing was written for it",
      "paperbot: refused mixmatch: not an arXiv id: write it like 1905.02249, 1905.02249v2 or hep-th/9901001; nothing was written for it",
      "paperbot: refused 1905.0224: not an arXiv id: write it like 1905.02249, 1905.02249v2 or hep-th/9901001; nothing was written for it",
    ]);
    expect(standIn?.requests).toEqual([]);
    expect(filesIn(dir)).toEqual(before);
  });

  it("refuses a paper the corpus has, by arXiv id, DOI or title, naming its file (#17)", async () => {
    const { dir, env } = await setUp();
    // A journal version of Schmidhuber's survey, without arXiv id, and one titled as the Transformer.
    const journal = readFileSync(join(dir, "bear.md"), "utf8")
      .replace("id: bear", "id: dl-survey")
      .replace(/title: .*/, "title: A survey, journal version")
      .replace(/arxiv: .*/, "doi: 10.1016/J.NEUNET.2014.09.003")
      .replace(/aliases:\n(?: {2}- .*\n)+/, "aliases: []\n");
    writeFileSync(join(dir, "dl-survey.md"), journal);
    const sameTitle = journal
      .replace("id: dl-survey", "id: transformer")
      .replace(/title: .*/, "title: attention is all-you-need")
      .replace(/doi: .*/, "doi: 10.5555/3295222.3295349");
    writeFileSync(join(dir, "transformer.md"), sameTitle);
    const before = filesIn(dir);
    const run = await runPaperbot(
      [
        "import",
        "arxiv",
        "1905.02249v2",
        "1404.7828",
        "1706.03762",
        "https://arxiv.org/abs/1706.03762v2",
      ],
      { env },
    );
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      `paperbot: refused 1905.02249v2: already in the corpus as ${join(dir, "mixmatch.md")} (same arXiv id 1905.02249); nothing was written for it`,
      "paperbot: refused https://arxiv.org/abs/1706.03762v2: arXiv 1706.03762 is asked for twice; it is imported once; nothing was written for it",
      `paperbot: refused 1404.7828: already in the corpus as ${join(dir, "dl-survey.md")} (same DOI 10.1016/j.neunet.2014.09.003); nothing was written for it`,
      `paperbot: refused 1706.03762: already in the corpus as ${join(dir, "transformer.md")} (same title); nothing was written for it`,
    ]);
    expect(filesIn(dir)).toEqual(before);
  });

  it("refuses malformed XML and a plain-text answer, writing nothing (#17)", async () => {
    for (const mode of ["malformed-xml", "rate-exceeded"] as const) {
      const { dir, env } = await setUp(mode);
      const before = filesIn(dir);
      const run = await runPaperbot(["import", "arxiv", "1706.03762"], { env });
      expect(run.code, mode).toBe(1);
      expect(run.stderr, mode).toMatch(
        /^paperbot: the arXiv API answered with malformed XML \(line \d+: .+\)/,
      );
      expect(filesIn(dir), mode).toEqual(before);
      await standIn?.close();
      standIn = undefined;
    }
  });

  it("gives up on an API that does not answer by ARXIV_API_TIMEOUT, writing nothing (#17)", async () => {
    const { dir, env } = await setUp("silent");
    const before = filesIn(dir);
    const started = Date.now();
    const run = await runPaperbot(["import", "arxiv", "1706.03762"], {
      env: { ...env, ARXIV_API_TIMEOUT: "0.5" },
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^paperbot: could not get an answer from the arXiv API at http:\/\/127\.0\.0\.1:\d+\/api\/query: no answer within 0\.5 s; nothing was written/,
    );
    expect(filesIn(dir)).toEqual(before);
  });

  it("says so when the API cannot be reached, writing nothing (#17)", async () => {
    const { dir, env } = await setUp();
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const before = filesIn(dir);
    const run = await runPaperbot(["import", "arxiv", "1706.03762"], {
      env: { ...env, ARXIV_API_URL: `http://127.0.0.1:${port}/api/query`, ARXIV_API_TIMEOUT: "2" },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /could not get an answer from the arXiv API .*: ECONNREFUSED; nothing was written/,
    );
    expect(filesIn(dir)).toEqual(before);
  });

  it("tries again after a server error, three seconds on as arXiv asks (#17)", async () => {
    const { dir, env } = await setUp("error-503-once");
    const run = await runPaperbot(["import", "arxiv", "1706.03762"], { env });
    expect(run.code).toBe(0);
    const [first, second] = standIn?.requests ?? [];
    expect(second && first && second.at - first.at).toBeGreaterThanOrEqual(2990);
    expect(filesIn(dir)).toContain("attention-all-you-need.md");
  }, 15_000);

  it("gives a usage error without ids, and for a bad ARXIV_API_TIMEOUT", async () => {
    const { env } = await setUp();
    expect((await runPaperbot(["import", "arxiv"], { env })).code).toBe(2);
    const bad = await runPaperbot(["import", "arxiv", "1706.03762"], {
      env: { ...env, ARXIV_API_TIMEOUT: "soon" },
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("ARXIV_API_TIMEOUT must be a number of seconds");
  });

  it("imports into --out, made when missing", async () => {
    const { env } = await setUp();
    const out = join(tempDir("import-out"), "new-corpus");
    const run = await runPaperbot(["import", "arxiv", "1706.03762", "--out", out], { env });
    expect(run.code).toBe(0);
    expect(filesIn(out)).toEqual(["attention-all-you-need.md"]);
  });
});
