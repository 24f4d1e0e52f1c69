import { paperCardReply } from "../answer/respond.ts";
import type { PaperIndex } from "../retrieval/buildIndex.ts";
import type { Paper } from "../types.ts";
import { type Digest, MAX_ADDED, MAX_ASKED } from "./digest.ts";
import { discussionQuestions } from "./questions/discussionQuestions.ts";

/**
 * What a digest reads from the bot's state (the store implements it): the papers queued since a
 * time, and the papers asked about most.
 */
export interface DigestState {
  readonly queue: { addedSince(since: number): string[] };
  readonly counts: {
    top(
      scope: string | undefined,
      since: number,
      limit: number,
    ): Array<{ paperId: string; count: number }>;
  };
}

/** What one digest is composed from. */
export interface DigestInputs {
  /** The period's start. */
  period: Date;
  /** The period's date as people read it. */
  dateLabel: string;
  /** The paper the period features (already chosen), if the corpus has any. */
  featuredId: string | undefined;
  /** The start of what "since the last digest" covers (ms). */
  since: number;
  /** The workspace whose question counts are shown; undefined for every workspace. */
  scope: string | undefined;
}

/** Papers the index has, in the order of the given ids; ids no longer in the corpus are skipped. */
function present(index: PaperIndex, ids: readonly string[]): Paper[] {
  return ids.flatMap((id) => {
    const paper = index.papers.get(id);
    return paper ? [paper] : [];
  });
}

/** Builds a digest from the index and the stored state; reads only, writes nothing. */
export function composeDigest(index: PaperIndex, store: DigestState, inputs: DigestInputs): Digest {
  const featured = inputs.featuredId ? index.papers.get(inputs.featuredId) : undefined;
  const added = present(index, store.queue.addedSince(inputs.since));
  const counts = store.counts.top(inputs.scope, inputs.since, MAX_ASKED * 2);
  const mostAsked = counts.flatMap(({ paperId, count }) => {
    const paper = index.papers.get(paperId);
    return paper ? [{ paper, count }] : [];
  });
  return {
    period: inputs.period.toISOString(),
    dateLabel: inputs.dateLabel,
    ...(featured
      ? {
          featured: {
            card: paperCardReply(index, featured),
            questions: discussionQuestions(index, featured),
          },
        }
      : {}),
    added: added.slice(0, MAX_ADDED),
    addedTotal: added.length,
    mostAsked: mostAsked.slice(0, MAX_ASKED),
  };
}
