/**
 * The outline every chat adapter shares: a factory takes its dependencies and returns
 * `{ name, start(), stop() }`. An adapter only translates: platform event -> core call -> payload.
 */

import type { DigestService } from "../app/digest/digestService.ts";
import type { Logger } from "../app/logger.ts";
import { parseRequest } from "../src/answer/grammar.ts";
import type { Reply } from "../src/answer/reply.ts";
import {
  type BotRequest,
  type PlannedReply,
  planReply,
  type RespondContext,
  respond,
} from "../src/answer/respond.ts";
import type { ThreadPapers } from "../src/answer/threadMemory.ts";
import type { IndexSource } from "../src/retrieval/indexSource.ts";

/** Counts the bot's answers per paper, for the digest's "most asked" list. */
export interface AnswerCounter {
  /** One answer about `paperId` in workspace `scope`; no text, no user. */
  record(scope: string, paperId: string): void;
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
  /** The weekly digest, for `/paper digest`; absent where the bot keeps no state. */
  digest?: DigestService;
}

function respondContext(core: AdapterCore): RespondContext {
  return { memory: core.memory, ...(core.random ? { random: core.random } : {}) };
}

/**
 * Counts a reply about a paper (an answer, or a card asked for by name) in `scope`. A random
 * card was not asked about, so it does not count.
 */
function counted(
  core: AdapterCore,
  request: BotRequest,
  scope: string | undefined,
  reply: Reply,
): Reply {
  if (scope === undefined || !core.counts) return reply;
  if (reply.kind !== "answer" && reply.kind !== "card") return reply;
  if (parseRequest(request.text).kind === "random") return reply;
  core.counts.record(scope, reply.paper.id);
  return reply;
}

/**
 * Answers one request from the index that answers now, with the process's thread memory.
 * `scope` names the workspace it came from (`slack`, `discord:<server>`), where it is counted.
 */
export function answerRequest(core: AdapterCore, request: BotRequest, scope?: string): Reply {
  return counted(
    core,
    request,
    scope,
    respond(core.source.current(), request, respondContext(core)),
  );
}

/** Plans one request (see {@link planReply}): its reply, or the search that will make it. */
export function planRequest(core: AdapterCore, request: BotRequest, scope?: string): PlannedReply {
  const plan = planReply(core.source.current(), request, respondContext(core));
  if (plan.kind === "ready") return { ...plan, reply: counted(core, request, scope, plan.reply) };
  return { ...plan, run: () => counted(core, request, scope, plan.run()) };
}

/** A running connection to one chat platform (or the terminal). */
export interface ChatAdapter {
  /** Short platform name for logs: `console`, `slack`, `discord`. */
  readonly name: string;
  /** Connects and starts taking requests; resolves once it is ready. */
  start(): Promise<void>;
  /** Stops taking requests and lets the ones in flight finish; safe to call twice. */
  stop(): Promise<void>;
  /**
   * Settles with the reason when the platform has ended the connection for good after start
   * (a token revoked mid-session): `runBot` then stops and exits 1, for a supervisor to restart.
   */
  readonly failed?: Promise<Error>;
}

/** Dependencies of an adapter factory. */
export interface AdapterDeps<Config> {
  core: AdapterCore;
  config: Config;
  logger: Logger;
}
