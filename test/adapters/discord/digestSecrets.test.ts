/**
 * The bot token never reaches the logs or the ledger's `last_error` (which `paperbot digest
 * status` prints), even when an error's text quotes it: an echoing proxy behind `DISCORD_API_URL`,
 * or a future library message. Tried with a token shaped like Discord's (which the logger's
 * patterns would catch anyway) and with one that is not (only the configured secrets catch it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDACTED } from "../../../app/logger.ts";
import { DIGEST_MONDAY, openDiscordDigest, postsToChannel } from "../../helpers/discordDigest.ts";
import { DISCORD_TEST_TOKEN, startDiscordStandIn } from "../../helpers/discordStandIn.ts";
import { FakeClock } from "../../helpers/fakeClock.ts";
import { guardLoopback, type LoopbackGuard } from "../../helpers/socketModeStandIn.ts";

let guard: LoopbackGuard;

beforeAll(() => {
  guard = guardLoopback();
});
afterAll(() => {
  guard.release();
  expect(guard.hosts.filter((host) => host !== "127.0.0.1")).toEqual([]);
});

describe("the Discord digest and the bot token", () => {
  it.each([
    ["a Discord-shaped token", DISCORD_TEST_TOKEN],
    ["a token of no known shape", "plain-secret-that-matches-no-token-pattern-4242"],
  ])("keeps %s out of the ledger and the logs", async (_, token) => {
    const standIn = await startDiscordStandIn({ token });
    const clock = new FakeClock(DIGEST_MONDAY);
    const digest = await openDiscordDigest(standIn, { now: clock.now });
    try {
      standIn.failNext(postsToChannel, 400, {
        message: `Invalid Form Body (request authorized as Bot ${token})`,
        code: 50035,
        errors: { token: { _errors: [{ code: "ECHO", message: token }] } },
      });
      expect((await digest.service.runDue())[0]?.outcome).toBe("retrying");
      const failed = digest.service.store.ledger.get(digest.key);
      expect(failed?.lastError).toContain(REDACTED);
      expect(failed?.lastError).not.toContain(token);

      // The token is revoked before the retry: Discord answers 401.
      standIn.failNext(postsToChannel, 401, { message: "401: Unauthorized", code: 0 });
      await clock.advance(30_000);
      expect((await digest.service.runDue())[0]?.outcome).toBe("retrying");
      expect(digest.service.store.ledger.get(digest.key)?.lastError).toMatch(/Unauthorized/);

      const logs = digest.lines.join("\n");
      expect(logs).toContain("posting the digest failed; will retry");
      expect(logs).not.toContain(token);
      expect(JSON.stringify(digest.service.store.ledger.recent(10))).not.toContain(token);
    } finally {
      digest.close();
      await standIn.close();
    }
  });
});
