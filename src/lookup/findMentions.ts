import { ARXIV_ID_IN_TEXT } from "../text/arxivId.ts";
import { DOI_IN_TEXT, findDois } from "../text/doi.ts";
import { familyKey, nameKey, sameNumbers } from "../text/names.ts";
import { STOP_WORDS } from "../text/stopwords.ts";
import { findWords, type WordSpan } from "../text/terms.ts";
import { isEnglishForm } from "../text/wordRarity.ts";
import { fitsYears, fittingAuthorMentions, yearsOf } from "./authorFit.ts";
import { lookupPaper } from "./lookupPaper.ts";
import type { Mention } from "./mention.ts";
import type { NameTable, PaperName } from "./nameTable.ts";

/** A possessive ending, which is no part of the name it follows ("IMPALA's", "BERT’s"). */
const POSSESSIVE = /['’]s$/iu;

/** Longest run of words tried as a name inside a question. */
const MAX_NAME_WORDS = 6;
/** Names shorter than this must be typed exactly inside a question ("near" is not "BEAR"). */
const MIN_FUZZY_KEY = 8;
/**
 * ...except for two neighbouring letters swapped in a name at least this long that is no English
 * word ("roberat" for RoBERTa, "flna" for FLAN): the commonest typo, and one that turns no word
 * into another name. At 4 rather than 6 letters, notes5 dev gained a right answer and no set lost
 * one.
 */
const MIN_SWAPPED_KEY = 4;
/** A run of 3+ words this long (in key characters) may name a paper by the start of its title. */
const MIN_TITLE_PART_KEY = 15;

/**
 * True for a word too common to name anything unless cased as the name is ("IN" for instance
 * norm, "IT"): the stop words. Names that are ordinary words otherwise ("bear", "transformer")
 * are typed lower-case as often as not, and count either way.
 */
function isEverydayWord(key: string): boolean {
  return STOP_WORDS.has(key);
}

/** True when `b` is `a` with two neighbouring characters swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const at = [...a].findIndex((char, i) => char !== b[i]);
  return (
    at >= 0 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2)
  );
}

/**
 * True when `a` is `b` with a doubled letter typed three times ("blooom" for BLOOM): a held key,
 * which, like a swap, turns no word into another name. A single letter typed twice may: "ddqn"
 * is Double DQN, not DQN, and "ddim" no typo of DIM.
 */
function isRepeat(a: string, b: string): boolean {
  if (a.length !== b.length + 1) return false;
  const at = [...b].findIndex((char, i) => char !== a[i]);
  const extra = at < 0 ? b.length : at;
  const letter = a[extra];
  return (
    letter === a[extra - 1] && letter === a[extra - 2] && a.slice(extra + 1) === b.slice(extra)
  );
}

/** The name a run of words stands for, if any. */
function nameFor(table: NameTable, key: string, wordCount: number): PaperName | undefined {
  if (key.length === 0 || /^\d+$/.test(key)) return undefined;
  const exact = table.exact(key)[0];
  if (exact) return exact;
  if (key.length >= MIN_FUZZY_KEY) {
    const near = table
      .near(key, 1)
      .find((n) => n.name.key.length >= MIN_FUZZY_KEY && sameNumbers(n.name.key, key));
    if (near) return near.name;
  }
  // One word under the fuzzy length only: longer keys were looked up with one edit just above,
  // and each look-up walks the name tree (tens of thousands of names in a large corpus).
  if (
    wordCount === 1 &&
    key.length >= MIN_SWAPPED_KEY &&
    key.length < MIN_FUZZY_KEY &&
    !isEnglishForm(key)
  ) {
    const swapped = table
      .near(key, 1)
      .find(
        (n) =>
          (isSwap(key, n.name.key) || isRepeat(key, n.name.key)) && sameNumbers(n.name.key, key),
      );
    if (swapped) return swapped.name;
  }
  if (wordCount >= 3 && key.length >= MIN_TITLE_PART_KEY) {
    return table.withPrefix(key, 2).find((name) => name.field === "title");
  }
  return undefined;
}

/**
 * Finds the papers a question names: by arXiv id or DOI; by a run of words that is a paper's id, alias
 * or title (typos forgiven only in long names) or the start of its title; or by an author's name
 * ("Berthelot et al."). Longest runs win.
 */
export function findMentions(table: NameTable, question: string): Mention[] {
  // A question that is nothing but a name gets the forgiving look-up of /paper ("bera"). Not one
  // with an arXiv id or DOI in it: "how does 1906.00949 handle OOD actions?" asks more than the name.
  const byId = question.search(ARXIV_ID_IN_TEXT) >= 0 || question.search(DOI_IN_TEXT) >= 0;
  const whole = byId ? undefined : lookupPaper(table, question, false).paper;
  if (whole) {
    const canonical = whole.aliases[0] ?? whole.title;
    return [{ paper: whole, by: "name", canonical, start: 0, end: question.length }];
  }
  const mentions: Mention[] = [];
  for (const match of question.matchAll(ARXIV_ID_IN_TEXT)) {
    const name = table.exact(nameKey(match[1] ?? ""))[0];
    if (name) {
      mentions.push({
        paper: name.paper,
        by: "arxiv",
        start: match.index,
        end: match.index + match[0].length,
      });
    }
  }
  for (const { doi, start, end } of findDois(question)) {
    const paper = table.byDoi(doi);
    if (paper) mentions.push({ paper, by: "doi", start, end });
  }
  const words = findWords(question);
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(MAX_NAME_WORDS, words.length - i); n >= 1; n--) {
      const first = words[i];
      const last = words[i + n - 1];
      if (!first || !last) continue;
      // A possessive names what it owns: "how does IMPALA's v-trace work" names IMPALA.
      const raw = question.slice(first.start, last.end).replace(POSSESSIVE, "");
      const key = nameKey(raw);
      const found = nameFor(table, key, n);
      // An alias that is also a stop word ("IN" for instance norm) names the paper only when
      // written as the alias is: "in the KL variant" is no mention of instance norm.
      const cased = () => table.exact(key).some((nm) => nm.field !== "id" && nm.name === raw);
      const name = found && (n > 1 || !isEverydayWord(key) || cased()) ? found : undefined;
      const authored = name ? [] : table.papersByAuthor(key);
      if (!name && authored.length === 0) continue;
      const span = { start: first.start, end: last.end };
      if (name) mentions.push({ paper: name.paper, by: "name", canonical: name.name, ...span });
      for (const paper of authored) mentions.push({ paper, by: "author", ...span });
      i += n - 1;
      break;
    }
  }
  mentions.push(...etAlMentions(table, question, mentions));
  mentions.push(...coauthorMentions(mentions, words));
  // "salimans and kingma ... in 2016" names no paper Salimans wrote with others, or in 2018.
  return fittingAuthorMentions(question, words, mentions, table).sort((a, b) => a.start - b.start);
}

