import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, INTERNAL_ERROR } from "../../../adapters/discord/discordAdapter.ts";
import { ThreadMemory } from "../../../src/answer/threadMemory.ts";
import { staticIndexSource } from "../../../src/retrieval/indexSource.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import {
  type DiscordTestBot,
  EPHEMERAL,
  embedImages,
  isCallback,
  isVisibleMessage,
  messageOf,
  postsTo,
  startDiscordTestBot,
  testDiscordConfig,
  visibleText,
} from "../../helpers/discordBot.ts";
import { INTENT, startDiscordStandIn } from "../../helpers/discordStandIn.ts";
import { testLogger } from "../../helpers/testLogger.ts";

const MIXMATCH = "MixMatch: A Holistic Approach to Semi-Supervised Learning";
const BEAR = "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction";

let bot: DiscordTestBot;

beforeAll(async () => {
  bot = await startDiscordTestBot();
});
afterAll(async () => {
  await bot.close();
});

describe("Discord adapter (discord.js against a loopback Discord)", () => {
  it("identifies with Guilds and GuildMessages only: no privileged intent", () => {
    const [identify] = bot.standIn.identifies;
    expect(identify?.intents).toBe(INTENT.Guilds | INTENT.GuildMessages);
  });

  it("answers /paper mixmatch at once with the card's embed and figure, pinging no one", async () => {
    const began = performance.now();
    const interaction = bot.standIn.slashCommand({ query: "mixmatch" });
    const call = await bot.standIn.waitFor(isCallback(interaction.id));
    expect(performance.now() - began).toBeLessThan(3000);
    expect(call.body.type).toBe(4);
    const [embed] = messageOf(call).embeds ?? [];
    expect(embed?.title).toBe(MIXMATCH);
    expect(embed?.url).toBe("https://arxiv.org/abs/1905.02249");
    expect(embed?.footer?.text).toMatch(/Berthelot.*2019/);
    expect(embedImages(call)[0]).toMatch(/^https:\/\/i\.imgur\.com\//);
    expect(messageOf(call).allowed_mentions).toEqual({ parse: [] });
    expect((messageOf(call).flags ?? 0) & EPHEMERAL).toBe(0);
  });

  it("defers a /paper question, then edits the answer in", async () => {
    const from = bot.standIn.calls.length;
    const interaction = bot.standIn.slashCommand({
      query: "how does BEAR avoid out-of-distribution actions?",
    });
    const deferred = await bot.standIn.waitFor(isCallback(interaction.id), 3000, from);
    expect(deferred.body.type).toBe(5);
    const edit = await bot.standIn.waitFor(
      (c) => c.method === "PATCH" && c.path.endsWith(`/${interaction.token}/messages/@original`),
      3000,
      from,
    );
    expect(visibleText(edit)).toContain(BEAR);
    expect(visibleText(edit)).toMatch(/\*\*[^*]+\*\*/);
    expect(embedImages(edit)).toHaveLength(1);
    expect(messageOf(edit).allowed_mentions).toEqual({ parse: [] });
  });

  it("autocompletes 'mix' with MixMatch and 'vq vae' with VQ-VAE-2, at most 25 choices", async () => {
    for (const [typed, id] of [
      ["mix", "mixmatch"],
      ["vq vae", "vq-vae-2"],
    ] as const) {
      const began = performance.now();
      const interaction = bot.standIn.autocomplete({ query: typed });
      const call = await bot.standIn.waitFor(isCallback(interaction.id));
      expect(performance.now() - began).toBeLessThan(3000);
      expect(call.body.type).toBe(8);
      const choices = call.body.data.choices as Array<{ name: string; value: string }>;
      expect(choices.length).toBeLessThanOrEqual(25);
      expect(choices[0]?.value).toBe(id);
    }
    const interaction = bot.standIn.autocomplete({ query: "" });
    const call = await bot.standIn.waitFor(isCallback(interaction.id));
    expect(call.body.data.choices.length).toBe(9);
  });

  it("answers a mention in a thread started from the message, and a follow-up there", async () => {
    const from = bot.standIn.calls.length;
    const message = bot.standIn.messageCreate({ content: "how does BEAR avoid OOD actions?" });
    const started = await bot.standIn.waitFor(
      (c) => c.path === `/channels/${message.channel_id}/messages/${message.id}/threads`,
      3000,
      from,
    );
    expect(started.body.name).toBe("how does BEAR avoid OOD actions?");
    const thread = message.id; // Discord gives a thread started from a message that message's id.
    const answer = await bot.standIn.waitFor(postsTo(thread), 3000, from);
    expect(visibleText(answer)).toContain(BEAR);
    expect(embedImages(answer)).toHaveLength(1);
    expect(messageOf(answer).allowed_mentions).toEqual({ parse: [] });

    const next = bot.standIn.calls.length;
    bot.standIn.messageCreate({ content: "what is the MMD constraint?", channelId: thread });
    const followUp = await bot.standIn.waitFor(postsTo(thread), 3000, next);
    expect(visibleText(followUp)).toContain(BEAR);
    // Asked in the thread, answered in it: no second thread.
    expect(bot.standIn.calls.slice(next).some((c) => c.path.endsWith("/threads"))).toBe(false);
  });

  it("takes a reply to its answer (with the reply's ping) as a follow-up in the thread", async () => {
    const from = bot.standIn.calls.length;
    const question = bot.standIn.messageCreate({ content: "what is MixMatch?" });
    await bot.standIn.waitFor(postsTo(question.id), 3000, from);
    const answered = bot.standIn.calls.length;
    // The bot's answer, as the stand-in stored it, is what the person replies to.
    const botAnswer = bot.standIn.lastMessageIn(question.id);
    expect(botAnswer?.author.id).toBe(bot.standIn.botUserId);
    bot.standIn.messageCreate({
      content: "how do they sharpen the labels?",
      channelId: question.id,
      replyTo: botAnswer?.id ?? "",
    });
    const followUp = await bot.standIn.waitFor(postsTo(question.id), 3000, answered);
    expect(visibleText(followUp)).toContain(MIXMATCH);
    expect(messageOf(followUp).allowed_mentions).toEqual({ parse: [] });
  });

  it("keeps @everyone, @here, roles and users in a question from pinging anyone", async () => {
    const from = bot.standIn.calls.length;
    const message = bot.standIn.messageCreate({
      content: "@everyone @here <@&841381576704262145> <@599890832916873216> what is MixMatch?",
      mentionEveryone: true,
    });
    const answer = await bot.standIn.waitFor(postsTo(message.id), 3000, from);
    expect(messageOf(answer).allowed_mentions).toEqual({ parse: [] });
    expect(visibleText(answer)).not.toMatch(/@everyone|@here|<@/);
    const thread = bot.standIn.calls.slice(from).find((c) => c.path.endsWith("/threads"));
    expect(thread?.body.name).not.toMatch(/@everyone|@here|<@/);
  });

  it("answers in the channel when it may not start a thread", async () => {
    bot.standIn.failNext((c) => c.path.endsWith("/threads"), 403, {
      message: "Missing Permissions",
      code: 50013,
    });
    const from = bot.standIn.calls.length;
    bot.standIn.messageCreate({ content: "what is MixMatch?" });
    const answer = await bot.standIn.waitFor(postsTo(bot.standIn.channelId), 3000, from);
    expect(visibleText(answer)).toContain(MIXMATCH);
  });

  it("ignores other bots and messages that do not mention it", async () => {
    const from = bot.standIn.calls.length;
    bot.standIn.messageCreate({ content: "what is MixMatch?", authorBot: true });
    bot.standIn.messageCreate({ content: "what is MixMatch?", mentionBot: false });
    const marker = bot.standIn.messageCreate({ content: "what is BEAR?" });
    const first = await bot.standIn.waitFor(isVisibleMessage, 3000, from);
    expect(first.path).toBe(`/channels/${marker.id}/messages`);
    expect(bot.standIn.calls.slice(from).filter((c) => c.path.endsWith("/threads"))).toHaveLength(
      1,
    );
  });

  it("tells the asker privately when an answer cannot be delivered, and logs why", async () => {
    bot.standIn.failNext((c) => c.method === "PATCH", 400, { message: "Bad edit", code: 50035 });
    const from = bot.standIn.calls.length;
    bot.standIn.slashCommand({ query: "how does MixMatch sharpen labels?" });
    const note = await bot.standIn.waitFor(
      (c) => c.method === "POST" && c.path.startsWith("/webhooks/"),
      3000,
      from,
    );
    expect(messageOf(note).content).toBe(INTERNAL_ERROR);
    expect((messageOf(note).flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(bot.logs.some((l) => l.includes("answering an interaction failed"))).toBe(true);
  });

  it("shows help and refusals to the asker only", async () => {
    for (const query of ["help", `why ${"so ".repeat(600)}?`]) {
      const from = bot.standIn.calls.length;
      bot.standIn.slashCommand({ query });
      const call = await bot.standIn.waitFor(isVisibleMessage, 3000, from);
      expect((messageOf(call).flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    }
  });

  it("reconnects when the gateway closes, and answers the next event", async () => {
    const resumes = bot.standIn.resumes;
    bot.standIn.dropConnection(4000);
    const from = bot.standIn.calls.length;
    const interaction = bot.standIn.slashCommand({ query: "bear" });
    const call = await bot.standIn.waitFor(isCallback(interaction.id), 5000, from);
    expect(visibleText(call)).toContain(BEAR);
    expect(bot.standIn.resumes).toBe(resumes + 1);
  });

  it("warns at start that /paper is not registered yet, naming the fix", async () => {
    const warned = () => bot.logs.some((l) => l.includes("npm run register:discord"));
    for (let tries = 0; tries < 100 && !warned(); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(warned()).toBe(true);
  });

  it("never writes the token to its logs", () => {
    expect(bot.logs.length).toBeGreaterThan(0);
    expect(bot.logs.join("\n")).not.toContain(bot.standIn.token);
  });
});

describe("Discord adapter start-up", () => {
  it("fails fast with a clear message, not the token, when Discord refuses the token", async () => {
    const standIn = await startDiscordStandIn();
    const { logger, lines } = await testLogger();
    const wrong = "MTA4MDQyOTI0MzI2OTI1MTA3Mg.Gwrong.this-token-is-not-the-one-the-stand-in-takes";
    const adapter = createDiscordAdapter({
      core: { source: staticIndexSource(corpusIndex()), memory: new ThreadMemory() },
      config: { ...testDiscordConfig(standIn), token: wrong },
      logger,
    });
    try {
      const error = await adapter.start().then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/Discord did not accept DISCORD_TOKEN/);
      expect(error?.message).not.toContain(wrong);
      expect(lines.join("\n")).not.toContain(wrong);
    } finally {
      await adapter.stop();
      await standIn.close();
    }
  });
});
