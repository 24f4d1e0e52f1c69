import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DigestService } from "../../../app/digest/digestService.ts";
import { DigestSchedule } from "../../../app/digest/schedule.ts";
import { MAX_SLEEP_MS, startDigestScheduler } from "../../../app/digest/scheduler.ts";
import { openStore } from "../../../store/openStore.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { FakeClock } from "../../helpers/fakeClock.ts";
import { FakePublisher } from "../../helpers/fakePublisher.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

function setUp(start: string, cron?: string, timeZone?: string) {
  const clock = new FakeClock(start);
  const store = openStore(join(tempDir("scheduler"), "paperbot.db"), { now: clock.now });
  const publisher = new FakePublisher();
  const index = corpusIndex();
  const service = new DigestService({
    store,
    source: { current: () => index },
    schedule: new DigestSchedule(cron, timeZone),
    publishers: [publisher],
    now: clock.now,
  });
  return { clock, store, publisher, service };
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe("startDigestScheduler (fake clock)", () => {
  it("posts the missed digest at start, then each Monday at 09:00, and sleeps in between", async () => {
    const { clock, store, publisher, service } = setUp("2026-12-02T12:00:00Z");
    store.subscriptions.syncConfigured("slack", ["C1"]);
    const scheduler = startDigestScheduler({ service, now: clock.now, timers: clock });
    await scheduler.idle();
    expect(publisher.delivered.map((p) => p.digest.period)).toEqual(["2026-11-30T09:00:00.000Z"]);
    // It wakes at least hourly (clock changes, a suspended machine), and posts nothing early.
    expect(clock.nextTimerAt).toBe(clock.now() + MAX_SLEEP_MS);
    await clock.advanceTo("2026-12-07T08:59:59Z", scheduler.idle);
    expect(publisher.delivered).toHaveLength(1);
    await clock.advanceTo("2026-12-07T09:00:00Z", scheduler.idle);
    expect(publisher.delivered.map((p) => p.digest.period)).toEqual([
      "2026-11-30T09:00:00.000Z",
      "2026-12-07T09:00:00.000Z",
    ]);
    await clock.advanceTo("2026-12-21T10:00:00Z", scheduler.idle);
    expect(publisher.delivered.map((p) => iso(Date.parse(p.digest.period)))).toHaveLength(4);
    await scheduler.stop();
    expect(clock.nextTimerAt).toBeUndefined();
    store.close();
  });

  it("wakes for a retry before the next period, and posts the failed digest once", async () => {
    const { clock, store, publisher, service } = setUp("2026-12-07T09:00:00Z");
    store.subscriptions.syncConfigured("slack", ["C1", "C2"]);
    publisher.failures.set("C1", 1);
    const scheduler = startDigestScheduler({ service, now: clock.now, timers: clock });
    await scheduler.idle();
    expect(publisher.delivered.map((p) => p.channelId)).toEqual(["C2"]);
    expect(iso(clock.nextTimerAt)).toBe("2026-12-07T09:00:30.000Z");
    await clock.advance(30_000, scheduler.idle);
    expect(publisher.delivered.map((p) => p.channelId)).toEqual(["C2", "C1"]);
    await clock.advanceTo("2026-12-08T09:00:00Z", scheduler.idle);
    expect(publisher.posts).toHaveLength(3);
    await scheduler.stop();
    store.close();
  });

  it("runs on DIGEST_CRON in its time zone", async () => {
    const { clock, store, publisher, service } = setUp(
      "2026-12-01T00:00:00Z",
      "30 17 * * 5",
      "America/New_York",
    );
    store.subscriptions.syncConfigured("slack", ["C1"]);
    const scheduler = startDigestScheduler({ service, now: clock.now, timers: clock });
    await scheduler.idle();
    await clock.advanceTo("2026-12-12T00:00:00Z", scheduler.idle);
    expect(publisher.delivered.map((p) => p.digest.period)).toEqual([
      // Fridays 17:30 in New York: 22:30 UTC in winter.
      "2026-11-27T22:30:00.000Z",
      "2026-12-04T22:30:00.000Z",
      "2026-12-11T22:30:00.000Z",
    ]);
    await scheduler.stop();
    store.close();
  });
});
