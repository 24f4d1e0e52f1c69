import { paperCard } from "../../src/answer/paperCard.ts";
import type { Digest } from "../../src/digest/digest.ts";
import type { Paper } from "../../src/types.ts";
import { corpusIndex } from "./corpus.ts";
import { fakePaper } from "./papers.ts";

/** Questions for the featured paper, as the digest's question picker might write them. */
export const MIXMATCH_QUESTIONS = [
  "Why does MixMatch average the predictions over K augmentations before sharpening?",
  "Which parts of the pipeline mattered most in the ablation study?",
  "Would mixing only labeled with labeled data work as well?",
];

function corpusPaper(id: string): Paper {
  const paper = corpusIndex().papers.get(id);
  if (!paper) throw new Error(`no ${id} in the corpus`);
  return paper;
}

/**
 * A digest of the real corpus: MixMatch featured (with its figure), two papers added (of three),
 * BEAR and VQ-VAE-2 most asked.
 */
export function corpusDigest(): Digest {
  const card = paperCard(corpusIndex(), corpusPaper("mixmatch"));
  return {
    period: "2026-11-23T09:00:00.000Z",
    dateLabel: "23 November 2026",
    featured: {
      card: { kind: "card", audience: "channel", ...card },
      questions: MIXMATCH_QUESTIONS,
    },
    added: [corpusPaper("smoothadv"), corpusPaper("one-ticket")],
    addedTotal: 3,
    mostAsked: [
      { paper: corpusPaper("bear"), count: 4 },
      { paper: corpusPaper("vq-vae-2"), count: 1 },
    ],
  };
}

/** The same date with nothing in it: what an empty corpus gives. */
export function emptyDigest(): Digest {
  return {
    period: "2026-11-23T09:00:00.000Z",
    dateLabel: "23 November 2026",
    added: [],
    addedTotal: 0,
    mostAsked: [],
  };
}

/** Pings and markup someone could put in a title or a question. */
export const PINGS = "@everyone @here <!channel> <!here> <@U123> <@123> <@&456> [x](https://evil)";

/**
 * A digest with every part far too long and full of markup: 1,000-character titles, authors and
 * questions, a 5,000-character summary, many papers, pings everywhere.
 */
export function hugeDigest(): Digest {
  const huge = (n: number): Paper => {
    const paper = fakePaper(n, `${PINGS} ${"Title & <words> ".repeat(60)}`);
    paper.authors = Array.from({ length: 300 }, (_, i) => `@everyone Author_${i}`);
    paper.venue = `Venue ${"V".repeat(3000)}`;
    paper.aliases = [`${"A".repeat(200)}`];
    return paper;
  };
  return {
    period: "2026-11-23T09:00:00.000Z",
    dateLabel: "23 November 2026",
    featured: {
      card: {
        kind: "card",
        audience: "channel",
        paper: huge(0),
        summary: `${PINGS} ${"summary_with *markup* & <escapes> ".repeat(150)}`,
        figure: "https://i.imgur.com/6lHQqMD.png",
      },
      questions: Array.from({ length: 3 }, (_, i) => `${PINGS} ${`question ${i} `.repeat(100)}`),
    },
    added: Array.from({ length: 40 }, (_, i) => huge(i + 1)),
    addedTotal: 250,
    mostAsked: Array.from({ length: 20 }, (_, i) => ({ paper: huge(i + 100), count: 1000 - i })),
  };
}
