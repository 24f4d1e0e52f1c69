/**
 * The platform-neutral answer model: what the bot says, before any platform formats it. Every
 * platform shows these, through the message outline (`outlineOf`), and nothing else.
 */
import type { Digest } from "../digest/digest.ts";
import type { FeedbackHandle } from "../feedback/feedback.ts";
import type { Paper, TextSegment } from "../types.ts";
import type { Audience, CardReply } from "./card.ts";

export type { Audience, CardReply } from "./card.ts";

/** A reply people can vote on: it carries its recorded answer's id when feedback is kept. */
export interface Rateable {
  /** Set once the answer is recorded (see the pipeline); the platforms show vote buttons for it. */
  feedback?: FeedbackHandle;
}

/** Another paper worth a look beside an answer. */
export interface RelatedPaper {
  /** The paper. */
  paper: Paper;
  /** One line from its best passage, math made readable. */
  snippet: string;
}

/** An answer to a question: the best passage of the cited paper, with its figure. */
export interface AnswerReply extends Rateable {
  kind: "answer";
  audience: Audience;
  /** The question as asked (unescaped: renderers must escape it). */
  question: string;
  /** The cited paper. */
  paper: Paper;
  /** The passage that answers, with the question's terms highlighted, math made readable. */
  passage: TextSegment[];
  /** Where the passage stands in the summary: its headings, "How › Bias correction". */
  section?: string;
  /** The figure that goes with the passage (an image URL), if any. */
  figure?: string;
  /**
   * A second passage of the same summary that answers nearly as well (highlighted, readable),
   * when the summary answers in two places.
   */
  more?: TextSegment[];
  /** Up to two other papers that answer the question too. */
  related: RelatedPaper[];
  /** True when the answer came from the thread's paper rather than from a name in the question. */
  fromThread: boolean;
  /**
   * The thread's paper, when its summary does not cover the question and this answer comes from
   * another paper (the thread moves to it).
   */
  notCoveredBy?: Paper;
}

/** The summaries do not cover the question (or no paper has that name). */
export interface NotFoundReply {
  kind: "notFound";
  audience: Audience;
  /** The question or name as asked (unescaped). */
  question: string;
  /** Whether a name was looked up (`/paper NAME`) or a question asked. */
  asked: "name" | "question";
  /** The paper the thread is about, when the question was asked in one and its summary is silent. */
  threadPaper?: Paper;
  /** The arXiv id or DOI the question asked about that no summary is of. */
  unknownId?: string;
  /** The author ("Cohen et al.") the question asked about a paper by that no summary is of. */
  unknownAuthor?: string;
  /** The nearest papers, best first (possibly none). */
  nearest: Paper[];
}

/** `/paper list`: the papers in the corpus, most recently added first. */
export interface ListReply {
  kind: "list";
  audience: Audience;
  /** The papers shown (at most `LIST_LIMIT`). */
  papers: Paper[];
  /** How many papers the corpus has in all. */
  total: number;
}

/** `/paper help`: the grammar, with examples. */
export interface HelpReply {
  kind: "help";
  audience: Audience;
  /** One entry per command form. */
  commands: Array<{ usage: string; description: string }>;
  /** How many papers the bot knows. */
  paperCount: number;
}

/** A request the bot cannot take (too long, empty corpus): one short, polite line. */
export interface ErrorReply {
  kind: "error";
  audience: Audience;
  /** What went wrong and what to do, in one sentence. */
  message: string;
}

/** A short confirmation or status line (`/paper digest subscribe`: "Subscribed..."). */
export interface NoticeReply {
  kind: "notice";
  audience: Audience;
  /** One or two sentences; backticks mark commands (`/paper digest`). */
  message: string;
}

/** `/paper digest`: a preview of the channel's next digest, shown to the asker. */
export interface DigestReply {
  kind: "digest";
  audience: Audience;
  /** The digest as it would be posted. */
  digest: Digest;
  /** One line above it, e.g. when it will be posted and where. */
  note: string;
}

/** "which papers use T?": every paper whose summary covers a topic, one line each. */
export interface PapersReply extends Rateable {
  kind: "papers";
  audience: Audience;
  /** The question as asked (unescaped). */
  question: string;
  /** What the papers cover, as read from the question ("MMD"). */
  topic: string;
  /** The papers shown, best first, each with a line from the passage that shows it. */
  papers: RelatedPaper[];
  /** How many papers cover it in all (more than `papers` holds when the list was capped). */
  total: number;
}

/** One paper of a comparison: its own best passage for the question. */
export interface ComparedPaper {
  /** The paper. */
  paper: Paper;
  /** Its passage, the question's terms highlighted, math made readable. */
  passage: TextSegment[];
  /** Where the passage stands in its summary ("How › Bias correction"). */
  section?: string;
  /** The figure that goes with the passage. */
  figure?: string;
}

/** "A vs B": each named paper's own answer to the question, side by side. */
export interface CompareReply extends Rateable {
  kind: "compare";
  audience: Audience;
  /** The question as asked (unescaped). */
  question: string;
  /** The papers compared, in the order the question names them (two or more). */
  sides: ComparedPaper[];
}

/** `/paper add`: the card of a paper just added to the corpus, or of the one that had it already. */
export interface AddedReply {
  kind: "added";
  audience: Audience;
  /** The paper's card, from the index that now answers about it. */
  card: CardReply;
  /** True when the corpus had the paper already and nothing was written. */
  already: boolean;
}

/** Everything the bot can say. */
export type Reply =
  | CardReply
  | AnswerReply
  | PapersReply
  | CompareReply
  | NotFoundReply
  | ListReply
  | HelpReply
  | ErrorReply
  | NoticeReply
  | DigestReply
  | AddedReply;
