import SearchableMap from "minisearch/SearchableMap";
import { canonicalArxivId } from "../text/arxivId.ts";
import { doiKey } from "../text/doi.ts";
import { editDistance } from "../text/editDistance.ts";
import { familyKey, nameKey } from "../text/names.ts";
import { specificity } from "../text/wordRarity.ts";
import type { Paper } from "../types.ts";
import { sortInSteps } from "./sortInSteps.ts";

/** Shortest family name a question may mistype by a letter and still mean a corpus author's. */
const MIN_MISTYPED_FAMILY = 5;

/** One name a paper goes by, with its compact key. */
export interface PaperName {
  /** The paper. */
  paper: Paper;
  /** The name as written (title, alias, id or arXiv id). */
  name: string;
  /** Its {@link nameKey}. */
  key: string;
  /** Which field the name comes from. */
  field: "id" | "title" | "alias" | "arxiv";
}

/** A name found near a key, with how many edits apart they are. */
export interface NearName {
  /** The name. */
  name: PaperName;
  /** Edits (insert, delete, substitute, swap of neighbours) between the key and the name's key. */
  distance: number;
}

/**
 * The names of all papers in a radix tree keyed by {@link nameKey}, so exact, typo-tolerant and
 * prefix look-ups stay fast however large the corpus grows.
 */
export class NameTable {
  private readonly tree = new SearchableMap<PaperName[]>();
  private readonly authorKeys = new Map<string, Paper[]>();
  /**
   * Papers by DOI (its {@link doiKey}). Kept out of the name tree: a DOI is matched exactly or not
   * at all, since one digit off is another paper, and it is not a name to autocomplete.
   */
  private readonly dois = new Map<string, Paper>();
  /** Every author's family name, everyday words too ("Peters", "Le"), for "X et al.". */
  private readonly familyKeys = new Map<string, Paper[]>();
  /**
   * Titles keyed from each of their words after the first, sorted by key, for autocomplete of a
   * title's middle. Sorted arrays, not a tree: ten keys a title would make a large tree slow to
   * build at every start.
   */
  private tailKeys: string[] = [];
  private tailNames: PaperName[] = [];
  /** Length of the longest key: a longer query cannot be near any name. */
  private longestKey = 0;

  constructor(papers: readonly Paper[]) {
    const filling = this.fill(papers);
    while (!filling.next().done);
  }

  /**
   * Builds the table of `papers` a slice at a time: each step of the generator does a bounded
   * amount of work (about a millisecond), so a caller can build a 10,000-paper table (half a
   * second in all) between requests without holding any of them up. The result is the table
   * `new NameTable(papers)` makes.
   */
  static *inSteps(papers: readonly Paper[]): Generator<void, NameTable> {
    const table = new NameTable([]);
    yield* table.fill(papers);
    return table;
  }

  private *fill(papers: readonly Paper[]): Generator<void> {
    const names: PaperName[] = [];
    for (const [at, paper] of papers.entries()) {
      names.push(...namesOf(paper));
      this.addAuthors(paper);
      if (paper.doi && !this.dois.has(doiKey(paper.doi))) this.dois.set(doiKey(paper.doi), paper);
      if (at % STEP_PAPERS === STEP_PAPERS - 1) yield;
    }
    const tails: Array<[string, PaperName]> = [];
    for (const [at, name] of names.entries()) {
      if (name.key.length > 0) {
        addTo(this.tree, name.key, name);
        this.longestKey = Math.max(this.longestKey, name.key.length);
      }
      tails.push(...tailsOf(name));
      if (at % STEP_NAMES === STEP_NAMES - 1) yield;
    }
    const sorted = yield* sortInSteps(tails, byKey);
    this.tailKeys = sorted.map(([key]) => key);
    this.tailNames = sorted.map(([, name]) => name);
  }

  private addAuthors(paper: Paper): void {
    for (const author of paper.authors) {
      for (const key of authorKeys(author)) {
        const list = this.authorKeys.get(key) ?? [];
        // A paper's authors come together: checking the last entry keeps the list unique.
        if (list.at(-1) !== paper) list.push(paper);
        this.authorKeys.set(key, list);
      }
      const family = familyKey(author);
      const list = this.familyKeys.get(family) ?? [];
      if (family && list.at(-1) !== paper) list.push(paper);
      if (family) this.familyKeys.set(family, list);
    }
  }

