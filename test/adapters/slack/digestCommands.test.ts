/**
 * `/paper digest [subscribe|unsubscribe]` through the real Slack adapter over HTTP (signed slash
 * commands, replies on the response URL), with a real DigestService on a temporary database.
 * Who may subscribe comes from the stand-in's users.info and conversations.info.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdapterCore } from "../../../src/pipeline/context.ts";
import { FakeClock } from "../../helpers/fakeClock.ts";
import {
  type SlackTestBot,
  startSlackTestBot,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "../../helpers/slackBot.ts";
import { DIGEST_DUE_AT, openSlackDigest, type SlackDigest } from "../../helpers/slackDigest.ts";
import { type SlackCall, visibleText } from "../../helpers/slackStandIn.ts";

/** The configured channel (DIGEST_SLACK_CHANNELS). */
const CONFIGURED = "C0CONFIG1";
/** Users as users.info describes them. */
const ADMIN = "UADMIN";
const OWNER = "UOWNER";
const MEMBER = "UMEMBER";
const CREATOR = "UMAKER";
/** A channel MEMBER did not create but CREATOR did. */
const CREATED = "C0MADE123";
const REFUSED = "Only the workspace's admins or the channel's creator can change";

let bot: SlackTestBot;
let opened: SlackDigest;

beforeAll(async () => {
  // Commands never post a digest, so the service's own Web API client points nowhere.
  opened = await openSlackDigest("http://127.0.0.1:9/api/", {
    slackChannels: [CONFIGURED],
    now: new FakeClock(DIGEST_DUE_AT).now,
  });
  const { digest } = opened;
  const core: Partial<AdapterCore> = {
    memory: digest.store.threads,
    counts: digest.store.counts,
    digest,
  };
  bot = await startSlackTestBot({
    core,
    standIn: {
      users: { [ADMIN]: { is_admin: true }, [OWNER]: { is_owner: true } },
      channels: { [CREATED]: { creator: CREATOR } },
    },
  });
});
afterAll(async () => {
  await bot.close();
  opened.digest.store.close();
});

/** Runs `/paper TEXT` in `channel` as `user`; resolves with the reply on the response URL. */
async function slash(text: string, channel: string, user: string): Promise<SlackCall> {
  const from = bot.standIn.calls.length;
  const { response } = await bot.command(text, { channel, user });
  expect(response.status).toBe(200);
  return bot.standIn.waitFor((c) => c.method === "response_url", 3000, from);
}

const subscription = (channel: string) => opened.digest.store.subscriptions.get("slack", channel);

