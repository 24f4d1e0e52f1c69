import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { terminalSafe, terminalSafeOutput } from "../../src/display/terminalSafe.ts";
import { isUnsafeForTerminal, unsafeForTerminal } from "../helpers/terminal.ts";

describe("terminalSafe", () => {
  it("drops escape sequences' ESC, carriage returns and a right-to-left override (#14)", () => {
    expect(terminalSafe("\u001b[2J\u001b]0;owned\u0007x\r\u202egnp.exe")).toBe(
      "[2J]0;ownedxgnp.exe",
    );
  });

  it("keeps tabs, newlines and right-to-left letters", () => {
    expect(terminalSafe("a\tb\nשלום مرحبا")).toBe("a\tb\nשלום مرحبا");
  });

  it("leaves nothing unsafe and drops nothing else, for any text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme-composite" }),
        fc.string({ unit: "binary" }),
        (a, b) => {
          const text = a + b;
          const safe = terminalSafe(text);
          expect(unsafeForTerminal(safe)).toEqual([]);
          expect(safe).toBe([...text].filter((c) => !isUnsafeForTerminal(c)).join(""));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("terminalSafeOutput", () => {
  it("keeps paperbot's own bold marks and nothing else of an escape sequence", () => {
    expect(terminalSafeOutput("\u001b[1mBEAR\u001b[22m \u001b[2J\u202e")).toBe(
      "\u001b[1mBEAR\u001b[22m [2J",
    );
  });
});