/** A word followed by "et al." or "and colleagues": an author's family name, however common. */
const ET_AL = /([\p{L}][\p{L}'’-]*)\s*(?:,\s*)?(?:et\.?\s*al\b|and\s+colleagues\b)/giu;

/**
 * The first "X et al." (or "X and colleagues") of a question that no paper of the corpus is by,
 * and whose X is `unwritten` (no summary cites X, of the years the question gives if any): X is the family name of no author in the
 * corpus, nor a typo of one ("how did Dabney et al. pick the quantiles?"), or only of authors of
 * papers from other years than the question gives ("lowe et al 2017", when the corpus has a 2022
 * paper by a Lowe). The question asks about a paper the group has not summarized, whichever
 * summary matches its other words. Undefined when every such name is known.
 */
export function unknownAuthorOf(
  table: NameTable,
  question: string,
  unwritten: (family: string, years: readonly number[]) => boolean,
): string | undefined {
  const years = yearsOf(question);
  for (const match of question.matchAll(ET_AL)) {
    const family = match[1] ?? "";
    const key = nameKey(family);
    // "lowe et al 2017" is not the 2022 paper the corpus has by a Lowe.
    const papers = table.papersByFamilyName(key);
    const known =
      papers.length > 0
        ? papers.some((paper) => fitsYears(years, paper.year))
        : table.hasFamilyNameNear(key);
    // "by Lowe et al. (2017)": the corpus may well have a paper by them from another year.
    const when = years.length > 0 ? ` (${years.join(", ")})` : "";
    if (!known && unwritten(family, years)) return `${family} et al.${when}`;
  }
  return undefined;
}

/** Papers named as "Peters et al.", whose family name is too common to name a paper alone. */
function etAlMentions(table: NameTable, question: string, mentions: readonly Mention[]): Mention[] {
  const found: Mention[] = [];
  for (const match of question.matchAll(ET_AL)) {
    const start = match.index;
    const end = start + (match[1]?.length ?? 0);
    if (mentions.some((m) => m.start < end && start < m.end)) continue;
    for (const paper of table.papersByFamilyName(nameKey(match[1] ?? ""))) {
      found.push({ paper, by: "author", start, end });
    }
  }
  return found;
}

/**
 * Family names too short or too common to name a paper alone ("Ba", "Ren", "He", "Sun") do name
 * it beside a co-author the question has already named: "Kingma and Ba" names Adam twice and the
 * VAE paper once, so Adam is the paper meant.
 */
function coauthorMentions(mentions: readonly Mention[], words: readonly WordSpan[]): Mention[] {
  const found: Mention[] = [];
  const taken = new Set(mentions.map((m) => `${m.paper.id}@${m.start}`));
  const byAuthor = new Set(mentions.filter((m) => m.by === "author").map((m) => m.paper));
  for (const paper of byAuthor) {
    const family = new Set(paper.authors.map(familyKey));
    for (const word of words) {
      const key = nameKey(word.word);
      if (!family.has(key) || taken.has(`${paper.id}@${word.start}`)) continue;
      if (mentions.some((m) => m.start <= word.start && word.end <= m.end)) continue;
      found.push({ paper, by: "author", start: word.start, end: word.end });
    }
  }
  return found;
}
