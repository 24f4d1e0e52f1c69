/**
 * Discord's configuration, read from the environment: the bot token and application id, and
 * optionally one development server. Values of secrets never appear in errors.
 */
import {
  apiUrl,
  ConfigError,
  choice,
  type Env,
  idList,
  read,
  required,
} from "../../src/platform/env.ts";

/** How to reach Discord: the bot token and application, optionally one development server. */
export interface DiscordConfig {
  token: string;
  /** The application (client) id: slash commands are registered under it. */
  applicationId: string;
  /** Register commands to this server only (instant, for development) instead of globally. */
  guildId?: string;
  /** REST base URL (default `https://discord.com/api`), for proxies and tests. */
  apiUrl?: string;
  /**
   * `DISCORD_MESSAGE_CONTENT=on`: the bot asks for the privileged Message Content intent and
   * answers follow-ups in its threads without a mention. Off (the default): mentions only.
   */
  messageContent?: boolean;
  /** `DISCORD_ANSWER_CHANNELS`: the only channels (and their threads) where it answers mentions. */
  answerChannels?: string[];
  /** Users who may add papers from chat besides the channel's managers (`DISCORD_CORPUS_EDITORS`). */
  corpusEditors?: string[];
}

/** A Discord snowflake: the decimal id of an application, a server or a channel. */
export const SNOWFLAKE = /^\d{17,20}$/;

/** Discord bot tokens, scrubbed from the logs even when not ours. */
export const DISCORD_TOKEN_PATTERNS = [
  /\b[MNO][A-Za-z\d_-]{23,27}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,40}\b/g,
];

function snowflake(env: Env, name: string, why: string): string;
function snowflake(env: Env, name: string): string | undefined;
function snowflake(env: Env, name: string, why?: string): string | undefined {
  const value = why === undefined ? read(env, name) : required(env, name, why);
  if (value !== undefined && !SNOWFLAKE.test(value)) {
    throw new ConfigError(name, "is malformed: it should be a numeric Discord id (17-20 digits)");
  }
  return value;
}

/**
 * A bot token is three dot-separated base64url parts (id, timestamp, HMAC). Checking the shape
 * catches a pasted client secret or public key before Discord turns the login down.
 */
const DISCORD_TOKEN_SHAPE = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/;

/** Reads Discord's configuration; undefined when no Discord variable is set. */
export function readDiscordConfig(env: Env): DiscordConfig | undefined {
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
  const messageContent = choice(env, "DISCORD_MESSAGE_CONTENT", ["on", "off"], "off") === "on";
  const answerChannels = idList(env, "DISCORD_ANSWER_CHANNELS", SNOWFLAKE, "1234567890123456789");
  const editors =
    idList(env, "DISCORD_CORPUS_EDITORS", SNOWFLAKE, "123456789012345678", "user id") ?? [];
  return {
    token: token.replace(/^Bot\s+/i, ""),
    applicationId,
    ...(guildId ? { guildId } : {}),
    // @discordjs/rest appends "/v10/..." to the base itself.
    ...(url ? { apiUrl: url.replace(/\/+$/, "") } : {}),
    messageContent,
    ...(answerChannels ? { answerChannels } : {}),
    ...(editors.length > 0 ? { corpusEditors: editors } : {}),
  };
}
