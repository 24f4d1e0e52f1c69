import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, retryAt } from "../../store/ledger.ts";
import { MIGRATIONS } from "../../store/migrations.ts";
import { openStore } from "../../store/openStore.ts";
import { tempDir } from "../helpers/tempCorpus.ts";

const key = { platform: "slack" as const, channelId: "C1", period: "2026-11-23T09:00:00.000Z" };

describe("DigestLedger", () => {
  it("lets exactly one claimant post a digest, across two connections to one file", () => {
    const path = join(tempDir("ledger"), "paperbot.db");
    const one = openStore(path);
    const two = openStore(path);
    expect(one.ledger.claim(key, "one", 10)).toBe(1);
    expect(two.ledger.claim(key, "two", 11)).toBeUndefined();
    expect(one.ledger.claim(key, "one", 12)).toBeUndefined();
    two.ledger.posted(key, "1700000000.000100", 20);
    expect(one.ledger.get(key)).toMatchObject({
      status: "posted",
      claimedBy: "one",
      messageId: "1700000000.000100",
      postedAt: 20,
    });
    expect(one.ledger.claim({ ...key, channelId: "C2" }, "one", 13)).toBe(1);
    one.close();
    two.close();
  });

  it("takes a failed digest over only once its retry is due, counting attempts", () => {
    const { ledger, close } = openStore(join(tempDir("ledger"), "paperbot.db"));
    expect(ledger.claim(key, "bot", 0)).toBe(1);
    ledger.failed(key, "channel_not_found", 30_000);
    expect(ledger.claim(key, "bot", 29_999)).toBeUndefined();
    expect(ledger.claim(key, "run", 30_000)).toBe(2);
    expect(ledger.claim(key, "bot", 30_001)).toBeUndefined();
    expect(ledger.get(key)).toMatchObject({
      status: "sending",
      attempts: 2,
      claimedBy: "run",
      lastError: "channel_not_found",
    });
    ledger.failed(key, "still down", undefined);
    expect(ledger.get(key)?.status).toBe("abandoned");
    expect(ledger.claim(key, "bot", 10 ** 12)).toBeUndefined();
    close();
  });

  it("knows when a channel's last digest went out", () => {
    const { ledger, close } = openStore(join(tempDir("ledger"), "paperbot.db"));
    expect(ledger.lastPostedAt("slack", "C1")).toBeUndefined();
    ledger.claim(key, "bot", 0);
    ledger.posted(key, "m1", 100);
    const later = { ...key, period: "2026-11-30T09:00:00.000Z" };
    ledger.claim(later, "bot", 200);
    ledger.failed(later, "x", 300);
    expect(ledger.lastPostedAt("slack", "C1")).toBe(100);
    expect(ledger.lastPostedAt("discord", "C1")).toBeUndefined();
    close();
  });

  it("lets one claimant post a posted digest's open questions, once, across connections", () => {
    const path = join(tempDir("ledger"), "paperbot.db");
    const one = openStore(path);
    const two = openStore(path);
    one.ledger.claim(key, "one", 10);
    // Not before the digest itself is out.
    expect(one.ledger.claimOpenQuestions(key)).toBe(false);
    expect(one.ledger.claimOpenQuestions({ ...key, channelId: "C9" })).toBe(false);
    one.ledger.posted(key, "m1", 20);
    expect(one.ledger.get(key)).toMatchObject({ openQuestions: null, openQuestionsCount: null });
    expect(two.ledger.claimOpenQuestions(key)).toBe(true);
    expect(one.ledger.claimOpenQuestions(key)).toBe(false);
    expect(one.ledger.get(key)?.openQuestions).toBe("sending");
    two.ledger.settleOpenQuestions(key, "failed", 2, `${"slow ".repeat(200)}`);
    expect(two.ledger.claimOpenQuestions(key)).toBe(false);
    one.close();
    const reopened = openStore(path);
    const record = reopened.ledger.get(key);
    expect(record).toMatchObject({
      status: "posted",
      openQuestions: "failed",
      openQuestionsCount: 2,
    });
    expect(record?.openQuestionsError).toHaveLength(500);
    expect(reopened.ledger.claimOpenQuestions(key)).toBe(false);
    reopened.close();
    two.close();
  });

  it("keeps the digests posted before migration 4, their open questions never tried", () => {
    const path = join(tempDir("ledger-v3"), "paperbot.db");
    const v3 = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 3)) v3.exec(migration);
    v3.pragma("user_version = 3");
    v3.prepare(
      `INSERT INTO digests (platform, channel_id, period, status, attempts, claimed_by, claimed_at, message_id, posted_at)
       VALUES ('slack', 'C1', ?, 'posted', 1, 'bot', 10, 'm1', 20)`,
    ).run(key.period);
    v3.close();
    const { ledger, close } = openStore(path);
    expect(ledger.get(key)).toMatchObject({
      status: "posted",
      messageId: "m1",
      openQuestions: null,
      openQuestionsCount: null,
      openQuestionsError: null,
    });
    close();
  });

  it("backs off 30 s, 2 min, 10 min, 30 min, 1 h, then gives up", () => {
    expect(RETRY_DELAYS_MS.map((_, i) => retryAt(i + 1, 0))).toEqual([
      30_000, 120_000, 600_000, 1_800_000, 3_600_000,
    ]);
    expect(retryAt(MAX_ATTEMPTS, 0)).toBeUndefined();
  });
});
