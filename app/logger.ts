/**
 * The bot's pino logger: JSON lines in production, readable lines for a person, and secrets
 * scrubbed from every line whatever field or error message they hide in.
 */
import { Writable } from "node:stream";
import pino, { type DestinationStream, type Logger } from "pino";
import type { BotConfig, Registry } from "./config.ts";
import { PLATFORMS } from "./platforms.ts";

export type { Logger } from "pino";

/** Shown in place of a secret. */
export const REDACTED = "[redacted]";

/** Field paths pino censors before serializing (headers of requests a platform's client or we log). */
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
];

/** Every platform's token shapes: scrubbed even when they are not this bot's. */
function tokenPatterns(platforms: Registry): RegExp[] {
  return platforms.flatMap((platform) => platform.settings.tokenPatterns);
}

/** Replaces every known secret value and every token-shaped string in `line`. */
export function scrubSecrets(
  line: string,
  secrets: readonly string[],
  platforms: Registry = PLATFORMS,
): string {
  let clean = line;
  for (const secret of secrets) {
    // Short values would censor ordinary words; real secrets are long.
    if (secret.length >= 8) clean = clean.split(secret).join(REDACTED);
  }
  for (const pattern of tokenPatterns(platforms)) clean = clean.replace(pattern, REDACTED);
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
  /** The platforms whose token shapes and fields are scrubbed (default: the registry). */
  platforms?: Registry;
}

/** Creates the logger; `pretty` uses pino-pretty when it is installed, else falls back to JSON. */
export async function createLogger(options: LoggerOptions): Promise<Logger> {
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  const stream = options.format === "pretty" ? await prettyStream(destination) : destination;
  const platforms = options.platforms ?? PLATFORMS;
  return pino(
    {
      level: options.level,
      redact: {
        paths: [...REDACT_PATHS, ...platforms.flatMap((p) => p.settings.redactPaths ?? [])],
        censor: REDACTED,
      },
      // The last line of defence: a token inside an error message or a URL is scrubbed too.
      hooks: { streamWrite: (line) => scrubSecrets(line, options.secrets, platforms) },
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
