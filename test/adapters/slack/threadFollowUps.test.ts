import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackTestBot, startSlackTestBot } from "../../helpers/slackBot.ts";
import { BOT_USER_ID, type SlackCall, visibleText } from "../../helpers/slackStandIn.ts";

const MIXMATCH = "MixMatch: A Holistic Approach";

let count = 0;
/** A fresh event id and message timestamp. */
const nextEvent = () => {
  count += 1;
  return { eventId: `EvF${count}`, ts: `1710000${count}.000300` };
};

const posts = (bot: SlackTestBot, from: number): SlackCall[] =>
  bot.standIn.calls.slice(from).filter((c) => c.method === "chat.postMessage");

/** Lets events in flight settle: what was going to be answered has been by then. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** Asks about MixMatch with a mention, waits for the answer; returns the thread's root ts. */
async function answeredThread(bot: SlackTestBot, channel = "C1"): Promise<string> {
  const root = nextEvent();
  const from = bot.standIn.calls.length;
  await bot.mention({ ...root, channel, text: `<@${BOT_USER_ID}> what is MixMatch?` });
  await bot.standIn.waitFor(
    (c) => c.method === "chat.postMessage" && c.body.thread_ts === root.ts,
    3000,
    from,
  );
  return root.ts;
}

describe("Slack follow-ups without a mention (THREAD_FOLLOWUPS=questions, the default)", () => {
  let bot: SlackTestBot;
  beforeAll(async () => {
    bot = await startSlackTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it("answers a question in a thread it answered in, in the thread, on the thread's paper", async () => {
    const root = await answeredThread(bot);
    const from = bot.standIn.calls.length;
    await bot.message({ ...nextEvent(), threadTs: root, text: "how do they sharpen the labels?" });
    const call = await bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    expect(call.body.channel).toBe("C1");
    expect(call.body.thread_ts).toBe(root);
    expect(visibleText(call)).toContain(MIXMATCH);
  });

  it("answers in a private channel's thread too (message.groups)", async () => {
    const root = await answeredThread(bot, "G0PRIVATE1");
    const from = bot.standIn.calls.length;
    await bot.message({
      ...nextEvent(),
      channel: "G0PRIVATE1",
      channelType: "group",
      threadTs: root,
      text: "what datasets did they use?",
    });
    const call = await bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    expect(call.body.thread_ts).toBe(root);
  });

  it('ignores "thanks!", a message to another person and a long discussion', async () => {
    const root = await answeredThread(bot);
    const from = bot.standIn.calls.length;
    for (const text of [
      "thanks!",
      "makes sense",
      "<@U0ALICE> what did you think of it?",
      `why ${"so much text ".repeat(60)}?`,
    ]) {
      await bot.message({ ...nextEvent(), threadTs: root, text });
    }
    await settle();
    expect(posts(bot, from)).toHaveLength(0);
  });

  it("ignores a thread it has not answered in, and top-level channel messages", async () => {
    const from = bot.standIn.calls.length;
    await bot.message({ ...nextEvent(), threadTs: "1600000000.000100", text: "what is MixMatch?" });
    await bot.message({ ...nextEvent(), text: "what is MixMatch?" });
    await settle();
    expect(posts(bot, from)).toHaveLength(0);
  });

  it("answers a message that mentions the bot once, though Slack sends both events", async () => {
    const root = await answeredThread(bot);
    const from = bot.standIn.calls.length;
    const event = nextEvent();
    const text = `<@${BOT_USER_ID}> how do they sharpen the labels?`;
    await bot.message({ ...event, threadTs: root, text });
    await bot.mention({ ...event, eventId: `${event.eventId}m`, threadTs: root, text });
    await bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    await settle();
    expect(posts(bot, from)).toHaveLength(1);
  });

  it("answers a redelivered follow-up once", async () => {
    const root = await answeredThread(bot);
    const from = bot.standIn.calls.length;
    const event = { ...nextEvent(), threadTs: root, text: "what datasets did they use?" };
    await bot.message(event);
    await bot.message(event, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    await bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    await settle();
    expect(posts(bot, from)).toHaveLength(1);
  });

  it("ignores other bots, its own messages, edits and other subtypes", async () => {
    const root = await answeredThread(bot);
    const from = bot.standIn.calls.length;
    const question = "how do they sharpen the labels?";
    await bot.message({
      ...nextEvent(),
      threadTs: root,
      text: question,
      botId: "BOTHER",
      subtype: "bot_message",
    });
    await bot.message({ ...nextEvent(), threadTs: root, text: question, botId: "BOTHER" });
    await bot.message({ ...nextEvent(), threadTs: root, text: question, user: BOT_USER_ID });
    await bot.message({
      ...nextEvent(),
      threadTs: root,
      text: question,
      subtype: "message_changed",
    });
    await bot.message({
      ...nextEvent(),
      threadTs: root,
      text: question,
      subtype: "thread_broadcast",
    });
    await settle();
    expect(posts(bot, from)).toHaveLength(0);
  });
});

describe("Slack with THREAD_FOLLOWUPS=mention", () => {
  let bot: SlackTestBot;
  beforeAll(async () => {
    bot = await startSlackTestBot({ conversation: { threadFollowUps: "mention" } });
  });
  afterAll(async () => {
    await bot.close();
  });

  it("answers only mentions in its threads, as before", async () => {
    const root = await answeredThread(bot);
    const from = bot.standIn.calls.length;
    await bot.message({ ...nextEvent(), threadTs: root, text: "how do they sharpen the labels?" });
    await settle();
    expect(posts(bot, from)).toHaveLength(0);
    await bot.mention({
      ...nextEvent(),
      threadTs: root,
      text: `<@${BOT_USER_ID}> how do they sharpen the labels?`,
    });
    const call = await bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    expect(visibleText(call)).toContain(MIXMATCH);
  });
});

describe("Slack with SLACK_ANSWER_CHANNELS", () => {
  let bot: SlackTestBot;
  beforeAll(async () => {
    bot = await startSlackTestBot({
      conversation: { answerChannels: ["C0ANSWERS", "C0PAPERS2"] },
    });
  });
  afterAll(async () => {
    await bot.close();
  });

  it("answers mentions and follow-ups in those channels", async () => {
    const root = await answeredThread(bot, "C0ANSWERS");
    const from = bot.standIn.calls.length;
    await bot.message({
      ...nextEvent(),
      channel: "C0ANSWERS",
      threadTs: root,
      text: "what datasets did they use?",
    });
    const call = await bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    expect(call.body.thread_ts).toBe(root);
  });

  it("points a mention elsewhere to them, to the asker alone, and answers nothing there", async () => {
    const from = bot.standIn.calls.length;
    const event = nextEvent();
    await bot.mention({ ...event, user: "U7", text: `<@${BOT_USER_ID}> what is MixMatch?` });
    const pointer = await bot.standIn.waitFor((c) => c.method === "chat.postEphemeral", 3000, from);
    expect(pointer.body).toMatchObject({ channel: "C1", user: "U7", thread_ts: event.ts });
    expect(pointer.body.text).toBe(
      "I answer mentions in <#C0ANSWERS> or <#C0PAPERS2>: ask me there, or use `/paper` here.",
    );
    await settle();
    expect(posts(bot, from)).toHaveLength(0);
  });

  it("still answers /paper everywhere", async () => {
    const { responseUrl } = await bot.command("mixmatch");
    const call = await bot.standIn.waitFor(
      (c) => c.method === "response_url" && visibleText(c).includes("MixMatch"),
    );
    expect(call.body.response_type).toBe("in_channel");
    expect(responseUrl).toContain("/response/");
  });
});
