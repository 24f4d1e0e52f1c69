import type { CardReply } from "../../src/answer/reply.ts";
import type { Paper } from "../../src/types.ts";
import { fakePaper } from "./papers.ts";

/** A journal paper with a DOI and no arXiv id, whose summary is its abstract (#17). */
export function abstractOnlyPaper(): Paper {
  return {
    ...fakePaper(1, "Deep Learning in Neural Networks: An Overview"),
    arxiv: undefined,
    doi: "10.1016/j.neunet.2014.09.003",
    url: "https://doi.org/10.1016/j.neunet.2014.09.003",
    summarySource: "abstract",
    summary: "In recent years, deep artificial neural networks have won numerous contests.",
  };
}

/** The card of {@link abstractOnlyPaper}. */
export function abstractOnlyCard(): CardReply {
  const paper = abstractOnlyPaper();
  return { kind: "card", audience: "channel", paper, summary: paper.summary };
}
