import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLASH_COMMAND } from "../../../adapters/slack/slackAdapter.ts";

const manifests = ["manifest.yml", "manifest.socket.yml"].map((name) => ({
  name,
  manifest: parse(
    readFileSync(new URL(`../../../adapters/slack/${name}`, import.meta.url), "utf8"),
  ),
}));

describe("Slack app manifests", () => {
  it.each(manifests)(
    "$name declares the command, event and scopes the adapter uses, and no more",
    ({ manifest }) => {
      expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([
        SLASH_COMMAND,
      ]);
      // Thread replies, for follow-ups without a re-mention (#13).
      expect(manifest.settings.event_subscriptions.bot_events).toEqual([
        "app_mention",
        "message.channels",
        "message.groups",
      ]);
      expect(manifest.oauth_config.scopes.bot).toEqual([
        "app_mentions:read",
        "chat:write",
        "commands",
        // The digest: posting to public channels, and who may subscribe a channel.
        "chat:write.public",
        "users:read",
        "channels:read",
        "groups:read",
        // The events of follow-ups without a re-mention.
        "channels:history",
        "groups:history",
      ]);
      expect(manifest.features.slash_commands[0].usage_hint).toContain("digest");
    },
  );

  it("points HTTP mode at /slack/events and enables Socket Mode only in the socket manifest", () => {
    const [http, socket] = manifests.map((m) => m.manifest);
    expect(http.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(socket.settings.socket_mode_enabled).toBe(true);
  });

  it("turns interactivity on for the vote buttons: HTTP clicks to /slack/events, Socket Mode's over the socket (#16)", () => {
    const [http, socket] = manifests.map((m) => m.manifest);
    expect(http.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: http.settings.event_subscriptions.request_url,
    });
    expect(socket.settings.interactivity).toEqual({ is_enabled: true });
  });
});
