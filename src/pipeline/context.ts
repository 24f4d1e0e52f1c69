/** What the core's request pipeline answers with: the index, the memories and the digest. */
import type { ThreadPapers } from "../answer/threadMemory.ts";
import type { Digest } from "../digest/digest.ts";
import type { FeedbackDesk } from "../feedback/feedback.ts";
import type { ImportReport } from "../import/addPapers.ts";
import type { IndexSource } from "../retrieval/indexSource.ts";

/** Counts the bot's answers per paper, for the digest's "most asked" list. */
export interface AnswerCounter {
  /** One answer about `paperId` in workspace `scope`; no text, no user. */
  record(scope: string, paperId: string): void;
}

/** The channel a digest preview is for. */
export interface DigestTarget {
  /** The platform's name. */
  platform: string;
  channelId: string;
  /** The workspace, whose question counts the preview shows. */
  scope: string;
}

/** What `/paper digest` and its subscribe and unsubscribe do (the app's digest service). */
export interface DigestDesk {
  /** The channel's next digest (or, with no channel, the next anywhere) and a line about it. */
  preview(target?: DigestTarget): { digest: Digest; note: string };
  /** Subscribes a channel (permission already checked); what to tell the asker. */
  subscribe(platform: string, channelId: string): string;
  /** Unsubscribes a channel (permission already checked); what to tell the asker. */
  unsubscribe(platform: string, channelId: string): string;
}

/** What `/paper add` does to the corpus (the app's, over `CORPUS_DIR` and the live index). */
export interface CorpusDesk {
  /**
   * Imports one paper from arXiv by id or URL into the corpus directory, written atomically; the
   * import's report. Throws `SOURCE_UNAVAILABLE` or `SOURCE_MALFORMED`, writing nothing.
   */
  importArxiv(source: string): Promise<ImportReport>;
  /** Resolves once the index answers from the corpus directory as it is now. */
  refresh(): Promise<void>;
}

/** What the core gives every adapter. */
export interface AdapterCore {
  /** The index to answer from; asked for on every request, since a live corpus swaps it. */
  source: IndexSource;
  /** Which paper each thread is about, shared by every adapter of the process. */
  memory: ThreadPapers;
  /** Random numbers for `/paper random`. */
  random?: () => number;
  /** Where answers are counted; absent, nothing is. */
  counts?: AnswerCounter;
  /** Where answers, declined questions and votes are kept; absent, answers have no vote buttons. */
  feedback?: FeedbackDesk;
  /** The weekly digest, for `/paper digest`; absent where the bot keeps no state. */
  digest?: DigestDesk;
  /** Adding papers from chat, for `/paper add`; absent where the bot does not write its corpus. */
  corpus?: CorpusDesk;
  /** The names of the platforms digests can be posted to ("Slack"), for the console's replies. */
  platformTitles?: readonly string[];
}
