import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { parseRequest } from "../../src/answer/grammar.ts";
import { terminalSafe, terminalSafeOutput } from "../../src/display/terminalSafe.ts";
import { toPlainText } from "../../src/outline/plainText.ts";
import { consoleDigestReply } from "../digestCommand.ts";
import { type AdapterDeps, answerRequest, type ChatAdapter } from "../types.ts";

/** What the console reads from and writes to. */
export interface ConsoleConfig {
  input: Readable;
  output: Writable & { isTTY?: boolean };
  /** Wraps highlighted terms (bold on a terminal); none when piped. */
  mark?: (text: string) => string;
}

/** Shown once at the start: what to type, and how to reach a real chat platform. */
export function consoleBanner(paperCount: number): string {
  return [
    `paperbot: ${paperCount} paper(s) loaded. No Slack or Discord tokens set, so this is the console.`,
    "Ask a question, e.g.   @paperbot how does BEAR avoid out-of-distribution actions?",
    "Look a paper up:       /paper mixmatch      (also /paper list, /paper random, /paper help)",
    "Follow-up questions stay on the paper of the last answer. Leave with Ctrl-D.",
    "To connect Slack or Discord, set their tokens in .env (see .env.example and the README).",
  ].join("\n");
}

/** Text after a leading `@paperbot` mention, if any. */
export function withoutMention(line: string): string {
  return line.replace(/^\s*@paperbot\b[:,]?\s*/i, "").trim();
}

/**
 * The console adapter: reads lines (typed or piped), answers each with the same grammar and
 * replies as the chat bots, and prints them as plain text. `done` settles when the input ends.
 */
export function createConsoleAdapter({
  core,
  config,
  logger,
}: AdapterDeps<ConsoleConfig>): ChatAdapter & { done: Promise<void> } {
  const log = logger.child({ adapter: "console" });
  const interactive = Boolean(config.output.isTTY);
  const lines = createInterface({
    input: config.input,
    output: interactive ? config.output : undefined,
    terminal: interactive,
  });
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });
  lines.setPrompt("\n> ");
  // One console session is one conversation, its own: follow-ups stay on its paper, and a new
  // session starts afresh rather than continuing the last one's paper from the database.
  const thread = `console:${randomUUID()}`;

  const answer = (line: string): string => {
    // Control and bidi characters mean nothing in a question, and echoed they would reach the
    // terminal: a right-to-left override reorders the rest of the screen.
    const text = withoutMention(terminalSafe(line));
    // A card shown here makes its paper the conversation's too: "/paper bear", then "what data
    // did they use?".
    const parsed = parseRequest(text);
    // Not counted for the digest's "most asked": the console is someone trying the bot out.
    const reply =
      parsed.kind === "digest"
        ? consoleDigestReply(core, parsed.action)
        : answerRequest(core, { text, thread });
    return terminalSafeOutput(toPlainText(reply, config.mark ? { mark: config.mark } : {}));
  };

  return {
    name: "console",
    done,
    async start() {
      config.output.write(`${consoleBanner(core.source.current().papers.size)}\n`);
      if (interactive) lines.prompt();
      lines.on("line", (line) => {
        if (line.trim()) {
          try {
            config.output.write(`\n${answer(line)}\n`);
          } catch (error) {
            log.error({ err: error }, "answering a console line failed");
            config.output.write("\nSorry: something went wrong answering that; see the log.\n");
          }
        }
        if (interactive) lines.prompt();
      });
      // At a terminal readline takes Ctrl-C itself; without this it would only pause.
      lines.on("SIGINT", () => lines.close());
      // The reader of piped output went away (`| head`): no one is left to answer.
      config.output.on("error", () => lines.close());
      lines.once("close", () => resolveDone());
    },
    async stop() {
      lines.close();
      await done;
    },
  };
}
