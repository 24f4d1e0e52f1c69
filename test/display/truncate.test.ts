import { describe, expect, it } from "vitest";
import { truncateAtWord } from "../../src/display/truncate.ts";

describe("truncateAtWord", () => {
  it("returns text that fits unchanged", () => {
    expect(truncateAtWord("short text", 20)).toBe("short text");
  });

  it("cuts on a word boundary and marks the cut", () => {
    expect(truncateAtWord("the quick brown fox jumps", 16)).toBe("the quick brown…");
  });

  it("cuts a single long word where it must", () => {
    expect(truncateAtWord("https://example.org/a/very/long/path", 10)).toBe("https://e…");
  });
});
