/**
 * The weekly digest posted to Discord end to end: a real DigestService (SQLite ledger, reading
 * queue, thread memory) and the real Discord publisher over @discordjs/rest, against the loopback
 * stand-in. The clock is fake, so a retry "30 s later" takes no time.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { discordThreadKey } from "../../../adapters/discord/digestPublisher.ts";
import { QUESTIONS_HEADING } from "../../../src/digest/digestPhrases.ts";
import { OPEN_QUESTIONS_HEADING } from "../../../src/digest/openQuestions.ts";
import { PINGS } from "../../helpers/digests.ts";
import {
  DIGEST_MONDAY,
  type DiscordDigest,
  logRecords,
  openDiscordDigest,
  postsToChannel,
  startsThread,
} from "../../helpers/discordDigest.ts";
import {
  CHANNEL_ID,
  type DiscordStandIn,
  GUILD_ID,
  startDiscordStandIn,
} from "../../helpers/discordStandIn.ts";
import { FakeClock } from "../../helpers/fakeClock.ts";
import { guardLoopback, type LoopbackGuard } from "../../helpers/socketModeStandIn.ts";

const BEAR = {
  id: "bear",
  title: "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction",
  url: "https://arxiv.org/abs/1906.00949",
  figure: "https://i.imgur.com/zUw7XNt.png",
};
/** The first retry of a failed post waits 30 s (RETRY_DELAYS_MS[0]). */
const FIRST_RETRY_MS = 30_000;
const SERVER_ERROR = { message: "500: Internal Server Error", code: 0 };

let guard: LoopbackGuard;
let standIn: DiscordStandIn;
let clock: FakeClock;
let digest: DiscordDigest;

beforeAll(() => {
  guard = guardLoopback();
});
afterAll(() => {
  guard.release();
  expect(guard.hosts.filter((host) => host !== "127.0.0.1")).toEqual([]);
});
beforeEach(async () => {
  standIn = await startDiscordStandIn();
  // The featured paper is the first of the reading queue: BEAR (oldest added, then by id).
  clock = new FakeClock(DIGEST_MONDAY);
  digest = await openDiscordDigest(standIn, { now: clock.now });
});
afterEach(async () => {
  digest.close();
  await standIn.close();
});

/** The one message in the channel, failing the test if there are more or none. */
function onlyMessage() {
  const messages = standIn.messagesIn(CHANNEL_ID);
  expect(messages).toHaveLength(1);
  const [message] = messages;
  if (!message) throw new Error("no message");
  return message;
}

