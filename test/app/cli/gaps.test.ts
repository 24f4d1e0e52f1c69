/**
 * `paperbot gaps` run as a person runs it (the real CLI, in-process), on a database that a bot's
 * connection holds open and writes to, as the running bot would.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AnswerRecord } from "../../../src/feedback/feedback.ts";
import { type DigestStore, openStore } from "../../../store/openStore.ts";
import { runPaperbot } from "../../helpers/cli.ts";
import { CORPUS_DIR } from "../../helpers/corpus.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

const DAY = 24 * 60 * 60 * 1000;

/** A fresh database and the environment the CLI reads it with. */
function freshDatabase(): { path: string; env: Record<string, string> } {
  const path = join(tempDir("cli-gaps"), "paperbot.db");
  return { path, env: { CORPUS_DIR, DATABASE_PATH: path } };
}

const declined = (question: string, paperId?: string): AnswerRecord => ({
  kind: "declined",
  platform: "slack",
  scope: "slack",
  question,
  ...(paperId ? { paperId } : {}),
});

const PASSAGE =
  "We evaluate on CIFAR-10, CIFAR-100, SVHN and STL-10, following the standard semi-supervised protocol with a Wide ResNet-28 model trained for a million steps.";

/** Three gaps: one declined three times, one answer voted down twice, one declined once. */
function recordGaps(store: DigestStore): void {
  const feedback = store.feedback;
  feedback.record(declined("How does BEAR pick its kernel?", "bear"));
  feedback.record(declined("how does bear pick its kernel", "bear"));
  feedback.record(declined("HOW does BEAR pick its kernel?!", "bear"));
  const answerId = feedback.record({
    kind: "answered",
    platform: "slack",
    scope: "slack",
    question: "What datasets did they use?",
    paperId: "mixmatch",
    passage: PASSAGE,
    section: "Experiments › Data",
  });
  feedback.vote({ answerId, platform: "slack", voter: "U0ADA", helpful: false });
  feedback.vote({ answerId, platform: "slack", voter: "U0GRACE", helpful: false });
  feedback.record(declined("who won the\n2019 cup? \u202Egnp.exe"));
}