  /**
   * Titles with a word after the first from which the title reads as `key` (spacing and case
   * aside): "holistic appr" finds "MixMatch: A Holistic Approach to ...". At most `limit`.
   */
  withTitleWordPrefix(key: string, limit: number): PaperName[] {
    const found: PaperName[] = [];
    if (key.length === 0) return found;
    // Binary search for the first key not before `key`; those that start with it follow.
    let low = 0;
    let high = this.tailKeys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.tailKeys[mid] ?? "") < key) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.tailKeys.length && found.length < limit; i++) {
      if (!this.tailKeys[i]?.startsWith(key)) break;
      const name = this.tailNames[i];
      if (name) found.push(name);
    }
    return found;
  }

  /** Papers with an author whose full name or family name has this key. */
  papersByAuthor(key: string): readonly Paper[] {
    return this.authorKeys.get(key) ?? [];
  }

  /**
   * Papers with an author of this family name, however common the name: for a word the question
   * marks as a name ("Peters et al.").
   */
  papersByFamilyName(key: string): readonly Paper[] {
    return this.familyKeys.get(key) ?? [];
  }

  /**
   * True when some author of the corpus has this family name, or (for a name of
   * {@link MIN_MISTYPED_FAMILY} letters or more) one a typo away ("Kigma" for Kingma).
   */
  hasFamilyNameNear(key: string): boolean {
    if (this.familyKeys.has(key)) return true;
    if (key.length < MIN_MISTYPED_FAMILY) return false;
    for (const family of this.familyKeys.keys()) if (editDistance(key, family, 1) <= 1) return true;
    return false;
  }

  /** The paper with this DOI (any case, no prefix), if one has it. */
  byDoi(doi: string): Paper | undefined {
    return this.dois.get(doiKey(doi));
  }

  /** Names whose key is exactly `key`. */
  exact(key: string): readonly PaperName[] {
    return this.tree.get(key) ?? [];
  }

  /**
   * Names within `maxDistance` edits of `key` (a swap of neighbours counts as one), nearest first.
   * With `sameStart`, the first character must agree: people rarely mistype it, and "fixmatch" is
   * another paper than "mixmatch", not a typo of it.
   */
  near(key: string, maxDistance: number, sameStart = true): NearName[] {
    // A whole question as long as a paragraph is never a name: skip the tree walk.
    if (key.length === 0 || key.length > this.longestKey + maxDistance) return [];
    const found: NearName[] = [];
    // With the first character fixed, only its branch of the tree is walked: a twentieth of it.
    const first = key.slice(0, 1);
    const branch = sameStart ? this.tree.atPrefix(first) : this.tree;
    const rest = sameStart ? key.slice(1) : key;
    // The tree counts a swap as two edits; ask for one more and confirm with the real distance.
    for (const [suffix, [names]] of branch.fuzzyGet(rest, maxDistance + 1)) {
      const candidate = sameStart ? first + suffix : suffix;
      const distance = editDistance(key, candidate, maxDistance);
      if (distance <= maxDistance) for (const name of names) found.push({ name, distance });
    }
    return found.sort((a, b) => a.distance - b.distance);
  }

  /** Names whose key starts with `key`, at most `limit` of them. */
  withPrefix(key: string, limit: number): PaperName[] {
    return firstNames(this.tree, key, limit);
  }
}

/** Papers, then names, handled in one step of {@link NameTable.inSteps}: about a millisecond each. */
const STEP_PAPERS = 200;
const STEP_NAMES = 1000;
/** The names a paper goes by: id, title, arXiv id (when it has one) and aliases, in that order. */
export function namesOf(paper: Paper): PaperName[] {
  return [
    { paper, name: paper.id, key: nameKey(paper.id), field: "id" },
    { paper, name: paper.title, key: nameKey(paper.title), field: "title" },
    // Keyed as the API writes it, so `math.GT/0309136` and `math/0309136` are one name.
    ...(paper.arxiv
      ? [
          {
            paper,
            name: paper.arxiv,
            key: nameKey(canonicalArxivId(paper.arxiv)),
            field: "arxiv" as const,
          },
        ]
      : []),
    ...paper.aliases.map((alias) => ({
      paper,
      name: alias,
      key: nameKey(alias),
      field: "alias" as const,
    })),
  ];
}

/**
 * A title's keys from each of its words after the first. A title's key runs its words' keys
 * together, so each tail is a slice of it (which V8 keeps as a view of the title's key, not a copy).
 */
function tailsOf(name: PaperName): Array<[string, PaperName]> {
  if (name.field !== "title") return [];
  const tails: Array<[string, PaperName]> = [];
  const words = name.name.split(/\s+/);
  let offset = 0;
  for (let i = 1; i < words.length; i++) {
    offset += nameKey(words[i - 1] ?? "").length;
    const tail = name.key.slice(offset);
    if (tail.length > 0) tails.push([tail, name]);
  }
  return tails;
}

function addTo(tree: SearchableMap<PaperName[]>, key: string, name: PaperName): void {
  const list = tree.get(key);
  if (list) list.push(name);
  else tree.set(key, [name]);
}

function byKey([a]: [string, PaperName], [b]: [string, PaperName]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first `limit` names under keys that start with `key`. */
function firstNames(tree: SearchableMap<PaperName[]>, key: string, limit: number): PaperName[] {
  const found: PaperName[] = [];
  if (key.length === 0) return found;
  for (const [, names] of tree.atPrefix(key)) {
    for (const name of names) {
      found.push(name);
      if (found.length >= limit) return found;
    }
  }
  return found;
}

/**
 * The keys an author is known by: the full name, and the family name ("van den Oord", "Oord")
 * unless it is an everyday word ("Oliver", "Fu" or "Tucker" alone would match ordinary questions).
 */
function authorKeys(author: string): string[] {
  const words = author.split(/\s+/).filter(Boolean);
  const keys = [nameKey(author)];
  for (const family of [words.slice(1).join(" "), words.at(-1) ?? ""]) {
    const key = nameKey(family);
    if (words.length > 1 && key.length >= 3 && specificity(key) === 1) keys.push(key);
  }
  return [...new Set(keys)].filter((key) => key.length > 0);
}
