import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./io.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Joins `--name -1` into `--name=-1` for options that take a value. parseArgs refuses a value
 * that starts with a dash as "ambiguous" (it could be a forgotten value before an option), but
 * `-1` can only be a number: the option's own check then says what it takes.
 */
function joinNegativeValues(args: string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const option = arg.startsWith("--") ? options[arg.slice(2)] : undefined;
    if (option?.type === "string" && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** Parses a command's arguments strictly: an unknown or malformed option is a usage error. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(`${reason}\nusage: ${usage}`);
  }
}

/** Reads `--limit N`: a whole number from 1 to `max`. */
export function parseLimit(value: string | undefined, fallback: number, max = 50): number {
  if (value === undefined) return fallback;
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > max) {
    throw new UsageError(`--limit must be a positive whole number, at most ${max}, not '${value}'`);
  }
  return limit;
}

/** The longest window `--days` takes: a hundred years, well past any retention. */
export const MAX_DAYS = 36_500;

/** Reads `--days N`: a whole number of days from 1 to {@link MAX_DAYS}; undefined when absent. */
export function parseDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > MAX_DAYS) {
    throw new UsageError(
      `--days must be a whole number of days, at least 1 (at most ${MAX_DAYS}), not '${value}'`,
    );
  }
  return days;
}
