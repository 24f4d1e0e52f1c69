/** `paperbot stats`, run as an organizer runs it, on a database a bot's connection holds open. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AnswerRecord } from "../../../src/feedback/feedback.ts";
import { openStore } from "../../../store/openStore.ts";
import { runPaperbot } from "../../helpers/cli.ts";
import { CORPUS_DIR } from "../../helpers/corpus.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

const DAY = 24 * 60 * 60 * 1000;
const BEAR = "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction";
const MIXMATCH = "MixMatch: A Holistic Approach to Semi-Supervised Learning";

const answered = (paperId: string): AnswerRecord => ({
  kind: "answered",
  platform: "slack",
  question: "how does it work?",
  paperId,
});
const declined: AnswerRecord = { kind: "declined", platform: "slack", question: "who won?" };

/**
 * Today: three answers from BEAR (one voted helpful twice, one not helpful), one from MixMatch
 * (voted not helpful), one from a paper no longer in the corpus, one declined. Fifteen days ago:
 * one answer from MixMatch and one declined. Forty days ago: one declined.
 */
function database(): { path: string; env: Record<string, string> } {
  const path = join(tempDir("cli-stats"), "paperbot.db");
  for (const [ago, records] of [
    [40, [declined]],
    [15, [answered("mixmatch"), declined]],
  ] as const) {
    const past = openStore(path, { now: () => Date.now() - ago * DAY });
    for (const record of records) past.feedback.record(record);
    past.close();
  }
  const store = openStore(path);
  const feedback = store.feedback;
  const vote = (answerId: string, voter: string, helpful: boolean) =>
    feedback.vote({ answerId, platform: "slack", voter, helpful });
  const liked = feedback.record(answered("bear"));
  vote(liked, "U1", true);
  vote(liked, "U2", true);
  vote(feedback.record(answered("bear")), "U1", false);
  feedback.record(answered("bear"));
  vote(feedback.record(answered("mixmatch")), "U3", false);
  feedback.record(answered("a-removed-paper"));
  feedback.record(declined);
  store.close();
  return { path, env: { CORPUS_DIR, DATABASE_PATH: path } };
}

describe("paperbot stats", () => {
  it("prints the figures for a slide: questions, the share answered, weeks, papers by title, votes", async () => {
    const { env } = database();
    const run = await runPaperbot(["stats", "--days", "30"], { env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const text = run.stdout;
    expect(text).toMatch(/^paperbot, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(the last 30 days\)\n\n/);
    expect(text).toContain(
      'Questions: 8, answered confidently 6 (75%), declined 2 ("not in our summaries")',
    );
    expect(text).toContain("Votes on answers: 2 helpful, 2 not helpful");
    const weeks = [...text.matchAll(/^ {2}(\d{4}-\d\d-\d\d)[* ] +(\d+)/gm)];
    expect(weeks.length).toBeGreaterThanOrEqual(5);
    expect(weeks.reduce((n, week) => n + Number(week[2]), 0)).toBe(8);
    expect(text).toMatch(/\d\* {5}6 {2}█{30} {2}83% answered\n/); // this week: the longest bar
    expect(text).toContain(
      `Most-asked papers (answers given from each)\n   1. ${BEAR} (bear): 3\n   2. ${MIXMATCH} (mixmatch): 2\n   3. a-removed-paper: 1\n`,
    );
    expect(text).toContain(
      `Votes per paper (helpful / not helpful)\n  ${BEAR} (bear): 2 / 1\n  ${MIXMATCH} (mixmatch): 0 / 1\n`,
    );
  });

  it("prints one JSON object, with every week of the window from its Monday", async () => {
    const { env } = database();
    const run = await runPaperbot(["stats", "--json", "--days", "30"], { env });
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      days: 30,
      questions: 8,
      answered: 6,
      declined: 2,
      answeredShare: 0.75,
      votes: { helpful: 2, unhelpful: 2 },
      votesPerPaper: [
        { paperId: "bear", title: BEAR, helpful: 2, unhelpful: 1 },
        { paperId: "mixmatch", title: MIXMATCH, helpful: 0, unhelpful: 1 },
      ],
      mostAsked: [
        { paperId: "bear", title: BEAR, count: 3 },
        { paperId: "mixmatch", title: MIXMATCH, count: 2 },
        { paperId: "a-removed-paper", title: null, count: 1 },
      ],
    });
    expect(Date.parse(report.until) - Date.parse(report.since)).toBe(30 * DAY);
    const mondays = report.weeks.map((week: { week: string }) => Date.parse(week.week));
    for (const [i, monday] of mondays.entries()) {
      expect(new Date(monday).getUTCDay()).toBe(1);
      if (i > 0) expect(monday - mondays[i - 1]).toBe(7 * DAY);
    }
    expect(mondays[0]).toBeLessThanOrEqual(Date.parse(report.since));
    expect(mondays[0]).toBeGreaterThan(Date.parse(report.since) - 7 * DAY);
    expect(mondays.at(-1)).toBeGreaterThan(Date.parse(report.until) - 7 * DAY);
    expect(report.weeks[0].partial).toBe(true);
    expect(report.weeks.at(-1)).toMatchObject({ questions: 6, answered: 5, partial: true });
  });

  it("reaches back the retention period by default, and --days further", async () => {
    const { env } = database();
    const questions = async (args: string[], extra: Record<string, string> = {}) =>
      JSON.parse(
        (await runPaperbot(["stats", "--json", ...args], { env: { ...env, ...extra } })).stdout,
      ).questions;
    expect(await questions([])).toBe(9);
    expect(await questions([], { FEEDBACK_RETENTION_DAYS: "20" })).toBe(8);
    expect(await questions(["--days", "1"])).toBe(6);
  });

  it("names the papers by id alone when the corpus cannot be read", async () => {
    const { env } = database();
    const run = await runPaperbot(["stats", "--json"], {
      env: { ...env, CORPUS_DIR: join(tempDir("no-corpus"), "missing") },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).mostAsked[0]).toEqual({ paperId: "bear", title: null, count: 3 });
  });

  it("counts beside a bot that is writing, and says so when nothing was asked yet", async () => {
    const path = join(tempDir("cli-stats"), "paperbot.db");
    const bot = openStore(path);
    bot.db.exec("BEGIN IMMEDIATE");
    bot.feedback.record(declined);
    const run = await runPaperbot(["stats"], { env: { CORPUS_DIR, DATABASE_PATH: path } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Questions: 0, answered confidently 0 (-), declined 0");
    expect(run.stdout).toContain("Most-asked papers (answers given from each)\n  none yet");
    bot.db.exec("COMMIT");
    bot.close();
  });

  it("refuses a bad --days or a stray word (exit 2), and a missing database (exit 1)", async () => {
    const path = join(tempDir("cli-stats"), "paperbot.db");
    const env = { CORPUS_DIR, DATABASE_PATH: path };
    const days = await runPaperbot(["stats", "--days", "0"], { env });
    expect(days.code).toBe(2);
    expect(days.stderr).toContain("--days must be a whole number of days");
    const stray = await runPaperbot(["stats", "weekly"], { env });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain("usage: paperbot stats [--json] [--days N]");
    const missing = await runPaperbot(["stats"], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("(DATABASE_PATH)");
    expect(existsSync(path)).toBe(false);
  });
});
