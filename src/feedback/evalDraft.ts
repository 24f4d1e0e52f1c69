/**
 * A knowledge gap as a line of an evaluation set (the JSONL `npm run eval` reads, see
 * `bench/evalSets.ts`), still to be labelled: a real question someone asked, with what paperbot
 * did, for a person to fill in the paper and passage that should have answered it.
 */

/**
 * The field that marks a line still to be labelled. Such a line has no `paper`: without it the
 * eval would count a miss, and with `paper: null` a question no summary covers, and neither is
 * known yet. The eval reader skips it and says so (or refuses it in a committed set).
 */
export const TODO_FIELD = "todo";

/** What a person is asked to do with a draft line. */
export const TODO_TEXT =
  'add "paper" (the id of the paper whose summary answers this, or null when none does) and "passage_any" (phrases the answering passage holds), then delete this "todo"';

/** A gap, as much of it as the draft line needs. */
export interface GapForDraft {
  question: string;
  kind: "declined" | "unhelpful";
  /** The paper shown (unhelpful), or the thread's paper it was asked about (declined). */
  paperId: string | null;
  /** The passage shown, for an unhelpful answer. */
  passage: string | null;
  count: number;
  /** When it was last asked (ms). */
  lastAt: number;
}

/**
 * The draft line's fields, `q` first as in every set. `kind` says where it came from (the eval
 * prints a row per kind); what paperbot showed is kept beside as a hint, under names the eval
 * does not read.
 */
export function evalDraftOf(gap: GapForDraft): Record<string, unknown> {
  const hint =
    gap.kind === "declined"
      ? { declined: gap.count, ...(gap.paperId ? { thread_paper: gap.paperId } : {}) }
      : {
          voted_not_helpful: gap.count,
          shown_paper: gap.paperId,
          ...(gap.passage ? { shown_passage: gap.passage } : {}),
        };
  return {
    q: gap.question,
    [TODO_FIELD]: TODO_TEXT,
    kind: `gap ${gap.kind}`,
    ...hint,
    last_asked: new Date(gap.lastAt).toISOString(),
  };
}
