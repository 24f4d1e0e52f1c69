import SearchableMap from "minisearch/SearchableMap";
import { isShouted, writtenAsName } from "./casing.ts";
import { editDistance } from "./editDistance.ts";
import {
  findWords,
  foldPiece,
  foldText,
  MAX_TERM_CHARS,
  processTerm,
  wordPieces,
} from "./terms.ts";
import { isEnglishForm } from "./wordRarity.ts";

/** Words shorter than this are never corrected: too many real words sit one edit apart. */
const MIN_CORRECTABLE_LENGTH = 5;

/** Typos forgiven in a word of this length: one, or two in words of nine letters or more. */
function allowedEdits(length: number): number {
  return length >= 9 ? 2 : 1;
}

/** True when two words give a common index term: forms of one word, or a typo stemming alike. */
function sharesTerm(a: string, b: string): boolean {
  const terms = processTerm(a);
  return processTerm(b).some((term) => terms.includes(term));
}

/** A query with its misspelled words replaced by the corpus words they were meant to be. */
export interface CorrectedQuery {
  /** The query text after correction. */
  text: string;
  /** Each corrected word (folded) mapped to its correction. */
  corrections: Map<string, string>;
}

/**
 * Corrects typos in questions against the corpus's own vocabulary ("concentrabilty",
 * "lotery", "sampels"). Only words the corpus lacks are touched, never their first letter, and
 * only to a word one edit away (two in long words): a word that is not a near miss stays as asked,
 * so that "fixmatch" does not become "mixmatch" and an unknown topic stays unknown.
 */
export class Speller {
  /** How often the corpus has each word. */
  private readonly counts = new Map<string, number>();
  /** The same words in a radix tree, for typo-tolerant look-up; touched only when a word comes or goes. */
  private readonly words = new SearchableMap<true>();

  /** Learns the vocabulary of the given texts. */
  constructor(texts: Iterable<string>) {
    this.learn(texts);
  }

  /** Adds the words of the given texts to the vocabulary (a paper joined the corpus). */
  learn(texts: Iterable<string>): void {
    this.count(texts, 1);
  }

  /** Takes the words of the given texts out again (a paper left the corpus or changed). */
  forget(texts: Iterable<string>): void {
    this.count(texts, -1);
  }

  /** Each word and how often the corpus has it: what a snapshot saves. */
  entries(): Array<[string, number]> {
    return [...this.counts];
  }

  /** A speller with a vocabulary saved by {@link entries}, without reading any text. */
  static fromEntries(entries: Iterable<[string, number]>): Speller {
    const speller = new Speller([]);
    for (const [word, count] of entries) {
      speller.counts.set(word, count);
      speller.words.set(word, true);
    }
    return speller;
  }

  private count(texts: Iterable<string>, delta: 1 | -1): void {
    for (const text of texts) {
      for (const { word } of findWords(text)) {
        for (const piece of wordPieces(word)) {
          // As index terms spell it: cut, so a giant word costs no more than a long one (#14);
          // Greek letters spelled out, so "lambda" is the corpus's "λ", not "LAMBADA".
          const folded = foldPiece(piece);
          const before = this.counts.get(folded) ?? 0;
          const count = before + delta;
          if (count > 0) this.counts.set(folded, count);
          else this.counts.delete(folded);
          if (before === 0 && count > 0) this.words.set(folded, true);
          else if (before > 0 && count <= 0) this.words.delete(folded);
        }
      }
    }
  }

  /**
   * The corpus word `word` was most likely meant to be, or `word` itself. A word written as a
   * name (`asName`: "AdaIN") is never taken for an English word: its capitals say the asker typed
   * a name on purpose, which "again" is not.
   */
  correctWord(word: string, asName = false): string {
    const folded = foldText(word);
    if (
      folded.length < MIN_CORRECTABLE_LENGTH ||
      // No one mistypes a word this long; a fuzzy look-up of it would only cost time (#14).
      folded.length > MAX_TERM_CHARS ||
      /\d/.test(folded) ||
      this.counts.has(folded)
    )
      return word;
    // A common English word is what the person meant, not a typo of the corpus word it resembles:
    // "leaning" is no "learning", "gains" no "GANs", "correction" no "connection".
    if (isEnglishForm(folded)) return word;
    const limit = allowedEdits(folded.length);
    let best: { word: string; sameTerm: boolean; distance: number; count: number } | undefined;
    // The tree counts a swap of neighbours as two edits; ask for one more, confirm exactly.
    for (const candidate of this.words.fuzzyGet(folded, limit + 1).keys()) {
      const count = this.counts.get(candidate) ?? 0;
      if (candidate[0] !== folded[0]) continue;
      if (asName && isEnglishForm(candidate)) continue;
      const distance = editDistance(folded, candidate, limit);
      if (distance > limit) continue;
      // A word the index already matches by its stem ("regimes" for "regime") means that word,
      // not a closer or more frequent one of another stem.
      const sameTerm = sharesTerm(folded, candidate);
      if (
        !best ||
        (sameTerm && !best.sameTerm) ||
        (sameTerm === best.sameTerm &&
          (distance < best.distance || (distance === best.distance && count > best.count)))
      ) {
        best = { word: candidate, sameTerm, distance, count };
      }
    }
    return best?.word ?? word;
  }

  /** Corrects every word of a query, keeping everything between words as typed. */
  correct(query: string): CorrectedQuery {
    const corrections = new Map<string, string>();
    const shouted = isShouted(query);
    let text = "";
    let cursor = 0;
    for (const span of findWords(query)) {
      // Compounds are corrected part by part ("lotery-ticket" -> "lottery-ticket").
      const fixed = span.word.replace(/[\p{L}\p{N}]+/gu, (part) => {
        const corrected = this.correctWord(part, writtenAsName(part, shouted));
        // A correction to the same index term ("rollouts" to "rollout", "reinforcment" to
        // "reinforcement") is no guess: the word matched that term as typed.
        if (corrected !== part && !sharesTerm(foldText(part), corrected))
          corrections.set(foldText(part), corrected);
        return corrected;
      });
      text += query.slice(cursor, span.start) + fixed;
      cursor = span.end;
    }
    return { text: text + query.slice(cursor), corrections };
  }
}
