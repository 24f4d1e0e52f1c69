/**
 * Answers, declined questions and votes on answers (#16): what `paperbot gaps` and `paperbot stats`
 * read, and what the digest's open questions come from. People are never stored: a voter is an
 * HMAC of the platform's user id, keyed with a secret this database makes for itself and with the
 * answer's id, so a stored vote tells only that one person voted once on one answer.
 */
import { createHmac, randomBytes } from "node:crypto";
import {
  type AnswerRecord,
  DEFAULT_RETENTION_DAYS,
  type FeedbackDesk,
  normalizeQuestion,
  type VoteRequest,
  type VoteResult,
} from "../src/feedback/feedback.ts";
import type { StateDatabase } from "./database.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest question or passage stored: enough to read it, not a whole pasted document. */
const TEXT_MAX = 2000;

/** Options of {@link FeedbackStore}. */
export interface FeedbackOptions {
  /** Days question text (and the passage shown) is kept (`FEEDBACK_RETENTION_DAYS`). */
  retentionDays?: number;
  /** False with `RECORD_QUESTIONS=off`: only counts are kept, no question or passage text. */
  recordQuestions?: boolean;
  /** The clock (ms); tests pass a fake one. */
  now?: () => number;
}

/** One knowledge gap: a question declined, or an answer voted not helpful, grouped. */
export interface Gap {
  /** The question as last asked. */
  question: string;
  kind: "declined" | "unhelpful";
  /** The paper shown (unhelpful), or the thread's paper the question was asked about (declined). */
  paperId: string | null;
  /** The passage shown, for an unhelpful answer. */
  passage: string | null;
  /** Where that passage stands in its summary. */
  section: string | null;
  /** How often: declined askings, or not-helpful votes. */
  count: number;
  /** When it was last asked (ms). */
  lastAt: number;
}

/** What {@link FeedbackStore.gaps} finds. */
export interface GapReport {
  gaps: Gap[];
  /** Declined or not-helpful questions whose text is not stored (retention, RECORD_QUESTIONS=off). */
  unrecorded: number;
}

/** One week of questions (weeks start on Monday, UTC). */
export interface WeekCount {
  /** The week's Monday, `YYYY-MM-DD`. */
  week: string;
  questions: number;
  answered: number;
  declined: number;
}

/** The numbers `paperbot stats` shows. */
export interface FeedbackStats {
  /** Questions asked in the window: answered and declined. */
  questions: number;
  answered: number;
  declined: number;
  /** Per week, oldest first. */
  weeks: WeekCount[];
  /** Votes on answers given in the window, per paper, most voted first. */
  votes: Array<{ paperId: string; helpful: number; unhelpful: number }>;
  /** Every vote on answers given in the window, lists of papers included. */
  votesInAll: { helpful: number; unhelpful: number };
  /** Papers answered about most often, most first (at most ten). */
  mostAsked: Array<{ paperId: string; count: number }>;
}

