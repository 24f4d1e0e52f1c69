import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/text/editDistance.ts";
import { Speller } from "../../src/text/spelling.ts";
import { corpusIndex } from "../helpers/corpus.ts";
import { trickyText, withinBudget } from "../helpers/generatedText.ts";

const speller = new Speller([
  "The concentrability coefficient of the lottery ticket; Monte Carlo samples; MixMatch.",
]);

describe("Speller", () => {
  it("corrects a word the corpus lacks to the corpus word one edit away", () => {
    expect(speller.correct("concentrabilty and lotery").text).toBe("concentrability and lottery");
  });

  it("corrects a swap of neighbouring letters", () => {
    expect(speller.correctWord("sampels")).toBe("samples");
  });

  it("leaves words it knows, short words and unknown topics alone", () => {
    expect(speller.correctWord("lottery")).toBe("lottery");
    expect(speller.correctWord("tickt")).toBe("ticket");
    expect(speller.correctWord("kubernetes")).toBe("kubernetes");
    expect(speller.correctWord("naps")).toBe("naps");
  });

  it("knows a Greek letter as its spelled-out name, as the index does", () => {
    const greek = new Speller(["`selu(x) = λ·x`, `λ ≈ 1.0507`; scored on LAMBADA"]);
    expect(greek.correctWord("lambda")).toBe("lambda");
    expect(greek.correctWord("lambada")).toBe("lambada");
  });

  it("never changes the first letter: fixmatch is not a typo of mixmatch", () => {
    expect(speller.correctWord("fixmatch")).toBe("fixmatch");
  });

  it("reports what it corrected", () => {
    expect([...speller.correct("lotery ticket").corrections]).toEqual([["lotery", "lottery"]]);
  });
});

describe("Speller and everyday English", () => {
  const ml = new Speller([
    "The policy's latent code feeds a neural discriminator; GANs and reinforcement learning.",
    "Each rollout has simple, sparse rewards; results are relevant to ResNets.",
  ]);

  it("leaves common English words alone, however near a corpus word", () => {
    for (const word of ["police", "latest", "neutral", "sample", "leaning", "spare"]) {
      expect(ml.correctWord(word), word).toBe(word);
    }
    expect(ml.correct("the latest police report").corrections.size).toBe(0);
  });

  it("leaves a word made from an English one alone ('rectified' is no typo of 'rectifier')", () => {
    const relu = new Speller(["Each rectifier unit outputs max(0, x); units are decoupled."]);
    expect(relu.correctWord("rectified")).toBe("rectified");
    expect(relu.correctWord("recoupled")).toBe("recoupled");
  });

  it("does not make an acronym of a lowercase English word", () => {
    expect(ml.correctWord("gains")).toBe("gains");
  });

  it("still corrects typos of corpus words, even those subtitles misspell now and then", () => {
    expect(ml.correctWord("discriminitor")).toBe("discriminator");
    expect(ml.correctWord("reinforcment")).toBe("reinforcement");
    expect(ml.correctWord("nueral")).toBe("neural");
    expect(ml.correctWord("polciy")).toBe("policy");
    // In the subtitle list once: a typo there too, not English.
    expect(ml.correctWord("relevent")).toBe("relevant");
  });

  it("does not report another form of a corpus word as a guess: its stem matches as typed", () => {
    expect(ml.correct("rollouts and reinforcment").corrections.size).toBe(0);
    expect(ml.correct("rollouts with rewrads").corrections).toEqual(
      new Map([["rewrads", "rewards"]]),
    );
  });
});

it("does not take a word written as a name for an English word ('AdaIN' is no 'again')", () => {
  const style = new Speller(["Run it again; StyleGAN maps styles."]);
  expect(style.correct("how does AdaIN work?").text).toBe("how does AdaIN work?");
  // Its capitals still let a typo of a corpus name be mended, and lower case still corrects.
  expect(style.correct("StyelGAN").text).toBe("stylegan");
  expect(style.correct("adain").text).toBe("again");
  // Typed all in capitals, no capital marks a name.
  expect(style.correct("ADAIN").text).toBe("again");
});

describe("editDistance", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("mixmtach", "mixmatch")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("stops early past the limit", () => {
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});

describe("Speller on giant words", () => {
  it("learns and corrects around a 100,000-character word quickly", () => {
    const giant = "lotery".repeat(20_000);
    const started = performance.now();
    const big = new Speller([`the lottery ticket ${giant}`]);
    expect(big.correct(`${giant} lotery`).text).toBe(`${giant} lottery`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

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
