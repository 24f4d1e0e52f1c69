import { describe, expect, it } from "vitest";
import { runPaperbot } from "../helpers/cli.ts";
import { CORPUS_DIR } from "../helpers/corpus.ts";

const env = { CORPUS_DIR };

describe("paperbot search", () => {
  it("prints one JSON line in the documented shape, best first", async () => {
    const run = await runPaperbot(
      ["search", "--json", "--limit", "2", "MixMatch with unlabeled data"],
      {
        env,
      },
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] ?? "");
    expect(Object.keys(answer)).toEqual(["query", "confident", "results"]);
    expect(answer).toMatchObject({ query: "MixMatch with unlabeled data", confident: true });
    expect(answer.results).toHaveLength(2);
    expect(Object.keys(answer.results[0])).toEqual([
      "paperId",
      "title",
      "url",
      "score",
      "passage",
      "figures",
    ]);
    expect(answer.results[0]).toMatchObject({
      paperId: "mixmatch",
      title: "MixMatch: A Holistic Approach to Semi-Supervised Learning",
      url: "https://arxiv.org/abs/1905.02249",
      figures: ["https://i.imgur.com/6lHQqMD.png"],
    });
    expect(answer.results[0].score).toBeGreaterThan(answer.results[1].score);
  });

  it("answers each line of standard input in order, one JSON line each", async () => {
    const stdin = "what is BEAR?\nbest pizza in Naples\n\nVQ-VAE-2\n";
    const run = await runPaperbot(["search", "--json"], { env, stdin });
    const answers = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(answers.map((a) => [a.query, a.confident, a.results[0]?.paperId])).toEqual([
      ["what is BEAR?", true, "bear"],
      ["best pizza in Naples", false, expect.any(String)],
      ["", false, undefined],
      ["VQ-VAE-2", true, "vq-vae-2"],
    ]);
  });

  it("keeps passages plain: no highlight marks in JSON", async () => {
    const run = await runPaperbot(["search", "--json", "consistency loss across augmentations"], {
      env,
    });
    const passage: string = JSON.parse(run.stdout).results[0].passage;
    expect(passage).toContain("consistency loss");
    for (const mark of ["*consistency", "_consistency", "<consistency", "\u001b"]) {
      expect(passage).not.toContain(mark);
    }
  });

  it("reads the corpus from --corpus over CORPUS_DIR", async () => {
    const run = await runPaperbot(["search", "--corpus", CORPUS_DIR, "--json", "BEAR"], {
      env: { CORPUS_DIR: "/nonexistent" },
    });
    expect(run.code).toBe(0);
  });

  it("rejects a bad --limit and an unknown option as usage errors", async () => {
    const bad = await runPaperbot(["search", "--limit", "0", "x"], { env });
    expect(bad).toMatchObject({ code: 2, stdout: "" });
    expect(bad.stderr).toContain("--limit takes a whole number from 1 to 50, not '0'");
    const unknown = await runPaperbot(["search", "--jsn", "x"], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("usage: paperbot search");
  });

  it("names the variable to set when the corpus is missing", async () => {
    const run = await runPaperbot(["search", "x"], { env: { CORPUS_DIR: "/nonexistent/corpus" } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "paperbot: corpus directory '/nonexistent/corpus' not found: pass --corpus DIR or set CORPUS_DIR\n",
    );
  });
});
