/**
 * The bot's configuration, read once from the environment at start-up and validated: a missing
 * or malformed variable stops start-up with a message naming it. Values of secrets never appear
 * in those messages.
 */

import { DEFAULT_DATABASE_PATH } from "../store/paths.ts";
import { DEFAULT_DIGEST_CRON, DEFAULT_DIGEST_TZ, DigestSchedule } from "./digest/schedule.ts";

/** Log levels pino knows, quietest last. */
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
/** A pino log level. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Slack over Socket Mode (`SLACK_APP_TOKEN`): no public URL needed. */
export interface SlackSocketConfig {
  mode: "socket";
  botToken: string;
  appToken: string;
  /** Web API base URL, ending in `/`, when not Slack's own. */
  apiUrl?: string;
}

/** Slack over HTTP: Slack posts events to `PORT` at `/slack/events`. */
export interface SlackHttpConfig {
  mode: "http";
  botToken: string;
  signingSecret: string;
  port: number;
  /** Web API base URL, ending in `/`, when not Slack's own. */
  apiUrl?: string;
}

/** How to reach Slack. */
export type SlackConfig = SlackSocketConfig | SlackHttpConfig;

/** How to reach Discord: the bot token and application, optionally one development server. */
export interface DiscordConfig {
  token: string;
  /** The application (client) id: slash commands are registered under it. */
  applicationId: string;
  /** Register commands to this server only (instant, for development) instead of globally. */
  guildId?: string;
  /** REST base URL (default `https://discord.com/api`), for proxies and tests. */
  apiUrl?: string;
}

/** When and where the weekly digest goes. */
export interface DigestConfig {
  /** Cron expression (`DIGEST_CRON`, default Monday 09:00). */
  cron: string;
  /** IANA time zone the cron is read in (`DIGEST_TZ`, default UTC). */
  timeZone: string;
  /** Slack channel ids that always get the digest (`DIGEST_SLACK_CHANNELS`). */
  slackChannels: string[];
  /** Discord channel ids that always get the digest (`DIGEST_DISCORD_CHANNELS`). */
  discordChannels: string[];
}

/** Everything the running bot is configured with. */
export interface BotConfig {
  /** Where the paper summaries live. */
  corpusDir: string;
  /** The SQLite file with subscriptions, digests posted, the reading queue and thread memory. */
  databasePath: string;
  /** The digest's schedule and configured channels. */
  digest: DigestConfig;
  /** Least severe log level written. */
  logLevel: LogLevel;
  /** JSON lines for machines, or readable lines for a person at a terminal. */
  logFormat: "json" | "pretty";
  /** Slack, when its tokens are set. */
  slack?: SlackConfig;
  /** Discord, when its token is set. */
  discord?: DiscordConfig;
}

/** A configuration problem, naming the variable; start-up stops on it. */
export class ConfigError extends Error {
  constructor(
    /** The environment variable at fault. */
    readonly variable: string,
    problem: string,
  ) {
    super(
      `paperbot: ${variable} ${problem}. Set it in .env (see .env.example) or the environment.`,
    );
    this.name = "ConfigError";
  }
}

/** Default HTTP port for Slack's Events API. */
export const DEFAULT_PORT = 3000;

type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value; empty counts as unset (a blank line in .env). */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function required(env: Env, name: string, why: string): string {
  const value = read(env, name);
  if (!value) throw new ConfigError(name, `is missing: ${why}`);
  return value;
}

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

