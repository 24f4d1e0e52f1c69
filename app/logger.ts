/**
 * The bot's pino logger: JSON lines in production, readable lines for a person, and secrets
 * scrubbed from every line whatever field or error message they hide in.
 */
import { Writable } from "node:stream";
import { format } from "node:util";
import type { Logger as BoltLogger } from "@slack/bolt";
import { LogLevel as BoltLogLevel } from "@slack/bolt";
import pino, { type DestinationStream, type Logger } from "pino";
import type { BotConfig } from "./config.ts";

export type { Logger } from "pino";

/** Shown in place of a secret. */
export const REDACTED = "[redacted]";

/** Token shapes of Slack (`xoxb-`, `xapp-`, ...) and Discord bot tokens, scrubbed even if unknown. */
const TOKEN_PATTERNS = [
  /\bxox[abposr]-[A-Za-z0-9-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
  /\b[MNO][A-Za-z\d_-]{23,27}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,40}\b/g,
  // The one-time ticket in a Socket Mode WebSocket URL, which Bolt logs at debug level.
  /(?<=[?&]ticket=)[^&\s"]+/g,
];

/** Field paths pino censors before serializing (headers of requests Bolt or we log). */
const REDACT_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "headers.authorization",
  "*.headers.authorization",
  'headers["x-slack-signature"]',
];

/** Replaces every known secret value and every token-shaped string in `line`. */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let clean = line;
  for (const secret of secrets) {
    // Short values would censor ordinary words; real secrets are long.
    if (secret.length >= 8) clean = clean.split(secret).join(REDACTED);
  }
  for (const pattern of TOKEN_PATTERNS) clean = clean.replace(pattern, REDACTED);
  return clean;
}

/** What {@link createLogger} needs. */
export interface LoggerOptions {
  level: BotConfig["logLevel"];
  format: BotConfig["logFormat"];
  /** Secret values to scrub from every line. */
  secrets: readonly string[];
  /** Where lines go; standard error by default, so the console's answers stay clean on stdout. */
  destination?: DestinationStream | NodeJS.WritableStream;
}

/** Creates the logger; `pretty` uses pino-pretty when it is installed, else falls back to JSON. */
export async function createLogger(options: LoggerOptions): Promise<Logger> {
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  const stream = options.format === "pretty" ? await prettyStream(destination) : destination;
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // The last line of defence: a token inside an error message or a URL is scrubbed too.
      hooks: { streamWrite: (line) => scrubSecrets(line, options.secrets) },
    },
    stream as DestinationStream,
  );
}

async function prettyStream(
  destination: DestinationStream | NodeJS.WritableStream,
): Promise<DestinationStream | NodeJS.WritableStream> {
  try {
    const { default: pretty } = await import("pino-pretty");
    const out = pretty({ colorize: false, destination: destination as Writable, sync: true });
    return out;
  } catch {
    // pino-pretty is a development dependency: a production install logs JSON.
    return destination;
  }
}

const BOLT_LEVELS: Record<string, BoltLogLevel> = {
  trace: BoltLogLevel.DEBUG,
  debug: BoltLogLevel.DEBUG,
  info: BoltLogLevel.INFO,
  warn: BoltLogLevel.WARN,
  error: BoltLogLevel.ERROR,
  fatal: BoltLogLevel.ERROR,
  silent: BoltLogLevel.ERROR,
};

/** Bolt's logger interface over a pino child, so Bolt's own lines are scrubbed and structured too. */
export function toBoltLogger(logger: Logger): BoltLogger {
  return {
    debug: (...msg: unknown[]) => logger.debug(format(...msg)),
    info: (...msg: unknown[]) => logger.info(format(...msg)),
    warn: (...msg: unknown[]) => logger.warn(format(...msg)),
    error: (...msg: unknown[]) => logger.error(format(...msg)),
    setLevel: () => {},
    getLevel: () => BOLT_LEVELS[logger.level] ?? BoltLogLevel.INFO,
    setName: () => {},
  };
}

/** A stream that keeps every line written, for tests. */
export function memoryDestination(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}
