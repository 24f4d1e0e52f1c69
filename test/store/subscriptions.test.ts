import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
