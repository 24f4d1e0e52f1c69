import { NameTable } from "../lookup/nameTable.ts";
import type { Paper, Passage } from "../types.ts";
import { type PaperIndex, paperFields, spellerTexts } from "./paperIndex.ts";
import { indexedPassageText, splitPassages } from "./passages.ts";

/** Papers an update takes out of an index and puts in. */
export interface IndexChange {
  /** Papers in the index that the new corpus no longer has, or has in another version. */
  removed: Paper[];
  /** Papers of the new corpus that the index does not have in this version. */
  added: Paper[];
}

/**
 * What differs between an index and a corpus: a paper counts as unchanged only if it is the very
 * same object, so callers that keep unchanged files' papers get an update of only what changed.
 */
export function diffIndex(index: PaperIndex, papers: readonly Paper[]): IndexChange {
  const wanted = new Map(papers.map((paper) => [paper.id, paper]));
  const removed = [...index.papers.values()].filter((paper) => wanted.get(paper.id) !== paper);
  const added = papers.filter((paper) => index.papers.get(paper.id) !== paper);
  return { removed, added };
}

/**
 * An update worked out but not yet made: the change, and the new index's own maps and name table,
 * built without touching the index (see {@link prepareUpdate}).
 */
export interface PreparedUpdate extends IndexChange {
  byId: Map<string, Paper>;
  passagesByPaper: Map<string, Passage[]>;
  nameTerms: Map<string, ReadonlySet<string>>;
  overviews: Map<string, Passage>;
  sentences: Map<string, string[]>;
  names: NameTable;
}

/**
 * The part of an update that only reads the index, in steps (see `NameTable.inSteps`): a caller
 * can spread it over many turns of the event loop, then make the update with
 * {@link applyUpdate} in one short synchronous call. Undefined when nothing changed. The index
 * must not be updated in between.
 */
export function* prepareUpdate(
  index: PaperIndex,
  papers: readonly Paper[],
): Generator<void, PreparedUpdate | undefined> {
  const { removed, added } = diffIndex(index, papers);
  if (removed.length === 0 && added.length === 0) return undefined;
  yield;
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  yield;
  const passagesByPaper = new Map(index.passagesByPaper);
  yield;
  // Caches filled after this copy are only missed, never wrong: they are filled again on use.
  const nameTerms = new Map(index.nameTerms);
  const overviews = new Map(index.overviews);
  const sentences = new Map(index.sentences);
  yield;
  const names = yield* NameTable.inSteps(papers);
  return { removed, added, byId, passagesByPaper, nameTerms, overviews, sentences, names };
}

/**
 * Brings an index to a new corpus, indexing only the papers that changed, and returns the index
 * to answer from next. The full-text indexes, passage list and speller are updated
 * in place (copying them would double the memory of a large corpus); everything happens in this
 * one synchronous call, so no request, which runs between calls, ever sees an index half updated.
 * The returned object is new, with fresh per-paper maps and caches; the old one must no longer be
 * used.
 */
export function updateIndex(index: PaperIndex, papers: readonly Paper[]): PaperIndex {
  const steps = prepareUpdate(index, papers);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value ? applyUpdate(index, step.value) : index;
}

/**
 * Makes a prepared update (see {@link prepareUpdate}): indexes the changed papers' passages and
 * fields, in place, and returns the index to answer from next, as {@link updateIndex} does.
 */
export function applyUpdate(index: PaperIndex, prepared: PreparedUpdate): PaperIndex {
  const { removed, added, byId, passagesByPaper, names, nameTerms, overviews, sentences } =
    prepared;
  for (const paper of removed) {
    const own = passagesByPaper.get(paper.id) ?? [];
    for (const passage of own) {
      index.passageSearch.remove(passage.id, [indexedPassageText(passage)]);
      delete index.passages[passage.id];
      index.passagePapers[passage.id] = -1;
    }
    const number = index.paperNumbers.get(paper.id);
    if (number !== undefined) {
      index.paperSearch.remove(number, paperFields(paper));
      index.paperNumbers.delete(paper.id);
      index.paperIds[number] = undefined;
    }
    index.speller.forget(spellerTexts(paper));
    for (const map of [passagesByPaper, nameTerms, overviews, sentences]) map.delete(paper.id);
  }
  let nextId = index.passages.length;
  for (const paper of added) {
    const own = splitPassages(paper.id, paper.summary, nextId);
    nextId += own.length;
    const number = index.paperIds.length;
    for (const passage of own) {
      index.passages[passage.id] = passage;
      index.passagePapers[passage.id] = number;
      index.passageSearch.add(passage.id, [indexedPassageText(passage)]);
    }
    index.paperSearch.add(number, paperFields(paper));
    index.paperNumbers.set(paper.id, number);
    index.paperIds[number] = paper.id;
    index.speller.learn(spellerTexts(paper));
    passagesByPaper.set(paper.id, own);
  }
  return { ...index, papers: byId, passagesByPaper, names, nameTerms, overviews, sentences };
}
