/**
 * What the commands that talk to chat platforms (`start`, `digest`) load first: the validated
 * configuration and the logger that scrubs its secrets. The chat runtime (Bolt, discord.js, pino)
 * is imported only here, so the other commands start fast.
 */
import type { BotConfig, ConfigOverrides } from "../config.ts";
import type { Logger } from "../logger.ts";
import { type CliIO, writeLine } from "./io.ts";

/** The configuration and logger of a bot command. */
export interface BotRuntime {
  config: BotConfig;
  logger: Logger;
}

/**
 * Reads the configuration from the environment (command-line overrides win) and makes the
 * logger; a bad variable is printed, naming it, and the exit code 2 returned instead.
 */
export async function loadBotRuntime(
  io: CliIO,
  overrides: ConfigOverrides = {},
): Promise<BotRuntime | number> {
  const { ConfigError, loadConfig, secretsOf } = await import("../config.ts");
  const { createLogger } = await import("../logger.ts");
  let config: BotConfig;
  try {
    config = loadConfig(io.env, overrides);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeLine(io.stderr, error.message);
    return 2;
  }
  const logger = await createLogger({
    level: config.logLevel,
    format: config.logFormat,
    secrets: secretsOf(config),
    destination: io.stderr,
  });
  return { config, logger };
}
