import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DiscordTestBot,
  isVisibleMessage,
  messageOf,
  postsTo,
  startDiscordTestBot,
  visibleText,
} from "../../helpers/discordBot.ts";
import { INTENT } from "../../helpers/discordStandIn.ts";

const MIXMATCH = "MixMatch: A Holistic Approach to Semi-Supervised Learning";
/** A channel the bot is told to answer in that is not the stand-in's channel. */
const OTHER_CHANNEL = "841381828362502999";

/** Lets events in flight settle: what was going to be answered has been by then. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** The visible messages the bot sent since `from`. */
const sent = (bot: DiscordTestBot, from: number) =>
  bot.standIn.calls.slice(from).filter(isVisibleMessage);

/** Asks about MixMatch with a mention, waits for the answer; returns the thread's id. */
async function answeredThread(bot: DiscordTestBot): Promise<string> {
  const from = bot.standIn.calls.length;
  const question = bot.standIn.messageCreate({ content: "what is MixMatch?" });
  // Discord gives a thread started from a message that message's id.
  await bot.standIn.waitFor(postsTo(question.id), 3000, from);
  return question.id;
}

/** A message in the thread that does not mention the bot, as a person follows up. */
function followUp(bot: DiscordTestBot, thread: string, content: string) {
  return bot.standIn.messageCreate({ content, channelId: thread, mentionBot: false });
}

describe("Discord follow-ups without a mention (DISCORD_MESSAGE_CONTENT=on)", () => {
  let bot: DiscordTestBot;
  beforeAll(async () => {
    bot = await startDiscordTestBot({ config: { messageContent: true } });
  });
  afterAll(async () => {
    await bot.close();
  });

  it("asks the gateway for the Message Content intent", () => {
    expect(bot.standIn.identifies[0]?.intents).toBe(
      INTENT.Guilds | INTENT.GuildMessages | INTENT.MessageContent,
    );
  });

  it("answers a question in a thread it answered in, there, on the thread's paper", async () => {
    const thread = await answeredThread(bot);
    const from = bot.standIn.calls.length;
    followUp(bot, thread, "how do they sharpen the labels?");
    const answer = await bot.standIn.waitFor(postsTo(thread), 3000, from);
    expect(visibleText(answer)).toContain(MIXMATCH);
    expect(messageOf(answer).allowed_mentions).toEqual({ parse: [] });
    expect(bot.standIn.calls.slice(from).some((c) => c.path.endsWith("/threads"))).toBe(false);
  });

  it('ignores "thanks!", messages to other people and other bots', async () => {
    const thread = await answeredThread(bot);
    const from = bot.standIn.calls.length;
    const person = followUp(bot, thread, "I think it is the sharpening");
    for (const content of [
      "thanks!",
      "makes sense",
      "<@599890832916873216> what did you think of it?",
      "<@&841381576704262145> what do you all think?",
    ]) {
      bot.standIn.messageCreate({ content, channelId: thread, mentionBot: false });
    }
    // A reply to a person's message is addressed to them.
    bot.standIn.messageCreate({
      content: "why do you say that?",
      channelId: thread,
      mentionBot: false,
      replyTo: person.id,
    });
    bot.standIn.messageCreate({
      content: "what datasets did they use?",
      channelId: thread,
      mentionBot: false,
      authorBot: true,
    });
    await settle();
    expect(sent(bot, from)).toHaveLength(0);
  });

  it("ignores a thread it has not answered in, and channel messages without a mention", async () => {
    const thread = bot.standIn.createThreadChannel({ name: "reading group chat" });
    const from = bot.standIn.calls.length;
    bot.standIn.messageCreate({
      content: "what is MixMatch?",
      channelId: thread.id,
      mentionBot: false,
    });
    bot.standIn.messageCreate({ content: "what is MixMatch?", mentionBot: false });
    await settle();
    expect(sent(bot, from)).toHaveLength(0);
  });

  it("answers a follow-up that mentions the bot once, and a redelivered message once", async () => {
    const thread = await answeredThread(bot);
    const from = bot.standIn.calls.length;
    const message = bot.standIn.messageCreate({
      content: "how do they sharpen the labels?",
      channelId: thread,
    });
    // The gateway delivers the same message again (after a resume, say).
    bot.standIn.dispatch("MESSAGE_CREATE", message);
    await bot.standIn.waitFor(postsTo(thread), 3000, from);
    await settle();
    expect(sent(bot, from)).toHaveLength(1);

    const next = bot.standIn.calls.length;
    const plain = followUp(bot, thread, "what datasets did they use?");
    bot.standIn.dispatch("MESSAGE_CREATE", plain);
    await bot.standIn.waitFor(postsTo(thread), 3000, next);
    await settle();
    expect(sent(bot, next)).toHaveLength(1);
  });
});

describe("Discord with DISCORD_MESSAGE_CONTENT off (the default)", () => {
  let bot: DiscordTestBot;
  beforeAll(async () => {
    bot = await startDiscordTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it("answers only mentions in its threads, as before", async () => {
    const thread = await answeredThread(bot);
    const from = bot.standIn.calls.length;
    followUp(bot, thread, "how do they sharpen the labels?");
    await settle();
    expect(sent(bot, from)).toHaveLength(0);
    bot.standIn.messageCreate({ content: "how do they sharpen the labels?", channelId: thread });
    const answer = await bot.standIn.waitFor(postsTo(thread), 3000, from);
    expect(visibleText(answer)).toContain(MIXMATCH);
  });
});

describe("Discord with DISCORD_ANSWER_CHANNELS", () => {
  it("answers mentions and follow-ups in those channels' threads", async () => {
    const bot = await startDiscordTestBot({
      config: { messageContent: true, answerChannels: ["841381828362502144"] },
    });
    try {
      const thread = await answeredThread(bot);
      const from = bot.standIn.calls.length;
      followUp(bot, thread, "what datasets did they use?");
      const answer = await bot.standIn.waitFor(postsTo(thread), 3000, from);
      expect(visibleText(answer)).toContain(MIXMATCH);
    } finally {
      await bot.close();
    }
  });

  it("points a mention elsewhere to them in one reply that pings no one, and still takes /paper", async () => {
    const bot = await startDiscordTestBot({
      config: { messageContent: true, answerChannels: [OTHER_CHANNEL] },
    });
    try {
      const from = bot.standIn.calls.length;
      const question = bot.standIn.messageCreate({ content: "what is MixMatch?" });
      const pointer = await bot.standIn.waitFor(postsTo(bot.standIn.channelId), 3000, from);
      expect(messageOf(pointer).content).toBe(
        `I answer mentions in <#${OTHER_CHANNEL}>: ask me there, or use \`/paper\` here.`,
      );
      expect(pointer.body.message_reference?.message_id).toBe(question.id);
      expect(messageOf(pointer).allowed_mentions).toEqual({ parse: [], replied_user: false });
      await settle();
      expect(sent(bot, from)).toHaveLength(1);
      expect(bot.standIn.calls.slice(from).some((c) => c.path.endsWith("/threads"))).toBe(false);

      const interaction = bot.standIn.slashCommand({ query: "mixmatch" });
      const card = await bot.standIn.waitFor((c) =>
        c.path.startsWith(`/interactions/${interaction.id}/`),
      );
      expect(visibleText(card)).toContain(MIXMATCH);
    } finally {
      await bot.close();
    }
  });
});
