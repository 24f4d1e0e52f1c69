import { findWords, processTerm, wordPieces } from "../text/terms.ts";

/**
 * The index terms of each content word of a text, in order. Stop words give no terms and are
 * skipped, so "heuristics for initializing" yields two neighbouring words.
 */
export function wordTerms(text: string): string[][] {
  const words: string[][] = [];
  for (const { word } of findWords(text)) {
    const terms = [...new Set(wordPieces(word).flatMap((piece) => processTerm(piece)))];
    if (terms.length > 0) words.push(terms);
  }
  return words;
}

/**
 * Where each wanted term occurs in `text`, as word ordinals, ascending. Stop words count as words
 * here: they are what stands between two terms of a phrase.
 */
function positionsOf(text: string, wanted: ReadonlySet<string>): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  let ordinal = 0;
  for (const { word } of findWords(text)) {
    for (const piece of wordPieces(word)) {
      for (const term of processTerm(piece)) {
        if (!wanted.has(term)) continue;
        const list = positions.get(term) ?? [];
        if (list.at(-1) !== ordinal) list.push(ordinal);
        positions.set(term, list);
      }
    }
    ordinal++;
  }
  return positions;
}

/** Where each term of a question occurs in a text (see {@link termPositions}). */
export type TermPositions = ReadonlyMap<string, readonly number[]>;

/**
 * Where each of the question's terms occurs in `text`, as word ordinals: what
 * {@link proximityWeight} reads, worked out once for a text weighed twice.
 */
export function termPositions(text: string, query: readonly (readonly string[])[]): TermPositions {
  return positionsOf(text, new Set(query.flat()));
}

/** Smallest distance between an entry of one ascending list and an entry of another. */
function closest(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let best = Number.POSITIVE_INFINITY;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    best = Math.min(best, Math.abs(x - y));
    if (x < y) i++;
    else j++;
  }
  return best;
}

/**
 * Weight of the question's phrases that a passage writes as phrases too: for each pair of
 * neighbouring content words of the question (`query`, from {@link wordTerms}) whose terms stand
 * within `window` words of each other in `text`, in either order, the mean weight of the two
 * words. A passage saying "guessed labels" then outweighs one where "guessed" and "labels" are
 * sentences apart: term proximity, the classic sign that a passage speaks of what was asked.
 * `text` may be given as its {@link termPositions} for `query`, when it is weighed more than once.
 */
export function proximityWeight(
  text: string | TermPositions,
  query: readonly (readonly string[])[],
  weights: ReadonlyMap<string, number>,
  window: number,
): number {
  const positions = typeof text === "string" ? termPositions(text, query) : text;
  const weightOf = (word: readonly string[]) =>
    Math.max(0, ...word.filter((t) => positions.has(t)).map((t) => weights.get(t) ?? 0));
  const counted = new Set<string>();
  let total = 0;
  for (let i = 0; i + 1 < query.length; i++) {
    const a = query[i] as readonly string[];
    const b = query[i + 1] as readonly string[];
    const near = a.some((ta) =>
      b.some((tb) => {
        const pa = positions.get(ta);
        const pb = positions.get(tb);
        return ta !== tb && pa !== undefined && pb !== undefined && closest(pa, pb) <= window;
      }),
    );
    // A phrase the question repeats ("lower bound ... lower bound") counts once.
    const key = `${a.join(" ")}|${b.join(" ")}`;
    if (!near || counted.has(key)) continue;
    counted.add(key);
    total += (weightOf(a) + weightOf(b)) / 2;
  }
  return total;
}
