/**
 * The digest wired exactly as the bot and `paperbot digest` wire it (`openDigest`: the database,
 * the configured channels, the Slack publisher on its own Web API client, secret redaction), but
 * posting to the Slack stand-in, on a temporary database, with the clock a test gives.
 */
import { join } from "node:path";
import type { BotConfig } from "../../app/config.ts";
import type { DigestService } from "../../app/digest/digestService.ts";
import { openDigest } from "../../app/runBot.ts";
import { staticIndexSource } from "../../src/retrieval/indexSource.ts";
import { corpusIndex } from "./corpus.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "./slackBot.ts";
import { tempDir } from "./tempCorpus.ts";
import { testLogger } from "./testLogger.ts";

/** Five seconds after a Monday 09:00 UTC: the default schedule's digest is due. */
export const DIGEST_DUE_AT = "2026-11-30T09:00:05Z";
/** The period due at {@link DIGEST_DUE_AT}, as the ledger keys it. */
export const DIGEST_PERIOD = "2026-11-30T09:00:00.000Z";

/** A fresh database path in a temporary directory. */
export function tempDatabasePath(): string {
  return join(tempDir("slack-digest"), "paperbot.db");
}

/** Options of {@link slackBotConfig}. */
export interface SlackBotConfigOptions {
  /** `DIGEST_SLACK_CHANNELS`. */
  slackChannels?: string[];
  /** `DATABASE_PATH`; a fresh temporary one by default. */
  databasePath?: string;
  /** Slack's HTTP port (0: any free one). */
  port?: number;
  /** `DIGEST_OPEN_QUESTIONS=on`. */
  openQuestions?: boolean;
}

/**
 * A bot configuration for Slack over HTTP with the test secrets, its Web API at `apiUrl`, the
 * default schedule (Mondays 09:00 UTC) and no Discord: what `loadConfig` makes of such a `.env`.
 */
export function slackBotConfig(apiUrl: string, options: SlackBotConfigOptions = {}): BotConfig {
  return {
    corpusDir: "corpus",
    databasePath: options.databasePath ?? tempDatabasePath(),
    digest: {
      cron: "0 9 * * 1",
      timeZone: "UTC",
      slackChannels: options.slackChannels ?? [],
      discordChannels: [],
      ...(options.openQuestions ? { openQuestions: true } : {}),
    },
    logLevel: "debug",
    logFormat: "json",
    slack: {
      mode: "http",
      botToken: TEST_BOT_TOKEN,
      signingSecret: TEST_SIGNING_SECRET,
      port: options.port ?? 0,
      apiUrl,
    },
  };
}

/** An open digest service on the stand-in, and the log lines it wrote. */
export interface SlackDigest {
  digest: DigestService;
  config: BotConfig;
  /** JSON log lines, debug level up; secrets are scrubbed as in production. */
  lines: string[];
}

/**
 * Opens the digest service over `slackBotConfig(apiUrl, options)` on the real corpus; `now` is
 * the clock of both the service and its database. Close it with `digest.store.close()`.
 */
export async function openSlackDigest(
  apiUrl: string,
  options: SlackBotConfigOptions & { now?: () => number } = {},
): Promise<SlackDigest> {
  const config = slackBotConfig(apiUrl, options);
  // The logger knows the secrets as the CLI's does (secretsOf(config)).
  const { logger, lines } = await testLogger("debug", [TEST_BOT_TOKEN, TEST_SIGNING_SECRET]);
  const source = staticIndexSource(corpusIndex());
  const digest = openDigest(config, logger, source, options.now ? { now: options.now } : {});
  return { digest, config, lines };
}
