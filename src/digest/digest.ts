/**
 * The weekly digest, platform-neutral: what a reading group's channel is sent once a period,
 * before any platform formats it: `digestOutline` turns it into the message every platform serializes.
 */
import type { CardReply } from "../answer/card.ts";
import type { Paper } from "../types.ts";

/** This period's paper, with questions to start the discussion. */
export interface FeaturedPaper {
  /**
   * The paper's card, exactly as `/paper NAME` shows it: title linked to arXiv, authors, year, a
   * short readable summary, its key figure.
   */
  card: CardReply;
  /** Two or three discussion questions drawn from its summary (plain text, unescaped). */
  questions: string[];
}

/** How often people asked about one paper since the last digest. */
export interface AskedCount {
  paper: Paper;
  /** Answers the bot gave about the paper in the period (questions and look-ups). */
  count: number;
}

/** One digest, for one period (and one chat workspace, whose question counts it shows). */
export interface Digest {
  /** The scheduled instant the digest belongs to, ISO 8601 in UTC: its exactly-once key. */
  period: string;
  /** The period's date as people read it, in the schedule's time zone ("23 November 2026"). */
  dateLabel: string;
  /** This period's paper; absent only when the corpus has no papers. */
  featured?: FeaturedPaper;
  /** Papers that joined the corpus since the last digest, oldest first (at most `MAX_ADDED`). */
  added: Paper[];
  /** How many papers joined in all (`added` may show fewer). */
  addedTotal: number;
  /** The most-asked papers since the last digest, most asked first (at most `MAX_ASKED`). */
  mostAsked: AskedCount[];
}

/** Most newly added papers a digest lists by name; the rest are counted. */
export const MAX_ADDED = 10;
/** Most papers the "most asked" list shows. */
export const MAX_ASKED = 5;
/** The digest's title, before its date. */
export const DIGEST_TITLE = "Reading group digest";
/** How people take part: shown under the featured paper, in the thread the digest opens. */
export const DIGEST_THREAD_HINT =
  "Discuss it in this message's thread: mention the bot with a question and it answers from this paper's summary.";
