import type { PaperIndex } from "../retrieval/buildIndex.ts";
import { nameKey } from "../text/names.ts";
import type { PaperName } from "./nameTable.ts";

/** One autocomplete choice: a paper and the name of it that matched what was typed. */
export interface PaperSuggestion {
  /** The paper's id (what `/paper` looks up). */
  id: string;
  /** Its title. */
  title: string;
  /** The name that matched: an alias, the title, the id or the arXiv id, as the corpus writes it. */
  name: string;
}

/** Most choices an autocomplete offers: Discord's limit for one autocomplete response. */
export const MAX_AUTOCOMPLETE_CHOICES = 25;

/** Names looked at before ranking: enough to rank well, few enough to stay well under a millisecond. */
const CANDIDATE_NAMES = 200;

/** Short, exact names first: an alias or id typed in full beats a long title that merely starts so. */
const FIELD_ORDER: Record<PaperName["field"], number> = { alias: 0, id: 1, arxiv: 2, title: 3 };

function rank(key: string) {
  return (a: PaperName, b: PaperName): number =>
    Number(b.key === key) - Number(a.key === key) ||
    FIELD_ORDER[a.field] - FIELD_ORDER[b.field] ||
    a.key.length - b.key.length ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/**
 * The papers whose names start with what a person has typed so far, for `/paper` autocomplete:
 * aliases, ids, arXiv ids and titles, ignoring case, spaces, hyphens and punctuation ("mix" finds
 * MixMatch, "vq vae" VQ-VAE-2), then titles with a later word that starts so ("holistic"). Each
 * paper once, best first, at most `limit`. With nothing typed, the first papers of the corpus.
 */
export function suggestPapers(
  index: PaperIndex,
  prefix: string,
  limit = MAX_AUTOCOMPLETE_CHOICES,
): PaperSuggestion[] {
  const key = nameKey(prefix);
  const chosen = new Map<string, PaperSuggestion>();
  const offer = (names: PaperName[]): void => {
    for (const { paper, name } of names) {
      if (chosen.size >= limit) return;
      if (!chosen.has(paper.id)) chosen.set(paper.id, { id: paper.id, title: paper.title, name });
    }
  };
  if (key.length === 0) {
    for (const paper of index.papers.values()) {
      if (chosen.size >= limit) break;
      chosen.set(paper.id, { id: paper.id, title: paper.title, name: paper.title });
    }
    return [...chosen.values()];
  }
  offer(index.names.withPrefix(key, CANDIDATE_NAMES).sort(rank(key)));
  if (chosen.size < limit) {
    offer(index.names.withTitleWordPrefix(key, CANDIDATE_NAMES).sort(rank(key)));
  }
  return [...chosen.values()];
}
