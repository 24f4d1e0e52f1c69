/**
 * The bot's configuration, read once from the environment at start-up and validated: a missing
 * or malformed variable stops start-up with a message naming it. Values of secrets never appear
 * in those messages. Each platform reads its own variables (see `Platform.settings`); this reads
 * the rest and the digest channels of every platform, `DIGEST_<NAME>_CHANNELS`.
 */
import { DEFAULT_RETENTION_DAYS } from "../src/feedback/feedback.ts";
import { DEFAULT_ARXIV_TIMEOUT_MS } from "../src/import/arxivClient.ts";
import { apiUrl, ConfigError, choice, type Env, read } from "../src/platform/env.ts";
import type { Platform } from "../src/platform/platform.ts";
import { DEFAULT_DIGEST_CRON, DEFAULT_DIGEST_TZ, DigestSchedule } from "./digest/schedule.ts";
import { PLATFORMS } from "./platforms.ts";
import { readPaths } from "./storagePaths.ts";

export { ConfigError } from "../src/platform/env.ts";

/** Log levels pino knows, quietest last. */
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
/** A pino log level. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Any platform, whatever its configuration. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds platforms of different configurations.
export type AnyPlatform = Platform<any>;
/** The registry's type: the platforms a configuration is read for. */
export type Registry = readonly AnyPlatform[];

type ConfigOf<P> = P extends Platform<infer C> ? C : never;

/** Each platform's configuration under its name, present when its variables are set. */
export type PlatformConfigs<R extends Registry> = {
  [P in R[number] as P["name"]]?: ConfigOf<P>;
};

/** When and where the weekly digest goes. */
export type DigestConfig<R extends Registry = typeof PLATFORMS> = {
  /** Cron expression (`DIGEST_CRON`, default Monday 09:00). */
  cron: string;
  /** IANA time zone the cron is read in (`DIGEST_TZ`, default UTC). */
  timeZone: string;
  /**
   * Whether the digest's discussion thread gets the week's unanswered questions
   * (`DIGEST_OPEN_QUESTIONS=on`; off by default).
   */
  openQuestions?: boolean;
} & {
  /** Channel ids that always get the digest (`DIGEST_<NAME>_CHANNELS`). */
  [P in R[number] as `${P["name"]}Channels`]: string[];
};

/** Everything the running bot is configured with. */
export type BotConfig<R extends Registry = typeof PLATFORMS> = {
  /** Where the paper summaries live. */
  corpusDir: string;
  /** The SQLite file with subscriptions, digests posted, the reading queue and thread memory. */
  databasePath: string;
  /** The digest's schedule and configured channels. */
  digest: DigestConfig<R>;
  /** What is kept of answers, declined questions and votes (#16). */
  feedback?: FeedbackConfig;
  /** How `/paper add` reaches the arXiv API (`ARXIV_API_URL`, `ARXIV_API_TIMEOUT`); always read by `loadConfig`. */
  arxiv?: ArxivConfig;
  /** Least severe log level written. */
  logLevel: LogLevel;
  /** JSON lines for machines, or readable lines for a person at a terminal. */
  logFormat: "json" | "pretty";
} & PlatformConfigs<R>;

/** What is kept of answers, declined questions and votes, and for how long. */
export interface FeedbackConfig {
  /** Days question text and the passage shown are kept (`FEEDBACK_RETENTION_DAYS`, default 90). */
  retentionDays: number;
  /** False with `RECORD_QUESTIONS=off`: only counts are kept, never a question's words. */
  recordQuestions: boolean;
}

/** The longest retention `FEEDBACK_RETENTION_DAYS` takes: ten years. */
const MAX_RETENTION_DAYS = 3650;

/** `FEEDBACK_RETENTION_DAYS` (a whole number of days, 1 to 3650) and `RECORD_QUESTIONS` (on/off). */
function feedbackConfig(env: Env): FeedbackConfig {
  const value = read(env, "FEEDBACK_RETENTION_DAYS");
  const days = value === undefined ? DEFAULT_RETENTION_DAYS : Number(value);
  // Digits only: Number() would also take "1e2" as 100 and "0x10" as 16.
  const digits = value === undefined || /^\d+$/.test(value);
  if (!digits || !Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
    throw new ConfigError(
      "FEEDBACK_RETENTION_DAYS",
      `is malformed: "${value}" is not a whole number of days from 1 to ${MAX_RETENTION_DAYS}`,
    );
  }
  return {
    retentionDays: days,
    recordQuestions: choice(env, "RECORD_QUESTIONS", ["on", "off"], "on") === "on",
  };
}

/** How the bot reaches the arXiv API to add papers from chat (#17). */
export interface ArxivConfig {
  /** The API's query endpoint, when not arXiv's own (a proxy, a test's stand-in). */
  apiUrl?: string;
  /** How long one import may wait for the API in all, retries included. */
  timeoutMs: number;
}

