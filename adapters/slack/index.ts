/**
 * Slack, as one platform object: its configuration and secrets, the Bolt adapter, the digest
 * publisher, the Block Kit renderers and its channel ids.
 */
import { definePlatform } from "../../src/platform/platform.ts";
import {
  readSlackConfig,
  SLACK_CHANNEL_EXAMPLE,
  SLACK_CHANNEL_ID,
  SLACK_SECRET_VARIABLES,
  SLACK_TOKEN_PATTERNS,
  type SlackConfig,
  slackSecrets,
} from "./config.ts";
import { createSlackDigestPublisher, slackWebClient } from "./digestPublisher.ts";
import { toSlackDigest, toSlackMessage } from "./render.ts";
import { createSlackAdapter } from "./slackAdapter.ts";

/** Slack. */
export const slack = definePlatform<SlackConfig, "slack">({
  name: "slack",
  title: "Slack",
  settings: {
    read: readSlackConfig,
    enabledBy: "SLACK_BOT_TOKEN",
    secretVariables: SLACK_SECRET_VARIABLES,
    secretsOf: slackSecrets,
    tokenPatterns: SLACK_TOKEN_PATTERNS,
    redactPaths: ['headers["x-slack-signature"]'],
  },
  ids: { channel: SLACK_CHANNEL_ID, channelExample: SLACK_CHANNEL_EXAMPLE },
  createAdapter: createSlackAdapter,
  render: toSlackMessage,
  digest: {
    publisher: (config, logger) =>
      createSlackDigestPublisher(slackWebClient(config, logger), logger),
    render: toSlackDigest,
  },
});
