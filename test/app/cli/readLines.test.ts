import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readLines } from "../../../app/cli/readLines.ts";

async function linesOf(chunks: (string | Buffer)[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readLines(Readable.from(chunks))) lines.push(line);
  return lines;
}

describe("readLines", () => {
  it("keeps a bare carriage return inside its line (#14: 'bear\\rmixmatch' was two lines)", async () => {
    expect(await linesOf(["what is bear\rmixmatch\n"])).toEqual(["what is bear\rmixmatch"]);
  });

  it("drops the carriage return of a CRLF line end", async () => {
    expect(await linesOf(["a\r\nb\r\n"])).toEqual(["a", "b"]);
    expect(await linesOf(["a\r", "\nb"])).toEqual(["a", "b"]);
  });

  it("joins a line and a UTF-8 character split across chunks", async () => {
    const bytes = Buffer.from("café\nnaïve");
    expect(await linesOf([bytes.subarray(0, 4), bytes.subarray(4, 7), bytes.subarray(7)])).toEqual([
      "café",
      "naïve",
    ]);
  });

  it("turns bytes that are not UTF-8 into U+FFFD, never into a line break", async () => {
    expect(await linesOf([Buffer.from([0xff, 0x0d, 0xfe, 0x0a, 0x41])])).toEqual([
      "\ufffd\r\ufffd",
      "A",
    ]);
  });

  it("yields exactly the lines that were joined with newlines, however the stream is cut", async () => {
    const line = fc.string({ unit: "binary" }).map((s) => s.replace(/\n/g, ""));
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (lines, cuts) => {
          // A CR that ends a line would be read as CRLF: the contract is about lines without one.
          const wanted = lines.map((l) => (l.endsWith("\r") ? `${l}x` : l));
          const bytes = Buffer.from(`${wanted.join("\n")}\n`);
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort(
            (a, b) => a - b,
          );
          const chunks = [0, ...points, bytes.length]
            .slice(1)
            .map((end, i, ends) => bytes.subarray(i === 0 ? 0 : (ends[i - 1] as number), end))
            .filter((chunk) => chunk.length > 0);
          expect(await linesOf(chunks)).toEqual(wanted);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
