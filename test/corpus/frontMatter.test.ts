import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseFrontMatter } from "../../src/corpus/frontMatter.ts";
import { trickyText, withinBudget } from "../helpers/generatedText.ts";

/** How many lines a file has, counted as the parser counts them. */
const lineCount = (source: string): number => source.split(/\r?\n/).length;

/** A file with front matter: fences around generated YAML, then a generated body. */
const fileWithFrontMatter = fc
  .tuple(trickyText(), trickyText(), fc.constantFrom("\n", "\r\n"))
  .map(([yaml, body, eol]) => `---${eol}${yaml}${eol}---${eol}${body}`);

describe("parseFrontMatter", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes no warning to the process for a key that is a collection", () => {
    // Found by the property below: the YAML library warned on stderr, outside the logger.
    const warn = vi.spyOn(process, "emitWarning");
    const parsed = parseFrontMatter("---\n{ id: bear }: 1\nid: bear\n---\nbody");
    expect(parsed.problems).toEqual([]);
    expect(parsed.fields.id).toBe("bear");
    expect(warn).not.toHaveBeenCalled();
  });

  it("never throws, and points every problem and key at a line of the file", () => {
    fc.assert(
      fc.property(fc.oneof(fileWithFrontMatter, trickyText(60)), (source) => {
        const warn = vi.spyOn(process, "emitWarning");
        const parsed = withinBudget(() => parseFrontMatter(source));
        expect(warn).not.toHaveBeenCalled();
        warn.mockRestore();
        const lines = lineCount(source);
        for (const { line, message } of parsed.problems) {
          expect(Number.isInteger(line) && line >= 1 && line <= lines).toBe(true);
          expect(message.length).toBeGreaterThan(0);
        }
        for (const line of Object.values(parsed.keyLines)) {
          expect(Number.isInteger(line) && line >= 2 && line <= lines).toBe(true);
        }
        if (parsed.problems.length === 0) {
          expect(typeof parsed.fields).toBe("object");
          expect(parsed.bodyLine).toBeGreaterThanOrEqual(3);
          expect(parsed.bodyLine).toBeLessThanOrEqual(lines + 1);
        } else {
          expect(parsed.fields).toEqual({});
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("gives the body after the closing fence as written", () => {
    fc.assert(
      fc.property(trickyText(), (body) => {
        const parsed = parseFrontMatter(`---\nid: x\n---\n${body}`);
        expect(parsed.problems).toEqual([]);
        expect(parsed.body).toBe(body.split(/\r?\n/).join("\n"));
        expect(parsed.bodyLine).toBe(4);
      }),
      { numRuns: 1000 },
    );
  });
});
