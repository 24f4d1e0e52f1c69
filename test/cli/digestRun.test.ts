/**
 * `paperbot digest run` against the Slack stand-in: its retry loop (`runUntilSettled`) on a fake
 * clock, so the 30 s and 2 min backoffs pass at once, and the command itself in-process.
 */
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { RUN_RETRY_WINDOW_MS } from "../../src/cli/commands/digest.ts";
import { type RunClock, runUntilSettled } from "../../src/cli/commands/digestOutput.ts";
import type { CliIO } from "../../src/cli/io.ts";
import { openStore } from "../../src/digest/digestStore.ts";
import { MAX_ATTEMPTS } from "../../src/digest/ledger.ts";
import { DigestSchedule } from "../../src/digest/schedule.ts";
import { runPaperbot } from "../helpers/cli.ts";
import { FakeClock } from "../helpers/fakeClock.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../helpers/slackBot.ts";
import { DIGEST_DUE_AT, openSlackDigest, type SlackDigest } from "../helpers/slackDigest.ts";
import { type SlackStandIn, startSlackStandIn } from "../helpers/slackStandIn.ts";
import { tempDir } from "../helpers/tempCorpus.ts";

const CHANNEL = "C0123ABCD";
/** A channel Slack no longer knows: every post to it is refused. */
const GONE = "C0GONE123";

let standIn: SlackStandIn | undefined;
let opened: SlackDigest | undefined;
afterEach(async () => {
  opened?.digest.store.close();
  await standIn?.close();
  standIn = opened = undefined;
});

/** A CLI's streams, and what it printed to standard output. */
function captureIO(): { io: CliIO; stdout: () => string } {
  let out = "";
  const stdout = new PassThrough();
  stdout.on("data", (chunk) => {
    out += chunk;
  });
  return {
    io: { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {} },
    stdout: () => out,
  };
}

/**
 * The fake clock as `digest run` waits on it. A run that keeps waiting is a bug, and with a fake
 * clock it would spin without ever yielding to the test's timeout: give up after 20 waits.
 */
function runClock(clock: FakeClock): RunClock {
  let waits = 0;
  return {
    now: clock.now,
    sleep: (ms) => {
      waits += 1;
      if (waits > 20) throw new Error("digest run is still waiting after 20 waits");
      return clock.advance(ms);
    },
  };
}

/** The stand-in (refusing GONE) and a digest service on it for `channels`, due on `clock`. */
async function setUp(clock: FakeClock, channels: string[]) {
  standIn = await startSlackStandIn({ rejectChannels: [GONE] });
  opened = await openSlackDigest(standIn.apiUrl, { slackChannels: channels, now: clock.now });
  return { standIn, digest: opened.digest };
}

