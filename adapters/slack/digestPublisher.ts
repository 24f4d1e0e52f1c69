/**
 * Posts digests to Slack with the Web API (no event connection needed, so `paperbot digest run`
 * uses it too), and the digest's open questions as a reply in its thread. Replies in the digest's
 * thread that mention the bot stay on its paper.
 */
import { webApi } from "@slack/bolt";
import type { DigestPublisher } from "../../src/digest/publisher.ts";
import { POST_TIMEOUT_MS } from "../../src/digest/publisher.ts";
import type { ChatLogger as Logger } from "../../src/logger.ts";
import { toBoltLogger } from "./boltLogger.ts";
import type { SlackConfig } from "./config.ts";
import { outlineToSlack, toSlackDigest } from "./render.ts";
import { describe, sendWithFallback } from "./slackAdapter.ts";
import { SLACK_SCOPE, slackThreadKey } from "./threadKeys.ts";

/**
 * A Web API client for posting, retrying nothing itself: the digest's ledger does the retrying.
 * Its requests end with the digest's own time limit, so a hung connection never keeps
 * `paperbot digest run` from exiting.
 */
export function slackWebClient(config: SlackConfig, logger?: Logger): webApi.WebClient {
  return new webApi.WebClient(config.botToken, {
    // Its own console logger would print around `paperbot digest run`'s report; ours scrubs secrets.
    ...(logger ? { logger: toBoltLogger(logger.child({ adapter: "slack", part: "digest" })) } : {}),
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: POST_TIMEOUT_MS,
  });
}

/**
 * Why a post failed, in words that tell apart Slack saying no (`channel_not_found`) from Slack
 * not being reached at all, or answering with an HTTP error: what to do differs. `what` names
 * the message refused ("the digest").
 */
export function slackFailure(error: unknown, what = "the digest"): string {
  const code = (error as { code?: string }).code;
  if (code === webApi.ErrorCode.RequestError)
    return `Slack could not be reached: ${describe(error)}`;
  if (code === webApi.ErrorCode.HTTPError) {
    const status = (error as { statusCode?: number }).statusCode;
    return `Slack answered HTTP ${status ?? "error"}: ${describe(error)}`;
  }
  if (code === webApi.ErrorCode.RateLimitedError) return "Slack is rate limiting the bot";
  return `Slack refused ${what}: ${describe(error)}`;
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
        throw new Error(slackFailure(error), { cause: error });
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
      // Any message can start a thread: replies name it by its ts.
      return { messageId: ts, threadId: ts, ...(threadKey ? { threadKey } : {}) };
    },
    /**
     * A reply in the digest's thread: `thread_ts` is the digest's ts, and no `reply_broadcast`,
     * so it stays in the thread. Sent without `link_names` or `parse`: Slack links no name in it,
     * and the words are escaped (`&`, `<`, `>`) so nothing in a question pings anyone or opens a
     * link. https://docs.slack.dev/reference/methods/chat.postMessage
     * https://docs.slack.dev/messaging/formatting-message-text#escaping
     */
    async postInThread(channelId, threadId, message) {
      try {
        const result = await client.chat.postMessage({
          channel: channelId,
          thread_ts: threadId,
          ...outlineToSlack(message),
          unfurl_links: false,
          unfurl_media: false,
        });
        if (!result.ts) throw new Error("Slack answered without the message's ts");
        return result.ts;
      } catch (error) {
        throw new Error(slackFailure(error, "the thread message"), { cause: error });
      }
    },
  };
}
