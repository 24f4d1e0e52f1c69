/** Answering one request from the index that answers now, counted for the digest. */
import { parseRequest } from "../answer/grammar.ts";
import type { Reply } from "../answer/reply.ts";
import {
  type BotRequest,
  type PlannedReply,
  planReply,
  type RespondContext,
  respond,
} from "../answer/respond.ts";
import type { AdapterCore } from "./context.ts";

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
