import stem from "wink-porter2-stemmer";
import { escapeRegExp } from "../text/escapeRegExp.ts";
import { splitSentences } from "../text/sentences.ts";
import { capPiece, foldText, termsOf } from "../text/terms.ts";
import type { Paper, Passage } from "../types.ts";
import { type PaperIndex, paperNameTerms } from "./buildIndex.ts";
import { idf } from "./confidence.ts";

/** How much a sentence loses per sentence before it, to favour early intros. */
const POSITION_PENALTY = 0.25;

/** Stems of folded words seen, kept: every overview stems whole summaries. */
const stems = new Map<string, string>();
/** How many stems to keep before starting afresh. */
const MAX_STEMS = 200_000;

function stemOf(folded: string): string {
  let stemmed = stems.get(folded);
  if (stemmed === undefined) {
    stemmed = stem(folded);
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(folded, stemmed);
  }
  return stemmed;
}

/** The words of a text, folded and stemmed, stop words kept (so adjacency is preserved). */
function wordStems(text: string): string[] {
  // Cut as index terms are: Porter2 is quadratic in a word's length (#14).
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => stemOf(foldText(capPiece(word))));
}

/**
 * A test for whether a text mentions `name` as a whole word or phrase: literally, ignoring case,
 * spacing and hyphens ("VQ-VAE-2"), or word for word up to inflection ("lottery tickets transfer"
 * says the alias "lottery ticket transfer"). Made once per name, used on every sentence.
 */
function nameMention(name: string): (text: string) => boolean {
  const words = name
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(escapeRegExp);
  if (words.length === 0) return () => false;
  const literal = new RegExp(`(?<![\\p{L}\\p{N}])${words.join("[\\s-]*")}(?![\\p{L}\\p{N}])`, "iu");
  const wanted = wordStems(name);
  return (text) => {
    if (literal.test(text)) return true;
    const said = wordStems(text);
    return said.some((_, i) => wanted.every((w, j) => said[i + j] === w));
  };
}

/** True when `text` mentions `name` (see {@link nameMention}). */
export function mentionsName(text: string, name: string): boolean {
  return nameMention(name)(text);
}

/** A paper's summary sentences, split once and kept. */
export function summarySentences(index: PaperIndex, paper: Paper): string[] {
  let sentences = index.sentences.get(paper.id);
  if (!sentences) {
    sentences = splitSentences(paper.summary);
    index.sentences.set(paper.id, sentences);
  }
  return sentences;
}

/**
 * Position of the sentence that best introduces a paper: the one sharing the most (IDF-weighted)
 * terms with its title and aliases, earliest on a tie. With `preferAlias`, sentences that say one
 * of its aliases ("MixMatch") come first, so a question that names the paper sees that name.
 */
export function introSentence(index: PaperIndex, paper: Paper, preferAlias: boolean): number {
  const sentences = summarySentences(index, paper);
  const nameTerms = paperNameTerms(index, paper);
  let best = { at: 0, value: Number.NEGATIVE_INFINITY };
  const aliasMentions = preferAlias ? paper.aliases.map(nameMention) : [];
  sentences.forEach((sentence, at) => {
    let value = 0;
    for (const term of termsOf(sentence)) if (nameTerms.has(term)) value += idf(index, term);
    if (aliasMentions.some((mentions) => mentions(sentence))) value += 1000;
    // Summaries introduce their paper early: among near ties, the earlier sentence wins.
    value -= POSITION_PENALTY * at;
    if (value > best.value) best = { at, value };
  });
  return best.at;
}

/**
 * Names notes give the section that says what a paper does: "What", "What it does", "Summary",
 * "TL;DR", "Key idea", "Contributions", "The claim", as a heading or as the first line of an
 * outline bullet. Not "What they found" or "What I liked": results and opinions.
 */
const OVERVIEW_HEADING =
  /^(?:[-*]\s+)?(?:\*\*|__)?(?:what(?:\s+(?:it|they|the\s+paper|this\s+paper))?(?:\s+(?:does|do|did|proposes?|introduces?|is))?|what'?s\s+new|summary|abstract|tl;?\s?dr|overview|(?:the\s+|key\s+|main\s+|core\s+|big\s+)?(?:ideas?|insights?)|(?:main\s+|key\s+)?contributions?|the\s+claim|in\s+a\s+nutshell|gist)\b\W*$/i;

/**
 * True for a line that only names the overview: a heading's text or a bullet ("What", "- TL;DR:").
 * Numbers and emoji before the name ("1. What", "🔍 What") are decoration.
 */
export function isOverviewLabel(line: string): boolean {
  return OVERVIEW_HEADING.test(line.trim().replace(/^[^\p{L}*_]+/u, ""));
}

/** True for a passage under an overview heading, or opening with an overview bullet ("- What"). */
function isOverviewSection(passage: Passage): boolean {
  // Any heading of the path: notes under a title heading ("# Weight Normalization") still write
  // "## TL;DR" or "- What:" beneath it.
  if ((passage.headings ?? []).some(isOverviewLabel)) return true;
  return isOverviewLabel(passage.text.split("\n", 1)[0] ?? "");
}

/**
 * The passage before a summary's first heading, when it has headings: notes open with what the
 * paper is ("TL;DR: ...", a line or two) before their parts.
 */
function leadPassage(own: readonly Passage[]): Passage | undefined {
  const [first] = own;
  if (!first || (first.headings ?? []).length > 0) return undefined;
  return own.some((p) => (p.headings ?? []).length > 0) ? first : undefined;
}

/**
 * The passage a summary gives as its overview by its layout: the first under an overview heading
 * ("What", "TL;DR", "Key idea"), else the lead before its first heading. Undefined for running
 * prose, and for notes with neither.
 */
export function namedOverview(own: readonly Passage[]): Passage | undefined {
  return own.find(isOverviewSection) ?? leadPassage(own);
}

/** The passage holding a paper's intro sentence (see {@link introSentence}). */
function introPassage(
  index: PaperIndex,
  paper: Paper,
  own: readonly Passage[],
): Passage | undefined {
  const intro = summarySentences(index, paper)[introSentence(index, paper, true)] ?? "";
  return own.find((p) => p.text.includes(intro)) ?? own[0];
}

/**
 * The passage that introduces a paper: the first under an overview heading ("What", "TL;DR",
 * "Key idea"), else the one holding its intro sentence (see {@link introSentence}). Shown when a
 * question names a paper, or its authors, and asks no more.
 */
export function overviewPassage(index: PaperIndex, paperId: string): Passage | undefined {
  const cached = index.overviews.get(paperId);
  if (cached) return cached;
  const paper = index.papers.get(paperId);
  const own = index.passagesByPaper.get(paperId) ?? [];
  if (!paper || own.length === 0) return undefined;
  const overview = namedOverview(own) ?? introPassage(index, paper, own);
  if (overview) index.overviews.set(paperId, overview);
  return overview;
}
