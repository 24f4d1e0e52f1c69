import { createServer } from "node:net";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { DiscordConfig } from "../../adapters/discord/config.ts";
import { runBot } from "../../app/runBot.ts";
import { staticIndexSource } from "../../src/retrieval/indexSource.ts";
import { corpusIndex } from "../helpers/corpus.ts";
import { isVisibleMessage, testDiscordConfig, visibleText } from "../helpers/discordBot.ts";
import { startDiscordStandIn } from "../helpers/discordStandIn.ts";
import { freePort } from "../helpers/freePort.ts";
import { mentionEventBody, slackSignature, startSlackStandIn } from "../helpers/slackStandIn.ts";
import { tempDir } from "../helpers/tempCorpus.ts";
import { testLogger } from "../helpers/testLogger.ts";

const SLACK = { botToken: "xoxb-1-2-runbot", signingSecret: "0123456789abcdef0123456789abcdef" };

/** Polls Slack's HTTP receiver until `/healthz` answers (up to 2 s). */
async function waitForHealth(port: number): Promise<Response | undefined> {
  for (let tries = 0; tries < 100; tries++) {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    if (health) return health;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

async function run(
  port: number,
  stopSignal: Promise<string>,
  apiUrl: string,
  discord?: DiscordConfig,
) {
  const { logger, lines } = await testLogger("info");
  const exit = runBot({
    config: {
      corpusDir: "corpus",
      databasePath: join(tempDir("runbot"), "paperbot.db"),
      digest: { cron: "0 9 * * 1", timeZone: "UTC", slackChannels: [], discordChannels: [] },
      logLevel: "info",
      logFormat: "json",
      slack: { mode: "http", ...SLACK, port, apiUrl },
      ...(discord ? { discord } : {}),
    },
    logger,
    source: staticIndexSource(corpusIndex()),
    console: { input: new PassThrough(), output: new PassThrough() },
    stopSignal,
  });
  return { exit, lines };
}

describe("runBot", () => {
  it("serves Slack until a stop signal, then shuts down cleanly", async () => {
    const standIn = await startSlackStandIn();
    const port = await freePort();
    let stop: (signal: string) => void = () => {};
    const { exit, lines } = await run(
      port,
      new Promise((resolve) => (stop = resolve)),
      standIn.apiUrl,
    );
    const health = await waitForHealth(port);
    expect(await health?.text()).toBe("ok\n");
    stop("SIGTERM");
    expect(await exit).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    const messages = lines.map((line) => JSON.parse(line).msg);
    expect(messages).toEqual(
      expect.arrayContaining(["paperbot is ready", "shutting down", "stopped"]),
    );
    await standIn.close();
  });

  it("logs 'stopped' only after the answers under way have gone out (#14)", async () => {
    // Slack takes 800 ms to take the answer: it is in flight when the stop signal comes.
    const standIn = await startSlackStandIn({ postDelayMs: 800 });
    const port = await freePort();
    let stop: (signal: string) => void = () => {};
    const { exit, lines } = await run(
      port,
      new Promise((resolve) => (stop = resolve)),
      standIn.apiUrl,
    );
    await waitForHealth(port);
    const body = mentionEventBody({
      text: "<@UBOT> what is BEAR?",
      eventId: "Ev-stop",
      ts: "1.000100",
    });
    const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...slackSignature(SLACK.signingSecret, body) },
    });
    expect(response.status).toBe(200);
    await standIn.waitFor((call) => call.method === "chat.postMessage");
    stop("SIGTERM");
    expect(await exit).toBe(0);
    const messages = lines.map((line) => JSON.parse(line).msg);
    expect(messages.indexOf("answered a mention")).toBeGreaterThan(-1);
    expect(messages.indexOf("answered a mention")).toBeLessThan(messages.indexOf("stopped"));
    await standIn.close();
  });

  it("exits 1 with a logged reason when an adapter cannot start", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const { exit, lines } = await run(port, new Promise(() => {}), "http://127.0.0.1:9/api/");
    expect(await exit).toBe(1);
    expect(lines.join("\n")).toContain("a chat adapter failed to start");
    await new Promise((resolve) => blocker.close(resolve));
  });

  it("says in one sentence, with no stack trace, that PORT is busy (#14: a second bot logged a stack)", async () => {
    const standIn = await startSlackStandIn();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const { exit, lines } = await run(port, new Promise(() => {}), standIn.apiUrl);
    expect(await exit).toBe(1);
    const fatal = lines.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0].msg).toBe(
      `paperbot: PORT ${port} is already in use (another paperbot?): stop that process or set PORT to a free port`,
    );
    expect(lines.join("\n")).not.toMatch(/"stack"| {4}at /);
    await new Promise((resolve) => blocker.close(resolve));
    await standIn.close();
  });

  it("serves Slack and Discord from one process, one corpus", async () => {
    const slack = await startSlackStandIn();
    const discord = await startDiscordStandIn();
    const port = await freePort();
    let stop: (signal: string) => void = () => {};
    const { exit, lines } = await run(
      port,
      new Promise((resolve) => (stop = resolve)),
      slack.apiUrl,
      testDiscordConfig(discord),
    );
    try {
      await discord.ready();
      const from = discord.calls.length;
      discord.slashCommand({ query: "mixmatch" });
      const answer = await discord.waitFor(isVisibleMessage, 5000, from);
      expect(visibleText(answer)).toContain("MixMatch");
      const health = await waitForHealth(port);
      expect(health?.status).toBe(200);
      const ready = lines
        .map((line) => JSON.parse(line))
        .find((l) => l.msg === "paperbot is ready");
      expect(ready?.adapters).toEqual(["slack", "discord"]);
    } finally {
      stop("SIGTERM");
      expect(await exit).toBe(0);
      await slack.close();
      await discord.close();
    }
  });

  it("exits 1 when Discord ends the connection for good, stopping the other adapters", async () => {
    const slack = await startSlackStandIn();
    const discord = await startDiscordStandIn();
    const port = await freePort();
    const { exit, lines } = await run(
      port,
      new Promise(() => {}),
      slack.apiUrl,
      testDiscordConfig(discord),
    );
    await discord.ready();
    // Wait until the bot is serving, then revoke its session as a token reset would.
    for (
      let tries = 0;
      tries < 100 && !lines.some((l) => l.includes("paperbot is ready"));
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    discord.dropConnection(4004);
    expect(await exit).toBe(1);
    expect(lines.join("\n")).toContain("DISCORD_TOKEN is no longer valid");
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    await slack.close();
    await discord.close();
  });
});
