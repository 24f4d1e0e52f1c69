/**
 * The outline every chat adapter shares: a factory takes its dependencies and returns
 * `{ name, start(), stop() }`. An adapter only translates: platform event -> core call -> payload.
 */
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
import type { Logger } from "./logger.ts";

/** What the core gives every adapter. */
export interface AdapterCore {
  /** The index to answer from; asked for on every request, since a live corpus swaps it. */
  source: IndexSource;
  /** Which paper each thread is about, shared by every adapter of the process. */
  memory: ThreadPapers;
  /** Random numbers for `/paper random`. */
  random?: () => number;
}

function respondContext(core: AdapterCore): RespondContext {
  return { memory: core.memory, ...(core.random ? { random: core.random } : {}) };
}

/** Answers one request from the index that answers now, with the process's thread memory. */
export function answerRequest(core: AdapterCore, request: BotRequest): Reply {
  return respond(core.source.current(), request, respondContext(core));
}

/** Plans one request (see {@link planReply}): its reply, or the search that will make it. */
export function planRequest(core: AdapterCore, request: BotRequest): PlannedReply {
  return planReply(core.source.current(), request, respondContext(core));
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