function apiUrl(env: Env, name: string): string | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `is malformed: "${value}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(name, `is malformed: "${value}" is not an http(s) URL`);
  }
  // The Web API client appends method names: "https://host/api/" + "chat.postMessage".
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function slackConfig(env: Env): SlackConfig | undefined {
  const names = ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"];
  if (!names.some((name) => read(env, name))) return undefined;
  const botToken = token(env, "SLACK_BOT_TOKEN", "xoxb-", "Slack needs the app's bot token");
  const url = apiUrl(env, "SLACK_API_URL");
  const extra = url ? { apiUrl: url } : {};
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

/** A Discord snowflake: the decimal id of an application, a server or a channel. */
function snowflake(env: Env, name: string, why: string): string;
function snowflake(env: Env, name: string): string | undefined;
function snowflake(env: Env, name: string, why?: string): string | undefined {
  const value = why === undefined ? read(env, name) : required(env, name, why);
  if (value !== undefined && !/^\d{17,20}$/.test(value)) {
    throw new ConfigError(name, "is malformed: it should be a numeric Discord id (17-20 digits)");
  }
  return value;
}

/**
 * A bot token is three dot-separated base64url parts (id, timestamp, HMAC). Checking the shape
 * catches a pasted client secret or public key before Discord turns the login down.
 */
const DISCORD_TOKEN_SHAPE = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/;

function discordConfig(env: Env): DiscordConfig | undefined {
  const names = ["DISCORD_TOKEN", "DISCORD_APP_ID", "DISCORD_GUILD_ID"];
  if (!names.some((name) => read(env, name))) return undefined;
  const token = required(env, "DISCORD_TOKEN", "Discord needs the bot's token");
  if (!DISCORD_TOKEN_SHAPE.test(token.replace(/^Bot\s+/i, ""))) {
    throw new ConfigError(
      "DISCORD_TOKEN",
      "is malformed: it should be the bot token from the Developer Portal's Bot page",
    );
  }
  const applicationId = snowflake(
    env,
    "DISCORD_APP_ID",
    "slash commands are registered under the application id (General Information page)",
  );
  const guildId = snowflake(env, "DISCORD_GUILD_ID");
  const url = apiUrl(env, "DISCORD_API_URL");
  return {
    token: token.replace(/^Bot\s+/i, ""),
    applicationId,
    ...(guildId ? { guildId } : {}),
    // @discordjs/rest appends "/v10/..." to the base itself.
    ...(url ? { apiUrl: url.replace(/\/+$/, "") } : {}),
  };
}

function logLevel(env: Env, fallback: LogLevel): LogLevel {
  const value = read(env, "LOG_LEVEL")?.toLowerCase();
  if (value === undefined) return fallback;
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(
      "LOG_LEVEL",
      `is malformed: "${value}" is not one of ${LOG_LEVELS.join(", ")}`,
    );
  }
  return value as LogLevel;
}

function logFormat(env: Env, fallback: "json" | "pretty"): "json" | "pretty" {
  const value = read(env, "LOG_FORMAT")?.toLowerCase();
  if (value === undefined) return fallback;
  if (value !== "json" && value !== "pretty") {
    throw new ConfigError("LOG_FORMAT", `is malformed: "${value}" is not json or pretty`);
  }
  return value;
}

/** Splits a channel list ("C123, C456" or "C123 C456") and checks each id's shape. */
function channelList(env: Env, name: string, shape: RegExp, example: string): string[] {
  const ids = (read(env, name) ?? "").split(/[\s,]+/).filter(Boolean);
  const bad = ids.find((id) => !shape.test(id));
  if (bad !== undefined) {
    throw new ConfigError(name, `is malformed: "${bad}" is not a channel id (like ${example})`);
  }
  return ids;
}

function digestConfig(env: Env, slack: boolean, discord: boolean): DigestConfig {
  const cron = read(env, "DIGEST_CRON") ?? DEFAULT_DIGEST_CRON;
  const timeZone = read(env, "DIGEST_TZ") ?? DEFAULT_DIGEST_TZ;
  try {
    new DigestSchedule(cron, timeZone);
  } catch (error) {
    const variable = (error as Error).message.includes("DIGEST_TZ") ? "DIGEST_TZ" : "DIGEST_CRON";
    throw new ConfigError(
      variable,
      `is malformed: ${(error as Error).message.replace(/^paperbot: \S+ /, "")}`,
    );
  }
  // Slack ids: C (public), G (private), uppercase; Discord ids are snowflakes.
  const slackChannels = channelList(
    env,
    "DIGEST_SLACK_CHANNELS",
    /^[CG][A-Z0-9]{6,}$/,
    "C0123ABCD",
  );
  const discordChannels = channelList(
    env,
    "DIGEST_DISCORD_CHANNELS",
    /^\d{17,20}$/,
    "1234567890123456789",
  );
  if (slackChannels.length > 0 && !slack) {
    throw new ConfigError(
      "DIGEST_SLACK_CHANNELS",
      "is set but Slack is not: set SLACK_BOT_TOKEN too",
    );
  }
  if (discordChannels.length > 0 && !discord) {
    throw new ConfigError(
      "DIGEST_DISCORD_CHANNELS",
      "is set but Discord is not: set DISCORD_TOKEN too",
    );
  }
  return { cron, timeZone, slackChannels, discordChannels };
}

/** Options given on the command line; they win over the environment. */
export interface ConfigOverrides {
  corpusDir?: string;
  logFormat?: "json" | "pretty";
}

/** Reads and validates the configuration; throws {@link ConfigError} naming the first bad variable. */
export function loadConfig(env: Env, overrides: ConfigOverrides = {}): BotConfig {
  try {
    return readConfig(env, overrides);
  } catch (error) {
    throw error instanceof ConfigError ? withoutSecrets(error, env) : error;
  }
}

/** Variables whose values are secrets, never to be shown. */
const SECRET_VARIABLES = [
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
  "DISCORD_TOKEN",
] as const;

/**
 * The error with every secret's value blanked out of its message: a message quoting a malformed
 * value ("SLACK_API_URL is malformed: "xoxb-..." is not a URL") must not show a token pasted into
 * the wrong variable (found by the configuration's property test).
 */
function withoutSecrets(error: ConfigError, env: Env): ConfigError {
  let message = error.message;
  for (const name of SECRET_VARIABLES) {
    const secret = env[name]?.trim() ?? "";
    if (secret.length >= 8) message = message.split(secret).join("[a secret value]");
  }
  error.message = message;
  return error;
}

function readConfig(env: Env, overrides: ConfigOverrides): BotConfig {
  const slack = slackConfig(env);
  const discord = discordConfig(env);
  // The console is for a person at a terminal: only warnings, readable. A platform bot logs info.
  const onPlatform = slack !== undefined || discord !== undefined;
  return {
    corpusDir: overrides.corpusDir ?? read(env, "CORPUS_DIR") ?? "./corpus",
    databasePath: read(env, "DATABASE_PATH") ?? DEFAULT_DATABASE_PATH,
    digest: digestConfig(env, slack !== undefined, discord !== undefined),
    logLevel: logLevel(env, onPlatform ? "info" : "warn"),
    logFormat: overrides.logFormat ?? logFormat(env, onPlatform ? "json" : "pretty"),
    ...(slack ? { slack } : {}),
    ...(discord ? { discord } : {}),
  };
}

/** The secret values in a configuration, for the logger to scrub wherever they appear. */
export function secretsOf(config: BotConfig): string[] {
  const { slack, discord } = config;
  const secrets = discord ? [discord.token] : [];
  if (!slack) return secrets;
  return slack.mode === "socket"
    ? [...secrets, slack.botToken, slack.appToken]
    : [...secrets, slack.botToken, slack.signingSecret];
}