describe("Discord digest, posted through the DigestService", () => {
  it("posts the heading and one embed, opens the discussion thread and remembers its paper", async () => {
    const [outcome] = await digest.service.runDue();
    expect(outcome).toMatchObject({ outcome: "posted", attempt: 1 });
    const message = onlyMessage();
    expect(outcome?.outcome === "posted" && outcome.messageId).toBe(message.id);

    expect(message.content).toBe("**Reading group digest · 30 November 2026**");
    expect(message.embeds).toHaveLength(1);
    const [embed] = message.embeds;
    expect(embed?.title).toBe(BEAR.title);
    expect(embed?.url).toBe(BEAR.url);
    expect(embed?.image?.url).toBe(BEAR.figure);
    const questions = embed?.fields?.find((f) => f.name === QUESTIONS_HEADING);
    expect(questions?.value).toMatch(/^1\. .+\n2\. .+/);
    // Nobody is pinged, whatever a title or question says.
    expect(message.mentions).toEqual([]);
    expect(message.mention_everyone).toBe(false);

    const post = standIn.calls.find(postsToChannel);
    expect(post?.body.allowed_mentions).toEqual({ parse: [] });
    expect(post?.body.enforce_nonce).toBe(true);
    expect(post?.body.nonce).toMatch(/^[\w-]{1,25}$/);

    // A thread from a message shares the message's id on Discord.
    const thread = standIn.channel(message.id);
    expect(thread).toMatchObject({
      type: 11,
      parent_id: CHANNEL_ID,
      name: "BEAR · 30 November 2026",
      thread_metadata: { auto_archive_duration: 10080 },
    });
    const { store } = digest.service;
    expect(store.threads.paperOf(discordThreadKey(GUILD_ID, message.id))).toBe(BEAR.id);
    expect(store.ledger.get(digest.key)).toMatchObject({
      status: "posted",
      messageId: message.id,
      paperId: BEAR.id,
      attempts: 1,
      lastError: null,
    });

    // Later runs in the same period leave it alone.
    await clock.advance(60 * 60 * 1000);
    expect((await digest.service.runDue()).map((o) => o.outcome)).toEqual(["skipped"]);
    expect(standIn.calls.filter(postsToChannel)).toHaveLength(1);
  });

  it("retries a post whose answer was lost after Discord made the message, and posts once", async () => {
    // Discord made the message, but neither the answer nor that of @discordjs/rest's own
    // immediate retry (same body, same nonce) came back: this attempt fails.
    for (let i = 0; i < 2; i++) {
      standIn.failNext(postsToChannel, 500, SERVER_ERROR, { afterEffects: true });
    }
    const [first] = await digest.service.runDue();
    expect(first).toMatchObject({ outcome: "retrying", attempt: 1 });
    expect(digest.service.store.ledger.get(digest.key)).toMatchObject({ status: "failed" });
    const made = onlyMessage();

    // Not before the backoff...
    await clock.advance(FIRST_RETRY_MS - 1000);
    expect((await digest.service.runDue()).map((o) => o.outcome)).toEqual(["skipped"]);
    // ...then again with the same nonce, which Discord answers with the message it made.
    await clock.advance(1000);
    const [second] = await digest.service.runDue();
    expect(second).toMatchObject({ outcome: "posted", attempt: 2, messageId: made.id });

    expect(onlyMessage().id).toBe(made.id);
    const nonces = standIn.calls.filter(postsToChannel).map((call) => call.body.nonce);
    expect(nonces).toHaveLength(3);
    expect(new Set(nonces).size).toBe(1);
    expect(standIn.calls.filter(startsThread)).toHaveLength(1);
    expect(digest.service.store.ledger.get(digest.key)).toMatchObject({
      status: "posted",
      messageId: made.id,
      attempts: 2,
      lastError: null,
    });
    expect(digest.service.store.threads.paperOf(discordThreadKey(GUILD_ID, made.id))).toBe(BEAR.id);
  });

  it("retries a post whose connection dropped after Discord made the message, and posts once", async () => {
    standIn.dropNext(postsToChannel, { afterEffects: true });
    const [first] = await digest.service.runDue();
    expect(first).toMatchObject({ outcome: "retrying", attempt: 1 });
    const made = onlyMessage();

    await clock.advance(FIRST_RETRY_MS);
    const [second] = await digest.service.runDue();
    expect(second).toMatchObject({ outcome: "posted", attempt: 2, messageId: made.id });
    expect(onlyMessage().id).toBe(made.id);
    expect(digest.service.store.ledger.get(digest.key)?.status).toBe("posted");
  });

  it("rides out one 500 before anything is made with @discordjs/rest's own retry", async () => {
    // One failure before anything is made: the REST client's immediate retry gets through.
    standIn.failNext(postsToChannel, 500, SERVER_ERROR);
    expect((await digest.service.runDue())[0]).toMatchObject({ outcome: "posted", attempt: 1 });
    expect(standIn.calls.filter(postsToChannel)).toHaveLength(2);
    onlyMessage();
  });

  it("retries a post that failed before Discord made anything, and posts once", async () => {
    for (let i = 0; i < 2; i++) standIn.failNext(postsToChannel, 500, SERVER_ERROR);
    const [first] = await digest.service.runDue();
    expect(first).toMatchObject({ outcome: "retrying", attempt: 1 });
    expect(standIn.messagesIn(CHANNEL_ID)).toEqual([]);
    expect(digest.service.store.ledger.get(digest.key)).toMatchObject({
      status: "failed",
      lastError: expect.stringMatching(/Internal Server Error/),
      nextAttemptAt: clock.now() + FIRST_RETRY_MS,
    });

    await clock.advance(FIRST_RETRY_MS);
    expect((await digest.service.runDue())[0]).toMatchObject({ outcome: "posted", attempt: 2 });
    const message = onlyMessage();
    expect(standIn.channel(message.id)?.type).toBe(11);
    expect(digest.service.store.ledger.get(digest.key)).toMatchObject({
      status: "posted",
      messageId: message.id,
    });
  });

  it("keeps the thread's paper when the thread was opened but the answer was lost", async () => {
    // Discord opened the thread; the REST client's retry then hears "already created" (160004).
    standIn.failNext(startsThread, 500, SERVER_ERROR, { afterEffects: true });
    const [outcome] = await digest.service.runDue();
    const message = onlyMessage();
    expect(outcome).toMatchObject({ outcome: "posted", messageId: message.id });
    expect(standIn.channel(message.id)?.type).toBe(11);
    expect(standIn.calls.filter(startsThread)).toHaveLength(2);
    expect(digest.service.store.threads.paperOf(discordThreadKey(GUILD_ID, message.id))).toBe(
      BEAR.id,
    );
  });

  it("counts the digest as posted when its thread cannot be opened, and warns", async () => {
    standIn.failNext(startsThread, 403, { message: "Missing Permissions", code: 50013 });
    const [outcome] = await digest.service.runDue();
    const message = onlyMessage();
    expect(outcome).toMatchObject({ outcome: "posted", messageId: message.id });
    expect(standIn.channel(message.id)).toBeUndefined();
    expect(digest.service.store.ledger.get(digest.key)).toMatchObject({
      status: "posted",
      messageId: message.id,
    });
    // No thread, nothing to remember.
    expect(
      digest.service.store.threads.paperOf(discordThreadKey(GUILD_ID, message.id)),
    ).toBeUndefined();
    const warning = logRecords(digest.lines).find(
      (l) => l.msg === "could not open the digest's thread",
    );
    expect(warning).toMatchObject({ level: 40, channel: CHANNEL_ID });
    expect(JSON.stringify(warning)).toContain("50013");

    // Never posted again for the missing thread.
    await clock.advance(FIRST_RETRY_MS * 10);
    expect((await digest.service.runDue()).map((o) => o.outcome)).toEqual(["skipped"]);
    expect(standIn.calls.filter(postsToChannel)).toHaveLength(1);
  });

  describe("with DIGEST_OPEN_QUESTIONS=on", () => {
    /** Reopens the digest on the same database with open questions on; questions asked first. */
    async function withOpenQuestions(questions: Array<{ question: string; scope?: string }>) {
      const databasePath = digest.config.databasePath;
      digest.close();
      clock = new FakeClock("2026-11-30T08:00:00Z");
      digest = await openDiscordDigest(standIn, {
        now: clock.now,
        databasePath,
        openQuestions: true,
      });
      for (const { question, scope } of questions) {
        digest.service.store.feedback.record({
          kind: "declined",
          platform: "discord",
          scope: scope ?? `discord:${GUILD_ID}`,
          question,
        });
        await clock.advance(60_000);
      }
      await clock.advanceTo(DIGEST_MONDAY);
    }

    it("posts the open questions in the digest's thread, escaped, pinging no one", async () => {
      await withOpenQuestions([
        { question: `${PINGS} who knows?` },
        { question: "Is **this** _really_ `code`?" },
        { question: "Asked in another server?", scope: "discord:999" },
      ]);
      const [outcome] = await digest.service.runDue();
      expect(outcome).toMatchObject({ outcome: "posted" });
      const message = onlyMessage();
      // The thread started from the digest has the digest's id; the questions are its only message.
      const [reply, ...more] = standIn.messagesIn(message.id);
      expect(more).toEqual([]);
      expect(reply?.author.id).toBe(standIn.botUserId);
      expect(reply?.mentions).toEqual([]);
      expect(reply?.mention_roles).toEqual([]);
      expect(reply?.mention_everyone).toBe(false);
      expect(reply?.embeds).toHaveLength(1);
      expect(reply?.embeds[0]?.fields).toEqual([
        {
          name: OPEN_QUESTIONS_HEADING,
          value: [
            "• “Is \\*\\*this\\*\\* \\_really\\_ \\`code\\`?”",
            "• “@\u2060everyone @\u2060here \\<!channel\\> \\<!here\\> \\<@U123\\> \\<@123\\> \\<@&456\\> \\[x\\](https://evil) who knows?”",
          ].join("\n"),
        },
      ]);
      const post = standIn.calls.find(
        (c) => c.method === "POST" && c.path === `/channels/${message.id}/messages`,
      );
      expect(post?.body.allowed_mentions).toEqual({ parse: [] });
      expect(post?.body.enforce_nonce).toBe(true);
      expect(post?.body.nonce).toMatch(/^[\w-]{1,25}$/);
      expect(post?.body.nonce).not.toBe(standIn.calls.find(postsToChannel)?.body.nonce);
      expect(digest.service.store.ledger.get(digest.key)).toMatchObject({
        openQuestions: "posted",
        openQuestionsCount: 2,
      });
    });

    it("posts no open questions when the digest's thread could not be opened, and says so", async () => {
      await withOpenQuestions([{ question: "Is there code?" }]);
      standIn.failNext(startsThread, 403, { message: "Missing Permissions", code: 50013 });
      const [outcome] = await digest.service.runDue();
      const message = onlyMessage();
      expect(outcome).toMatchObject({ outcome: "posted", messageId: message.id });
      expect(standIn.calls.filter((c) => c.path === `/channels/${message.id}/messages`)).toEqual(
        [],
      );
      const warning = logRecords(digest.lines).find(
        (l) => l.msg === "the digest opened no thread, so its open questions are not posted",
      );
      expect(warning).toMatchObject({ level: 40, channel: CHANNEL_ID });
      expect(digest.service.store.ledger.get(digest.key)?.openQuestions).toBeNull();
    });
  });
});
