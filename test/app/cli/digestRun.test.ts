/**
 * `paperbot digest run` against the Slack stand-in: one try of each owed digest (`runOnce`) on a
 * fake clock, so a 30 s backoff passes at once, and the command itself in-process.
 */

import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { LIVE_CLAIM_MS, type RunClock, runOnce } from "../../../app/cli/commands/digestOutput.ts";
import type { CliIO } from "../../../app/cli/io.ts";
import { DigestSchedule } from "../../../app/digest/schedule.ts";
import { MAX_ATTEMPTS } from "../../../store/ledger.ts";
import { openStore } from "../../../store/openStore.ts";
import { runPaperbot } from "../../helpers/cli.ts";
import { FakeClock } from "../../helpers/fakeClock.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../../helpers/slackBot.ts";
import {
  DIGEST_DUE_AT,
  DIGEST_PERIOD,
  openSlackDigest,
  type SlackDigest,
} from "../../helpers/slackDigest.ts";
import { type SlackStandIn, startSlackStandIn } from "../../helpers/slackStandIn.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

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

/** The stand-in (refusing GONE) and a digest service on it for `channels`, due on `clock`. */
async function setUp(clock: FakeClock, channels: string[]) {
  standIn = await startSlackStandIn({ rejectChannels: [GONE] });
  opened = await openSlackDigest(standIn.apiUrl, { slackChannels: channels, now: clock.now });
  return { standIn, digest: opened.digest };
}

/** `digest run`'s clock on the fake one: a wait lets the time pass at once. */
function runClock(clock: FakeClock): RunClock {
  return { now: clock.now, sleep: (ms) => clock.advance(ms) };
}

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid ?? 0;
}

describe("digest run (runOnce)", () => {
  it("tries a refused post once, says when it is retried and by whom, and exits 1 at once (#14)", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { standIn, digest } = await setUp(clock, [CHANNEL]);
    standIn.failNext("chat.postMessage", "internal_error");
    const { io, stdout } = captureIO();
    expect(await runOnce(digest, io)).toBe(1);
    expect(stdout().trim().split("\n")).toEqual([
      `failed    slack ${CHANNEL}: Slack refused the digest: internal_error (attempt 1; the next run or the bot retries from 2026-11-30T09:00:35.000Z)`,
      "Digest of 30 November 2026: 0 posted now, 1 not posted.",
    ]);
    expect(standIn.posts(CHANNEL)).toHaveLength(1);
  });

  it("says Slack could not be reached, not that it refused, and exits 1 promptly (#14)", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { standIn, digest } = await setUp(clock, [CHANNEL]);
    await standIn.close();
    const { io, stdout } = captureIO();
    const began = Date.now();
    expect(await runOnce(digest, io)).toBe(1);
    expect(Date.now() - began).toBeLessThan(5000);
    expect(stdout()).toContain(`failed    slack ${CHANNEL}: Slack could not be reached:`);
    expect(stdout()).not.toContain("refused");
    expect(stdout()).toContain("0 posted now, 1 not posted.");
  });

  it("run again before the retry is due: still exits 1, naming the digest owed (#14: '0 posted', exit 0)", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { standIn, digest } = await setUp(clock, [CHANNEL]);
    standIn.failNext("chat.postMessage", "internal_error");
    expect(await runOnce(digest, captureIO().io)).toBe(1);
    const again = captureIO();
    expect(await runOnce(digest, again.io)).toBe(1);
    expect(again.stdout().trim().split("\n")).toEqual([
      `failed    slack ${CHANNEL}: Slack refused the digest: internal_error (attempt 1; the next run or the bot retries from 2026-11-30T09:00:35.000Z)`,
      "Digest of 30 November 2026: 0 posted now, 1 not posted.",
    ]);
    expect(standIn.posts(CHANNEL)).toHaveLength(1);
    // The run after the backoff posts it, and all is well.
    await clock.advance(30_000);
    const later = captureIO();
    expect(await runOnce(digest, later.io)).toBe(0);
    expect(later.stdout()).toMatch(
      new RegExp(`^posted    slack ${CHANNEL} \\(message \\d+\\.\\d+\\)$`, "m"),
    );
    expect(later.stdout()).toContain("1 posted now, 0 not posted.");
    expect(standIn.delivered(CHANNEL)).toHaveLength(1);
  });

  it("mentions a digest left 'sending' by a process that was killed, and exits 1 (#14)", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { standIn, digest } = await setUp(clock, [CHANNEL]);
    const owner = `${hostname()}:${deadPid()}`;
    const key = { platform: "slack" as const, channelId: CHANNEL, period: DIGEST_PERIOD };
    digest.store.ledger.claim(key, owner, clock.now());
    const { io, stdout } = captureIO();
    expect(await runOnce(digest, io, runClock(clock))).toBe(1);
    expect(clock.now()).toBe(Date.parse(DIGEST_DUE_AT));
    const [line, summary] = stdout().trim().split("\n");
    expect(line).toContain(
      `sending   slack ${CHANNEL}: claimed at 2026-11-30T09:00:05.000Z by ${owner} (no longer running), never finished.`,
    );
    expect(line).toContain("may or may not be in the channel");
    expect(summary).toBe("Digest of 30 November 2026: 0 posted now, 1 not posted.");
    expect(standIn.posts(CHANNEL)).toHaveLength(0);
  });

  it("waits for a digest another process is posting now, but not past the post's time limit", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { digest } = await setUp(clock, [CHANNEL]);
    // Another cron host: its pid means nothing here, so only the claim's age tells.
    const key = { platform: "slack" as const, channelId: CHANNEL, period: DIGEST_PERIOD };
    digest.store.ledger.claim(key, "another-host:4242", clock.now());
    const { io, stdout } = captureIO();
    expect(await runOnce(digest, io, runClock(clock))).toBe(1);
    expect(clock.now() - Date.parse(DIGEST_DUE_AT)).toBeGreaterThanOrEqual(LIVE_CLAIM_MS);
    expect(stdout()).toContain(
      `sending   slack ${CHANNEL}: claimed at 2026-11-30T09:00:05.000Z by another-host:4242, never finished.`,
    );
  });

  it("posts to every channel, exits 0, and a second run posts nothing and exits 0", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { standIn, digest } = await setUp(clock, [CHANNEL, "C0OTHER12"]);
    const first = captureIO();
    expect(await runOnce(digest, first.io)).toBe(0);
    expect(first.stdout()).toContain("2 posted now, 0 not posted.");
    const second = captureIO();
    expect(await runOnce(digest, second.io)).toBe(0);
    expect(second.stdout().trim()).toBe("Digest of 30 November 2026: 0 posted now, 0 not posted.");
    expect(standIn.delivered(CHANNEL)).toHaveLength(1);
  });

  it("does not count a failed digest of a channel that is no longer subscribed", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { digest } = await setUp(clock, [CHANNEL, GONE]);
    await digest.runDue();
    // The channel was deleted; whoever runs the bot takes it out of DIGEST_SLACK_CHANNELS.
    digest.store.subscriptions.syncConfigured("slack", [CHANNEL]);
    const { io, stdout } = captureIO();
    expect(await runOnce(digest, io)).toBe(0);
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
