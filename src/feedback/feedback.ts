/**
 * Feedback and knowledge gaps, as the core sees them: what is recorded about an answer or a
 * declined question, a vote on an answer, and the words people are shown. The store (`store/`)
 * keeps them; the core only says what to keep, so it never imports the database.
 */

/** How long question text is kept when `FEEDBACK_RETENTION_DAYS` is not set. */
export const DEFAULT_RETENTION_DAYS = 90;

/** A reply's handle for votes: the id its buttons carry back. */
export interface FeedbackHandle {
  /** The recorded answer's id: random, so no one can vote on answers by counting. */
  answerId: string;
}

/**
 * What happened to a question: `answered` (a passage, a comparison or a list of papers was shown)
 * or `declined` (the summaries did not cover it: "not in our summaries").
 */
export type AnswerKind = "answered" | "declined";

/** One answer or declined question, as recorded. */
export interface AnswerRecord {
  kind: AnswerKind;
  /** The platform's name (`slack`, `discord`, `console`). */
  platform: string;
  /** The workspace it came from (`slack`, `discord:<server>`); none at the console. */
  scope?: string;
  /** The question as asked; not stored when `RECORD_QUESTIONS=off`. */
  question: string;
  /** The paper answered from, or the thread's paper a declined question was asked about. */
  paperId?: string;
  /** The passage shown (plain words), when one was. */
  passage?: string;
  /** Where the passage stands in the summary ("How › Bias correction"). */
  section?: string;
}

/** A vote on an answer: whose (a platform user id, hashed before it is stored), and which way. */
export interface VoteRequest {
  answerId: string;
  platform: string;
  /** The platform's id of the person voting; only its salted hash is ever stored. */
  voter: string;
  helpful: boolean;
}

/**
 * What a vote did: `counted` (a first vote), `changed` (the other way from before), `unchanged`
 * (the same vote again: a double click, a replayed request), `unknown` (no such answer: from before
 * this feature, removed after the retention period, or from another platform).
 */
export type VoteOutcome = "counted" | "changed" | "unchanged" | "unknown";

/** A vote's result and the answer's tally after it. */
export interface VoteResult {
  outcome: VoteOutcome;
  helpful: number;
  unhelpful: number;
}

/** Where answers and votes are kept (the app's SQLite store). */
export interface FeedbackDesk {
  /** Records an answer or a declined question; returns its id. */
  record(answer: AnswerRecord): string;
  /** Records a vote; one per person per answer, a second one replacing the first. */
  vote(vote: VoteRequest): VoteResult;
}

/**
 * A question as grouped in the gaps list: letters and digits, lower case, single spaces, so
 * "How does BEAR work?" and "how does bear work" are one question.
 */
export function normalizeQuestion(question: string): string {
  return question
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The buttons' words, shared by every platform. */
export const HELPFUL_LABEL = "Helpful";
/** The other button. */
export const UNHELPFUL_LABEL = "Not helpful";
/** How the console asks for a vote. */
export const CONSOLE_VOTE_HINT = "Was this helpful? Type + or -.";

/** What the voter is told, privately, about their vote. */
export function voteMessage(result: VoteResult, helpful: boolean): string {
  const way = helpful ? "helpful" : "not helpful";
  switch (result.outcome) {
    case "counted":
      return helpful
        ? "Thanks, noted as helpful."
        : "Thanks, noted as not helpful. Whoever keeps the summaries will see the question (`paperbot gaps`).";
    case "changed":
      return `Changed your vote to ${way}.`;
    case "unchanged":
      return `You had already marked this ${way}; nothing changed.`;
    case "unknown":
      return "That answer is no longer on record (answers are kept for a limited time), so the vote was not counted.";
  }
}

/** Told when a vote could not be recorded on our side (the database failed). */
export const VOTE_FAILED =
  "Sorry, I could not record that vote. It has been logged; please try again later.";
