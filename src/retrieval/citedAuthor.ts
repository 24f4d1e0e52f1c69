import { fitsYears, yearsOf } from "../lookup/authorFit.ts";
import { foldText, processTerm } from "../text/terms.ts";
import type { PaperIndex } from "./buildIndex.ts";

/**
 * How far after a family name a summary writes the year of the work it cites: "Peters & Schaal
 * 2007", "Peters et al., 2016", "(Goodfellow et al. 2014)".
 */
const CITATION_YEAR_CHARS = 40;

/** Letters and digits, which a family name written as a word does not run into. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * True when some summary writes the family name `family` as a word (not a word that stems like
 * it: "Peter" is no "Peters") and, when `years` are given, one of them within a few words after
 * it. Such a summary cites that person's work ("randomized smoothing (Cohen et al.)"), and may
 * well answer how it relates; "what did peters et al 2018 propose" is no work of the Peters a
 * summary cites from 2007, nor is "goodfellow et al ... 2014" the "Goodfellow-style" plots.
 */
export function passagesCite(index: PaperIndex, family: string, years: readonly number[]): boolean {
  const name = foldText(family);
  if (name.length === 0) return false;
  const seen = new Set<number>();
  for (const term of processTerm(family)) {
    for (const doc of index.passageSearch.documentsWith(term)) {
      if (seen.has(doc)) continue;
      seen.add(doc);
      const text = index.passages[doc]?.text;
      if (text !== undefined && citesIn(foldText(text), name, years)) return true;
    }
  }
  return false;
}

/** True when folded `text` writes `name` as a word, followed closely by a fitting year if any. */
function citesIn(text: string, name: string, years: readonly number[]): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (WORD_CHAR.test(text[at - 1] ?? "") || WORD_CHAR.test(text[end] ?? "")) continue;
    if (years.length === 0) return true;
    const written = yearsOf(text.slice(end, end + CITATION_YEAR_CHARS));
    if (written.some((year) => fitsYears(years, year))) return true;
  }
  return false;
}
