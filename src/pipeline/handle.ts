/**
 * The one request pipeline every adapter runs: the grammar, the digest commands, the answer and
 * its count, sending, logging, and the one failure notice. An adapter only reads the platform's
 * event into a {@link ChatRequest} and says how to send a reply back ({@link ReplyTransport}).
 */
import { parseRequest } from "../answer/grammar.ts";
import type { Reply } from "../answer/reply.ts";
import type { CoreLogger } from "../logger.ts";
import { addPaperReply } from "./addPaper.ts";
import { answerRequest, planRequest } from "./answer.ts";
import type { AdapterCore } from "./context.ts";
import { digestCommandReply } from "./digestCommands.ts";
import { recordReply } from "./feedback.ts";
import type { ChatRequest, ReplyTransport } from "./request.ts";

export type { ChatRequest, ReplyTransport } from "./request.ts";

/** Shown to the asker when answering fails on our side; the full error goes to the log. */
export const INTERNAL_ERROR =
  "Sorry, something went wrong on my side answering that. It has been logged.";

/** What {@link handle} needs besides the request. */
export interface HandleContext {
  core: AdapterCore;
  log: CoreLogger;
  transport: ReplyTransport;
}

/**
 * The reply to a request: a digest command answered from the digest, `add` from arXiv into the
 * corpus, anything else from the index (counted in the place's workspace). A search or an import
 * waits for `acknowledge` first.
 */
export async function replyTo(core: AdapterCore, request: ChatRequest): Promise<Reply> {
  const parsed = parseRequest(request.text);
  if (parsed.kind === "digest" && request.via === "command") {
    return digestCommandReply(core, parsed.action, request.place);
  }
  if (parsed.kind === "add") {
    // arXiv may take seconds to answer: acknowledged once the asker may add, before it is asked.
    return addPaperReply(core, parsed.source, request.place, request.acknowledge);
  }
  const asked = { text: request.text, ...(request.thread ? { thread: request.thread } : {}) };
  const scope = request.place?.scope;
  if (!request.acknowledge) return answerRequest(core, asked, scope);
  const plan = planRequest(core, asked, scope);
  if (plan.kind === "ready") return plan.reply;
  await request.acknowledge();
  return plan.run();
}

/**
 * Answers one request end to end: replies, logs what was answered and how long it took, and on
 * any failure logs it in full and tells the asker {@link INTERNAL_ERROR}. Never rejects.
 */
export async function handle(request: ChatRequest, context: HandleContext): Promise<void> {
  const { core, log, transport } = context;
  const began = performance.now();
  try {
    const opened = await transport.open?.();
    const asked = opened?.thread ? { ...request, thread: opened.thread } : request;
    const reply = recordReply(core, await replyTo(core, asked), asked, log);
    await transport.send(reply, asked);
    log.info(
      { kind: reply.kind, ...request.fields, ms: Math.round(performance.now() - began) },
      `answered ${request.label}`,
    );
  } catch (error) {
    log.error({ err: error, ...request.fields }, `answering ${request.label} failed`);
    await transport
      .fail(INTERNAL_ERROR)
      .catch((e: unknown) => log.error({ err: e }, "could not tell the asker about the failure"));
  }
}
