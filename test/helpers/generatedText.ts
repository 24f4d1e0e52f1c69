import fc from "fast-check";

/**
 * Fragments that trip up parsers of corpus files and questions: fences, YAML syntax (anchors,
 * aliases, flow collections, block scalars, tags, directives), line breaks of every kind, a
 * byte-order mark, LaTeX, dollars, links, right-to-left and zero-width characters, astral letters.
 */
export const TRICKY_FRAGMENTS = [
  "---",
  "--- ",
  "...",
  "id: mixmatch",
  "id: bear",
  "title: ",
  "authors:",
  "  - ",
  "- ",
  "aliases: []",
  "year: 2019",
  'arxiv: "1905.02249"',
  "added: 2026-11-27",
  "&a ",
  "*a",
  "<<: *a",
  "[",
  "]",
  "{",
  "}",
  ": ",
  ":",
  "? ",
  "|",
  ">-",
  "!!binary ",
  "!tag ",
  "%YAML 1.2",
  "#",
  '"',
  "'",
  "\\",
  "\t",
  " ",
  "\n",
  "\r\n",
  "\r",
  "\u2028",
  "\u0085",
  "\uFEFF",
  "\u202E",
  "\u200B",
  "\0",
  "𝔸",
  "é",
  "e\u0301",
  "ﬃ",
  "½",
  "İ",
  "$",
  "$$",
  "\\frac{",
  "\\alpha",
  "_{",
  "^",
  "`",
  "https://i.imgur.com/6lHQqMD.png",
  "![fig](https://x.y/z.png)",
  "MixMatch",
  "VQ-VAE-2",
  "out-of-distribution",
  "Uber's",
  "1906.00949",
  "0.75",
  "RL",
  "lotery",
  "reinforcment",
];

/** Text made of tricky fragments and arbitrary characters, mixed. */
export function trickyText(maxLength = 40): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...TRICKY_FRAGMENTS) },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
        { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 8 }) },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(""));
}

/** A time limit for one call on generated input: generous, so a loaded machine does not fail it. */
export const CALL_BUDGET_MS = 250;

/**
 * Runs `fn`, failing when it takes longer than {@link CALL_BUDGET_MS} twice in a row: a slow call
 * on a busy machine (a garbage-collection pause, other processes) is timed again before it fails,
 * while a cost that grows with the input (the seconds a quadratic regex takes) fails both times.
 */
export function withinBudget<T>(fn: () => T): T {
  let started = performance.now();
  let result = fn();
  if (performance.now() - started <= CALL_BUDGET_MS) return result;
  started = performance.now();
  result = fn();
  const took = performance.now() - started;
  if (took > CALL_BUDGET_MS) throw new Error(`took ${Math.round(took)} ms, twice over budget`);
  return result;
}
