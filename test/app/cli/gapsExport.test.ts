/**
 * `paperbot gaps --export FILE`: real misses become evaluation questions. The file is read back
 * by the eval's own reader (`bench/evalSets.ts`), which must never take a line still to be
 * labelled for a question, neither a miss nor an "outside" one.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { measureSet, readQuestionFile, readQuestions } from "../../../bench/evalSets.ts";
import { openStore } from "../../../store/openStore.ts";
import { runPaperbot } from "../../helpers/cli.ts";
import { CORPUS_DIR } from "../../helpers/corpus.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

/** A database with two declined questions and an answer voted down, and where to export. */
function database(): { dir: string; env: Record<string, string> } {
  const dir = tempDir("cli-gaps-export");
  const path = join(dir, "paperbot.db");
  const store = openStore(path);
  const feedback = store.feedback;
  feedback.record({
    kind: "declined",
    platform: "slack",
    question: "how does BEAR choose the MMD kernel?",
    paperId: "bear",
  });
  feedback.record({ kind: "declined", platform: "discord", question: "who won the 2019 cup?" });
  const answerId = feedback.record({
    kind: "answered",
    platform: "slack",
    question: "what datasets did MixMatch use?",
    paperId: "mixmatch",
    passage: "MixMatch guesses low-entropy labels.",
  });
  feedback.vote({ answerId, platform: "slack", voter: "U1", helpful: false });
  store.close();
  return { dir, env: { CORPUS_DIR, DATABASE_PATH: path } };
}

describe("paperbot gaps --export", () => {
  it("writes each gap as a question still to be labelled, which the eval reader skips and reports", async () => {
    const { dir, env } = database();
    const file = join(dir, "gaps.jsonl");
    const run = await runPaperbot(["gaps", "--export", file], { env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote 3 questions to .*gaps\.jsonl, each still to be labelled/);
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    const drafts = lines.map((line) => JSON.parse(line));
    expect(drafts.map((d) => d.q).sort()).toEqual([
      "how does BEAR choose the MMD kernel?",
      "what datasets did MixMatch use?",
      "who won the 2019 cup?",
    ]);
    for (const draft of drafts) {
      expect(draft).not.toHaveProperty("paper");
      expect(draft.todo).toMatch(/"paper".*"passage_any"/);
      expect(draft.kind).toMatch(/^gap (declined|unhelpful)$/);
    }
    expect(drafts.find((d) => d.kind === "gap unhelpful")).toMatchObject({
      shown_paper: "mixmatch",
      shown_passage: "MixMatch guesses low-entropy labels.",
      voted_not_helpful: 1,
    });
    expect(drafts.find((d) => d.q.startsWith("how does BEAR"))).toMatchObject({
      thread_paper: "bear",
      declined: 1,
    });
    // Nothing is read as a question yet: not as a miss, not as an "outside" question.
    expect(readQuestionFile(file)).toEqual({ questions: [], unfilled: [1, 2, 3] });
    expect(() => readQuestions(file)).toThrow(/3 lines still to be labelled \(1, 2, 3\)/);
    const asEval = { name: "gaps", corpus: "seed", split: "dev", file } as const;
    expect(() => measureSet(asEval)).toThrow(/still to be labelled/);
    const measured = measureSet({ ...asEval, drafts: true });
    expect(measured.unfilled).toEqual([1, 2, 3]);
    expect(measured.tally.covered + measured.tally.outside).toBe(0);
    // No temporary file is left beside it.
    expect(readdirSync(dir).filter((name) => name.includes("gaps"))).toEqual(["gaps.jsonl"]);
  });

  it("reads a labelled line as a question: a paper's, or one no summary covers", async () => {
    const { dir, env } = database();
    const file = join(dir, "gaps.jsonl");
    await runPaperbot(["gaps", "--export", file], { env });
    const labelled = readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => {
        const { todo: _, ...draft } = JSON.parse(line);
        if (draft.q.startsWith("who won")) return { ...draft, paper: null };
        if (draft.q.startsWith("how does BEAR"))
          return { ...draft, paper: "bear", passage_any: ["MMD"] };
        return JSON.parse(line); // this one is left for later
      });
    writeFileSync(file, `${labelled.map((line) => JSON.stringify(line)).join("\n")}\n`);
    const read = readQuestionFile(file);
    expect(read.questions.map((q) => [q.q, q.paper])).toEqual(
      expect.arrayContaining([
        ["how does BEAR choose the MMD kernel?", "bear"],
        ["who won the 2019 cup?", null],
      ]),
    );
    expect(read.unfilled).toHaveLength(1);
    const measured = measureSet({ name: "gaps", corpus: "seed", split: "dev", file, drafts: true });
    expect(measured.tally.covered).toBe(1);
    expect(measured.tally.outside).toBe(1);
  });

  it("refuses a line whose todo was deleted without labelling it, naming the line", async () => {
    const file = join(tempDir("eval-lines"), "gaps.jsonl");
    writeFileSync(
      file,
      `${JSON.stringify({ q: "what is MMD?", paper: "bear" })}\n${JSON.stringify({ q: "is there code?", kind: "gap declined" })}\n`,
    );
    expect(() => readQuestionFile(file)).toThrow(/gaps\.jsonl:2: has no "paper"/);
    writeFileSync(file, `${JSON.stringify({ q: "what is MMD?", paper: 7 })}\n`);
    expect(() => readQuestionFile(file)).toThrow(
      /gaps\.jsonl:1: "paper" is neither an id nor null/,
    );
    writeFileSync(file, "{not json\n");
    expect(() => readQuestionFile(file)).toThrow(/gaps\.jsonl:1: not a line of JSON/);
  });

  it("never overwrites a file, which may hold labels someone wrote", async () => {
    const { dir, env } = database();
    const file = join(dir, "gaps.jsonl");
    writeFileSync(file, '{"q": "a labelled question", "paper": "bear"}\n');
    const run = await runPaperbot(["gaps", "--export", file], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "gaps.jsonl already exists. paperbot gaps --export never overwrites",
    );
    expect(readFileSync(file, "utf8")).toBe('{"q": "a labelled question", "paper": "bear"}\n');
    expect(readdirSync(dir).filter((name) => name.includes("gaps"))).toEqual(["gaps.jsonl"]);
  });

  it("says so when the directory is missing, and writes nothing when there is nothing to export", async () => {
    const { dir, env } = database();
    const missing = await runPaperbot(["gaps", "--export", join(dir, "no", "gaps.jsonl")], {
      env,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("its directory does not exist");
    const empty = tempDir("cli-gaps-export");
    const path = join(empty, "paperbot.db");
    openStore(path).close();
    const file = join(empty, "gaps.jsonl");
    const run = await runPaperbot(["gaps", "--export", file], {
      env: { ...env, DATABASE_PATH: path },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No knowledge gaps to export");
    expect(existsSync(file)).toBe(false);
  });

  it("takes --export or --json, not both (exit 2)", async () => {
    const { dir, env } = database();
    const run = await runPaperbot(["gaps", "--json", "--export", join(dir, "x.jsonl")], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("one or the other");
    expect(existsSync(join(dir, "x.jsonl"))).toBe(false);
  });
});
