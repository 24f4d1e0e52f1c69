/**
 * The running bot with DIGEST_SLACK_CHANNELS: at start it posts the digest that is due (one
 * missed while it was down, or this period's) once to each configured channel, and a restart on
 * the same database posts nothing more. Real runBot, real Bolt, the Slack stand-in.
 */
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBot } from "../../../app/runBot.ts";
import { staticIndexSource } from "../../../src/retrieval/indexSource.ts";
import { openStore } from "../../../store/openStore.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../../helpers/slackBot.ts";
import { slackBotConfig, tempDatabasePath } from "../../helpers/slackDigest.ts";
import { type SlackStandIn, startSlackStandIn } from "../../helpers/slackStandIn.ts";
import { testLogger } from "../../helpers/testLogger.ts";

const CHANNELS = ["C0123ABCD", "C0456EFGH"];

let standIn: SlackStandIn;
const databasePath = tempDatabasePath();
/** Every log line of every run. */
const logs: string[] = [];

beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(async () => {
  await standIn.close();
});

/** Starts the bot on the shared database; `stop()` sends it SIGTERM as a supervisor would. */
async function startBot() {
  // No secrets handed to the logger: only its token-shaped scrubbing stands between a leak
  // and the log, so a secret logged by the bot's own code would show here.
  const { logger, lines } = await testLogger("debug");
  let stop: (signal: string) => void = () => {};
  const exit = runBot({
    config: slackBotConfig(standIn.apiUrl, { slackChannels: CHANNELS, databasePath }),
    logger,
    source: staticIndexSource(corpusIndex()),
    console: { input: new PassThrough(), output: new PassThrough() },
    stopSignal: new Promise((resolve) => {
      stop = resolve;
    }),
  });
  const ready = async () => {
    for (let tries = 0; tries < 150 && !lines.some((l) => l.includes("paperbot is ready")); tries++)
      await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return {
    exit,
    ready,
    lines,
    async stop() {
      stop("SIGTERM");
      const code = await exit;
      logs.push(...lines);
      return code;
    },
  };
}

describe("runBot with DIGEST_SLACK_CHANNELS", () => {
  it("posts the due digest once to each configured channel at start", async () => {
    const bot = await startBot();
    for (const channel of CHANNELS) {
      await standIn.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === channel);
    }
    expect(await bot.stop()).toBe(0);
    for (const channel of CHANNELS) expect(standIn.posts(channel)).toHaveLength(1);
    const posted = bot.lines.filter((l) => JSON.parse(l).msg === "posted the digest");
    expect(posted).toHaveLength(2);
    const store = openStore(databasePath);
    try {
      expect(store.ledger.recent(10).map((r) => [r.channelId, r.status])).toEqual(
        CHANNELS.map((c) => [c, "posted"]),
      );
    } finally {
      store.close();
    }
  });

  it("posts nothing more when started again on the same database", async () => {
    const before = standIn.posts().length;
    const bot = await startBot();
    await bot.ready();
    // Stopping waits for the scheduler's first run, the one at start, to finish.
    expect(await bot.stop()).toBe(0);
    expect(bot.lines.some((l) => l.includes("paperbot is ready"))).toBe(true);
    expect(standIn.posts()).toHaveLength(before);
  });

  it("logs neither the bot token nor the signing secret", () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) {
      expect(line).not.toContain(TEST_BOT_TOKEN);
      expect(line).not.toContain(TEST_SIGNING_SECRET);
    }
  });
});
