import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Speller } from "../../src/text/spelling.ts";
import { corpusIndex } from "../helpers/corpus.ts";
import { trickyText, withinBudget } from "../helpers/generatedText.ts";

/** Everything but the words: what a correction must never touch. */
const between = (text: string): string => text.replace(/[\p{L}\p{N}]+/gu, "w");

/** Corpus words with a typo or two, mixed with tricky fragments: what questions look like. */
const question = fc.oneof(
  trickyText(30),
  fc
    .array(
      fc
        .tuple(
          fc.constantFrom(
            "concentrability",
            "lottery",
            "reinforcement",
            "quantization",
            "augmentation",
            "bootstrapping",
          ),
          fc.nat(),
          fc.constantFrom("", "x", "e", "ï"),
        )
        .map(([word, at, typo]) => {
          const i = at % word.length;
          return word.slice(0, i) + typo + word.slice(i + 1);
        }),
      { maxLength: 6 },
    )
    .chain((words) => trickyText(3).map((glue) => words.join(` ${glue} `))),
);

describe("Speller (generated questions)", () => {
  const speller = corpusIndex().speller;

  it("never throws, keeps everything between words, and corrects to words it knows", () => {
    fc.assert(
      fc.property(question, (query) => {
        const { text, corrections } = withinBudget(() => speller.correct(query));
        expect(between(text)).toBe(between(query));
        for (const corrected of corrections.values()) {
          expect(speller.correctWord(corrected)).toBe(corrected);
        }
        // A corrected question has nothing left to correct.
        expect(speller.correct(text).text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("forgets exactly what it learned", () => {
    fc.assert(
      fc.property(fc.array(trickyText(20), { maxLength: 4 }), (texts) => {
        const fresh = new Speller(["the lottery ticket hypothesis"]);
        const before = fresh.entries().sort();
        fresh.learn(texts);
        fresh.forget(texts);
        expect(fresh.entries().sort()).toEqual(before);
      }),
      { numRuns: 1000 },
    );
  });
});
