import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DigestService } from "../../../app/digest/digestService.ts";
import { DigestSchedule } from "../../../app/digest/schedule.ts";
import { buildIndex } from "../../../src/retrieval/buildIndex.ts";
import type { IndexSource } from "../../../src/retrieval/indexSource.ts";
import { type DigestStore, openStore } from "../../../store/openStore.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { FakeClock } from "../../helpers/fakeClock.ts";
import { FakePublisher } from "../../helpers/fakePublisher.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

const PAPERS = [...corpusIndex().papers.values()];
const FULL = buildIndex(PAPERS);
const MONDAY = "2026-11-30T09:00:00.000Z";
const WEEK = 7 * 24 * 60 * 60 * 1000;

interface Bot {
  service: DigestService;
  store: DigestStore;
  publisher: FakePublisher;
}

function bot(
  path: string,
  clock: FakeClock,
  source: IndexSource = { current: () => FULL },
  publisher = new FakePublisher(),
): Bot {
  const store = openStore(path, { now: clock.now });
  const service = new DigestService({
    store,
    source,
    schedule: new DigestSchedule(),
    publishers: [publisher],
    now: clock.now,
    postTimeoutMs: 200,
  });
  return { service, store, publisher };
}

const dbPath = () => join(tempDir("digest"), "paperbot.db");

