/**
 * Runs paperbot: the chat adapters the configuration enables, or the console when none is, until
 * the input ends (console) or SIGINT/SIGTERM arrives (platforms).
 */
import type { Readable, Writable } from "node:stream";
import { createConsoleAdapter } from "../adapters/console/consoleAdapter.ts";
import type { DigestPublisher } from "../src/digest/publisher.ts";
import { PaperbotError } from "../src/errors.ts";
import type { AdapterCore, CorpusDesk } from "../src/pipeline/context.ts";
import type { ChatAdapter } from "../src/platform/platform.ts";
import type { IndexSource } from "../src/retrieval/indexSource.ts";
import { openStore } from "../store/openStore.ts";
import {
  type BotConfig,
  configOf,
  configuredChannels,
  type Registry,
  secretsOf,
} from "./config.ts";
import { DigestService } from "./digest/digestService.ts";
import { DigestSchedule } from "./digest/schedule.ts";
import { startDigestScheduler } from "./digest/scheduler.ts";
import { keepWithinRetention } from "./feedbackRetention.ts";
import { type Logger, scrubSecrets } from "./logger.ts";
import { PLATFORMS } from "./platforms.ts";

/** How long in-flight requests get to finish on shutdown before the process leaves anyway. */
export const SHUTDOWN_GRACE_MS = 5000;

/** What {@link runBot} runs with. */
export interface RunBotOptions {
  config: BotConfig<Registry>;
  /** The platforms to run (default: the registry); a test passes its own. */
  platforms?: Registry;
  logger: Logger;
  source: IndexSource;
  /** How `/paper add` writes to the corpus `source` follows; absent, adding from chat is off. */
  corpus?: CorpusDesk;
  /** The console's input and output, used when no platform is configured. */
  console: {
    input: Readable;
    output: Writable & { isTTY?: boolean };
    mark?: (t: string) => string;
  };
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM by default). */
  stopSignal?: Promise<string>;
}

/** Resolves with the signal's name on the first SIGINT or SIGTERM. */
export function processStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** The platform adapters the configuration enables. */
export function platformAdapters(
  config: BotConfig<Registry>,
  core: AdapterCore,
  logger: Logger,
  platforms: Registry = PLATFORMS,
): ChatAdapter[] {
  return platforms.flatMap((platform) => {
    const settings = configOf(config, platform);
    return settings === undefined
      ? []
      : [platform.createAdapter({ core, config: settings, logger })];
  });
}

async function stopAll(adapters: readonly ChatAdapter[], logger: Logger): Promise<void> {
  const grace = new Promise<"timeout">((resolve) =>
    setTimeout(resolve, SHUTDOWN_GRACE_MS, "timeout").unref(),
  );
  const stopped = Promise.allSettled(adapters.map((a) => a.stop()));
  if ((await Promise.race([stopped, grace])) === "timeout") {
    logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, "adapters did not stop in time; leaving anyway");
  }
}

/** The digest publishers of the platforms the configuration enables. */
export function digestPublishers(
  config: BotConfig<Registry>,
  logger: Logger,
  platforms: Registry = PLATFORMS,
): DigestPublisher[] {
  return platforms.flatMap((platform) => {
    const settings = configOf(config, platform);
    return settings === undefined ? [] : [platform.digest.publisher(settings, logger)];
  });
}

/**
 * Opens the database and the digest service on it, with the configured channels subscribed.
 * Throws a `STATE_UNAVAILABLE` error when the database cannot be used.
 */
export function openDigest(
  config: BotConfig<Registry>,
  logger: Logger,
  source: IndexSource,
  options: { now?: () => number; platforms?: Registry } = {},
): DigestService {
  const { platforms = PLATFORMS, ...clock } = options;
  const store = openStore(config.databasePath, {
    ...clock,
    ...(config.feedback ? { feedback: config.feedback } : {}),
  });
  try {
    for (const platform of platforms) {
      store.subscriptions.syncConfigured(platform.name, configuredChannels(config, platform));
    }
    const secrets = secretsOf(config, platforms);
    return new DigestService({
      store,
      source,
      schedule: new DigestSchedule(config.digest.cron, config.digest.timeZone),
      publishers: digestPublishers(config, logger, platforms),
      logger: logger.child({ part: "digest" }),
      redact: (text) => scrubSecrets(text, secrets, platforms),
      openQuestions: config.digest.openQuestions ?? false,
      ...clock,
    });
  } catch (error) {
    store.close();
    throw error;
  }
}

/** Runs the bot; resolves with the process exit code. */
export async function runBot(options: RunBotOptions): Promise<number> {
  const { config, logger, source } = options;
  let digest: DigestService;
  try {
    digest = openDigest(config, logger, source, {
      ...(options.platforms ? { platforms: options.platforms } : {}),
    });
  } catch (error) {
    if (!(error instanceof PaperbotError)) throw error;
    logger.fatal({ code: error.code }, error.message);
    return 1;
  }
  const stopPruning = keepWithinRetention(digest.store.feedback, logger);
  try {
    return await serve(options, digest);
  } finally {
    stopPruning();
    digest.store.close();
  }
}

async function serve(options: RunBotOptions, digest: DigestService): Promise<number> {
  const { logger, source } = options;
  const platforms = options.platforms ?? PLATFORMS;
  const core: AdapterCore = {
    source,
    memory: digest.store.threads,
    counts: digest.store.counts,
    feedback: digest.store.feedback,
    digest,
    platformTitles: platforms.map((p) => p.title),
    ...(options.corpus ? { corpus: options.corpus } : {}),
  };
  const { config } = options;
  const adapters = platformAdapters(config, core, logger, platforms);
  if (adapters.length === 0) {
    const console = createConsoleAdapter({ core, config: options.console, logger });
    await console.start();
    await console.done;
    return 0;
  }
  const stopSignal = options.stopSignal ?? processStopSignal();
  const started: ChatAdapter[] = [];
  try {
    for (const adapter of adapters) {
      await adapter.start();
      started.push(adapter);
    }
  } catch (error) {
    if (error instanceof PaperbotError) {
      // A problem of ours with its own sentence (a busy PORT): no stack trace to read through.
      logger.fatal({ code: error.code }, error.message);
    } else {
      logger.fatal({ err: error }, "a chat adapter failed to start");
    }
    await stopAll(started, logger);
    return 1;
  }
  logger.info(
    { adapters: started.map((a) => a.name), papers: source.current().papers.size },
    "paperbot is ready",
  );
  // Posts a digest missed while the bot was down at once, then each one on its schedule.
  const scheduler = startDigestScheduler({
    service: digest,
    logger: logger.child({ part: "digest" }),
  });
  const failures = started.flatMap((adapter) =>
    adapter.failed ? [adapter.failed.then((error) => ({ adapter: adapter.name, error }))] : [],
  );
  const outcome = await Promise.race([stopSignal.then((signal) => ({ signal })), ...failures]);
  await scheduler.stop();
  if ("error" in outcome) {
    logger.fatal(
      { err: outcome.error, adapter: outcome.adapter },
      "a chat adapter stopped for good",
    );
    await stopAll(started, logger);
    return 1;
  }
  logger.info({ signal: outcome.signal }, "shutting down");
  await stopAll(started, logger);
  logger.info("stopped");
  return 0;
}
