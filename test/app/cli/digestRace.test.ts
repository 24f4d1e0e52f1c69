/**
 * Two `paperbot digest run` processes started at once on one database (two cron hosts, or cron
 * beside a manual run) post each channel's digest once: the ledger's claim, not luck, decides.
 * The real command is spawned (tsx and all) against the Slack stand-in.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../../store/openStore.ts";
import { runPaperbot } from "../../helpers/cli.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../../helpers/slackBot.ts";
import { type SlackStandIn, startSlackStandIn } from "../../helpers/slackStandIn.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BIN = join(ROOT, "app/cli/paperbot.mjs");
const CHANNELS = ["C0123ABCD", "C0456EFGH"];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `paperbot` command in a child process with `env` added to this one's. */
function spawnPaperbot(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 20_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let standIn: SlackStandIn;
let env: Record<string, string>;

beforeAll(async () => {
  // Slack answers posts slowly, so whichever process claims a digest first is still posting it
  // when the other (started at the same moment, loading as fast) looks: a real race, not two
  // runs one after the other.
  standIn = await startSlackStandIn({ postDelayMs: 1000 });
  env = {
    DATABASE_PATH: join(tempDir("digest-race"), "paperbot.db"),
    INDEX_SNAPSHOT_DIR: tempDir("digest-race-snapshots"),
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: standIn.apiUrl,
    DIGEST_SLACK_CHANNELS: CHANNELS.join(" "),
    // info: the lines saying what was posted are checked for secrets too.
    LOG_LEVEL: "info",
    // Nothing from the developer's environment or .env: no Discord, the default schedule.
    CORPUS_DIR: "",
    SLACK_APP_TOKEN: "",
    DISCORD_TOKEN: "",
    DISCORD_APP_ID: "",
    DISCORD_GUILD_ID: "",
    DIGEST_DISCORD_CHANNELS: "",
    DIGEST_CRON: "",
    DIGEST_TZ: "",
  };
});
afterAll(async () => {
  await standIn.close();
});

describe("two paperbot digest run processes at once", () => {
  it("post each channel's digest exactly once, and both exit 0", async () => {
    const runs = await Promise.all([
      spawnPaperbot(["digest", "run"], env),
      spawnPaperbot(["digest", "run"], env),
    ]);
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
    for (const channel of CHANNELS) expect(standIn.posts(channel)).toHaveLength(1);
    // Each channel is reported posted by one of the two; the other skipped it, or came after.
    const out = runs.map((r) => r.stdout).join("");
    for (const channel of CHANNELS) {
      expect(out.match(new RegExp(`^posted +slack ${channel} `, "gm"))).toHaveLength(1);
    }
    const store = openStore(env.DATABASE_PATH as string);
    try {
      const records = store.ledger.recent(10);
      expect(records.map((r) => [r.channelId, r.status, r.attempts])).toEqual(
        CHANNELS.map((c) => [c, "posted", 1]),
      );
      // Both processes featured the same paper.
      expect(new Set(records.map((r) => r.paperId)).size).toBe(1);
    } finally {
      store.close();
    }
    for (const text of runs.flatMap((r) => [r.stdout, r.stderr])) {
      expect(text).not.toContain(TEST_BOT_TOKEN);
      expect(text).not.toContain(TEST_SIGNING_SECRET);
    }
  }, 30_000);

  it("posts nothing when run again in the same period", async () => {
    const before = standIn.posts().length;
    const run = await runPaperbot(["digest", "run"], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^posted/m);
    expect(run.stdout).toMatch(/: 0 posted now, 0 not posted\.$/m);
    expect(standIn.posts()).toHaveLength(before);
  });
});
