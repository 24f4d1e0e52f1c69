import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

/** Yields the lines of a stream as they arrive (so a pipe gets each answer before the next line). */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) yield line;
}
