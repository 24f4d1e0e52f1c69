/**
 * Posts digests to Slack with the Web API (no event connection needed, so `paperbot digest run`
 * uses it too). Replies in the digest's thread that mention the bot stay on its paper.
 */
import { webApi } from "@slack/bolt";
import type { DigestPublisher } from "../../src/digest/publisher.ts";
import type { SlackConfig } from "../config.ts";
import type { Logger } from "../logger.ts";
import { toSlackDigest } from "./renderDigest.ts";
import { describe, sendWithFallback } from "./slackAdapter.ts";
import { SLACK_SCOPE, slackThreadKey } from "./threadKeys.ts";

/** A Web API client for posting, retrying nothing itself: the digest's ledger does the retrying. */
export function slackWebClient(config: SlackConfig): webApi.WebClient {
  return new webApi.WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
  });
}

/** The Slack digest publisher. */
export function createSlackDigestPublisher(
  client: webApi.WebClient,
  logger: Logger,
): DigestPublisher {
  const log = logger.child({ adapter: "slack", part: "digest" });
  let team: Promise<string> | undefined;
  // The thread key names the workspace, which auth.test tells once per process.
  const teamId = () => {
    team ??= client.auth.test().then((r) => r.team_id ?? "");
    team.catch(() => {
      team = undefined;
    });
    return team;
  };
  return {
    platform: "slack",
    scopeOf: async () => SLACK_SCOPE,
    async post(channelId, digest) {
      let ts: string | undefined;
      try {
        await sendWithFallback(
          async (m) => {
            const result = await client.chat.postMessage({
              channel: channelId,
              ...m,
              // The figure shows as an image block; link previews would repeat it.
              unfurl_links: false,
              unfurl_media: false,
            });
            ts = result.ts;
          },
          toSlackDigest(digest),
          log,
        );
      } catch (error) {
        throw new Error(`Slack refused the digest: ${describe(error)}`, { cause: error });
      }
      if (!ts) throw new Error("Slack answered without the message's ts");
      // Posted: nothing after this may throw, or the ledger would post it again.
      const threadKey = await teamId().then(
        (id) => slackThreadKey(id, channelId, ts as string),
        (error: unknown) => {
          log.warn({ err: error }, "auth.test failed: the digest's thread will not know its paper");
          return undefined;
        },
      );
      return { messageId: ts, ...(threadKey ? { threadKey } : {}) };
    },
  };
}
