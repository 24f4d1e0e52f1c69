import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPaperbot } from "../../helpers/cli.ts";
import { CORPUS_DIR } from "../../helpers/corpus.ts";
import { unsafeForTerminal } from "../../helpers/terminal.ts";

const env = { CORPUS_DIR };

describe("paperbot ask", () => {
  it("answers as the bot would: paper, citation, passage and figure", async () => {
    const run = await runPaperbot(
      ["ask", "how", "does", "MixMatch", "use", "K", "augmentations?"],
      { env },
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("MixMatch: A Holistic Approach to Semi-Supervised Learning");
    expect(lines[1]).toBe(
      "David Berthelot, Nicholas Carlini, Ian Goodfellow et al. · NeurIPS 2019 · https://arxiv.org/abs/1905.02249",
    );
    expect(run.stdout).toContain("K different augmented versions");
    expect(run.stdout).toContain("Figure: https://i.imgur.com/6lHQqMD.png");
  });

  it("says so when the summaries do not cover the question", async () => {
    const run = await runPaperbot(["ask", "best pizza in Naples"], { env });
    expect(run.stdout.split("\n")[0]).toBe("I couldn't find that in our paper summaries.");
  });

  it("exits 0 when it answers, 1 when the summaries do not cover the question (#14)", async () => {
    expect((await runPaperbot(["ask", "what is BEAR?"], { env })).code).toBe(0);
    expect((await runPaperbot(["ask", "best pizza in Naples"], { env })).code).toBe(1);
  });

  it("exits 1 on a question it turns down, and when any line of standard input went unanswered", async () => {
    const long = await runPaperbot(["ask", "why ".repeat(400)], { env });
    expect(long.code).toBe(1);
    expect(long.stdout).toContain("please ask in at most");
    expect((await runPaperbot(["ask", "/paper", "digest"], { env })).code).toBe(1);
    const mixed = await runPaperbot(["ask"], {
      env,
      stdin: "what is BEAR?\nbest pizza in Naples\n",
    });
    expect(mixed.code).toBe(1);
    expect((await runPaperbot(["ask"], { env, stdin: "what is BEAR?\n/paper list\n" })).code).toBe(
      0,
    );
  });

  it("echoes no control or bidi character of the question to the terminal (#14)", async () => {
    const run = await runPaperbot(["ask", "\u001b[2Jfix\u202ematch\r"], { env });
    expect(run.stdout).toContain('No paper in our summaries is called "[2Jfixmatch".');
    expect(unsafeForTerminal(run.stdout)).toEqual([]);
  });

  it("answers each line of standard input", async () => {
    const run = await runPaperbot(["ask"], { env, stdin: "what is BEAR?\nVQ-VAE-2\n" });
    expect(run.stdout).toContain("Stabilizing Off-Policy Q-Learning");
    expect(run.stdout).toContain("Generating Diverse High-Fidelity Images with VQ-VAE-2");
  });
});

describe("paperbot paper", () => {
  it("prints the card of a paper found by a forgiving name", async () => {
    const run = await runPaperbot(["paper", "vq", "vae", "2"], { env });
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "Generating Diverse High-Fidelity Images with VQ-VAE-2",
      "Ali Razavi, Aaron van den Oord, Oriol Vinyals",
      "NeurIPS 2019 · arXiv 1906.00446 · https://arxiv.org/abs/1906.00446",
      "Also known as: VQ-VAE-2",
    ]);
    expect(run.stdout).toContain("Key figure: https://i.imgur.com/zD78Pp4.png");
  });

  it("exits 1 with the nearest names when nothing matches", async () => {
    const run = await runPaperbot(["paper", "lottery"], { env });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("paperbot: no paper matches 'lottery'.\nDid you mean:\n");
    expect(run.stderr).toContain("one-ticket");
    expect(run.stderr).toContain("deconstructing-lottery-tickets");
  });

  it("echoes no escape sequence or bidi override of the name to stderr (#14)", async () => {
    const run = await runPaperbot(["paper", "\u001b[2J\u001b]0;title\u0007zzz\u202eqqq"], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("no paper matches '[2J]0;titlezzzqqq'");
    expect(unsafeForTerminal(run.stderr)).toEqual([]);
  });

  it("needs a name", async () => {
    expect((await runPaperbot(["paper"], { env })).code).toBe(2);
  });
});

describe("paperbot check", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "paperbot-check-"));
    cpSync(CORPUS_DIR, dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("passes the real corpus", async () => {
    const run = await runPaperbot(["check", "--corpus", CORPUS_DIR]);
    expect(run).toMatchObject({ code: 0, stdout: `${CORPUS_DIR}: 9 paper(s), no problems\n` });
  });

  it("reports each problem as file:line: message and exits 1", async () => {
    const bear = join(dir, "bear.md");
    const source = readFileSync(bear, "utf8");
    const yearLine = source.split("\n").indexOf("year: 2019") + 1;
    writeFileSync(bear, source.replace("year: 2019", "year: soon"));
    writeFileSync(join(dir, "empty.md"), "---\nid: empty\n---\n");
    const run = await runPaperbot(["check", "--corpus", dir]);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split("\n")).toEqual([
      `${bear}:${yearLine}: 'year' must be a year like 2019`,
      `${join(dir, "empty.md")}:1: missing field 'title'`,
      `${join(dir, "empty.md")}:1: missing field 'authors'`,
      `${join(dir, "empty.md")}:1: missing field 'year'`,
      `${join(dir, "empty.md")}:1: missing field 'venue'`,
      `${join(dir, "empty.md")}:1: missing field 'url'`,
      `${join(dir, "empty.md")}:1: missing field 'aliases'`,
      `${join(dir, "empty.md")}:1: missing field 'added'`,
      `${join(dir, "empty.md")}:4: empty summary: write the summary below the front matter`,
    ]);
    expect(run.stderr).toBe("paperbot: 9 problem(s) in 2 file(s); 8 paper(s) OK\n");
  });

  it("fails on a directory with no papers, saying what a corpus is", async () => {
    const empty = mkdtempSync(join(tmpdir(), "paperbot-empty-"));
    const run = await runPaperbot(["check", "--corpus", empty]);
    rmSync(empty, { recursive: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `paperbot: no papers in '${empty}': a corpus is one <id>.md file per paper\n`,
    );
  });

  it("lets the other commands serve the good papers, warning about the broken ones", async () => {
    const run = await runPaperbot([
      "search",
      "--json",
      "--corpus",
      dir,
      "batch reinforcement learning",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(`^paperbot: skipped ${join(dir, "bear.md")}:\\d+: 'year'`),
    );
    const ids = JSON.parse(run.stdout).results.map((r: { paperId: string }) => r.paperId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain("bear");
  });
});

describe("paperbot (no command, unknown command)", () => {
  it("echoes no escape sequence of an unknown command or option (#14)", async () => {
    const command = await runPaperbot(["\u001b[2Jx\u202e"]);
    expect(command.stderr).toContain("unknown command '[2Jx'");
    const option = await runPaperbot(["search", "--\u001b[2J", "x"], { env });
    expect(option.code).toBe(2);
    for (const text of [command.stderr, option.stderr]) expect(unsafeForTerminal(text)).toEqual([]);
  });

  it("prints usage", async () => {
    expect((await runPaperbot([])).code).toBe(2);
    const help = await runPaperbot(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("paperbot search [--json]");
    const unknown = await runPaperbot(["serch"]);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain("unknown command 'serch'");
  });
});
