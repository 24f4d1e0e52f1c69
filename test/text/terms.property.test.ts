import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findWords,
  MAX_TERM_CHARS,
  processTerm,
  termsOf,
  tokenize,
  wordPieces,
} from "../../src/text/terms.ts";
import { trickyText, withinBudget } from "../helpers/generatedText.ts";

/** Text as questions and summaries come: tricky fragments, and now and then one very long word. */
const text = fc.oneof(
  { weight: 5, arbitrary: trickyText(60) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(trickyText(5), fc.constantFrom("a", "ization", "ab-", "é", "1.", "𝔸"), fc.nat(30_000))
      .map(([around, unit, times]) => `${around}${unit.repeat(times)}${around}`),
  },
);

describe("tokenize and processTerm (generated text)", () => {
  it("never throw, take bounded time, and give short, non-empty, lower-case terms", () => {
    fc.assert(
      fc.property(text, (input) => {
        const pieces = withinBudget(() => tokenize(input));
        const terms = withinBudget(() => pieces.flatMap((piece) => [...processTerm(piece)]));
        // One expect per case: thousands of pieces would make the assertions the slow part.
        expect(pieces.filter((piece) => piece.length === 0 || /\s/u.test(piece))).toEqual([]);
        const bad = terms.filter(
          (term) =>
            term.length === 0 || term.length > MAX_TERM_CHARS || term !== term.toLowerCase(),
        );
        expect(bad).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it("find words that lie inside the text, in order, without overlap", () => {
    fc.assert(
      fc.property(text, (input) => {
        let end = 0;
        const misplaced = findWords(input).filter((span) => {
          const wrong = span.start < end || input.slice(span.start, span.end) !== span.word;
          end = span.end;
          return wrong;
        });
        expect(misplaced).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it("give a text's terms once each, as its pieces give them", () => {
    fc.assert(
      fc.property(text, (input) => {
        const terms = termsOf(input);
        expect(new Set(terms).size).toBe(terms.length);
        const fromPieces = new Set(
          findWords(input).flatMap(({ word }) =>
            wordPieces(word).flatMap((p) => [...processTerm(p)]),
          ),
        );
        expect(terms.filter((term) => !fromPieces.has(term))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
