import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./io.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses a command's arguments strictly: an unknown or malformed option is a usage error. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
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
    throw new UsageError(`--limit takes a whole number from 1 to ${max}, not '${value}'`);
  }
  return limit;
}
