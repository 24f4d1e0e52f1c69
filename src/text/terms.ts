import stem from "wink-porter2-stemmer";
import { ABBREVIATIONS } from "./abbreviations.ts";
import { EQUIVALENT_STEMS } from "./equivalents.ts";
import { STOP_WORDS } from "./stopwords.ts";

/**
 * A word-like run of text: letters and digits, joined by inner hyphens, dots, slashes or apostrophes
 * ("out-of-distribution", "1906.00949", "VQ-VAE-2", "Uber's").
 */
const WORD_PATTERN = /[\p{L}\p{N}]+(?:[-._'’/][\p{L}\p{N}]+)*/gu;
const DECIMAL = /^\d+(?:\.\d+)+$/;
const PART_SEPARATOR = /[-._'’/]/;

/** LaTeX commands that only format math; their names are not words anyone searches for. */
const LATEX_FORMATTING = new Set([
  "mathbb",
  "mathcal",
  "mathbf",
  "mathrm",
  "text",
  "frac",
  "vert",
  "cdot",
  "dots",
  "ldots",
  "leq",
  "geq",
  "infty",
  "rightarrow",
  "left",
  "right",
  "sim",
  "lim",
]);

/**
 * The Greek letters' names, lower case from α (U+03B1) to ω (U+03C9): notes write "ε = 0.2" and
 * "β1", questions "epsilon" and "beta1", LaTeX "\\epsilon". The final sigma (U+03C2) is a sigma.
 */
const GREEK_NAMES = [
  "alpha",
  "beta",
  "gamma",
  "delta",
  "epsilon",
  "zeta",
  "eta",
  "theta",
  "iota",
  "kappa",
  "lambda",
  "mu",
  "nu",
  "xi",
  "omicron",
  "pi",
  "rho",
  "sigma",
  "sigma",
  "tau",
  "upsilon",
  "phi",
  "chi",
  "psi",
  "omega",
];
const GREEK_LETTER = /[\u03b1-\u03c9]/g;

/** Spells out the Greek letters of a folded word ("β1" → "beta1"), so both spellings are one term. */
function spellGreek(folded: string): string {
  return folded.replace(
    GREEK_LETTER,
    (letter) => GREEK_NAMES[letter.charCodeAt(0) - 0x3b1] ?? letter,
  );
}

/** A word found in a text, with its offsets, for highlighting. */
export interface WordSpan {
  /** The word as written. */
  word: string;
  /** Offset of its first character. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

/** Lower-cases and strips accents and typographic quotes so "Naïve" and "naive" are one term. */
export function foldText(text: string): string {
  // Plain ASCII (nearly every word) has no accents or curly quotes to fold.
  if (!/[^\p{ASCII}]/u.test(text)) return text.toLowerCase();
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[‘’]/g, "'")
    .toLowerCase();
}

/** Finds the word-like runs of a text with their offsets. */
export function findWords(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    spans.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/**
 * Splits one word-like run into the raw pieces that become terms. A decimal or an arXiv id stays
 * whole; a compound yields its parts and their concatenation, so "VQ-VAE-2" is found by "vq vae",
 * by "VQVAE2" and by "vq-vae-2" alike.
 */
export function wordPieces(word: string): string[] {
  if (DECIMAL.test(word)) return [word];
  const parts = word.split(PART_SEPARATOR).filter((part) => part.length > 0);
  if (parts.length < 2) return parts;
  // An apostrophe ends a possessive or a contraction: "Uber's" is about Uber.
  if (/['’]/.test(word)) return parts.filter((part, i) => i === 0 || part.length > 2);
  return [...parts, parts.join("")];
}

/** True for a LaTeX formatting command ("\\mathbb"), not the same word in prose ("the left image"). */
function isLatexFormatting(text: string, span: WordSpan): boolean {
  return text[span.start - 1] === "\\" && LATEX_FORMATTING.has(span.word);
}

/** The words of a text that give terms: {@link findWords} less LaTeX formatting commands. */
export function findTermWords(text: string): WordSpan[] {
  return findWords(text).filter((span) => !isLatexFormatting(text, span));
}

/** Splits text into the raw pieces MiniSearch indexes (before {@link processTerm}). */
export function tokenize(text: string): string[] {
  return findTermWords(text).flatMap((span) => wordPieces(span.word));
}

/**
 * Longest piece turned into a term as it is; a longer one is cut to this many characters first.
 * Porter2's regular expressions take time quadratic in a word's length (a 100,000-character word
 * took over a minute, #14), and no word worth searching for is this long: the longest in the
 * corpus is 27 characters. Cut alike in summaries and questions, a giant word still finds itself.
 */
export const MAX_TERM_CHARS = 64;

/** The first {@link MAX_TERM_CHARS} characters of a piece, never splitting a surrogate pair. */
export function capPiece(piece: string): string {
  if (piece.length <= MAX_TERM_CHARS) return piece;
  const cut = piece.slice(0, MAX_TERM_CHARS);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The British endings {@link americanSpelling} rewrites, at the end of each word of a text. */
const BRITISH_ENDINGS =
  /(?<=\p{L}{3})is(?=(?:e|es|ed|ing|er|ers|ation|ations)(?![\p{L}\p{N}]))|(?<=\p{L}{2})ys(?=(?:e|es|ed|ing|er|ers)(?![\p{L}\p{N}]))|(?<=\p{L}{3})our(?=(?:s|ed|ing|ite|ites)?(?![\p{L}\p{N}]))/gu;

/**
 * British endings spelled the American way, in every word of a folded text, so "normalisation"
 * finds "normalization" and "behaviour" finds "behavior": summaries and questions come from both
 * sides of the Atlantic. Applied to every word alike, a word it changes that has no other spelling
 * ("noise") still finds itself; only the "-our" of longer words is read so ("four" and "hour" are
 * left alone). One pass of one pattern: the mention finder keys every run of a question's words.
 */
export function americanSpelling(folded: string): string {
  if (!/is|ys|our/.test(folded)) return folded;
  return folded.replace(BRITISH_ENDINGS, (ending) =>
    ending === "is" ? "iz" : ending === "ys" ? "yz" : "or",
  );
}

/**
 * Plurals English keeps from Latin and Greek, which no stemmer undoes, each with its singular: a
 * question about "covariance matrices" must find the summary that writes "covariance matrix".
 */
const CLASSICAL_PLURALS: ReadonlyMap<string, string> = new Map(
  `matrices matrix vertices vertex indices index simplices simplex appendices appendix hypotheses
hypothesis analyses analysis syntheses synthesis parentheses parenthesis criteria criterion
phenomena phenomenon corpora corpus optima optimum maxima maximum minima minimum extrema extremum
spectra spectrum schemata schema stimuli stimulus radii radius nuclei nucleus foci focus loci locus
automata automaton curricula curriculum quanta quantum formulae formula lemmata lemma`
    .split(/\s+/)
    .flatMap((word, at, words) => (at % 2 === 0 ? [[word, words[at + 1] as string] as const] : [])),
);

/** Stems one folded word (Porter2, which keeps "generalization" apart from "generation"). */
function stemWord(folded: string): string | null {
  if (folded.length === 0 || STOP_WORDS.has(folded)) return null;
  if (/\d/.test(folded)) return folded;
  if (folded.length < 2) return null;
  const stemmed = stem(CLASSICAL_PLURALS.get(folded) ?? americanSpelling(folded));
  // Synonyms ML writing uses interchangeably become one term ("occluded" finds "masked").
  return EQUIVALENT_STEMS.get(stemmed) ?? stemmed;
}

/** How many distinct raw pieces {@link processTerm} remembers. */
const MAX_CACHED_PIECES = 500_000;
/**
 * Terms of each raw piece seen: folding (NFKD) and Porter2 stemming were most of the time spent
 * building an index, and the same words come back in every summary.
 */
const termCache = new Map<string, readonly string[]>();

/**
 * A raw piece as the index spells it before stemming: cut to {@link MAX_TERM_CHARS}, folded, its
 * Greek letters spelled out ("β1" → "beta1"). Folding may lengthen a word (NFKD: "ﬃ" is three
 * letters), and so may spelling out ("ἀ" is "alpha"): it is cut again after both.
 */
export function foldPiece(piece: string): string {
  return capPiece(spellGreek(foldText(capPiece(piece))));
}

/**
 * Turns a raw piece into its index terms: folded and stemmed, an abbreviation spelled out ("RL"
 * gives the terms of "reinforcement learning"), or none for a stop word or a lone letter. Digits
 * are kept as written.
 */
export function processTerm(piece: string): readonly string[] {
  const capped = capPiece(piece);
  let terms = termCache.get(capped);
  if (!terms) {
    const folded = foldPiece(capped);
    const words = ABBREVIATIONS.get(folded) ?? [folded];
    terms = words.flatMap((word) => stemWord(word) ?? []);
    // A corpus of thousands of summaries has far fewer distinct words than words; beyond this
    // many, start afresh rather than hold every typo ever asked.
    if (termCache.size >= MAX_CACHED_PIECES) termCache.clear();
    termCache.set(capped, terms);
  }
  return terms;
}

/** The distinct index terms of a text, in order of first appearance. */
export function termsOf(text: string): string[] {
  const terms = new Set<string>();
  for (const piece of tokenize(text)) for (const term of processTerm(piece)) terms.add(term);
  return [...terms];
}
