import { escapeRegExp } from "../text/escapeRegExp.ts";
import { STOP_WORDS } from "../text/stopwords.ts";
import { foldText, processTerm, wordPieces } from "../text/terms.ts";
import { isLabName, isProperName } from "../text/wordRarity.ts";
import type { Paper } from "../types.ts";
import { asksToCompare, citesAt, listItems, MAX_CITATIONS, NOTE_LINE_CHARS } from "./citedOnly.ts";

/** Most words of a name a question writes out: "Hybrid Task Cascade", "Deep Double Descent". */
const MAX_NAME_WORDS = 4;

/** Fewest: one word is a name the single-word rules of `citedOnly.ts` read. */
const MIN_NAME_WORDS = 2;

/**
 * What separates the items of a list of works in a line of notes: commas, slashes, "and", dashes
 * and arrows ("Shazeer 2017 -> GShard -> Switch Transformer -> GLaM").
 */
const LIST_SEPARATOR = /[,;/]|\band\b|—|\s-\s|->|→/g;

/** A word of a question, as a name's words are matched: "hybrid", "r-cnn". */
const QUESTION_WORD = /[\p{L}\d][\p{L}\d-]*/gu;

/** A quotation mark just before a name: a title quoted. */
const OPEN_QUOTE = /["“'‘]$/;

/** A quotation mark just after a name. */
const CLOSE_QUOTE = /^["”'’]/;

/** What may open a line of notes before its first word: indent, bullet, heading or bold marks. */
const LINE_OPENING = /^[\s\-*+>#]*(?:\*\*)?$/;

/**
 * True when a question asks about a work of several words that `paper`'s summary only names
 * beside itself: the question writes two to four words in a row ("what does hybrid task cascade
 * add on top of cascade mask r-cnn?") that the summary writes as a name (each word capitalized,
 * or in quotes: "later made explicit by ResNet-RS and "ResNet strikes back""), no more than
 * {@link MAX_CITATIONS} times, and only in lines that set them beside the paper: after a citing
 * word ("later", "vs", "follow-ups") or as an item of a list of other names ("Became a standard
 * component: Cascade Mask R-CNN, Hybrid Task Cascade (HTC), ..."). The single-word rules of
 * `citedOnly.ts` read names one word at a time, and each of these words is English.
 *
 * Not a name that is the paper's own title or alias, nor one a lab, company or place opens
 * ("Google Brain", "FAIR Paris": where the paper is from), nor one that opens a line, where a list
 * is more often the paper's affiliations ("Hazy Research / Stanford (+ Mila)") than other works.
 * A question that compares (see {@link asksToCompare}) may well be answered by such a line.
 *
 * Measured on every set: notes3 dev outside declined 89% -> 95%, notes8 dev 94% -> 100% (the
 * quoted title), and no right answer lost. With lines that open with the name read too, notes8
 * and notes11 dev lost right answers.
 *
 * `inSummary`: how many times the summary writes an index term, read from the index so that most
 * summaries are never read here.
 */
export function asksAboutCitedPhrase(
  question: string,
  paper: Paper,
  inSummary: (term: string) => number,
): boolean {
  if (asksToCompare(question)) return false;
  const words = foldText(question).toLowerCase().match(QUESTION_WORD) ?? [];
  const written = (word: string) =>
    wordPieces(word).some((piece) => processTerm(piece).some((term) => inSummary(term) > 0));
  let own: string | undefined;
  let summary: string | undefined;
  let lower: string | undefined;
  for (let size = MAX_NAME_WORDS; size >= MIN_NAME_WORDS; size--) {
    for (let at = 0; at + size <= words.length; at++) {
      const name = words.slice(at, at + size);
      if (!mayBeName(name) || !name.every(written)) continue;
      // Read and folded once, and only for a question whose words the summary all has.
      summary ??= paper.summary;
      lower ??= summary.toLowerCase();
      const phrase = name.join(" ");
      if (!lower.includes(phrase)) continue;
      own ??= foldText(`${paper.title} ${paper.aliases.join(" ")}`).toLowerCase();
      if (!own.includes(phrase) && onlyCitesName(summary, name)) return true;
    }
  }
  return false;
}

/** False for words that cannot be a work's name: opened or closed by a function word, or an organization's. */
function mayBeName(words: readonly string[]): boolean {
  const first = words[0] ?? "";
  const last = words.at(-1) ?? "";
  return (
    !STOP_WORDS.has(first) &&
    !STOP_WORDS.has(last) &&
    !isProperName(first) &&
    !words.some((word) => isLabName(word))
  );
}

/**
 * True when `summary` writes the words of `name` in a row, as a name, no more than
 * {@link MAX_CITATIONS} times, and only in short lines that cite the name or list it among others.
 */
function onlyCitesName(summary: string, name: readonly string[]): boolean {
  const pattern = new RegExp(
    `(?<![\\p{L}\\d-])${name.map(escapeRegExp).join("\\s+")}(?![\\p{L}\\d-])`,
    "giu",
  );
  let count = 0;
  for (const line of summary.split("\n")) {
    for (const match of line.matchAll(pattern)) {
      count++;
      const start = match.index ?? 0;
      const end = start + match[0].length;
      // A title in quotes is a name however it is cased: "ResNet strikes back".
      const quoted = OPEN_QUOTE.test(line.slice(0, start)) && CLOSE_QUOTE.test(line.slice(end));
      if (
        count > MAX_CITATIONS ||
        line.length > NOTE_LINE_CHARS ||
        !(capitalized(match[0]) || quoted)
      )
        return false;
      const opens = LINE_OPENING.test(line.slice(0, start));
      if (!citesAt(line, start) && (opens || !listedAt(line, start, end))) return false;
    }
  }
  return count > 0;
}

/** True when every word of `text`, function words aside, opens with a capital: "Hybrid Task Cascade". */
function capitalized(text: string): boolean {
  return text
    .split(/\s+/)
    .every((word) => /^\p{Lu}/u.test(word) || STOP_WORDS.has(word.toLowerCase()));
}

/**
 * True when the name from `start` to `end` is an item of a list of works in `line`: its item holds
 * nothing else but a bracket ("Hybrid Task Cascade (HTC)"), and an item beside it has a capital
 * past its first letter ("Cascade Mask R-CNN").
 */
function listedAt(line: string, start: number, end: number): boolean {
  const items = listItems(line, LIST_SEPARATOR);
  const at = items.findIndex((item) => start >= item.from && start < item.to);
  const item = items[at];
  if (!item || end > item.to) return false;
  const rest = `${line.slice(item.from, start)} ${line.slice(end, item.to)}`
    .replace(/\([^)]*\)?/g, " ")
    .replace(/[^\p{L}\d]+/gu, "");
  if (rest.length > 0) return false;
  const named = (i: number) => {
    const other = items[i];
    if (!other) return false;
    const text = line.slice(other.from, other.to).replace(/^[\s\-*+>#]*/, "");
    return /\p{Lu}/u.test(text.slice(1));
  };
  return named(at - 1) || named(at + 1);
}
