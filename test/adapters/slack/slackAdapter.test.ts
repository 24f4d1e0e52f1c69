import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestSlackAdapter,
  type SlackTestBot,
  startSlackTestBot,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "../../helpers/slackBot.ts";
import {
  BOT_USER_ID,
  imageBlocks,
  type SlackCall,
  slackSignature,
  slashCommandBody,
  startSlackStandIn,
  visibleText,
} from "../../helpers/slackStandIn.ts";

let bot: SlackTestBot;
let eventCount = 0;
const nextEvent = () => {
  eventCount += 1;
  return { eventId: `Ev${eventCount}`, ts: `1700000${eventCount}.000200` };
};

beforeAll(async () => {
  bot = await startSlackTestBot();
});
afterAll(async () => {
  await bot.close();
});

describe("Slack adapter (Bolt over HTTP on loopback)", () => {
  it("acknowledges /paper mixmatch at once and answers with the card in the channel", async () => {
    const began = Date.now();
    const { response, responseUrl } = await bot.command("mixmatch");
    expect(response.status).toBe(200);
    expect(Date.now() - began).toBeLessThan(3000);
    const call = await bot.standIn.waitFor(
      (c) => c.method === "response_url" && visibleText(c).includes("MixMatch"),
    );
    expect(call.body.response_type).toBe("in_channel");
    expect(visibleText(call)).toContain(
      "<https://arxiv.org/abs/1905.02249|MixMatch: A Holistic Approach to Semi-Supervised Learning>",
    );
    expect(imageBlocks(call)[0]?.image_url).toMatch(/^https:\/\/i\.imgur\.com\//);
    expect(responseUrl).toContain("/response/");
  });

  it("answers a mention in the mention's thread, citing the paper, with the passage's figure", async () => {
    const event = nextEvent();
    const from = bot.standIn.calls.length;
    const response = await bot.mention({
      ...event,
      text: `<@${BOT_USER_ID}> how does BEAR avoid out-of-distribution actions?`,
    });
    expect(response.status).toBe(200);
    const call = await bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    expect(call.body.channel).toBe("C1");
    expect(call.body.thread_ts).toBe(event.ts);
    expect(visibleText(call)).toContain(
      "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction",
    );
    const [image] = imageBlocks(call);
    expect(image?.image_url).toMatch(/^https:\/\/i\.imgur\.com\//);
    expect(image?.alt_text).toContain("Figure from");
  });

  it("keeps a follow-up in the same thread on the thread's paper", async () => {
    const root = nextEvent();
    await bot.mention({ ...root, text: `<@${BOT_USER_ID}> what is MixMatch?` });
    await bot.standIn.waitFor(
      (c) => c.method === "chat.postMessage" && c.body.thread_ts === root.ts,
    );
    const followUp = nextEvent();
    const from = bot.standIn.calls.length;
    await bot.mention({
      ...followUp,
      threadTs: root.ts,
      text: `<@${BOT_USER_ID}> how do they sharpen the labels?`,
    });
    const call = await bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    expect(call.body.thread_ts).toBe(root.ts);
    expect(visibleText(call)).toContain("MixMatch: A Holistic Approach");
  });

  it("answers a retried event once", async () => {
    const event = nextEvent();
    const from = bot.standIn.calls.length;
    const text = `<@${BOT_USER_ID}> what does VQ-VAE-2 generate?`;
    await bot.mention({ ...event, text });
    await bot.mention(
      { ...event, text },
      { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    );
    await bot.mention(
      { ...event, text },
      { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" },
    );
    await bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const posts = bot.standIn.calls.slice(from).filter((c) => c.method === "chat.postMessage");
    expect(posts).toHaveLength(1);
  });

  it("rejects a bad or stale signature and answers nothing", async () => {
    const from = bot.standIn.calls.length;
    const body = slashCommandBody({
      text: "mixmatch",
      responseUrl: bot.standIn.responseUrl("forged"),
    });
    const forged = await bot.post(body, {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignature("not-the-signing-secret", body),
    });
    expect(forged.status).toBe(401);
    const stale = await bot.post(body, {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignature(TEST_SIGNING_SECRET, body, Math.floor(Date.now() / 1000) - 10 * 60),
    });
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bot.standIn.calls.slice(from).filter((c) => c.method !== "auth.test")).toEqual([]);
  });

  it("refuses a request dated more than five minutes ahead, as one five minutes old (#14)", async () => {
    const from = bot.standIn.calls.length;
    const post = (offsetSeconds: number, label: string) => {
      const body = slashCommandBody({
        text: "mixmatch",
        responseUrl: bot.standIn.responseUrl(label),
      });
      return bot.post(body, {
        "content-type": "application/x-www-form-urlencoded",
        ...slackSignature(TEST_SIGNING_SECRET, body, Math.floor(Date.now() / 1000) + offsetSeconds),
      });
    };
    expect((await post(10 * 60, "future")).status).toBe(401);
    expect((await post(5 * 60 + 30, "just-beyond")).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bot.standIn.calls.slice(from).filter((c) => c.method !== "auth.test")).toEqual([]);
    // A clock a little behind Slack's is no reason to refuse.
    expect((await post(4 * 60, "slightly-ahead")).status).toBe(200);
  });

  it("never pings: <!channel> and @here in a question come back as plain text", async () => {
    const event = nextEvent();
    const from = bot.standIn.calls.length;
    await bot.mention({
      ...event,
      text: `<@${BOT_USER_ID}> <!channel> @here <!everyone> zebra husbandry tips?`,
    });
    const call = await bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    const text = visibleText(call);
    expect(text).not.toMatch(/<!(channel|here|everyone)/);
    expect(text).not.toMatch(/@(channel|here|everyone)\b/);
    expect(call.body.link_names).not.toBe(true);
  });

  it("answers an over-long question with a polite error to the asker only, and keeps serving", async () => {
    const from = bot.standIn.calls.length;
    await bot.command(`what is ${"very ".repeat(400)}long?`);
    const call = await bot.standIn.waitFor((c) => c.method === "response_url", 3000, from);
    expect(call.body.response_type).toBe("ephemeral");
    expect(visibleText(call)).toMatch(/please ask in at most/);
    const next = bot.standIn.calls.length;
    await bot.command("bear");
    await bot.standIn.waitFor(
      (c) => c.method === "response_url" && visibleText(c).includes("Bootstrapping"),
      3000,
      next,
    );
  });

  it("shows help only to the asker", async () => {
    const from = bot.standIn.calls.length;
    await bot.command("help");
    const call = await bot.standIn.waitFor((c) => c.method === "response_url", 3000, from);
    expect(call.body.response_type).toBe("ephemeral");
    expect(visibleText(call)).toContain("/paper list");
  });

  it("answers again without the image when Slack refuses the figure", async () => {
    const event = nextEvent();
    const from = bot.standIn.calls.length;
    bot.standIn.failNext("chat.postMessage", "invalid_blocks");
    await bot.mention({
      ...event,
      text: `<@${BOT_USER_ID}> how does BEAR avoid out-of-distribution actions?`,
    });
    await bot.standIn.waitFor(
      (c) => c.method === "chat.postMessage" && imageBlocks(c).length === 0,
      3000,
      from,
    );
    const posts = bot.standIn.calls.slice(from).filter((c) => c.method === "chat.postMessage");
    expect(posts).toHaveLength(2);
    expect(imageBlocks(posts[0] as SlackCall)).toHaveLength(1);
    expect(visibleText(posts[1] as SlackCall)).toContain("Bootstrapping Error Reduction");
  });

  it("keeps the bot token and signing secret out of every log line", () => {
    expect(bot.logs.length).toBeGreaterThan(0);
    for (const line of bot.logs) {
      expect(line).not.toContain(TEST_BOT_TOKEN);
      expect(line).not.toContain(TEST_SIGNING_SECRET);
    }
  });
});

describe("Slack adapter start-up", () => {
  it("fails start() with a clear reason when Slack rejects the token, and logs no secret", async () => {
    const standIn = await startSlackStandIn();
    standIn.failNext("auth.test", "invalid_auth");
    const { adapter, lines } = await createTestSlackAdapter(standIn.apiUrl);
    await expect(adapter.start()).rejects.toThrow(/did not accept SLACK_BOT_TOKEN.*invalid_auth/);
    expect(adapter.address()).toBeUndefined();
    expect(lines.join("\n")).not.toContain(TEST_BOT_TOKEN);
    await adapter.stop();
    await standIn.close();
  });
});
