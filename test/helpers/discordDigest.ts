/**
 * The weekly digest on Discord as production wires it (`openDigest`: SQLite store, `discordRest`,
 * the Discord publisher, secrets redacted), pointed at the Discord stand-in, with a fake clock
 * for the schedule and the retries. REST only: no gateway connection, as `paperbot digest run`.
 */
import { join } from "node:path";
import type { BotConfig } from "../../app/config.ts";
import { secretsOf } from "../../app/config.ts";
import type { DigestService } from "../../app/digest/digestService.ts";
import { openDigest } from "../../app/runBot.ts";
import { staticIndexSource } from "../../src/retrieval/indexSource.ts";
import type { DigestKey } from "../../store/ledger.ts";
import { corpusIndex } from "./corpus.ts";
import { testDiscordConfig } from "./discordBot.ts";
import { CHANNEL_ID, type DiscordStandIn, type RestCall } from "./discordStandIn.ts";
import { tempDir } from "./tempCorpus.ts";
import { testLogger } from "./testLogger.ts";

/** A Monday, 5 s after the default schedule's 09:00 UTC: a digest is due. */
export const DIGEST_MONDAY = "2026-11-30T09:00:05Z";
/** The period that Monday starts. */
export const DIGEST_PERIOD = "2026-11-30T09:00:00.000Z";

/** A fresh database path in a temporary directory. */
export function tempDatabase(): string {
  return join(tempDir("discord-digest"), "paperbot.db");
}

/**
 * The bot's configuration for the stand-in: Discord only, the default schedule (Mondays 09:00
 * UTC), the stand-in's channel configured (`DIGEST_DISCORD_CHANNELS`), and with `openQuestions`
 * `DIGEST_OPEN_QUESTIONS=on`.
 */
export function discordDigestConfig(
  standIn: DiscordStandIn,
  databasePath: string,
  openQuestions = false,
): BotConfig {
  return {
    corpusDir: "corpus",
    databasePath,
    digest: {
      cron: "0 9 * * 1",
      timeZone: "UTC",
      slackChannels: [],
      discordChannels: [CHANNEL_ID],
      ...(openQuestions ? { openQuestions: true } : {}),
    },
    logLevel: "debug",
    logFormat: "json",
    discord: testDiscordConfig(standIn),
  };
}

/** An open digest service and what it logged. */
export interface DiscordDigest {
  service: DigestService;
  /** Log lines (JSON), written by a logger made as the CLI makes it (secrets scrubbed). */
  lines: string[];
  config: BotConfig;
  /** The ledger key of the stand-in channel's digest for {@link DIGEST_PERIOD}. */
  key: DigestKey;
  close(): void;
}

/**
 * Opens the digest as `runBot` and `paperbot digest run` do, on `databasePath` (default a fresh
 * one), reading the time from `now`; `openQuestions` as `DIGEST_OPEN_QUESTIONS=on`.
 */
export async function openDiscordDigest(
  standIn: DiscordStandIn,
  options: { now: () => number; databasePath?: string; openQuestions?: boolean },
): Promise<DiscordDigest> {
  const config = discordDigestConfig(
    standIn,
    options.databasePath ?? tempDatabase(),
    options.openQuestions,
  );
  const { logger, lines } = await testLogger("debug", secretsOf(config));
  const service = openDigest(config, logger, staticIndexSource(corpusIndex()), {
    now: options.now,
  });
  return {
    service,
    lines,
    config,
    key: { platform: "discord", channelId: CHANNEL_ID, period: DIGEST_PERIOD },
    close: () => service.store.close(),
  };
}

/** Whether a call creates a message in the stand-in's channel. */
export const postsToChannel = (call: RestCall): boolean =>
  call.method === "POST" && call.path === `/channels/${CHANNEL_ID}/messages`;

/** Whether a call starts a thread from a message in the stand-in's channel. */
export const startsThread = (call: RestCall): boolean =>
  call.method === "POST" && /^\/channels\/\d+\/messages\/\d+\/threads$/.test(call.path);

/** The parsed JSON log lines. */
export function logRecords(lines: readonly string[]): Array<Record<string, unknown>> {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