describe("paperbot gaps", () => {
  it("lists declined and voted-down questions, most frequent first, with what was shown", async () => {
    const { path, env } = freshDatabase();
    const store = openStore(path);
    recordGaps(store);
    store.close();
    const run = await runPaperbot(["gaps"], { env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Knowledge gaps since \d{4}-\d\d-\d\d \(the last 90 days\): 3 questions, declined or voted not helpful 6 times in all\./,
    );
    const entries = run.stdout.split("\n\n").slice(1, 4);
    expect(entries[0]).toMatch(
      /^ {3}3× {2}declined {5}HOW does BEAR pick its kernel\?!\n {20}last asked \d{4}-\d\d-\d\d, in a thread about bear$/,
    );
    expect(entries[1]).toContain("2×  not helpful  What datasets did they use?");
    expect(entries[1]).toContain("answered from mixmatch (Experiments › Data)");
    expect(entries[1]).toMatch(/shown: "We evaluate on CIFAR-10, .*…"/);
    expect(entries[1]).not.toContain("a million steps");
    // Someone's question, shown on one line and without the characters that reorder a terminal.
    expect(entries[2]).toContain("1×  declined     who won the 2019 cup? gnp.exe\n");
    expect(run.stdout).not.toContain("\u202E");
    expect(run.stdout).toContain("paperbot gaps --export FILE");
  });

  it("prints one JSON object a line with exactly the five promised fields", async () => {
    const { path, env } = freshDatabase();
    const store = openStore(path);
    recordGaps(store);
    store.close();
    const run = await runPaperbot(["gaps", "--json"], { env });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    const gaps = lines.map((line) => JSON.parse(line));
    for (const gap of gaps) {
      expect(Object.keys(gap)).toEqual(["question", "kind", "paperId", "count", "lastAt"]);
      expect(new Date(gap.lastAt).toISOString()).toBe(gap.lastAt);
      expect(Date.now() - Date.parse(gap.lastAt)).toBeLessThan(60_000);
    }
    expect(gaps.map(({ lastAt: _, ...rest }) => rest)).toEqual([
      {
        question: "HOW does BEAR pick its kernel?!",
        kind: "declined",
        paperId: "bear",
        count: 3,
      },
      { question: "What datasets did they use?", kind: "unhelpful", paperId: "mixmatch", count: 2 },
      {
        question: "who won the\n2019 cup? \u202Egnp.exe",
        kind: "declined",
        paperId: null,
        count: 1,
      },
    ]);
    // The question is as asked, but never breaks the line or reorders a terminal.
    expect(lines[2]).toContain("who won the\\n2019 cup? \\u202egnp.exe");
  });

  it("reads beside a bot that holds the database open and is writing, seeing what it committed", async () => {
    const { path, env } = freshDatabase();
    const bot = openStore(path);
    recordGaps(bot);
    // The bot, mid-write: its write lock held, a declined question not yet committed.
    bot.db.exec("BEGIN IMMEDIATE");
    bot.feedback.record(declined("an uncommitted question?"));
    const began = Date.now();
    const during = await runPaperbot(["gaps", "--json"], { env });
    expect(Date.now() - began).toBeLessThan(3000); // never waited out the 5 s busy timeout
    expect(during.stderr).toBe("");
    expect(during.code).toBe(0);
    expect(during.stdout).not.toContain("uncommitted");
    expect(during.stdout.trimEnd().split("\n")).toHaveLength(3);
    bot.db.exec("COMMIT");
    bot.feedback.record(declined("what is MMD?", "bear"));
    const after = await runPaperbot(["gaps", "--json"], { env });
    const questions = after.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line).question);
    expect(questions).toEqual(expect.arrayContaining(["an uncommitted question?", "what is MMD?"]));
    expect(questions).toHaveLength(5);
    // The bot's connection works on after the CLI came and went.
    expect(bot.feedback.record(declined("still there?"))).toMatch(/^[\w-]{16}$/);
    bot.close();
  });

  it("looks back --days N, by default the retention period", async () => {
    const { path, env } = freshDatabase();
    const tenDaysAgo = openStore(path, { now: () => Date.now() - 10 * DAY });
    tenDaysAgo.feedback.record(declined("an older question?"));
    tenDaysAgo.close();
    const today = openStore(path);
    today.feedback.record(declined("a newer question?"));
    today.close();
    const questions = async (args: string[], extra: Record<string, string> = {}) =>
      (await runPaperbot(["gaps", "--json", ...args], { env: { ...env, ...extra } })).stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).question);
    expect(await questions(["--days", "5"])).toEqual(["a newer question?"]);
    expect(await questions(["--days", "11"])).toHaveLength(2);
    expect(await questions([])).toHaveLength(2);
    expect(await questions([], { FEEDBACK_RETENTION_DAYS: "7" })).toEqual(["a newer question?"]);
  });

  it("refuses a --days that is not a whole number of days, with the usage (exit 2)", async () => {
    const { env } = freshDatabase();
    for (const days of ["0", "-1", "1.5", "week", "", "99999999"]) {
      const run = await runPaperbot(["gaps", "--days", days], { env });
      expect(run.code, days).toBe(2);
      expect(run.stderr, days).toMatch(/^paperbot gaps: --days must be a whole number of days/);
    }
    const stray = await runPaperbot(["gaps", "everything"], { env });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain("usage: paperbot gaps [--json] [--days N] [--export FILE]");
    expect(existsSync(env.DATABASE_PATH as string)).toBe(false);
  });

  it("says when some questions are counted without their words (RECORD_QUESTIONS=off)", async () => {
    const { path, env } = freshDatabase();
    const store = openStore(path, { feedback: { recordQuestions: false } });
    recordGaps(store);
    store.close();
    const offEnv = { ...env, RECORD_QUESTIONS: "off" };
    const text = await runPaperbot(["gaps"], { env: offEnv });
    expect(text.stdout).toContain("No knowledge gaps since");
    expect(text.stdout).toContain(
      "5 more declined or voted-down questions are counted without the words asked (RECORD_QUESTIONS=off).",
    );
    const json = await runPaperbot(["gaps", "--json"], { env: offEnv });
    expect(json.stdout).toBe("");
    expect(json.stderr).toMatch(/^paperbot gaps: 5 more .* without the words asked/);
  });

  it("never clears text itself, whatever retention its own environment says", async () => {
    const { path, env } = freshDatabase();
    const old = openStore(path, { now: () => Date.now() - 20 * DAY });
    old.feedback.record(declined("a question from three weeks ago?"));
    old.close();
    const run = await runPaperbot(["gaps", "--days", "30"], {
      env: { ...env, FEEDBACK_RETENTION_DAYS: "10" },
    });
    expect(run.stdout).toContain("No knowledge gaps since");
    expect(run.stdout).toContain(
      "1 more declined or voted-down question is counted without the words asked (words are kept FEEDBACK_RETENTION_DAYS=10 days, and not at all with RECORD_QUESTIONS=off).",
    );
    const store = openStore(path);
    expect(store.db.prepare("SELECT question FROM answers").get()).toEqual({
      question: "a question from three weeks ago?",
    });
    store.close();
  });

  it("says there is no database, rather than that there are no gaps, and makes none", async () => {
    const { path, env } = freshDatabase();
    const run = await runPaperbot(["gaps"], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `paperbot: there is no database at ${path} (DATABASE_PATH): nothing has been recorded there. Point DATABASE_PATH at the bot's database.\n`,
    );
    expect(existsSync(path)).toBe(false);
  });

  it("names a malformed FEEDBACK_RETENTION_DAYS (exit 2)", async () => {
    const { env } = freshDatabase();
    const run = await runPaperbot(["gaps"], { env: { ...env, FEEDBACK_RETENTION_DAYS: "a year" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('FEEDBACK_RETENTION_DAYS is malformed: "a year"');
  });

  it("is in the help", async () => {
    const help = await runPaperbot(["help"]);
    expect(help.stdout).toContain("paperbot gaps [--json] [--days N] [--export FILE]");
    expect(help.stdout).toContain("paperbot stats [--json] [--days N]");
  });
});
