import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openStore } from "../../../store/openStore.ts";
import { runPaperbot } from "../../helpers/cli.ts";
import { CORPUS_DIR } from "../../helpers/corpus.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

const dbIn = (label: string) => join(tempDir(label), "paperbot.db");

describe("paperbot digest", () => {
  it("previews the next digest as text: the week's paper, its questions, the date", async () => {
    const run = await runPaperbot(["digest", "preview"], {
      env: { CORPUS_DIR, DATABASE_PATH: dbIn("cli-digest") },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Preview of the next digest, due Monday \d+ \w+ \d{4} at 09:00 UTC\./,
    );
    expect(run.stdout).toContain("Reading group digest · ");
    expect(run.stdout).toContain("Questions to start the discussion:");
    expect(run.stdout).toMatch(/ {2}1\. .+\?\n {2}2\. .+\?/);
    expect(run.stdout).toContain("https://arxiv.org/abs/");
  });

  it("previews the Slack and Discord payloads as JSON", async () => {
    const env = { CORPUS_DIR, DATABASE_PATH: dbIn("cli-digest") };
    const slack = await runPaperbot(["digest", "preview", "--platform", "slack"], { env });
    expect(JSON.parse(slack.stdout).blocks[0]).toMatchObject({ type: "header" });
    const discord = await runPaperbot(["digest", "preview", "--platform", "discord"], { env });
    const message = JSON.parse(discord.stdout);
    expect(message.embeds[0].url).toMatch(/^https:\/\/arxiv\.org\/abs\//);
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  it("shows what the queue will feature next without choosing it", async () => {
    const env = { CORPUS_DIR, DATABASE_PATH: dbIn("cli-digest") };
    const first = await runPaperbot(["digest", "preview"], { env });
    const again = await runPaperbot(["digest", "preview"], { env });
    expect(again.stdout).toBe(first.stdout);
    const store = openStore(env.DATABASE_PATH);
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM featured").get()).toEqual({ n: 0 });
    store.close();
  });

  it("has nothing to post with no channel subscribed, and says so", async () => {
    const run = await runPaperbot(["digest", "run"], {
      env: { CORPUS_DIR, DATABASE_PATH: dbIn("cli-digest") },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No channel is subscribed to the digest");
  });

  it("lists subscriptions and the next date in status", async () => {
    const DATABASE_PATH = dbIn("cli-digest");
    const store = openStore(DATABASE_PATH);
    store.subscriptions.subscribe("slack", "C0123ABCD");
    store.close();
    const run = await runPaperbot(["digest", "status"], {
      env: { CORPUS_DIR, DATABASE_PATH, DIGEST_TZ: "Europe/Berlin" },
    });
    expect(run.stdout).toContain("Subscribed channels (1):\n  slack C0123ABCD (command)");
    expect(run.stdout).toMatch(/Next digest: Monday .* at 09:00 Europe\/Berlin/);
  });

  it("says in status what became of each digest's open questions", async () => {
    const DATABASE_PATH = dbIn("cli-digest");
    const store = openStore(DATABASE_PATH);
    const posted = (channelId: string, period: string) => {
      const key = { platform: "slack", channelId, period };
      store.ledger.claim(key, "bot", 1);
      store.ledger.posted(key, "m1", 2);
      return key;
    };
    posted("C1", "2026-11-30T09:00:00.000Z");
    store.ledger.claimOpenQuestions(posted("C2", "2026-11-30T09:00:00.000Z"));
    store.ledger.settleOpenQuestions(posted("C3", "2026-11-30T09:00:00.000Z"), "posted", 3);
    const failed = posted("C4", "2026-11-30T09:00:00.000Z");
    store.ledger.settleOpenQuestions(failed, "failed", 1, "Slack refused the thread message: x");
    store.close();
    const run = await runPaperbot(["digest", "status"], { env: { CORPUS_DIR, DATABASE_PATH } });
    const line = (channel: string) =>
      run.stdout.split("\n").find((l) => l.includes(` slack ${channel} `));
    expect(line("C1")).toMatch(/posted \(attempts 1, paper none\)$/);
    expect(line("C2")).toMatch(/; open questions being posted, or left unfinished/);
    expect(line("C3")).toMatch(/; 3 open questions posted in its thread$/);
    expect(line("C4")).toMatch(
      /; 1 open question not posted: Slack refused the thread message: x$/,
    );
  });

  it("rejects unknown actions and platforms with the usage", async () => {
    expect((await runPaperbot(["digest"])).code).toBe(2);
    const bad = await runPaperbot(["digest", "preview", "--platform", "teams"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--platform is text, slack or discord, not 'teams'");
    const cron = await runPaperbot(["digest", "preview"], {
      env: { CORPUS_DIR, DIGEST_CRON: "weekly" },
    });
    expect(cron.code).toBe(2);
    expect(cron.stderr).toContain('DIGEST_CRON is malformed: "weekly" is not a cron expression');
  });
});

describe("the database at start-up", () => {
  it("stops 'paperbot start' with a clear message when another process holds the database", async () => {
    const DATABASE_PATH = dbIn("cli-locked");
    openStore(DATABASE_PATH).close();
    const holder = new Database(DATABASE_PATH);
    holder.exec("BEGIN EXCLUSIVE");
    try {
      const run = await runPaperbot(["start"], {
        env: { CORPUS_DIR, DATABASE_PATH },
        stdin: "what is BEAR?\n",
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `cannot use the database ${DATABASE_PATH} (DATABASE_PATH): it is locked by another process`,
      );
      expect(run.stdout).not.toContain("Stabilizing Off-Policy");
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
  }, 15_000);

  it("stops 'paperbot digest run' when the database's place cannot be created", async () => {
    const file = join(tempDir("cli-notdir"), "a-file");
    writeFileSync(file, "not a directory");
    const DATABASE_PATH = join(file, "data", "paperbot.db");
    const run = await runPaperbot(["digest", "run"], { env: { CORPUS_DIR, DATABASE_PATH } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `cannot use the database ${DATABASE_PATH} (DATABASE_PATH): its directory cannot be created`,
    );
  });

  it("answers /paper digest in the console with a preview, and explains subscribing is for channels", async () => {
    const run = await runPaperbot(["start"], {
      env: { CORPUS_DIR, DATABASE_PATH: dbIn("cli-console") },
      stdin: "/paper digest\n/paper digest subscribe\n",
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Preview of the next digest, due");
    expect(run.stdout).toContain("Questions to start the discussion:");
    expect(run.stdout).toContain("Digests are posted to Slack and Discord channels");
  });
});