/** `ARXIV_API_URL` and `ARXIV_API_TIMEOUT` (seconds, more than 0 and at most 600). */
function arxivConfig(env: Env): ArxivConfig {
  const url = apiUrl(env, "ARXIV_API_URL");
  const value = read(env, "ARXIV_API_TIMEOUT");
  const seconds = value === undefined ? DEFAULT_ARXIV_TIMEOUT_MS / 1000 : Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new ConfigError(
      "ARXIV_API_TIMEOUT",
      `is malformed: "${value}" is not a number of seconds from 0 to 600`,
    );
  }
  // The endpoint is a full URL (`…/api/query`): the trailing slash `apiUrl` adds is not part of it.
  return {
    ...(url ? { apiUrl: url.replace(/\/$/, "") } : {}),
    timeoutMs: seconds * 1000,
  };
}

/** A platform's configuration in `config`, when it is set up. */
export function configOf<C>(config: object, platform: Platform<C>): C | undefined {
  return (config as Record<string, C | undefined>)[platform.name];
}

/** The channels that always get the digest on a platform (`DIGEST_<NAME>_CHANNELS`). */
export function configuredChannels(config: { digest: object }, platform: AnyPlatform): string[] {
  return (config.digest as Record<string, string[] | undefined>)[`${platform.name}Channels`] ?? [];
}

/** The variable that lists a platform's digest channels. */
export function channelsVariable(platform: AnyPlatform): string {
  return `DIGEST_${platform.name.toUpperCase()}_CHANNELS`;
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
function channelList(env: Env, platform: AnyPlatform): string[] {
  const name = channelsVariable(platform);
  const ids = (read(env, name) ?? "").split(/[\s,]+/).filter(Boolean);
  const bad = ids.find((id) => !platform.ids.channel.test(id));
  if (bad !== undefined) {
    throw new ConfigError(
      name,
      `is malformed: "${bad}" is not a channel id (like ${platform.ids.channelExample})`,
    );
  }
  return ids;
}

function digestConfig(
  env: Env,
  platforms: Registry,
  configured: ReadonlySet<string>,
): Record<string, unknown> {
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
  const channels = platforms.map((platform) => [platform, channelList(env, platform)] as const);
  for (const [platform, ids] of channels) {
    if (ids.length > 0 && !configured.has(platform.name)) {
      throw new ConfigError(
        channelsVariable(platform),
        `is set but ${platform.title} is not: set ${platform.settings.enabledBy} too`,
      );
    }
  }
  return {
    cron,
    timeZone,
    openQuestions: choice(env, "DIGEST_OPEN_QUESTIONS", ["on", "off"], "off") === "on",
    ...Object.fromEntries(channels.map(([platform, ids]) => [`${platform.name}Channels`, ids])),
  };
}

/** Options given on the command line; they win over the environment. */
export interface ConfigOverrides {
  corpusDir?: string;
  logFormat?: "json" | "pretty";
}

/** Reads and validates the configuration; throws {@link ConfigError} naming the first bad variable. */
export function loadConfig<R extends Registry = typeof PLATFORMS>(
  env: Env,
  overrides: ConfigOverrides = {},
  platforms: R = PLATFORMS as unknown as R,
): BotConfig<R> {
  try {
    return readConfig(env, overrides, platforms) as BotConfig<R>;
  } catch (error) {
    throw error instanceof ConfigError ? withoutSecrets(error, env, platforms) : error;
  }
}

/**
 * The error with every secret's value blanked out of its message: a message quoting a malformed
 * value ("SLACK_API_URL is malformed: "xoxb-..." is not a URL") must not show a token pasted into
 * the wrong variable (found by the configuration's property test).
 */
function withoutSecrets(error: ConfigError, env: Env, platforms: Registry): ConfigError {
  let message = error.message;
  for (const name of platforms.flatMap((p) => p.settings.secretVariables)) {
    const secret = env[name]?.trim() ?? "";
    if (secret.length >= 8) message = message.split(secret).join("[a secret value]");
  }
  error.message = message;
  return error;
}

function readConfig(env: Env, overrides: ConfigOverrides, platforms: Registry): object {
  const configs = platforms.flatMap((platform) => {
    const config = platform.settings.read(env);
    return config === undefined ? [] : [[platform.name, config] as const];
  });
  // The console is for a person at a terminal: only warnings, readable. A platform bot logs info.
  const onPlatform = configs.length > 0;
  const { corpusDir, databasePath } = readPaths(env, overrides);
  return {
    corpusDir,
    databasePath,
    digest: digestConfig(env, platforms, new Set(configs.map(([name]) => name))),
    arxiv: arxivConfig(env),
    feedback: feedbackConfig(env),
    logLevel: logLevel(env, onPlatform ? "info" : "warn"),
    logFormat: overrides.logFormat ?? logFormat(env, onPlatform ? "json" : "pretty"),
    ...Object.fromEntries(configs),
  };
}

/** The secret values in a configuration, for the logger to scrub wherever they appear. */
export function secretsOf(config: object, platforms: Registry = PLATFORMS): string[] {
  return platforms.flatMap((platform) => {
    const settings = configOf(config, platform);
    return settings === undefined ? [] : platform.settings.secretsOf(settings);
  });
}
