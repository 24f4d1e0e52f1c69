/**
 * Slack's configuration, read from the environment: the bot token, and either an app token
 * (Socket Mode) or the signing secret and port (HTTP). Values of secrets never appear in errors.
 */
import type { ThreadFollowUps } from "../../src/pipeline/followUps.ts";
import {
  apiUrl,
  ConfigError,
  choice,
  type Env,
  idList,
  read,
  required,
} from "../../src/platform/env.ts";

/** A Slack channel id: C (public) or G (private), uppercase. */
export const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;
/** An example channel id, shown when one is malformed. */
export const SLACK_CHANNEL_EXAMPLE = "C0123ABCD";

/** How the bot converses, whichever way it reaches Slack. */
export interface SlackConversation {
  /**
   * `questions` (the default, `THREAD_FOLLOWUPS`): in a thread the bot answered in, a reply that
   * reads as a question for it is answered without a mention; `mention`: only mentions are.
   */
  threadFollowUps?: ThreadFollowUps;
  /** `SLACK_ANSWER_CHANNELS`: the only channels where mentions and follow-ups are answered. */
  answerChannels?: string[];
}

/** Slack over Socket Mode (`SLACK_APP_TOKEN`): no public URL needed. */
export interface SlackSocketConfig extends SlackConversation {
  mode: "socket";
  botToken: string;
  appToken: string;
  /** Web API base URL, ending in `/`, when not Slack's own. */
  apiUrl?: string;
}

/** Slack over HTTP: Slack posts events to `PORT` at `/slack/events`. */
export interface SlackHttpConfig extends SlackConversation {
  mode: "http";
  botToken: string;
  signingSecret: string;
  port: number;
  /** Web API base URL, ending in `/`, when not Slack's own. */
  apiUrl?: string;
}

/** Who may add papers from chat besides the channel's managers (`SLACK_CORPUS_EDITORS`, #17). */
export interface SlackCorpusEditors {
  /** Slack user ids (`U…`, `W…`); absent when none are listed. */
  corpusEditors?: string[];
}

/** How to reach Slack. */
export type SlackConfig = (SlackSocketConfig | SlackHttpConfig) & SlackCorpusEditors;

/** A Slack user id: `U` (or `W` on Enterprise Grid) and capital letters and digits. */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** Default HTTP port for Slack's Events API. */
export const DEFAULT_PORT = 3000;

/** Variables whose values are secrets. */
export const SLACK_SECRET_VARIABLES = [
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
] as const;

/** Slack's token shapes (`xoxb-`, `xapp-`, ...), scrubbed from the logs even when not ours. */
export const SLACK_TOKEN_PATTERNS = [
  /\bxox[abposr]-[A-Za-z0-9-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
  // The one-time ticket in a Socket Mode WebSocket URL, which Bolt logs at debug level.
  /(?<=[?&]ticket=)[^&\s"]+/g,
];

/**
 * Slack's tokens are a prefix and dash-separated parts: `xoxb-<team>-<bot>-<secret>`,
 * `xapp-<version>-<app>-<...>`. The prefix alone (`xoxb-`) is a pasted placeholder, not a token.
 */
function token(env: Env, name: string, prefix: string, why: string): string {
  const value = required(env, name, why);
  if (
    !value.startsWith(prefix) ||
    !/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+$/.test(value.slice(prefix.length))
  ) {
    throw new ConfigError(
      name,
      `is malformed: it should start with "${prefix}" followed by the token's dash-separated parts`,
    );
  }
  return value;
}

function port(env: Env): number {
  const value = read(env, "PORT");
  if (value === undefined) return DEFAULT_PORT;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > 65535) {
    throw new ConfigError("PORT", `is malformed: "${value}" is not a port number (1-65535)`);
  }
  return number;
}

/** Reads Slack's configuration; undefined when no Slack variable is set. */
export function readSlackConfig(env: Env): SlackConfig | undefined {
  if (!SLACK_SECRET_VARIABLES.some((name) => read(env, name))) return undefined;
  const botToken = token(env, "SLACK_BOT_TOKEN", "xoxb-", "Slack needs the app's bot token");
  // The Web API client appends method names: "https://host/api/" + "chat.postMessage".
  const url = apiUrl(env, "SLACK_API_URL");
  const editors = idList(env, "SLACK_CORPUS_EDITORS", SLACK_USER_ID, "U0123ABCD", "user id") ?? [];
  const answerChannels = idList(
    env,
    "SLACK_ANSWER_CHANNELS",
    SLACK_CHANNEL_ID,
    SLACK_CHANNEL_EXAMPLE,
  );
  const extra = {
    ...(url ? { apiUrl: url } : {}),
    threadFollowUps: choice(env, "THREAD_FOLLOWUPS", ["questions", "mention"], "questions"),
    ...(answerChannels ? { answerChannels } : {}),
    ...(editors.length > 0 ? { corpusEditors: editors } : {}),
  };
  if (read(env, "SLACK_APP_TOKEN")) {
    const appToken = token(env, "SLACK_APP_TOKEN", "xapp-", "Socket Mode needs an app token");
    return { mode: "socket", botToken, appToken, ...extra };
  }
  const signingSecret = required(
    env,
    "SLACK_SIGNING_SECRET",
    "Slack's HTTP mode needs it to verify requests (or set SLACK_APP_TOKEN for Socket Mode)",
  );
  if (!/^[A-Za-z0-9]{16,}$/.test(signingSecret)) {
    throw new ConfigError(
      "SLACK_SIGNING_SECRET",
      "is malformed: it should be the app's hex signing secret",
    );
  }
  return { mode: "http", botToken, signingSecret, port: port(env), ...extra };
}

/** The secret values of a Slack configuration. */
export function slackSecrets(config: SlackConfig): string[] {
  return config.mode === "socket"
    ? [config.botToken, config.appToken]
    : [config.botToken, config.signingSecret];
}
