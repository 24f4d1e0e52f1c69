import { ARXIV_ID_IN_TEXT, parseArxivId } from "../text/arxivId.ts";
import { findDois, parseDoi } from "../text/doi.ts";
import { nameKey, sameNumbers } from "../text/names.ts";
import { findWords } from "../text/terms.ts";
import type { Paper } from "../types.ts";
import type { NameTable } from "./nameTable.ts";

/** The outcome of looking a paper up by name. */
export interface LookupResult {
  /** The paper the name clearly refers to, if any. */
  paper?: Paper;
  /** How well the best name matched, from 0 to 1. */
  score: number;
  /** Nearest papers by name, best first, for "did you mean". Never includes `paper`. */
  suggestions: Paper[];
}

/** Shortest key a partial name may be to match as the start of a longer name. */
const MIN_PREFIX_KEY = 5;
/** The start of a name matches when it is this many words long... */
const MIN_PREFIX_WORDS = 3;
/** ...or this share of the whole name. */
const MIN_PREFIX_SHARE = 0.6;
/** How many suggestions to offer. */
const MAX_SUGGESTIONS = 3;
/** How many edits away a name may be and still be suggested. */
const SUGGESTION_DISTANCE = 4;

/** Typos forgiven in a name of this many characters: none in short acronyms, more in long titles. */
function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  if (length < 16) return 2;
  return 3;
}

/** Ranked candidate papers for a name, each with its best score and whether it counts as a match. */
function candidates(table: NameTable, query: string, suggest: boolean): Candidate[] {
  const best = new Map<Paper, { score: number; match: boolean }>();
  const offer = (paper: Paper, score: number, match: boolean): void => {
    const previous = best.get(paper);
    if (!previous || score > previous.score) best.set(paper, { score, match });
  };
  for (const match of query.matchAll(ARXIV_ID_IN_TEXT)) {
    for (const name of table.exact(nameKey(match[1] ?? ""))) offer(name.paper, 1, true);
  }
  // Any other form of arXiv id (old-style, an abs or pdf URL), and DOIs in any form.
  const arxiv = parseArxivId(query);
  if (arxiv) for (const name of table.exact(nameKey(arxiv.id))) offer(name.paper, 1, true);
  const whole = parseDoi(query);
  for (const doi of whole ? [whole] : findDois(query).map((d) => d.doi)) {
    const paper = table.byDoi(doi);
    if (paper) offer(paper, 1, true);
  }
  const key = nameKey(query);
  for (const name of table.exact(key)) offer(name.paper, 1, true);
  const near = (reach: number, sameStart: boolean): void => {
    for (const { name, distance } of table.near(key, reach, sameStart)) {
      // A typo never hits the first letter ("fixmatch" is another paper, only suggested), nor a
      // number ("stylegan3" is another version).
      const match =
        distance <= allowedEdits(name.key.length) &&
        name.key[0] === key[0] &&
        sameNumbers(name.key, key);
      offer(name.paper, match ? 0.95 - 0.05 * distance : 0.5 - 0.05 * distance, match);
    }
  };
  // First only what could be a match: the same first letter, and no more edits than a name up to
  // three characters longer forgives (a longer name is more than three edits away).
  near(allowedEdits(key.length + 3), true);
  if (key.length >= MIN_PREFIX_KEY) {
    const words = findWords(query).length;
    for (const name of table.withPrefix(key, 20)) {
      // "one ticket to win them all" names a paper; "lottery" only starts one of several names.
      const match = words >= MIN_PREFIX_WORDS || key.length >= MIN_PREFIX_SHARE * name.key.length;
      offer(name.paper, (match ? 0.8 : 0.5) + 0.1 * (key.length / name.key.length), match);
    }
  }
  // Farther names are only ever suggestions: look for them (a wider, slower walk) on a miss alone.
  if (!clearMatch(ranked(best)) && suggest) {
    near(Math.max(SUGGESTION_DISTANCE, allowedEdits(key.length)), false);
  }
  return ranked(best);
}

type Candidate = { paper: Paper; score: number; match: boolean };

function ranked(best: Map<Paper, { score: number; match: boolean }>): Candidate[] {
  return [...best.entries()]
    .map(([paper, s]) => ({ paper, ...s }))
    .sort((a, b) => b.score - a.score);
}

/** The paper the best candidate names, unless another matches as well. */
function clearMatch([first, second]: readonly Candidate[]): Paper | undefined {
  const clear = first?.match && !(second?.match && second.score >= first.score);
  return clear ? first?.paper : undefined;
}

/**
 * Finds the paper a name refers to: its id, title, alias, arXiv id or DOI, forgiving case, spacing,
 * hyphens and small typos ("vq vae 2", "VQVAE2", "mixmtach", "arXiv:1905.02249v2"), or the start
 * of a title. A DOI matches exactly, in any case, bare, with `doi:` or as a doi.org URL. A name that fits two papers equally well matches neither; both are suggested.
 * Without `suggest`, a miss is not searched further for names to suggest.
 */
export function lookupPaper(table: NameTable, query: string, suggest = true): LookupResult {
  const found = candidates(table, query, suggest);
  const paper = clearMatch(found);
  const suggestions = found
    .filter((c) => c.paper !== paper)
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => c.paper);
  return { paper, score: found[0]?.score ?? 0, suggestions };
}
