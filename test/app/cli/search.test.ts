import { describe, expect, it } from "vitest";
import { runPaperbot } from "../../helpers/cli.ts";
import { CORPUS_DIR } from "../../helpers/corpus.ts";

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
    expect(bad.stderr).toContain("--limit must be a positive whole number, at most 50, not '0'");
    const unknown = await runPaperbot(["search", "--jsn", "x"], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("usage: paperbot search");
  });

  it("says --limit -1 must be a positive whole number, not that the argument is ambiguous (#14)", async () => {
    for (const args of [["--limit", "-1"], ["--limit=-1"], ["--limit", "-0.5"]]) {
      const run = await runPaperbot(["search", ...args, "x"], { env });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--limit must be a positive whole number, at most 50, not '-");
      expect(run.stderr).not.toContain("ambiguous");
    }
  });

  it("gives one JSON line for a line with a bare carriage return (#14: it gave two)", async () => {
    const run = await runPaperbot(["search", "--json"], {
      env,
      stdin: "what is bear\rmixmatch\nVQ-VAE-2\r\n",
    });
    const lines = run.stdout.split("\n").slice(0, -1);
    expect(lines.map((line) => JSON.parse(line).query)).toEqual([
      "what is bear\rmixmatch",
      "VQ-VAE-2",
    ]);
  });

  it("gives exactly one JSON line per input line of random bytes (#14: it gave twice as many)", async () => {
    // A fixed pseudo-random stream: every byte value, line separators of every kind inside lines.
    let seed = 14;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 16;
    };
    const lines = Array.from({ length: 300 }, () =>
      Buffer.from(Array.from({ length: next() % 40 }, () => next() % 256).filter((b) => b !== 10)),
    );
    lines.push(Buffer.from("\u2028\u2029\u0085\u202e\r\u000b\u000c"));
    const stdin = Buffer.concat(lines.flatMap((line) => [line, Buffer.from("\n")]));
    const run = await runPaperbot(["search", "--json"], { env, stdin });
    expect(run.code).toBe(0);
    // Every line break any common reader knows (Python's splitlines: the widest).
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these line breaks are under test
    const breaks = /\r\n|[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/;
    const out = run.stdout.split(breaks);
    expect(out.slice(0, -1)).toHaveLength(lines.length);
    for (const line of out.slice(0, -1)) expect(() => JSON.parse(line)).not.toThrow();
    expect(run.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it("names the variable to set when the corpus is missing", async () => {
    const run = await runPaperbot(["search", "x"], { env: { CORPUS_DIR: "/nonexistent/corpus" } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "paperbot: corpus directory '/nonexistent/corpus' not found: pass --corpus DIR or set CORPUS_DIR\n",
    );
  });
});
