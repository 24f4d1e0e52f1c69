/**
 * The running bot keeps the retention promise without anyone asking anything: expired question
 * text is cleared at start and every hour, and a failure to clear is logged, never thrown.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PRUNE_EVERY_MS, pruneFeedbackHourly } from "../../app/feedbackRetention.ts";
import { openStore } from "../../store/openStore.ts";
import { FakeClock } from "../helpers/fakeClock.ts";
import { tempDir } from "../helpers/tempCorpus.ts";
import { testLogger } from "../helpers/testLogger.ts";

const DAY = 24 * 60 * 60 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

describe("pruneFeedbackHourly", () => {
  it("clears expired question text at once and then every hour, until stopped", async () => {
    vi.useFakeTimers();
    const clock = new FakeClock("2026-03-02T10:00:00Z");
    const path = join(tempDir("retention"), "paperbot.db");
    const store = openStore(path, { now: clock.now, feedback: { retentionDays: 1 } });
    const questions = store.db.prepare("SELECT question FROM answers ORDER BY at").pluck();
    const declined = (question: string) =>
      store.feedback.record({ kind: "declined", platform: "slack", question });
    declined("asked before the start?");
    await clock.advance(2 * DAY);
    const { logger, lines } = await testLogger("info");
    const stop = pruneFeedbackHourly(store.feedback, logger);
    expect(questions.all()).toEqual([null]);
    expect(lines.some((line) => line.includes("past the retention period"))).toBe(true);

    declined("asked while the bot runs?");
    await clock.advance(DAY + 1);
    expect(questions.all()).toEqual([null, "asked while the bot runs?"]);
    vi.advanceTimersByTime(PRUNE_EVERY_MS);
    expect(questions.all()).toEqual([null, null]);

    stop();
    declined("asked after it stopped?");
    await clock.advance(2 * DAY);
    vi.advanceTimersByTime(5 * PRUNE_EVERY_MS);
    expect(questions.all()).toEqual([null, null, "asked after it stopped?"]);
    store.close();
  });

  it("logs a failure to clear instead of throwing, and tries again the next hour", async () => {
    vi.useFakeTimers();
    const store = openStore(join(tempDir("retention"), "paperbot.db"));
    store.close();
    const { logger, lines } = await testLogger("info");
    const stop = pruneFeedbackHourly(store.feedback, logger);
    vi.advanceTimersByTime(PRUNE_EVERY_MS);
    const warnings = lines.filter((line) => line.includes("could not clear question text"));
    expect(warnings).toHaveLength(2);
    expect(JSON.parse(warnings[0] as string).level).toBe(40);
    stop();
  });
});
