/**
 * The Slack digest publisher through a real DigestService on a temporary database, posting to
 * the Slack stand-in: what Slack receives, what the ledger and the thread memory keep, and how a
 * refused post is retried on the backoff (a fake clock, so no real 30 s wait).
 */
import { afterEach, describe, expect, it } from "vitest";
import { slackThreadKey } from "../../../adapters/slack/threadKeys.ts";
import { QUESTIONS_HEADING } from "../../../src/digest/digestPhrases.ts";
import { OPEN_QUESTIONS_HEADING } from "../../../src/digest/openQuestions.ts";
import type { DigestKey } from "../../../store/ledger.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { PINGS } from "../../helpers/digests.ts";
import { FakeClock } from "../../helpers/fakeClock.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../../helpers/slackBot.ts";
import {
  DIGEST_DUE_AT,
  DIGEST_PERIOD,
  openSlackDigest,
  type SlackDigest,
} from "../../helpers/slackDigest.ts";
import {
  imageBlocks,
  type SlackStandIn,
  startSlackStandIn,
  TEAM_ID,
  visibleText,
} from "../../helpers/slackStandIn.ts";

const CHANNEL = "C0123ABCD";
const KEY: DigestKey = { platform: "slack", channelId: CHANNEL, period: DIGEST_PERIOD };

let standIn: SlackStandIn | undefined;
let opened: SlackDigest | undefined;
afterEach(async () => {
  opened?.digest.store.close();
  await standIn?.close();
  standIn = opened = undefined;
});

/** A stand-in and a digest service on it, the digest due on `clock`. */
async function setUp(clock: FakeClock, options: Parameters<typeof startSlackStandIn>[0] = {}) {
  standIn = await startSlackStandIn(options);
  opened = await openSlackDigest(standIn.apiUrl, { slackChannels: [CHANNEL], now: clock.now });
  return { standIn, ...opened };
}

/** Neither secret in any log line or stored error. */
function expectNoSecrets(texts: readonly (string | null | undefined)[]): void {
  for (const text of texts) {
    expect(text ?? "").not.toContain(TEST_BOT_TOKEN);
    expect(text ?? "").not.toContain(TEST_SIGNING_SECRET);
  }
}

