import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameKey } from "../../src/text/names.ts";
import {
  findWords,
  MAX_TERM_CHARS,
  processTerm,
  termsOf,
  tokenize,
  wordPieces,
} from "../../src/text/terms.ts";
import { trickyText, withinBudget } from "../helpers/generatedText.ts";

describe("wordPieces", () => {
  it("splits a compound into its parts and their concatenation", () => {
    expect(wordPieces("VQ-VAE-2")).toEqual(["VQ", "VAE", "2", "VQVAE2"]);
  });

  it("reads a snake_case name as a compound: 'vmin' finds V_min, 'critic' finds n_critic", () => {
    expect(termsOf("V_min = -10, n_critic = 5")).toEqual(
      expect.arrayContaining(["min", "vmin", "critic", "ncritic"]),
    );
    expect(termsOf("vmin")).toEqual(["vmin"]);
  });

  it("keeps arXiv ids and decimals whole", () => {
    expect(wordPieces("1906.00949")).toEqual(["1906.00949"]);
    expect(wordPieces("0.75")).toEqual(["0.75"]);
  });

  it("reads a possessive as the name it belongs to", () => {
    expect(wordPieces("Uber's")).toEqual(["Uber"]);
    expect(wordPieces("MixMatch’s")).toEqual(["MixMatch"]);
  });
});

describe("processTerm", () => {
  it("drops chat shorthand, which says nothing of the topic", () => {
    expect(termsOf("multi-crop tbh iirc imo btw")).toEqual(["multi", "crop", "multicrop"]);
    // "what rho do ppl usually use": "ppl" weighed as an unknown name, twice any summary word.
    expect(termsOf("ppl afair wdym nvm rho")).toEqual(["rho"]);
    // Typed without the apostrophe, "whats" weighed as "what", a word no summary indexes.
    expect(termsOf("whats the rho when there arent many")).toEqual(["rho", "mani"]);
  });

  it("gives British and American spellings one term", () => {
    for (const [british, american] of [
      ["normalisation", "normalization"],
      ["optimiser", "optimizer"],
      ["regularised", "regularized"],
      ["analyse", "analyze"],
      ["behaviour", "behavior"],
      ["colours", "colors"],
    ] as const) {
      expect(processTerm(british), british).toEqual(processTerm(american));
    }
  });

  it("gives a Latin or Greek plural its singular's term", () => {
    for (const [plural, singular] of [
      ["matrices", "matrix"],
      ["vertices", "vertex"],
      ["criteria", "criterion"],
      ["minima", "minimum"],
      ["hypotheses", "hypothesis"],
      ["analyses", "analysis"],
    ] as const) {
      expect(processTerm(plural), plural).toEqual(processTerm(singular));
    }
    // An English "-ices" plural is stemmed as before.
    expect(processTerm("devices")).toEqual(processTerm("device"));
  });

  it("leaves short words ending like British spellings alone", () => {
    for (const [a, b] of [
      ["four", "for"],
      ["hour", "hor"],
      ["rise", "rize"],
    ] as const) {
      expect(processTerm(a), a).not.toEqual(processTerm(b));
    }
    expect(processTerm("noise")).toEqual(["nois"]);
  });

  it("gives British and American spellings of a name one key", () => {
    expect(nameKey("Weight Normalisation")).toBe(nameKey("weight normalization"));
    expect(nameKey("VQ-VAE-2")).toBe("vqvae2");
  });

  it("drops stop words and chat filler", () => {
    expect(processTerm("the")).toEqual([]);
    expect(processTerm("explain")).toEqual([]);
  });

  it("makes words ML writing uses interchangeably one term", () => {
    expect(processTerm("occluded")).toEqual(processTerm("masked"));
    expect(processTerm("discretized")).toEqual(processTerm("quantization"));
    expect(processTerm("embed")).toEqual(processTerm("embeddings"));
    expect(processTerm("punishes")).toEqual(processTerm("penalizes"));
    expect(processTerm("mask")).not.toEqual(processTerm("black"));
  });

  it("stems with Porter2, keeping generalization apart from generation", () => {
    expect(processTerm("generalization")).not.toEqual(processTerm("generation"));
    expect(processTerm("augmentations")).toEqual(processTerm("augmentation"));
  });

  it("spells out unambiguous ML abbreviations", () => {
    expect(processTerm("RL")).toEqual(termsOf("reinforcement learning"));
    expect(termsOf("out-of-distribution")).toContain(processTerm("OOD")[0]);
    expect(termsOf("a variance-reduction param, approx 0.97")).toEqual(
      termsOf("a variance-reduction parameter, approximately 0.97"),
    );
    expect(termsOf("eps-greedy")).toEqual(expect.arrayContaining(termsOf("epsilon greedy")));
    expect(termsOf("self-supervised learning")).toEqual(expect.arrayContaining(termsOf("SSL")));
    expect(termsOf("wd 1e-4")).toEqual(termsOf("weight decay 1e-4"));
    expect(termsOf("OOV words")).toEqual(expect.arrayContaining(termsOf("vocabulary words")));
    expect(termsOf("EMA of the weights")).toEqual(
      termsOf("exponential moving average of the weights"),
    );
  });

  it("drops LaTeX formatting commands but keeps symbols people name", () => {
    expect(termsOf("\\mathbb{E} \\alpha")).toEqual(["alpha"]);
    expect(termsOf("the left image")).toEqual(["left", "imag"]);
  });

  it("spells Greek letters as their names, as questions type them", () => {
    expect(termsOf("clipping ε = 0.2")).toEqual(termsOf("clipping epsilon = 0.2"));
    expect(termsOf("β1 = 0.5")).toEqual(termsOf("beta1 = 0.5"));
    expect(termsOf("$\\lambda$ and λ")).toEqual(["lambda"]);
    expect(termsOf("ϵ-greedy")).toEqual(termsOf("epsilon-greedy"));
  });
});