describe("DigestService", () => {
  it("posts a due digest once per channel and period, however often it runs", async () => {
    const clock = new FakeClock("2026-11-30T09:00:05Z");
    const { service, store, publisher } = bot(dbPath(), clock);
    store.subscriptions.syncConfigured("slack", ["C1", "C2"]);
    const first = await service.runDue();
    expect(first.map((o) => `${o.channelId}:${o.outcome}`)).toEqual(["C1:posted", "C2:posted"]);
    await clock.advance(60_000);
    expect((await service.runDue()).map((o) => o.outcome)).toEqual(["skipped", "skipped"]);
    expect(publisher.delivered.map((p) => p.channelId)).toEqual(["C1", "C2"]);
    expect(publisher.delivered.map((p) => p.digest.period)).toEqual([MONDAY, MONDAY]);
    // Every channel features the same paper in a period.
    expect(new Set(publisher.delivered.map((p) => p.digest.featured?.card.paper.id)).size).toBe(1);
    store.close();
  });

  it("posts a digest missed while the bot was down once, not once per missed week", async () => {
    const path = dbPath();
    const clock = new FakeClock("2026-11-30T09:00:00Z");
    const before = bot(path, clock);
    before.store.subscriptions.syncConfigured("slack", ["C1"]);
    await before.service.runDue();
    before.store.close();
    // Down for three weeks and a bit.
    await clock.advanceTo("2026-12-23T15:00:00Z");
    const after = bot(path, clock);
    const outcomes = await after.service.runDue();
    expect(outcomes.map((o) => [o.period, o.outcome])).toEqual([
      ["2026-12-21T09:00:00.000Z", "posted"],
    ]);
    expect(after.publisher.delivered).toHaveLength(1);
    after.store.close();
  });

  it("keeps its word across a restart and between two instances on one database", async () => {
    const path = dbPath();
    const clock = new FakeClock("2026-11-30T10:00:00Z");
    const one = bot(path, clock);
    const two = bot(path, clock);
    one.store.subscriptions.syncConfigured("slack", ["C1", "C2", "C3"]);
    await Promise.all([one.service.runDue(), two.service.runDue(), one.service.runDue()]);
    const delivered = [...one.publisher.delivered, ...two.publisher.delivered].map(
      (p) => p.channelId,
    );
    expect(delivered.sort()).toEqual(["C1", "C2", "C3"]);
    one.store.close();
    const restarted = bot(path, clock);
    expect(await restarted.service.runDue()).toEqual(
      expect.arrayContaining([expect.objectContaining({ outcome: "skipped" })]),
    );
    expect(restarted.publisher.posts).toHaveLength(0);
    await clock.advanceTo("2026-12-07T09:00:00Z");
    expect((await restarted.service.runDue()).map((o) => o.outcome)).toEqual([
      "posted",
      "posted",
      "posted",
    ]);
    restarted.store.close();
    two.store.close();
  });

  it("retries a failed post with backoff and records it, posting it once", async () => {
    const clock = new FakeClock(MONDAY);
    const { service, store, publisher } = bot(dbPath(), clock);
    store.subscriptions.syncConfigured("slack", ["C1"]);
    publisher.failures.set("C1", 2);
    const [first] = await service.runDue();
    expect(first).toMatchObject({
      outcome: "retrying",
      attempt: 1,
      reason: "channel_not_found",
      nextAttemptAt: Date.parse(MONDAY) + 30_000,
    });
    expect(service.nextWakeAt()).toBe(Date.parse(MONDAY) + 30_000);
    await clock.advance(29_000);
    expect((await service.runDue())[0]?.outcome).toBe("skipped");
    await clock.advance(1_000);
    expect((await service.runDue())[0]).toMatchObject({
      outcome: "retrying",
      attempt: 2,
      nextAttemptAt: clock.now() + 120_000,
    });
    await clock.advance(120_000);
    expect((await service.runDue())[0]).toMatchObject({ outcome: "posted", attempt: 3 });
    expect(publisher.posts.map((p) => p.ok)).toEqual([false, false, true]);
    // The same nonce on every attempt, so a platform can drop a repeated send.
    expect(new Set(publisher.posts.map((p) => p.nonce)).size).toBe(1);
    expect(store.ledger.get({ platform: "slack", channelId: "C1", period: MONDAY })).toMatchObject({
      status: "posted",
      attempts: 3,
      lastError: null,
    });
    store.close();
  });

  it("gives up after the last attempt and tries again next period", async () => {
    const clock = new FakeClock(MONDAY);
    const { service, store, publisher } = bot(dbPath(), clock);
    store.subscriptions.syncConfigured("slack", ["C1"]);
    publisher.failures.set("C1", 100);
    let last: string | undefined;
    for (let i = 0; i < 10; i++) {
      const [outcome] = await service.runDue();
      if (outcome && outcome.outcome !== "skipped") last = outcome.outcome;
      await clock.advance(2 * 60 * 60 * 1000);
    }
    expect(last).toBe("abandoned");
    expect(publisher.posts).toHaveLength(6);
    publisher.failures.clear();
    await clock.advanceTo("2026-12-07T09:00:00Z");
    expect((await service.runDue())[0]?.outcome).toBe("posted");
    store.close();
  });

  it("never lets a failing or hanging channel hold up the others", async () => {
    const clock = new FakeClock(MONDAY);
    const { service, store, publisher } = bot(dbPath(), clock);
    store.subscriptions.syncConfigured("slack", ["C1", "C2", "C3"]);
    publisher.hanging.add("C1");
    publisher.failures.set("C2", 1);
    const outcomes = await service.runDue();
    expect(outcomes.map((o) => `${o.channelId}:${o.outcome}`)).toEqual([
      "C1:retrying",
      "C2:retrying",
      "C3:posted",
    ]);
    expect(outcomes[0]).toMatchObject({ reason: "no answer within 0.2 s" });
    store.close();
  });

  it("features the papers in the order added, then the least recently featured, over more weeks than papers", async () => {
    const clock = new FakeClock(MONDAY);
    const { service, store, publisher } = bot(dbPath(), clock);
    store.subscriptions.syncConfigured("slack", ["C1"]);
    for (let week = 0; week < PAPERS.length + 4; week++) {
      await service.runDue();
      await clock.advance(WEEK);
    }
    const featured = publisher.delivered.map((p) => p.digest.featured?.card.paper.id);
    const order = [...PAPERS]
      .sort((a, b) => a.added.localeCompare(b.added) || a.id.localeCompare(b.id))
      .map((p) => p.id);
    expect(featured).toEqual([...order, ...order.slice(0, 4)]);
    store.close();
  });

  it("lists papers added and the most asked since the channel's last digest", async () => {
    const clock = new FakeClock(MONDAY);
    let index = buildIndex(PAPERS.slice(0, 7));
    const { service, store, publisher } = bot(dbPath(), clock, { current: () => index });
    store.subscriptions.syncConfigured("slack", ["C1"]);
    await service.runDue();
    expect(publisher.delivered[0]?.digest).toMatchObject({
      added: [],
      addedTotal: 0,
      mostAsked: [],
    });
    await clock.advance(2 * 60 * 60 * 1000);
    index = buildIndex(PAPERS);
    service.syncQueue();
    const [a, b] = PAPERS as [(typeof PAPERS)[0], (typeof PAPERS)[0]];
    store.counts.record("slack", a.id);
    store.counts.record("slack", b.id);
    store.counts.record("slack", b.id);
    store.counts.record("discord:other", a.id);
    await clock.advanceTo("2026-12-07T09:00:00Z");
    await service.runDue();
    const digest = publisher.delivered[1]?.digest;
    expect(digest?.added.map((p) => p.id)).toEqual(PAPERS.slice(7).map((p) => p.id));
    expect(digest?.mostAsked.map((m) => [m.paper.id, m.count])).toEqual([
      [b.id, 2],
      [a.id, 1],
    ]);
    store.close();
  });

  it("remembers the digest's thread as being about the featured paper", async () => {
    const clock = new FakeClock(MONDAY);
    const { service, store, publisher } = bot(dbPath(), clock);
    store.subscriptions.syncConfigured("slack", ["C1"]);
    await service.runDue();
    const [post] = publisher.delivered;
    expect(store.threads.paperOf("slack:thread:C1:m1")).toBe(post?.digest.featured?.card.paper.id);
    store.close();
  });

  it("gives a channel subscribed by command its first digest the next period, and previews it", async () => {
    const clock = new FakeClock("2026-12-02T12:00:00Z");
    const { service, store, publisher } = bot(dbPath(), clock);
    expect(service.subscribe("slack", "C7")).toBe(
      "Subscribed: this channel gets the reading-group digest; the next is Monday 7 December 2026 at 09:00 UTC. `/paper digest` previews it.",
    );
    expect(service.subscribe("slack", "C7")).toMatch(/^This channel already gets the digest/);
    expect(await service.runDue()).toEqual([]);
    const preview = service.preview({ platform: "slack", channelId: "C7", scope: "slack" });
    expect(preview.note).toBe(
      "Preview, only you can see it: this channel gets it Monday 7 December 2026 at 09:00 UTC.",
    );
    expect(preview.digest.period).toBe("2026-12-07T09:00:00.000Z");
    await clock.advanceTo("2026-12-07T09:00:00Z");
    await service.runDue();
    expect(publisher.delivered[0]?.digest.featured?.card.paper.id).toBe(
      preview.digest.featured?.card.paper.id,
    );
    expect(service.unsubscribe("slack", "C7")).toBe(
      "Unsubscribed: this channel gets no more digests.",
    );
    expect(store.subscriptions.list()).toEqual([]);
    // A configured channel whose digest is due but not out yet is told so, not given a past time.
    store.subscriptions.syncConfigured("slack", ["C8"]);
    expect(service.preview({ platform: "slack", channelId: "C8", scope: "slack" }).note).toBe(
      "Preview, only you can see it: this channel's digest of 7 December 2026 is due and goes out shortly.",
    );
    store.close();
  });
});
