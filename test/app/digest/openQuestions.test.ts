/**
 * The digest's open questions (`DIGEST_OPEN_QUESTIONS=on`) through a real DigestService on a
 * temporary database and the fake publisher: which questions the digest's thread gets, that it
 * gets them once, and that nothing about them can unsettle the digest itself.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DigestService } from "../../../app/digest/digestService.ts";
import { DigestSchedule } from "../../../app/digest/schedule.ts";
import { OPEN_QUESTIONS_HEADING } from "../../../src/digest/openQuestions.ts";
import type { AnswerRecord } from "../../../src/feedback/feedback.ts";
import type { Outline } from "../../../src/outline/outline.ts";
import { buildIndex } from "../../../src/retrieval/buildIndex.ts";
import type { DigestKey } from "../../../store/ledger.ts";
import { type DigestStore, openStore } from "../../../store/openStore.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { FakeClock } from "../../helpers/fakeClock.ts";
import { FakePublisher } from "../../helpers/fakePublisher.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

const PAPERS = [...corpusIndex().papers.values()];
const FULL = buildIndex(PAPERS);
/** The papers in the order the reading queue features them: week 1 gets the first, and so on. */
const QUEUE = [...PAPERS]
  .sort((a, b) => a.added.localeCompare(b.added) || a.id.localeCompare(b.id))
  .map((p) => p.id);
const FIRST = "2026-11-30T09:00:00.000Z";
const SECOND = "2026-12-07T09:00:00.000Z";
const HOUR = 60 * 60 * 1000;

interface Bot {
  service: DigestService;
  store: DigestStore;
  publisher: FakePublisher;
}

/**
 * Runs the first digest and checks it was posted with no open questions after it, and none
 * recorded as posted: what a digest does when they are off or cannot be posted.
 */
async function expectDigestWithoutOpenQuestions(
  clock: FakeClock,
  { service, store, publisher }: Bot,
) {
  await clock.advanceTo("2026-11-30T09:00:05Z");
  expect((await service.runDue()).map((o) => o.outcome)).toEqual(["posted"]);
  expect(publisher.threadPosts).toEqual([]);
  expect(store.ledger.get(key(FIRST))?.openQuestions).toBeNull();
}

function bot(
  path: string,
  clock: FakeClock,
  options: { openQuestions?: boolean; redact?: (text: string) => string } = {},
): Bot {
  const store = openStore(path, { now: clock.now });
  const publisher = new FakePublisher();
  const service = new DigestService({
    store,
    source: { current: () => FULL },
    schedule: new DigestSchedule(),
    publishers: [publisher],
    now: clock.now,
    postTimeoutMs: 200,
    openQuestions: options.openQuestions ?? true,
    ...(options.redact ? { redact: options.redact } : {}),
  });
  store.subscriptions.syncConfigured("slack", ["C1"]);
  return { service, store, publisher };
}

const dbPath = () => join(tempDir("open-questions"), "paperbot.db");
const key = (period: string): DigestKey => ({ platform: "slack", channelId: "C1", period });

/** A question the summaries did not cover, asked in the Slack workspace. */
function declined(store: DigestStore, question: string, extra: Partial<AnswerRecord> = {}) {
  return store.feedback.record({
    kind: "declined",
    platform: "slack",
    scope: "slack",
    question,
    ...extra,
  });
}

/** An answer, voted on by each of `votes` (true: helpful). */
function answered(
  store: DigestStore,
  question: string,
  paperId: string | undefined,
  votes: boolean[],
): void {
  const answerId = store.feedback.record({
    kind: "answered",
    platform: "slack",
    scope: "slack",
    question,
    ...(paperId ? { paperId } : {}),
    passage: "a passage",
  });
  votes.forEach((helpful, i) => {
    store.feedback.vote({ answerId, platform: "slack", voter: `U${i}`, helpful });
  });
}

/** The questions a thread message shows, in order. */
function questionsIn(message: Outline | undefined): string[] {
  const list = message?.blocks.find((b) => b.type === "list");
  if (list?.type !== "list") return [];
  expect(list.heading).toBe(OPEN_QUESTIONS_HEADING);
  return list.items.map((item) => {
    const [part] = item;
    if (item.length !== 1 || typeof part !== "object" || !("quote" in part)) {
      throw new Error("an open question is shown as a quote of the asker's words");
    }
    return part.quote;
  });
}