describe("tokenize", () => {
  it("finds words, ids and compounds in running text", () => {
    expect(tokenize("Out-of-distribution actions (arXiv 1906.00949)")).toEqual([
      "Out",
      "of",
      "distribution",
      "Outofdistribution",
      "actions",
      "arXiv",
      "1906.00949",
    ]);
  });
});

describe("nameKey", () => {
  it("gives one key to every spelling of a name", () => {
    expect(new Set(["VQ-VAE-2", "vq vae 2", "VQVAE2", "vq-vae2"].map(nameKey))).toEqual(
      new Set(["vqvae2"]),
    );
  });
});

describe("processTerm on giant words", () => {
  it("turns a 100,000-character word into one bounded term quickly", () => {
    // Issue #14: Porter2's regular expressions are quadratic in a word's length.
    for (const giant of ["a".repeat(100_000), "ization".repeat(15_000), "é".repeat(100_000)]) {
      const started = performance.now();
      const terms = processTerm(giant);
      expect(performance.now() - started).toBeLessThan(200);
      expect(terms).toHaveLength(1);
      expect(terms[0]?.length).toBeLessThanOrEqual(MAX_TERM_CHARS);
    }
  });

  it("gives a giant word and its first characters repeated the same term, so it is found as asked", () => {
    const giant = "q".repeat(100_000);
    expect(processTerm(giant)).toEqual(processTerm(giant.slice(0, 1000)));
  });
});

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

describe("processTerm on a word at the length cap", () => {
  it("cuts the term again after Greek letters are spelled out (found by fast-check)", () => {
    const word = `ἀ${"a".repeat(56)}ἀ`;
    const terms = tokenize(word).flatMap((piece) => [...processTerm(piece)]);
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) expect(term.length).toBeLessThanOrEqual(MAX_TERM_CHARS);
  });
});

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