describe("Slack digest publisher", () => {
  it("posts the digest as one chat.postMessage with the bot token, and remembers its thread", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { standIn, digest, lines } = await setUp(clock);
    const [outcome] = await digest.runDue();
    expect(outcome).toMatchObject({ outcome: "posted", attempt: 1, channelId: CHANNEL });

    const [post, ...more] = standIn.posts();
    expect(more).toEqual([]);
    expect(post?.token).toBe(TEST_BOT_TOKEN);
    // The figure shows as an image block; a link preview would repeat it.
    // Form-encoded on the wire, as the Web API client sends it.
    expect(post?.body).toMatchObject({
      channel: CHANNEL,
      unfurl_links: "false",
      unfurl_media: "false",
    });
    if (!post || outcome?.outcome !== "posted") throw new Error("not posted");

    const record = digest.store.ledger.get(KEY);
    expect(record).toMatchObject({ status: "posted", attempts: 1, messageId: outcome.messageId });
    const paper = corpusIndex().papers.get(record?.paperId ?? "");
    if (!paper) throw new Error("the digest features no corpus paper");
    const blocks = post.body.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks[0]).toMatchObject({
      type: "header",
      text: { text: "Reading group digest · 30 November 2026" },
    });
    // The featured paper's card: its title linked to arXiv, its figure, its questions.
    expect(visibleText(post)).toContain(`<${paper.url}|`);
    expect(paper.url).toMatch(/^https:\/\/arxiv\.org\/abs\//);
    expect(visibleText(post)).toContain(paper.title);
    expect(imageBlocks(post)).toHaveLength(1);
    expect(visibleText(post)).toContain(QUESTIONS_HEADING);
    expect(String(post.body.text)).toContain("Reading group digest");

    // The message's ts, the workspace from auth.test: the key a mention in its thread will use.
    const threadKey = slackThreadKey(TEAM_ID, CHANNEL, outcome.messageId);
    expect(digest.store.threads.paperOf(threadKey)).toBe(paper.id);
    expectNoSecrets(lines);
  });

  it("records a refused post and retries it when the backoff is due, delivering it once", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { standIn, digest, lines } = await setUp(clock);
    standIn.failNext("chat.postMessage", "internal_error");

    const [first] = await digest.runDue();
    expect(first).toMatchObject({
      outcome: "retrying",
      attempt: 1,
      nextAttemptAt: clock.now() + 30_000,
    });
    expect(digest.store.ledger.get(KEY)).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "Slack refused the digest: internal_error",
      nextAttemptAt: clock.now() + 30_000,
    });
    // A server error is no reason to drop the figure: the retry sends the whole digest.
    expect(standIn.posts()).toHaveLength(1);

    await clock.advance(29_000);
    expect((await digest.runDue()).map((o) => o.outcome)).toEqual(["skipped"]);
    expect(standIn.posts()).toHaveLength(1);

    await clock.advance(1_000);
    const [retry] = await digest.runDue();
    expect(retry).toMatchObject({ outcome: "posted", attempt: 2 });
    expect(digest.store.ledger.get(KEY)).toMatchObject({
      status: "posted",
      attempts: 2,
      lastError: null,
    });

    await clock.advance(60 * 60 * 1000);
    expect((await digest.runDue()).map((o) => o.outcome)).toEqual(["skipped"]);
    const delivered = standIn.delivered(CHANNEL);
    expect(delivered).toHaveLength(1);
    expect(imageBlocks(delivered[0] as (typeof delivered)[number])).toHaveLength(1);
    expectNoSecrets(lines);
  });

  it("keeps posting to the other channels when Slack refuses one, and asks once per attempt", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    standIn = await startSlackStandIn({ rejectChannels: ["C0GONE123"] });
    opened = await openSlackDigest(standIn.apiUrl, {
      slackChannels: [CHANNEL, "C0GONE123"],
      now: clock.now,
    });
    const outcomes = await opened.digest.runDue();
    expect(outcomes.map((o) => `${o.channelId}:${o.outcome}`).sort()).toEqual([
      "C0123ABCD:posted",
      "C0GONE123:retrying",
    ]);
    // channel_not_found says nothing about the figure: sending it again without would not help.
    expect(standIn.posts("C0GONE123")).toHaveLength(1);
    expect(opened.digest.store.ledger.get({ ...KEY, channelId: "C0GONE123" })?.lastError).toBe(
      "Slack refused the digest: channel_not_found",
    );
  });

  it("keeps the token out of the stored error and the log even when Slack's error repeats it", async () => {
    const clock = new FakeClock(DIGEST_DUE_AT);
    const { standIn, digest, lines } = await setUp(clock);
    // A proxy or a misconfigured gateway can echo the request's credentials in its error.
    standIn.failNext("chat.postMessage", `not_authed: Bearer ${TEST_BOT_TOKEN}`);
    const [outcome] = await digest.runDue();
    expect(outcome?.outcome).toBe("retrying");
    const record = digest.store.ledger.get(KEY);
    expect(record?.lastError).toContain("[redacted]");
    expectNoSecrets([
      record?.lastError,
      outcome?.outcome === "retrying" ? outcome.reason : "",
      ...lines,
    ]);
    expect(lines.some((l) => l.includes("posting the digest failed; will retry"))).toBe(true);
  });

  it("posts the open questions as a reply in the digest's thread, escaped so they ping no one", async () => {
    const clock = new FakeClock("2026-11-30T08:00:00Z");
    standIn = await startSlackStandIn();
    opened = await openSlackDigest(standIn.apiUrl, {
      slackChannels: [CHANNEL],
      now: clock.now,
      openQuestions: true,
    });
    const { digest, lines } = opened;
    const asked = (question: string, paperId?: string) =>
      digest.store.feedback.record({
        kind: "declined",
        platform: "slack",
        scope: "slack",
        question,
        ...(paperId ? { paperId } : {}),
      });
    asked(`${PINGS} who knows?`);
    await clock.advance(60_000);
    // About the featured paper (the reading queue's first: BEAR), with Slack's link markup in it.
    asked("Does <https://evil.example|this link> & *that* hold for BEAR?", "bear");
    asked("Does <https://evil.example|this link> & *that* hold for BEAR?", "bear");
    await clock.advanceTo(DIGEST_DUE_AT);

    const [outcome] = await digest.runDue();
    if (outcome?.outcome !== "posted") throw new Error("the digest was not posted");
    const [posted, reply, ...more] = standIn.delivered(CHANNEL);
    expect(more).toEqual([]);
    expect(posted?.body.thread_ts).toBeUndefined();
    if (!reply) throw new Error("no reply in the digest's thread");
    expect(reply.token).toBe(TEST_BOT_TOKEN);
    // In the thread, not broadcast to the channel, and nothing asks Slack to link names.
    expect(reply.body).toMatchObject({ channel: CHANNEL, thread_ts: outcome.messageId });
    expect(reply.body).not.toHaveProperty("reply_broadcast");
    expect(reply.body).not.toHaveProperty("link_names");
    expect(reply.body).not.toHaveProperty("parse");
    expect(reply.body.text).toBe(OPEN_QUESTIONS_HEADING);
    expect(reply.body.blocks).toEqual([
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: [
            `*${OPEN_QUESTIONS_HEADING}*`,
            "• “Does &lt;https://evil.example|this link&gt; &amp; *that* hold for BEAR?”",
            "• “@\u2060everyone @\u2060here &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;@123&gt; &lt;@&amp;456&gt; [x](https://evil) who knows?”",
          ].join("\n"),
        },
      },
    ]);
    // Whatever the words, no special mention, user or link markup reaches Slack unescaped.
    expect(visibleText(reply)).not.toMatch(/<[!@#]|<https?:|@(everyone|here|channel)/);
    expect(digest.store.ledger.get(KEY)).toMatchObject({
      status: "posted",
      openQuestions: "posted",
      openQuestionsCount: 2,
    });
    expect(lines.some((l) => l.includes("posted the open questions in the digest's thread"))).toBe(
      true,
    );
    // The people's words are in the thread, not in what the bot logs at info and above (the Web
    // API client's own debug lines show request bodies, as for every message).
    const logged = lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 30);
    expect(logged.join("\n")).not.toContain("who knows?");
    expectNoSecrets(lines);
  });
});
