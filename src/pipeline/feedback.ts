/**
 * Feedback in the pipeline: every answer is recorded (and given vote buttons), every question the
 * summaries do not cover is recorded as declined, and votes are counted. Recording never stands in
 * the way of an answer: when the database fails, the answer goes out without buttons.
 */
import { parseRequest } from "../answer/grammar.ts";
import type { Reply } from "../answer/reply.ts";
import {
  type AnswerRecord,
  VOTE_FAILED,
  type VoteRequest,
  voteMessage,
} from "../feedback/feedback.ts";
import type { CoreLogger } from "../logger.ts";
import type { AdapterCore } from "./context.ts";
import type { ChatRequest } from "./request.ts";

/** How a person is named in a stored question. */
export const SOMEONE = "@someone";

/**
 * The question as it is stored: the adapter's `storedText` when it gave one, and in any case no
 * mention that looks like an id (`@U0123ABC`, `@80351110224678912`): people are never stored.
 */
export function storedQuestion(request: ChatRequest): string {
  return (request.storedText ?? request.text).replace(
    /@[\p{L}\p{N}_-]*\p{N}[\p{L}\p{N}_-]*/gu,
    SOMEONE,
  );
}

/** What is recorded of a reply, or undefined when it is not an answer to a question. */
export function recordOf(reply: Reply, request: ChatRequest): AnswerRecord | undefined {
  const where = {
    platform: request.place?.platform ?? "console",
    ...(request.place?.scope !== undefined ? { scope: request.place.scope } : {}),
    question: storedQuestion(request),
  };
  switch (reply.kind) {
    case "card":
      // A card shown for a look-up or a question answers it; a random one answers nothing.
      if (parseRequest(request.text).kind === "random") return undefined;
      return { ...where, kind: "answered", paperId: reply.paper.id, passage: reply.summary };
    case "answer":
      return {
        ...where,
        kind: "answered",
        paperId: reply.paper.id,
        passage: reply.passage.map((segment) => segment.text).join(""),
        ...(reply.section ? { section: reply.section } : {}),
      };
    case "compare":
      return {
        ...where,
        kind: "answered",
        ...(reply.sides[0] ? { paperId: reply.sides[0].paper.id } : {}),
        passage: reply.sides.map((side) => side.paper.title).join(" vs "),
      };
    case "papers":
      return {
        ...where,
        kind: "answered",
        passage: reply.papers.map((related) => related.paper.title).join("; "),
      };
    case "notFound":
      return {
        ...where,
        kind: "declined",
        ...(reply.threadPaper ? { paperId: reply.threadPaper.id } : {}),
      };
    default:
      return undefined;
  }
}

/**
 * Records the reply when it answers or declines a question; an answer comes back carrying its
 * id, for the platform's vote buttons. Without a feedback store, or when it fails, the reply is
 * returned as it was.
 */
export function recordReply(
  core: AdapterCore,
  reply: Reply,
  request: ChatRequest,
  log: CoreLogger,
): Reply {
  if (!core.feedback) return reply;
  const record = recordOf(reply, request);
  if (!record) return reply;
  try {
    const answerId = core.feedback.record(record);
    if (
      reply.kind === "answer" ||
      reply.kind === "card" ||
      reply.kind === "compare" ||
      reply.kind === "papers"
    ) {
      return { ...reply, feedback: { answerId } };
    }
  } catch (error) {
    log.error({ err: error }, "could not record the answer; sending it without vote buttons");
  }
  return reply;
}

/** A vote's reply to the voter: one line, shown to them alone. */
export interface VoteReply {
  /** What to tell the voter. */
  message: string;
  /** The answer's tally after the vote, when it was counted. */
  helpful?: number;
  unhelpful?: number;
}

/**
 * Counts one vote and says what to tell the voter. Never throws: a database failure is logged
 * and told as {@link VOTE_FAILED}; a vote on an answer not on record is a no-op, told so.
 */
export function voteOn(core: AdapterCore, vote: VoteRequest, log: CoreLogger): VoteReply {
  if (!core.feedback)
    return { message: voteMessage({ outcome: "unknown", helpful: 0, unhelpful: 0 }, vote.helpful) };
  try {
    const result = core.feedback.vote(vote);
    log.info(
      { outcome: result.outcome, helpful: vote.helpful, platform: vote.platform },
      "vote on an answer",
    );
    return {
      message: voteMessage(result, vote.helpful),
      ...(result.outcome === "unknown"
        ? {}
        : { helpful: result.helpful, unhelpful: result.unhelpful }),
    };
  } catch (error) {
    log.error({ err: error }, "could not record a vote");
    return { message: VOTE_FAILED };
  }
}
