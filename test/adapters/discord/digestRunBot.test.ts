/**
 * `paperbot start` with `DIGEST_DISCORD_CHANNELS`: the bot posts the digest it finds due when it
 * starts (one missed while it was down), and a restart on the same database posts nothing more.
 */
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotConfig, secretsOf } from "../../../app/config.ts";
import { runBot } from "../../../app/runBot.ts";
import { staticIndexSource } from "../../../src/retrieval/indexSource.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import {
  discordDigestConfig,
  logRecords,
  postsToChannel,
  startsThread,
  tempDatabase,
} from "../../helpers/discordDigest.ts";
import { CHANNEL_ID, startDiscordStandIn } from "../../helpers/discordStandIn.ts";
import { guardLoopback, type LoopbackGuard } from "../../helpers/socketModeStandIn.ts";
import { testLogger } from "../../helpers/testLogger.ts";

let guard: LoopbackGuard;

beforeAll(() => {
  guard = guardLoopback();
});
afterAll(() => {
  guard.release();
  expect(guard.hosts.filter((host) => host !== "127.0.0.1")).toEqual([]);
});

/**
 * Runs the bot until `until` resolves (given the log lines so far), then stops it as SIGTERM
 * would; resolves with its exit code and log lines.
 */
async function runUntil(
  config: BotConfig,
  until: (lines: string[]) => Promise<unknown>,
): Promise<{ code: number; lines: string[] }> {
  const { logger, lines } = await testLogger("info", secretsOf(config));
  let stop: (signal: string) => void = () => {};
  const exit = runBot({
    config: { ...config, logLevel: "info" },
    logger,
    source: staticIndexSource(corpusIndex()),
    console: { input: new PassThrough(), output: new PassThrough() },
    stopSignal: new Promise((resolve) => (stop = resolve)),
  });
  try {
    await Promise.race([until(lines), exit]);
  } finally {
    stop("SIGTERM");
  }
  // runBot stops the scheduler before it returns, letting a run in progress finish.
  return { code: await exit, lines };
}

/** Resolves once a line with message `msg` has been logged; rejects after 5 s. */
async function logged(lines: string[], msg: string): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 10) {
    if (logRecords(lines).some((l) => l.msg === msg)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no "${msg}" logged; lines: ${lines.join("\n")}`);
}

describe("runBot with DIGEST_DISCORD_CHANNELS", () => {
  it("posts the due digest once at start, and nothing more after a restart", async () => {
    const standIn = await startDiscordStandIn();
    const config = discordDigestConfig(standIn, tempDatabase());
    try {
      const first = await runUntil(config, (lines) => logged(lines, "posted the digest"));
      expect(first.code).toBe(0);
      const digests = standIn.messagesIn(CHANNEL_ID);
      expect(digests).toHaveLength(1);
      expect(digests[0]?.content).toMatch(/^\*\*Reading group digest · /);
      expect(standIn.channel(digests[0]?.id ?? "")?.type).toBe(11);

      // The bot is ready before its scheduler's first run, which stopping waits for.
      const second = await runUntil(config, (lines) => logged(lines, "paperbot is ready"));
      expect(second.code).toBe(0);
      expect(standIn.calls.filter(postsToChannel)).toHaveLength(1);
      expect(standIn.calls.filter(startsThread)).toHaveLength(1);
      expect(logRecords(second.lines).some((l) => l.msg === "posted the digest")).toBe(false);

      const everything = [...first.lines, ...second.lines].join("\n");
      expect(everything).not.toContain(standIn.token);
    } finally {
      await standIn.close();
    }
  });
});
