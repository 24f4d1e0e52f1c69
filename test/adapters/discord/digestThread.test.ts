/**
 * A question in the digest's thread stays on the featured paper, when the digest was posted by
 * another process (`paperbot digest run` beside the bot): the thread's paper reaches the bot only
 * through the SQLite database they share.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discordThreadKey } from "../../../adapters/discord/digestPublisher.ts";
import { search } from "../../../src/retrieval/search.ts";
import { type DigestStore, openStore } from "../../../store/openStore.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { type DiscordTestBot, startDiscordTestBot, visibleText } from "../../helpers/discordBot.ts";
import { openDiscordDigest, tempDatabase } from "../../helpers/discordDigest.ts";
import { CHANNEL_ID, GUILD_ID, type RestCall } from "../../helpers/discordStandIn.ts";
import { guardLoopback, type LoopbackGuard } from "../../helpers/socketModeStandIn.ts";

const VQ_VAE_2 = "Generating Diverse High-Fidelity Images with VQ-VAE-2";
const FOLLOW_UP = "what are its main results?";

let guard: LoopbackGuard;
let bot: DiscordTestBot;
let store: DigestStore;
const path = tempDatabase();

beforeAll(async () => {
  guard = guardLoopback();
  // The bot's own store, as runBot opens it: its thread memory is the database's.
  store = openStore(path);
  // The group reads VQ-VAE-2 first: the queue's first sync keeps the order it is given.
  const ids = [...corpusIndex().papers.keys()];
  store.queue.sync(["vq-vae-2", ...ids.filter((id) => id !== "vq-vae-2")]);
  bot = await startDiscordTestBot({ core: { memory: store.threads, counts: store.counts } });
});
afterAll(async () => {
  await bot.close();
  store.close();
  guard.release();
  expect(guard.hosts.filter((host) => host !== "127.0.0.1")).toEqual([]);
});

describe("the digest's thread on Discord", () => {
  it("answers a follow-up that names no paper from the featured paper, across processes", async () => {
    // Asked anywhere else, the question goes to another paper: only the thread can make it VQ-VAE-2.
    expect(search(corpusIndex(), FOLLOW_UP).results[0]?.paper.id).not.toBe("vq-vae-2");

    // "paperbot digest run": its own store on the same file, posting over REST (real time, so
    // the thread's memory is fresh for the bot's real clock).
    const run = await openDiscordDigest(bot.standIn, { now: Date.now, databasePath: path });
    const [outcome] = await run.service.runDue();
    run.close();
    expect(outcome?.outcome).toBe("posted");
    const digest = bot.standIn.lastMessageIn(CHANNEL_ID);
    const threadId = digest?.id ?? "";
    expect(bot.standIn.channel(threadId)?.type).toBe(11);
    expect(store.threads.paperOf(discordThreadKey(GUILD_ID, threadId))).toBe("vq-vae-2");

    const from = bot.standIn.calls.length;
    bot.standIn.messageCreate({ content: FOLLOW_UP, channelId: threadId });
    const answer = await bot.standIn.waitFor(
      (call: RestCall) => call.method === "POST" && call.path === `/channels/${threadId}/messages`,
      3000,
      from,
    );
    expect(visibleText(answer)).toContain(VQ_VAE_2);
    // Answered in the thread, not in a new one started from the question.
    expect(bot.standIn.calls.slice(from).filter((c) => c.path.endsWith("/threads"))).toEqual([]);
  });
});