function clip(text: string | undefined): string | null {
  if (text === undefined) return null;
  return text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX - 1)}…` : text;
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Answers, declined questions and votes in the database. */
export class FeedbackStore implements FeedbackDesk {
  readonly #db: StateDatabase;
  readonly #now: () => number;
  readonly #retentionMs: number;
  readonly #recordQuestions: boolean;
  #key: Buffer | undefined;
  // The statements of every answer and every vote, compiled once: both are on a chat request's path.
  readonly #insertAnswer;
  readonly #findAnswer;
  readonly #findVote;
  readonly #putVote;
  readonly #tally;
  readonly #vote;

  constructor(db: StateDatabase, options: FeedbackOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? Date.now;
    this.#retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS;
    this.#recordQuestions = options.recordQuestions ?? true;
    this.#insertAnswer = db.prepare(
      `INSERT INTO answers (id, platform, scope, kind, question, question_key, paper_id, passage, section, at)
       VALUES (@id, @platform, @scope, @kind, @question, @key, @paperId, @passage, @section, @at)`,
    );
    this.#findAnswer = db.prepare<[string, string, number], { id: string }>(
      "SELECT id FROM answers WHERE id = ? AND platform = ? AND kind = 'answered' AND at >= ?",
    );
    this.#findVote = db.prepare<[string, string], { helpful: number }>(
      "SELECT helpful FROM votes WHERE answer_id = ? AND voter = ?",
    );
    this.#putVote = db.prepare<[string, string, number, number]>(
      `INSERT INTO votes (answer_id, voter, helpful, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (answer_id, voter) DO UPDATE SET helpful = excluded.helpful, at = excluded.at`,
    );
    this.#tally = db.prepare<[string], { helpful: number | null; unhelpful: number | null }>(
      "SELECT SUM(helpful) AS helpful, SUM(1 - helpful) AS unhelpful FROM votes WHERE answer_id = ?",
    );
    this.#vote = db.transaction((vote: VoteRequest) => this.#countVote(vote));
  }

  /** Days question text is kept. */
  get retentionDays(): number {
    return this.#retentionMs / DAY_MS;
  }

  /**
   * Records an answer or a declined question; returns its id (random, 16 characters). Text past
   * the retention period is cleared by the running bot ({@link prune}), not here.
   */
  record(answer: AnswerRecord): string {
    const id = randomBytes(12).toString("base64url");
    const keep = this.#recordQuestions;
    this.#insertAnswer.run({
      id,
      platform: answer.platform,
      scope: answer.scope ?? null,
      kind: answer.kind,
      question: keep ? clip(answer.question) : null,
      key: keep ? clip(normalizeQuestion(answer.question)) : null,
      paperId: answer.paperId ?? null,
      passage: keep ? clip(answer.passage) : null,
      section: keep ? clip(answer.section) : null,
      at: this.#now(),
    });
    return id;
  }

  /**
   * Records a vote: one per person per answer, a second one in the other direction replacing the
   * first. An answer that is not on record (never was, another platform's, past the retention
   * period) takes no vote.
   */
  vote(vote: VoteRequest): VoteResult {
    // IMMEDIATE: two clicks at once, from two processes, read and write in turn.
    return this.#vote.immediate(vote);
  }

  /** The vote itself, inside {@link vote}'s transaction. */
  #countVote(vote: VoteRequest): VoteResult {
    const answer = this.#findAnswer.get(vote.answerId, vote.platform, this.#textCutoff());
    if (!answer) return { outcome: "unknown", helpful: 0, unhelpful: 0 };
    const voter = this.#voterHash(vote);
    const before = this.#findVote.get(vote.answerId, voter);
    const helpful = vote.helpful ? 1 : 0;
    if (before?.helpful !== helpful) this.#putVote.run(vote.answerId, voter, helpful, this.#now());
    const tally = this.#tally.get(vote.answerId);
    const outcome =
      before === undefined ? "counted" : before.helpful === helpful ? "unchanged" : "changed";
    return { outcome, helpful: tally?.helpful ?? 0, unhelpful: tally?.unhelpful ?? 0 };
  }

  /**
   * Clears question text, its key and the passage from answers older than the retention period;
   * the rest of the row (platform, paper, kind, when) stays for the counts. Returns how many
   * answers were cleared.
   */
  prune(): number {
    const cleared = this.#db
      .prepare(
        `UPDATE answers SET question = NULL, question_key = NULL, passage = NULL, section = NULL
         WHERE at < ? AND (question IS NOT NULL OR passage IS NOT NULL OR section IS NOT NULL)`,
      )
      .run(this.#textCutoff()).changes;
    // The old pages, text and all, are still in the write-ahead log: copy the log into the file
    // (zeroed there, secure_delete) without waiting for readers, so the next write starts the log
    // afresh (journal_size_limit) instead of keeping them until the log fills.
    if (cleared > 0) this.#db.pragma("wal_checkpoint(PASSIVE)");
    return cleared;
  }

  /**
   * The questions declined and the answers voted not helpful since `since` (ms), grouped by
   * normalized question (and the paper), most frequent first, then most recent.
   *
   * Reads only: text past the retention period is treated as gone (counted in `unrecorded`)
   * rather than cleared here, so `paperbot gaps` never writes to the bot's database, never waits
   * for its write lock, and never deletes text by a retention its own environment got wrong.
   * The bot clears it ({@link prune}).
   */
  gaps(since: number): GapReport {
    const read = this.#db.transaction((): GapReport => {
      const range = { since, shown: Math.max(since, this.#textCutoff()) };
      // With one max() in the query, SQLite takes the bare columns (the question, the passage,
      // when) from the row holding the max: the latest recorded asking of each group, in one pass
      // (https://www.sqlite.org/lang_select.html#bare_columns_in_an_aggregate_query). The rowid
      // orders rows recorded in the same millisecond too.
      const declined = this.#db
        .prepare<typeof range, GapRow>(
          `SELECT question_key AS key, paper_id AS paperId, COUNT(*) AS count, MAX(rowid),
                  at AS lastAt, question, NULL AS passage, NULL AS section
           FROM answers
           WHERE kind = 'declined' AND at >= @shown AND question_key IS NOT NULL
           GROUP BY question_key, paper_id`,
        )
        .all(range);
      // Answers voted not helpful, each with its count of such votes, then grouped the same way.
      const unhelpful = this.#db
        .prepare<typeof range, GapRow>(
          `WITH voted AS (
             SELECT a.rowid AS seq, a.question_key AS key, a.paper_id AS paperId, a.question,
                    a.passage, a.section, a.at, COUNT(*) AS votes
             FROM answers a JOIN votes v ON v.answer_id = a.id AND v.helpful = 0
             WHERE a.kind = 'answered' AND a.at >= @shown AND a.question_key IS NOT NULL
             GROUP BY a.id
           )
           SELECT key, paperId, SUM(votes) AS count, MAX(seq), at AS lastAt, question, passage,
                  section
           FROM voted GROUP BY key, paperId`,
        )
        .all(range);
      const unrecorded = this.#db
        .prepare<typeof range, { n: number }>(
          `SELECT COUNT(*) AS n FROM answers a
           WHERE a.at >= @since AND (a.question_key IS NULL OR a.at < @shown)
             AND (a.kind = 'declined'
               OR EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = a.id AND v.helpful = 0))`,
        )
        .get(range);
      const gaps = [
        ...declined.map((row) => toGap(row, "declined")),
        ...unhelpful.map((row) => toGap(row, "unhelpful")),
      ].sort(
        (a, b) => b.count - a.count || b.lastAt - a.lastAt || a.question.localeCompare(b.question),
      );
      return { gaps, unrecorded: unrecorded?.n ?? 0 };
    });
    // One read transaction: the three queries see the same moment, however the bot writes.
    return read.deferred();
  }

  /**
   * Up to `limit` questions asked in `scope` since `since` (ms) that the summaries could not
   * answer (declined, or answered and voted not helpful and never helpful), about `paperId` or
   * about no paper in particular, most asked first: the digest's open questions. Reads only, as
   * {@link gaps} does.
   */
  openQuestions(
    scope: string,
    since: number,
    paperId: string | undefined,
    limit: number,
  ): string[] {
    const rows = this.#db
      .prepare<
        { scope: string; since: number; paper: string | null; limit: number },
        { question: string; n: number; last: number }
      >(
        `SELECT question, COUNT(*) AS n, MAX(rowid) AS last FROM answers a
         WHERE scope = @scope AND at >= @since AND question_key IS NOT NULL
           AND (paper_id IS NULL OR paper_id = @paper)
           AND (kind = 'declined'
             OR (kind = 'answered' AND EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = a.id AND v.helpful = 0)
                 AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = a.id AND v.helpful = 1)))
         GROUP BY question_key ORDER BY n DESC, last DESC LIMIT @limit`,
      )
      .all({
        scope,
        since: Math.max(since, this.#textCutoff()),
        paper: paperId ?? null,
        limit: Math.max(0, Math.floor(limit)),
      });
    return rows.map((row) => row.question);
  }

  /** Questions, answers and votes since `since` (ms): the numbers an organizer shows. */
  stats(since: number): FeedbackStats {
    // One read transaction: every figure counts the same moment, however the bot writes.
    return this.#db.transaction(() => this.#stats(since)).deferred();
  }

  #stats(since: number): FeedbackStats {
    const weeks = this.#db
      .prepare<[number], { day: number; questions: number; answered: number }>(
        `SELECT (at / ${DAY_MS} - ((at / ${DAY_MS} + 3) % 7)) AS day, COUNT(*) AS questions,
                SUM(kind = 'answered') AS answered
         FROM answers WHERE at >= ? GROUP BY day ORDER BY day`,
      )
      .all(since)
      .map((row) => ({
        week: isoDay(row.day),
        questions: row.questions,
        answered: row.answered,
        declined: row.questions - row.answered,
      }));
    const votes = this.#db
      .prepare<[number], { paperId: string; helpful: number; unhelpful: number }>(
        `SELECT a.paper_id AS paperId, SUM(v.helpful) AS helpful, SUM(1 - v.helpful) AS unhelpful
         FROM votes v JOIN answers a ON a.id = v.answer_id
         WHERE a.at >= ? AND a.paper_id IS NOT NULL
         GROUP BY a.paper_id ORDER BY COUNT(*) DESC, a.paper_id`,
      )
      .all(since);
    const mostAsked = this.#db
      .prepare<[number], { paperId: string; count: number }>(
        `SELECT paper_id AS paperId, COUNT(*) AS count FROM answers
         WHERE kind = 'answered' AND at >= ? AND paper_id IS NOT NULL
         GROUP BY paper_id ORDER BY count DESC, paper_id LIMIT 10`,
      )
      .all(since);
    const answered = weeks.reduce((n, w) => n + w.answered, 0);
    const questions = weeks.reduce((n, w) => n + w.questions, 0);
    const all = this.#db
      .prepare<[number], { helpful: number | null; unhelpful: number | null }>(
        `SELECT SUM(v.helpful) AS helpful, SUM(1 - v.helpful) AS unhelpful
         FROM votes v JOIN answers a ON a.id = v.answer_id WHERE a.at >= ?`,
      )
      .get(since);
    const votesInAll = { helpful: all?.helpful ?? 0, unhelpful: all?.unhelpful ?? 0 };
    return {
      questions,
      answered,
      declined: questions - answered,
      weeks,
      votes,
      votesInAll,
      mostAsked,
    };
  }

  /** The oldest moment whose question text is still kept. */
  #textCutoff(): number {
    return this.#now() - this.#retentionMs;
  }

  /** The stored stand-in for a voter: an HMAC no one can turn back into the user id. */
  #voterHash(vote: VoteRequest): string {
    return createHmac("sha256", this.#secret())
      .update(`${vote.platform}\n${vote.answerId}\n${vote.voter}`)
      .digest("base64url");
  }

  /** The database's own hashing key, made on first use and kept in `meta`. */
  #secret(): Buffer {
    if (this.#key) return this.#key;
    this.#db
      .prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('voter_key', ?)")
      .run(randomBytes(32).toString("base64url"));
    const row = this.#db
      .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'voter_key'")
      .get();
    this.#key = Buffer.from(row?.value ?? "", "base64url");
    return this.#key;
  }
}

interface GapRow {
  key: string;
  paperId: string | null;
  count: number;
  lastAt: number;
  question: string | null;
  passage: string | null;
  section: string | null;
}

function toGap(row: GapRow, kind: Gap["kind"]): Gap {
  return {
    question: row.question ?? row.key,
    kind,
    paperId: row.paperId,
    passage: row.passage,
    section: row.section,
    count: row.count,
    lastAt: row.lastAt,
  };
}
