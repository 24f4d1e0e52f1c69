import { familyKey, nameKey } from "../text/names.ts";
import { STOP_WORDS } from "../text/stopwords.ts";
import type { WordSpan } from "../text/terms.ts";
import { isEnglishForm } from "../text/wordRarity.ts";
import type { Mention } from "./mention.ts";
import { type NameTable, namesOf } from "./nameTable.ts";

/** What sets one name of a list of authors from the next: "Ren, He, Girshick and Sun", "Fu & Tucker". */
const LIST_SEPARATOR = /^\s*(?:,|&|\+|\/|,?\s*and)\s*$/i;

/** A year as questions write one ("Peters et al. 2018"), not part of an id or a decimal. */
const YEAR = /(?<![\d.])(?:19[5-9]\d|20\d\d)(?![\d.])/g;

/** How far the year a question gives may be from a paper's: preprint and venue years differ by one. */
const YEAR_SLACK = 1;

/** The years a question gives ("Peters et al. 2018"). */
export function yearsOf(question: string): number[] {
  return [...question.matchAll(YEAR)].map((m) => Number(m[0]));
}

/** True when a paper's year is one the question gives (within a year), or it gives none. */
export function fitsYears(years: readonly number[], paperYear: number): boolean {
  return years.length === 0 || years.some((y) => Math.abs(y - paperYear) <= YEAR_SLACK);
}

/** Most words of one listed author: a family name, or a given name and a family name. */
const AUTHOR_WORDS = 2;

/** What a question says of the people it names, read once for all its author mentions. */
interface Asked {
  question: string;
  words: readonly WordSpan[];
  table: NameTable;
  /** The years it gives ("Peters et al. 2018"). */
  years: number[];
  /** Whether it is written in both cases, so that a capital marks a name. */
  cased: boolean;
}

/**
 * True when what a question says of the people it names fits a paper it names by one of them:
 * every author it lists beside that one ("salimans and kingma", "Ren, He, Girshick and Sun") is
 * an author of the paper, and the year it gives, if any, is the paper's (within a year). A
 * question that lists someone else, or another year, asks about another paper by those people:
 * "what did salimans and kingma propose in 2016" is not the Improved GAN paper that Salimans
 * wrote with others, nor is "what did Peters et al. 2018 propose" his 2020 Longformer.
 */
function authorsFit(asked: Asked, mention: Mention): boolean {
  const { words, years } = asked;
  if (!fitsYears(years, mention.paper.year)) return false;
  const families = new Set(mention.paper.authors.map(familyKey));
  const first = words.findIndex((w) => w.end > mention.start);
  const last = words.findLastIndex((w) => w.start < mention.end);
  if (first < 0 || last < 0) return true;
  const listed = [...listedNames(asked, last, 1), ...listedNames(asked, first, -1)];
  return listed.every((family) => families.has(family));
}

/**
 * The family names a question lists on one side (`step` 1: after, -1: before) of the name at
 * word `from`: each a word or two that read as a person's name, set apart by a list separator.
 */
function listedNames(asked: Asked, from: number, step: 1 | -1): string[] {
  const { question, words, table, cased } = asked;
  // The text between two words, whichever comes first.
  const between = (i: number, j: number) =>
    question.slice(words[Math.min(i, j)]?.end ?? 0, words[Math.max(i, j)]?.start ?? 0);
  const families: string[] = [];
  let at = from;
  for (;;) {
    let item = at + step;
    let gap = between(at, item);
    // "and" is a word of its own: "Kingma and Ba".
    if (/^\s+$/.test(gap) && /^and$/i.test(words[item]?.word ?? "")) {
      gap = "and";
      item += step;
    }
    if (!LIST_SEPARATOR.test(gap)) break;
    const run: number[] = [];
    for (let i = item; run.length < AUTHOR_WORDS; i += step) {
      const word = words[i];
      if (!word || !readsAsName(word, table, cased)) break;
      if (run.length > 0 && !/^\s+$/.test(between(i - step, i))) break;
      run.push(i);
    }
    const end = run.at(-1);
    if (end === undefined) break;
    // The family name ends the item ("george tucker"), whichever way the list is read.
    families.push(nameKey(words[Math.max(item, end)]?.word ?? ""));
    at = end;
  }
  return families;
}

/**
 * True when a word of a question reads as a person's name: an author's family name the corpus
 * knows, a word no English dictionary has ("kingma"), or a capitalized word in a question that
 * is written in both cases. Not a stop word ("and", "the"), nor a work's name: one written in
 * capitals past its first letter ("BYOL"), or that names a paper of the corpus.
 */
function readsAsName(word: WordSpan, table: NameTable, cased: boolean): boolean {
  const key = nameKey(word.word);
  if (!/^\p{L}+$/u.test(word.word) || STOP_WORDS.has(key)) return false;
  // A work's name is no person's: "BYOL, Grill et al.", "MoCo, He et al.", "mixmatch, berthelot".
  if (/\p{Lu}/u.test(word.word.slice(1)) || table.exact(key).length > 0) return false;
  return (
    table.papersByFamilyName(key).length > 0 ||
    !isEnglishForm(key) ||
    (cased && /^\p{Lu}/u.test(word.word))
  );
}

/**
 * Drops the author mentions whose paper the question's listed authors or year do not fit, and
 * those that give another work's authors (see `attributesOther`).
 */
export function fittingAuthorMentions(
  question: string,
  words: readonly WordSpan[],
  mentions: readonly Mention[],
  table: NameTable,
): Mention[] {
  if (!mentions.some((m) => m.by === "author")) return [...mentions];
  const asked: Asked = {
    question,
    words,
    table,
    years: yearsOf(question),
    cased: /\p{Ll}/u.test(question) && /\p{Lu}/u.test(question),
  };
  return mentions.filter(
    (m) => m.by !== "author" || (authorsFit(asked, m) && !attributesOther(question, m)),
  );
}

/** A word a question refers to a paper by, not a name: "that paper (Kingma et al.)". */
const PAPER_NOUN =
  /^(?:papers?|works?|methods?|models?|approach|one|study|idea|trick|algorithm|architecture|net(?:work)?|framework|technique|version|variant|preprint|article)$/i;

/**
 * A work's name, then an opening bracket: "react (" of "react (yao et al): ...", "MAE paper (" of
 * "in the MAE paper (he et al), how deep is the decoder?".
 */
const NAME_BEFORE_BRACKET = new RegExp(
  `([\\p{L}\\d][\\p{L}\\d.+-]*)(?:\\s+${PAPER_NOUN.source.slice(1, -1)})?\\s*\\(\\s*$`,
  "iu",
);

/**
 * True when the author mention stands in brackets after a work's name that is not its paper's:
 * "react (yao et al)" gives ReAct's author, not the corpus's paper by a Yao (Reflexion).
 */
function attributesOther(question: string, mention: Mention): boolean {
  const work = NAME_BEFORE_BRACKET.exec(question.slice(0, mention.start))?.[1];
  if (!work || STOP_WORDS.has(work.toLowerCase()) || PAPER_NOUN.test(work)) return false;
  const key = nameKey(work);
  const { paper } = mention;
  const names = namesOf(paper).map((name) => name.key);
  // "ReAct" names "ReAct: Synergizing..."; "longformer" the Longformer paper. A name shorter
  // than three letters ("R") is no prefix of anything it names.
  const prefixOf = (a: string, b: string) => a.length >= 3 && b.startsWith(a);
  return !names.some((name) => name === key || prefixOf(key, name) || prefixOf(name, key));
}