describe("digest run's retry loop", () => {
  it("stays for a refused post's 30 s backoff, then posts it once and exits 0", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { standIn, digest } = await setUp(clock, [CHANNEL]);
    standIn.failNext("chat.postMessage", "internal_error");
    const { io, stdout } = captureIO();
    const code = await runUntilSettled(digest, io, RUN_RETRY_WINDOW_MS, runClock(clock));
    expect(code).toBe(0);
    const lines = stdout().trim().split("\n");
    expect(lines[0]).toBe(
      `failed    slack ${CHANNEL}: Slack refused the digest: internal_error (attempt 1; retry at 2026-11-30T09:00:35.000Z)`,
    );
    expect(lines[1]).toMatch(new RegExp(`^posted    slack ${CHANNEL} \\(message \\d+\\.\\d+\\)$`));
    expect(lines[2]).toBe("Digest of 30 November 2026: 1 posted now, 0 not posted.");
    expect(clock.now()).toBe(Date.parse(DIGEST_DUE_AT) + 30_000);
    expect(standIn.delivered(CHANNEL)).toHaveLength(1);
    expect(standIn.posts(CHANNEL)).toHaveLength(2);
  });

  it("retries within its five minutes, then exits 1 naming the channel Slack keeps refusing", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { standIn, digest } = await setUp(clock, [CHANNEL, GONE]);
    const { io, stdout } = captureIO();
    const code = await runUntilSettled(digest, io, RUN_RETRY_WINDOW_MS, runClock(clock));
    expect(code).toBe(1);
    // Tried at once, after 30 s and after 2 more minutes; the next (10 min) is left to later.
    expect(standIn.posts(GONE)).toHaveLength(3);
    expect(standIn.delivered(CHANNEL)).toHaveLength(1);
    const out = stdout();
    expect(out).toContain(
      `failed    slack ${GONE}: Slack refused the digest: channel_not_found (attempt 3; retry at 2026-11-30T09:12:35.000Z)`,
    );
    expect(out.trim().split("\n").at(-1)).toBe(
      "Digest of 30 November 2026: 1 posted now, 1 not posted.",
    );
  });

  it("with a tiny window, exits 1 at once and leaves the retry to the next run", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { standIn, digest } = await setUp(clock, [GONE]);
    const { io, stdout } = captureIO();
    expect(await runUntilSettled(digest, io, 1_000, runClock(clock))).toBe(1);
    expect(clock.now()).toBe(Date.parse(DIGEST_DUE_AT));
    expect(standIn.posts(GONE)).toHaveLength(1);
    expect(stdout()).toContain("0 posted now, 1 not posted.");
    expect(digest.store.ledger.recent(1)[0]).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("does not wait on a failed digest of a channel that is no longer subscribed", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { digest } = await setUp(clock, [CHANNEL, GONE]);
    await digest.runDue();
    // The channel was deleted; whoever runs the bot takes it out of DIGEST_SLACK_CHANNELS.
    digest.store.subscriptions.syncConfigured("slack", [CHANNEL]);
    const { io, stdout } = captureIO();
    expect(await runUntilSettled(digest, io, RUN_RETRY_WINDOW_MS, runClock(clock))).toBe(0);
    expect(stdout()).toContain("Digest of 30 November 2026: 0 posted now, 0 not posted.");
    // Nor does the bot's scheduler: it sleeps until the next period, not on a retry never made.
    await clock.advance(60_000);
    expect(digest.nextWakeAt()).toBe(Date.parse("2026-12-07T09:00:00Z"));
  });
});

describe("paperbot digest run", () => {
  it("gives up a digest after its last attempt: exit 1, the reason, no secret printed", async () => {
    standIn = await startSlackStandIn({ rejectChannels: [GONE] });
    const databasePath = join(tempDir("digest-run"), "paperbot.db");
    // Every attempt but the last has failed already, the last one due now.
    const store = openStore(databasePath);
    const period = new DigestSchedule().periodAt(Date.now())?.toISOString() ?? "";
    const key = { platform: "slack" as const, channelId: GONE, period };
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      store.ledger.claim(key, "an earlier run", Date.now() - 1000);
      store.ledger.failed(key, "Slack refused the digest: channel_not_found", Date.now() - 1000);
    }
    store.close();
    const env = {
      DATABASE_PATH: databasePath,
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      DIGEST_SLACK_CHANNELS: GONE,
      LOG_LEVEL: "warn",
    };
    const run = await runPaperbot(["digest", "run"], { env });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `gave up   slack ${GONE}: Slack refused the digest: channel_not_found (after ${MAX_ATTEMPTS} attempts)`,
    );
    expect(run.stdout).toContain("0 posted now, 1 not posted.");
    expect(standIn.posts(GONE)).toHaveLength(1);
    // The error log line says so too; status shows it given up.
    expect(run.stderr).toContain("giving up for this period");
    const status = await runPaperbot(["digest", "status"], { env });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`slack ${GONE} abandoned (attempts ${MAX_ATTEMPTS}`);
    for (const text of [run.stdout, run.stderr, status.stdout, status.stderr]) {
      expect(text).not.toContain(TEST_BOT_TOKEN);
      expect(text).not.toContain(TEST_SIGNING_SECRET);
    }
  });
});
