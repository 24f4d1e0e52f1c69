import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";

/**
 * Yields the lines of a stream as they arrive (so a pipe gets each answer before the next line).
 * A line ends at `\n` only, with a `\r` before it dropped (CRLF files): a bare `\r` inside a line
 * is part of it, as for `wc -l`, so every input line gets exactly one answer. readline would end
 * a line at a bare `\r` too. Bytes that are not UTF-8 become U+FFFD, never a line break.
 */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  // The unfinished line, in pieces: a long line arriving in many chunks is joined once.
  let pending: string[] = [];
  const line = (tail: string): string => {
    const text = pending.join("") + tail;
    pending = [];
    return text.endsWith("\r") ? text.slice(0, -1) : text;
  };
  for await (const chunk of input) {
    const text = typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      yield line(text.slice(start, end));
      start = end + 1;
    }
    if (start < text.length) pending.push(text.slice(start));
  }
  const rest = decoder.end();
  if (rest) pending.push(rest);
  if (pending.length > 0) yield line("");
}
