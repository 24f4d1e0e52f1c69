import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { terminalSafe, terminalSafeOutput } from "../../src/display/terminalSafe.ts";
import { toPlainText } from "../../src/outline/plainText.ts";
import { voteOn } from "../../src/pipeline/feedback.ts";
import { handle } from "../../src/pipeline/handle.ts";
import type { AdapterDeps, ChatAdapter } from "../../src/platform/platform.ts";

/** What the console reads from and writes to. */
export interface ConsoleConfig {
  input: Readable;
  output: Writable & { isTTY?: boolean };
  /** Wraps highlighted terms (bold on a terminal); none when piped. */
  mark?: (text: string) => string;
}

/** Shown once at the start: what to type, and how to reach a real chat platform. */
export function consoleBanner(paperCount: number, platforms: readonly string[] = []): string {
  const names = platforms.join(" or ") || "chat platform";
  return [
    `paperbot: ${paperCount} paper(s) loaded. No ${names} tokens set, so this is the console.`,
    "Ask a question, e.g.   @paperbot how does BEAR avoid out-of-distribution actions?",
    "Look a paper up:       /paper mixmatch      (also /paper list, /paper random, /paper help)",
    "Follow-up questions stay on the paper of the last answer. Rate an answer with + or -. Leave with /quit or Ctrl-D.",
    `To connect ${platforms.join(" or ") || "a chat platform"}, set their tokens in .env (see .env.example and the README).`,
  ].join("\n");
}

/**
 * What people type to leave a console ("/quit", "exit", as in a shell or a REPL): read as a
 * question, it was answered with "doesn't cover that".
 */
const LEAVE = /^\/?(?:quit|exit)$/i;

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

  /** The last answer shown, which `+` and `-` vote on. */
  let lastAnswer: string | undefined;

  /** `+` or `-`: a vote on the last answer, by this session (its own voter, as a person is). */
  const vote = (helpful: boolean): void => {
    const message =
      lastAnswer === undefined
        ? "Nothing to rate yet: + and - rate the answer just above."
        : voteOn(core, { answerId: lastAnswer, platform: "console", voter: thread, helpful }, log)
            .message;
    config.output.write(`\n${message.replace(/`/g, "")}\n`);
  };

  /** Answers one line; lines are answered one after another, in the order they came. */
  const answer = (line: string): Promise<void> =>
    handle(
      {
        via: "command",
        // Control and bidi characters mean nothing in a question, and echoed they would reach
        // the terminal: a right-to-left override reorders the rest of the screen.
        text: withoutMention(terminalSafe(line)),
        // A card shown here makes its paper the conversation's too: "/paper bear", then "what
        // data did they use?". No place: not counted for the digest's "most asked", as the
        // console is someone trying the bot out.
        thread,
        label: "a console line",
      },
      {
        core,
        log,
        transport: {
          send: async (reply) => {
            lastAnswer = "feedback" in reply ? reply.feedback?.answerId : undefined;
            const text = toPlainText(reply, config.mark ? { mark: config.mark } : {});
            config.output.write(`\n${terminalSafeOutput(text)}\n`);
          },
          fail: async (message) => {
            config.output.write(`\n${message}\n`);
          },
        },
      },
    );
  let answering: Promise<void> = Promise.resolve();

  return {
    name: "console",
    done,
    async start() {
      const banner = consoleBanner(core.source.current().papers.size, core.platformTitles);
      config.output.write(`${banner}\n`);
      if (interactive) lines.prompt();
      // Lines come faster than answers (pasted, piped): once one says leave, none after it counts.
      let leaving = false;
      lines.on("line", (line) => {
        if (leaving) return;
        if (LEAVE.test(line.trim())) {
          leaving = true;
          answering = answering.then(() => lines.close());
          return;
        }
        answering = answering.then(async () => {
          const typed = line.trim();
          if (typed === "+" || typed === "-") vote(typed === "+");
          else if (typed) await answer(line);
          if (interactive) lines.prompt();
        });
      });
      // At a terminal readline takes Ctrl-C itself; without this it would only pause.
      lines.on("SIGINT", () => lines.close());
      // The reader of piped output went away (`| head`): no one is left to answer.
      config.output.on("error", () => lines.close());
      lines.once("close", () => void answering.then(resolveDone));
    },
    async stop() {
      lines.close();
      await done;
    },
  };
}
