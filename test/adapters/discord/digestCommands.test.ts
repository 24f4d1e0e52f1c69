/**
 * `/paper digest`, `digest subscribe` and `digest unsubscribe` through the real discord.js client
 * against the stand-in, with a real DigestService on SQLite behind the adapter, as `runBot` wires
 * it. Who may subscribe comes from the member's permissions in the interaction, as on Discord.
 */
import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DigestService } from "../../../app/digest/digestService.ts";
import { DigestSchedule } from "../../../app/digest/schedule.ts";
import { staticIndexSource } from "../../../src/retrieval/indexSource.ts";
import { type DigestStore, openStore } from "../../../store/openStore.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import {
  type DiscordTestBot,
  EPHEMERAL,
  messageOf,
  startDiscordTestBot,
  visibleText,
} from "../../helpers/discordBot.ts";
import { tempDatabase } from "../../helpers/discordDigest.ts";
import { CHANNEL_ID, type RestCall } from "../../helpers/discordStandIn.ts";
import { FakeClock } from "../../helpers/fakeClock.ts";
import { guardLoopback, type LoopbackGuard } from "../../helpers/socketModeStandIn.ts";

const BEAR_TITLE = "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction";
const REFUSED = "Only people who can manage this channel or the server";
const NOT_HERE = "not in a direct message or a thread";

let guard: LoopbackGuard;
let bot: DiscordTestBot;
let store: DigestStore;
// A Wednesday: the next digest is Monday 30 November.
const clock = new FakeClock("2026-11-25T12:00:00Z");

beforeAll(async () => {
  guard = guardLoopback();
  store = openStore(tempDatabase(), { now: clock.now });
  const digest = new DigestService({
    store,
    source: staticIndexSource(corpusIndex()),
    schedule: new DigestSchedule(),
    // Commands never post: the scheduler does, through its own publishers.
    publishers: [],
    now: clock.now,
  });
  bot = await startDiscordTestBot({
    core: { digest, memory: store.threads, counts: store.counts },
  });
});
afterAll(async () => {
  await bot.close();
  store.close();
  guard.release();
  expect(guard.hosts.filter((host) => host !== "127.0.0.1")).toEqual([]);
});
beforeEach(() => {
  for (const s of store.subscriptions.list())
    store.subscriptions.unsubscribe(s.platform, s.channelId);
});

/** Runs `/paper query:<query>` as a member with `permissions`; resolves with the response. */
async function paper(
  query: string,
  options: { permissions?: bigint; channelId?: string } = {},
): Promise<RestCall> {
  const interaction = bot.standIn.slashCommand({ query, ...options });
  return bot.standIn.waitFor((call) => call.path.startsWith(`/interactions/${interaction.id}/`));
}

/** Whether a response is shown to the asker only. */
const ephemeral = (call: RestCall) => ((messageOf(call).flags ?? 0) & EPHEMERAL) !== 0;

describe("/paper digest on Discord", () => {
  it("previews the next digest to the asker only, choosing nothing", async () => {
    const call = await paper("digest");
    expect(call.body.type).toBe(4);
    expect(ephemeral(call)).toBe(true);
    const text = visibleText(call);
    expect(text).toContain("Preview, only you can see it. This channel is not subscribed");
    expect(text).toContain("Reading group digest · 30 November 2026");
    const [embed] = messageOf(call).embeds ?? [];
    expect(embed?.title).toBe(BEAR_TITLE);
    expect(embed?.image?.url).toMatch(/^https:\/\/i\.imgur\.com\//);
    expect(messageOf(call).allowed_mentions).toEqual({ parse: [] });
    expect(store.queue.featuredFor("2026-11-30T09:00:00.000Z")).toBeUndefined();
    expect(store.subscriptions.list()).toEqual([]);
  });

  it("refuses subscribe to a member who cannot manage the channel or the server", async () => {
    const call = await paper("digest subscribe");
    expect(ephemeral(call)).toBe(true);
    expect(visibleText(call)).toContain(REFUSED);
    expect(store.subscriptions.list()).toEqual([]);
  });

  it.each([
    ["Manage Channels", PermissionFlagsBits.ManageChannels],
    ["Manage Server", PermissionFlagsBits.ManageGuild],
  ])("subscribes and unsubscribes the channel for a member with %s", async (_, permission) => {
    const subscribed = await paper("digest subscribe", { permissions: permission });
    expect(ephemeral(subscribed)).toBe(true);
    expect(visibleText(subscribed)).toMatch(
      /^Subscribed: this channel gets the reading-group digest/,
    );
    expect(store.subscriptions.get("discord", CHANNEL_ID)).toMatchObject({ source: "command" });

    // Someone without the permission cannot take it away.
    expect(visibleText(await paper("digest unsubscribe"))).toContain(REFUSED);
    expect(store.subscriptions.get("discord", CHANNEL_ID)).toBeDefined();

    const unsubscribed = await paper("digest unsubscribe", { permissions: permission });
    expect(ephemeral(unsubscribed)).toBe(true);
    expect(visibleText(unsubscribed)).toBe("Unsubscribed: this channel gets no more digests.");
    expect(store.subscriptions.list()).toEqual([]);
  });

  it("refuses to subscribe a thread, even for a manager", async () => {
    const thread = bot.standIn.createThreadChannel({ name: "side chat" });
    const call = await paper("digest subscribe", {
      channelId: thread.id,
      permissions: PermissionFlagsBits.ManageChannels,
    });
    expect(ephemeral(call)).toBe(true);
    expect(visibleText(call)).toContain(NOT_HERE);
    expect(store.subscriptions.list()).toEqual([]);
  });

  it("refuses to subscribe a private thread the bot has never seen", async () => {
    const thread = bot.standIn.createThreadChannel({ name: "mods only", private: true });
    const call = await paper("digest subscribe", {
      channelId: thread.id,
      permissions: PermissionFlagsBits.ManageChannels,
    });
    expect(visibleText(call)).toContain(NOT_HERE);
    expect(store.subscriptions.list()).toEqual([]);
  });
});