describe("the digest's open questions", () => {
  it("posts up to three, most asked first, from this workspace, about the featured paper or none, since the last digest", async () => {
    const clock = new FakeClock("2026-11-22T08:00:00Z");
    const { service, store, publisher } = bot(dbPath(), clock);
    // More than one period before the first digest: not "since the last digest".
    declined(store, "Too old to show?");
    await clock.advanceTo("2026-11-30T08:00:00Z");
    declined(store, "Who reviewed the first week's paper?");
    await clock.advanceTo("2026-11-30T09:00:05Z");
    const [first] = await service.runDue();
    expect(first).toMatchObject({ outcome: "posted", period: FIRST });
    expect(publisher.threadPosts).toHaveLength(1);
    expect(questionsIn(publisher.threadPosts[0]?.message)).toEqual([
      "Who reviewed the first week's paper?",
    ]);

    // The week after: the second digest features the next paper in the queue.
    const featured = QUEUE[1] as string;
    const other = QUEUE[5] as string;
    await clock.advance(HOUR);
    // One question asked three ways: shown as last asked.
    const askedThreeWays = [
      "Which GPU did they train on?",
      "which GPU did they train on",
      "Which GPU did they train on?!",
    ];
    for (const asked of askedThreeWays) {
      declined(store, asked);
      await clock.advance(60_000);
    }
    await clock.advance(HOUR);
    declined(store, "Does it work on text?", { paperId: featured });
    await clock.advance(60_000);
    answered(store, "does it work on text", featured, [false]);
    await clock.advance(HOUR);
    declined(store, "Is there code?");
    await clock.advance(HOUR);
    answered(store, "Why this learning rate?", featured, [false, false]);
    // Answered and found helpful by someone: not open.
    answered(store, "What is the main idea?", featured, [false, true]);
    answered(store, "What is the main idea?", undefined, [true]);
    // About another paper, or asked in another workspace: not this thread's.
    declined(store, "What about another paper?", { paperId: other });
    declined(store, "Which GPU did they train on?", { scope: "discord:guild" });
    declined(store, "Asked on Discord?", { platform: "discord", scope: "discord:guild" });
    answered(store, "Never voted on?", featured, []);

    await clock.advanceTo("2026-12-07T09:00:05Z");
    const [second] = await service.runDue();
    expect(second).toMatchObject({ outcome: "posted", period: SECOND });
    expect(publisher.delivered[1]?.digest.featured?.card.paper.id).toBe(featured);
    expect(publisher.threadPosts).toHaveLength(2);
    const post = publisher.threadPosts[1];
    // Asked 3 times, 2 times, then the latest of those asked once; "Is there code?" left out.
    expect(questionsIn(post?.message)).toEqual([
      "Which GPU did they train on?!",
      "does it work on text",
      "Why this learning rate?",
    ]);
    expect(post).toMatchObject({ channelId: "C1", threadId: "t-m3", ok: true });
    // Its own nonce: not the digest's, so a platform that drops repeats keeps both.
    expect(post?.nonce).not.toBe(publisher.delivered[1]?.nonce);
    expect(post?.message).toMatchObject({ audience: "channel", fallback: OPEN_QUESTIONS_HEADING });
    expect(store.ledger.get(key(SECOND))).toMatchObject({
      status: "posted",
      openQuestions: "posted",
      openQuestionsCount: 3,
      openQuestionsError: null,
    });
    store.close();
  });

  it("posts nothing with DIGEST_OPEN_QUESTIONS off", async () => {
    const clock = new FakeClock("2026-11-30T08:00:00Z");
    const { service, store, publisher } = bot(dbPath(), clock, { openQuestions: false });
    declined(store, "Is there code?");
    await expectDigestWithoutOpenQuestions(clock, { service, store, publisher });
    store.close();
  });

  it("posts nothing when no question went unanswered, and records that there was none", async () => {
    const clock = new FakeClock("2026-11-30T08:00:00Z");
    const { service, store, publisher } = bot(dbPath(), clock);
    answered(store, "What is the main idea?", QUEUE[0], [true]);
    // Only about another paper than the featured one, or with its text no longer kept.
    declined(store, "What about another paper?", { paperId: QUEUE[3] as string });
    await clock.advanceTo("2026-11-30T09:00:05Z");
    expect((await service.runDue()).map((o) => o.outcome)).toEqual(["posted"]);
    expect(publisher.threadPosts).toEqual([]);
    expect(store.ledger.get(key(FIRST))).toMatchObject({
      openQuestions: "none",
      openQuestionsCount: 0,
    });
    store.close();
  });

  it("leaves the digest posted when the thread post fails, records why (secrets redacted), and does not retry", async () => {
    const clock = new FakeClock("2026-11-30T08:00:00Z");
    const secret = "xoxb-not-a-real-token";
    const { service, store, publisher } = bot(dbPath(), clock, {
      redact: (text) => text.replaceAll(secret, "[redacted]"),
    });
    declined(store, "Is there code?");
    publisher.threadFailures.set("C1", `not_authed: ${secret}`);
    await clock.advanceTo("2026-11-30T09:00:05Z");
    const [outcome] = await service.runDue();
    expect(outcome).toMatchObject({ outcome: "posted", attempt: 1 });
    const record = store.ledger.get(key(FIRST));
    expect(record).toMatchObject({
      status: "posted",
      lastError: null,
      nextAttemptAt: null,
      openQuestions: "failed",
      openQuestionsCount: 1,
      openQuestionsError: "not_authed: [redacted]",
    });
    // Later runs leave both alone: the digest is out, its open questions are not tried again.
    publisher.threadFailures.clear();
    for (const wait of [30_000, HOUR, 24 * HOUR]) {
      await clock.advance(wait);
      expect((await service.runDue()).map((o) => o.outcome)).toEqual(["skipped"]);
    }
    expect(service.nextRetryAt()).toBeUndefined();
    expect(publisher.delivered).toHaveLength(1);
    expect(publisher.threadPosts.map((p) => p.ok)).toEqual([false]);
    store.close();
  });

  it("does not wait on a thread post that never answers beyond the post time limit", async () => {
    const clock = new FakeClock("2026-11-30T08:00:00Z");
    const { service, store, publisher } = bot(dbPath(), clock);
    declined(store, "Is there code?");
    publisher.threadHanging.add("C1");
    await clock.advanceTo("2026-11-30T09:00:05Z");
    const [outcome] = await service.runDue();
    expect(outcome).toMatchObject({ outcome: "posted" });
    expect(store.ledger.get(key(FIRST))).toMatchObject({
      status: "posted",
      openQuestions: "failed",
      openQuestionsError: "no answer within 0.2 s",
    });
    store.close();
  });

  it("posts none on a platform that has no threads, and posts its digest as ever", async () => {
    const clock = new FakeClock("2026-11-30T08:00:00Z");
    const { service, store, publisher } = bot(dbPath(), clock);
    // A publisher without postInThread, as a platform with no threads would be.
    Object.defineProperty(publisher, "postInThread", { value: undefined });
    declined(store, "Is there code?");
    await expectDigestWithoutOpenQuestions(clock, { service, store, publisher });
    store.close();
  });

  it("posts them once per digest, across two instances on one database and a restart", async () => {
    const path = dbPath();
    const clock = new FakeClock("2026-11-30T08:00:00Z");
    const one = bot(path, clock);
    const two = bot(path, clock);
    declined(one.store, "Is there code?");
    await clock.advanceTo("2026-11-30T09:00:05Z");
    await Promise.all([one.service.runDue(), two.service.runDue(), one.service.runDue()]);
    const posts = [...one.publisher.threadPosts, ...two.publisher.threadPosts];
    expect(posts.map((p) => questionsIn(p.message))).toEqual([["Is there code?"]]);
    one.store.close();
    const restarted = bot(path, clock);
    await clock.advance(HOUR);
    expect((await restarted.service.runDue()).map((o) => o.outcome)).toEqual(["skipped"]);
    expect(restarted.publisher.threadPosts).toEqual([]);
    // The claim itself holds whoever asks again.
    expect(restarted.store.ledger.claimOpenQuestions(key(FIRST))).toBe(false);
    restarted.store.close();
    two.store.close();
  });
});
