import { NameTable } from "../lookup/nameTable.ts";
import type { Paper } from "../types.ts";
import { type PaperIndex, paperFields, spellerTexts } from "./buildIndex.ts";
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
 * Brings an index to a new corpus, indexing only the papers that changed, and returns the index
 * to answer from next. The full-text indexes, passage list and speller are updated
 * in place (copying them would double the memory of a large corpus); everything happens in this
 * one synchronous call, so no request, which runs between calls, ever sees an index half updated.
 * The returned object is new, with fresh per-paper maps and caches; the old one must no longer be
 * used.
 */
export function updateIndex(index: PaperIndex, papers: readonly Paper[]): PaperIndex {
  const { removed, added } = diffIndex(index, papers);
  if (removed.length === 0 && added.length === 0) return index;
  const passagesByPaper = new Map(index.passagesByPaper);
  const nameTerms = new Map(index.nameTerms);
  const overviews = new Map(index.overviews);
  const sentences = new Map(index.sentences);
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
  return {
    ...index,
    papers: new Map(papers.map((paper) => [paper.id, paper])),
    passagesByPaper,
    names: new NameTable(papers),
    nameTerms,
    overviews,
    sentences,
  };
}