describe("/paper digest on Slack", () => {
  it("previews the channel's next digest to the asker only, claiming and posting nothing", async () => {
    const reply = await slash("digest", "C0PREVIEW", MEMBER);
    expect(reply.body.response_type).toBe("ephemeral");
    const blocks = reply.body.blocks as Array<{ type: string }>;
    // The note first, so the preview is not mistaken for the posted digest.
    expect(blocks[0]?.type).toBe("context");
    expect(visibleText(reply)).toContain(
      "Preview, only you can see it. This channel is not subscribed: `/paper digest subscribe`",
    );
    expect(blocks[1]).toMatchObject({ type: "header" });
    // Not subscribed: its first digest would be the next period's.
    expect(visibleText(reply)).toContain("Reading group digest · 7 December 2026");
    expect(visibleText(reply)).toContain("Questions to start the discussion");
    expect(bot.standIn.posts()).toEqual([]);
    expect(opened.digest.store.ledger.recent(10)).toEqual([]);
  });

  it("lets a workspace admin subscribe a channel, and says when the next digest comes", async () => {
    const from = bot.standIn.calls.length;
    const reply = await slash("digest subscribe", "C0ADMIN12", ADMIN);
    expect(reply.body.response_type).toBe("ephemeral");
    expect(visibleText(reply)).toContain(
      "Subscribed: this channel gets the reading-group digest; the next is Monday 7 December 2026 at 09:00 UTC.",
    );
    expect(subscription("C0ADMIN12")).toMatchObject({ source: "command" });
    // The rights were asked of Slack with the bot token.
    const lookup = bot.standIn.calls.slice(from).find((c) => c.method === "users.info");
    expect(lookup).toMatchObject({ body: { user: ADMIN }, token: TEST_BOT_TOKEN });
  });

  it("lets a workspace owner subscribe too", async () => {
    const reply = await slash("digest subscribe", "C0OWNER12", OWNER);
    expect(visibleText(reply)).toContain("Subscribed:");
    expect(subscription("C0OWNER12")).toBeDefined();
  });

  it("refuses a member who neither administers the workspace nor created the channel", async () => {
    const reply = await slash("digest subscribe", CREATED, MEMBER);
    expect(reply.body.response_type).toBe("ephemeral");
    expect(visibleText(reply)).toContain(REFUSED);
    expect(subscription(CREATED)).toBeUndefined();
  });

  it("lets the channel's creator subscribe it", async () => {
    const reply = await slash("digest subscribe", CREATED, CREATOR);
    expect(visibleText(reply)).toContain("Subscribed:");
    expect(subscription(CREATED)).toMatchObject({ source: "command" });
  });

  it("refuses a plain member's unsubscribe and keeps the subscription", async () => {
    const reply = await slash("digest unsubscribe", CREATED, MEMBER);
    expect(visibleText(reply)).toContain(REFUSED);
    expect(subscription(CREATED)).toBeDefined();
  });

  it("says a subscribed channel already gets it, and previews with that in the note", async () => {
    const again = await slash("digest subscribe", CREATED, CREATOR);
    expect(visibleText(again)).toContain("This channel already gets the digest");
    const preview = await slash("digest", CREATED, MEMBER);
    expect(visibleText(preview)).toContain(
      "Preview, only you can see it: this channel gets it Monday 7 December 2026",
    );
  });

  it("unsubscribes a channel subscribed by command", async () => {
    const reply = await slash("digest unsubscribe", CREATED, CREATOR);
    expect(reply.body.response_type).toBe("ephemeral");
    expect(visibleText(reply)).toContain("Unsubscribed: this channel gets no more digests.");
    expect(subscription(CREATED)).toBeUndefined();
    const again = await slash("digest unsubscribe", CREATED, CREATOR);
    expect(visibleText(again)).toContain("This channel is not subscribed to the digest.");
  });

  it("leaves a configured channel subscribed and says the configuration rules it", async () => {
    const reply = await slash("digest unsubscribe", CONFIGURED, ADMIN);
    expect(visibleText(reply)).toContain(
      "This channel gets the digest through the bot's configuration (DIGEST_SLACK_CHANNELS)",
    );
    expect(subscription(CONFIGURED)).toMatchObject({ source: "config" });
    // Configured channels get this period's digest, which has not gone out yet: that is next.
    const preview = await slash("digest", CONFIGURED, MEMBER);
    expect(visibleText(preview)).toContain("Reading group digest · 30 November 2026");
  });

  it("refuses to subscribe a direct message, without asking Slack who the asker is", async () => {
    const from = bot.standIn.calls.length;
    const reply = await slash("digest subscribe", "D0DIRECT1", ADMIN);
    expect(reply.body.response_type).toBe("ephemeral");
    expect(visibleText(reply)).toContain("Run `/paper digest subscribe` in the channel");
    expect(subscription("D0DIRECT1")).toBeUndefined();
    const lookups = bot.standIn.calls.slice(from).filter((c) => c.method.endsWith(".info"));
    expect(lookups).toEqual([]);
  });

  it("keeps the bot token and signing secret out of every log line", () => {
    for (const line of [...bot.logs, ...opened.lines]) {
      expect(line).not.toContain(TEST_BOT_TOKEN);
      expect(line).not.toContain(TEST_SIGNING_SECRET);
    }
  });
});
