import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../store/migrations.ts";
import { openStore } from "../../store/openStore.ts";
import { isDueFor } from "../../store/subscriptions.ts";
import { tempDir } from "../helpers/tempCorpus.ts";

describe("Subscriptions", () => {
  it("mirrors the configured channels, adding and dropping them with the configuration", () => {
    const { subscriptions, close } = openStore(join(tempDir("subs"), "paperbot.db"));
    subscriptions.syncConfigured("slack", ["C1", "C2", "C1"]);
    subscriptions.syncConfigured("discord", ["123456789012345678"]);
    expect(subscriptions.list().map((s) => `${s.platform}:${s.channelId}:${s.source}`)).toEqual([
      "discord:123456789012345678:config",
      "slack:C1:config",
      "slack:C2:config",
    ]);
    subscriptions.syncConfigured("slack", ["C2"]);
    expect(subscriptions.list().map((s) => s.channelId)).toEqual(["123456789012345678", "C2"]);
    close();
  });

  it("subscribes by command once, and unsubscribes only what a command subscribed", () => {
    const { subscriptions, close } = openStore(join(tempDir("subs"), "paperbot.db"), {
      now: () => 42,
    });
    subscriptions.syncConfigured("slack", ["C1"]);
    expect(subscriptions.subscribe("slack", "C9")).toBe(true);
    expect(subscriptions.subscribe("slack", "C9")).toBe(false);
    expect(subscriptions.subscribe("slack", "C1")).toBe(false);
    expect(subscriptions.get("slack", "C9")).toEqual({
      platform: "slack",
      channelId: "C9",
      source: "command",
      subscribedAt: 42,
    });
    expect(subscriptions.unsubscribe("slack", "C1")).toBe("configured");
    expect(subscriptions.unsubscribe("slack", "C9")).toBe("removed");
    expect(subscriptions.unsubscribe("slack", "C9")).toBe("absent");
    close();
  });

  it("gives a channel subscribed by command the digests from the next period on", () => {
    const period = new Date("2026-11-23T09:00:00Z");
    const base = { platform: "slack" as const, channelId: "C1" };
    expect(isDueFor({ ...base, source: "config", subscribedAt: 0 }, period)).toBe(true);
    expect(
      isDueFor(
        { ...base, source: "command", subscribedAt: Date.parse("2026-11-25T12:00:00Z") },
        period,
      ),
    ).toBe(false);
    expect(
      isDueFor(
        { ...base, source: "command", subscribedAt: Date.parse("2026-11-20T12:00:00Z") },
        period,
      ),
    ).toBe(true);
  });
});

describe("subscriptions of any platform (#15)", () => {
  it("stores a platform the first schema did not know, its name as plain text", () => {
    const { subscriptions, close } = openStore(join(tempDir("subs-any"), "paperbot.db"));
    expect(subscriptions.subscribe("matrix", "!room:example.org")).toBe(true);
    expect(subscriptions.get("matrix", "!room:example.org")).toMatchObject({ source: "command" });
    close();
  });

  it("keeps every subscription when a database of the first schema is migrated", () => {
    const path = join(tempDir("subs-v1"), "paperbot.db");
    const v1 = new Database(path);
    v1.exec(MIGRATIONS[0] as string);
    v1.pragma("user_version = 1");
    v1.prepare(
      "INSERT INTO subscriptions (platform, channel_id, source, subscribed_at) VALUES ('slack', 'C1', 'command', 5)",
    ).run();
    v1.close();
    const { subscriptions, db, close } = openStore(path);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(subscriptions.list()).toEqual([
      { platform: "slack", channelId: "C1", source: "command", subscribedAt: 5 },
    ]);
    close();
  });
});
