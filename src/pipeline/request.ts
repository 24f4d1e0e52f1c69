/** A request as an adapter reads it from its platform, and how its replies go back. */
import type { Reply } from "../answer/reply.ts";
import type { ChatPlace } from "./digestCommands.ts";

/** One thing a person said to the bot, as an adapter read it from its platform. */
export interface ChatRequest {
  /**
   * `command`: a slash command (or a line at the console), which takes the digest commands too;
   * `mention`: a message addressed to the bot, which asks, or adds a paper (`add URL`).
   */
  via: "command" | "mention";
  /** What the person typed, platform markup read back into words (`<@U1>` is `@name`). */
  text: string;
  /**
   * The question as feedback may keep it (`paperbot gaps`): `text` with people's mentions read as
   * "@someone", so no user id or name is stored. Absent: `text`, its id-like mentions replaced.
   */
  storedText?: string;
  /** The thread-memory key of the conversation it came from; follow-ups there stay on its paper. */
  thread?: string;
  /** Where it was asked; absent away from chat platforms (the console), where nothing is counted. */
  place?: ChatPlace;
  /** What it is, for the log: "/paper", "a mention", "an interaction". */
  label: string;
  /** Fields the log lines about it carry (the channel, the server). */
  fields?: Record<string, unknown>;
  /**
   * Called before a search, whose time grows with the corpus, when the platform must acknowledge
   * first (Discord allows 3 s for the first response). Absent: the reply follows whenever ready.
   */
  acknowledge?(): Promise<void>;
}

/** How an adapter sends replies to the person who asked. */
export interface ReplyTransport {
  /**
   * Prepares where the reply goes, inside the pipeline's failure handling (Discord starts the
   * answer's thread), and names the thread the request belongs to when that decides it.
   */
  open?(): Promise<{ thread?: string }>;
  /** Sends the reply, rendered for the platform (shown to the asker alone when its audience says so). */
  send(reply: Reply, request: ChatRequest): Promise<void>;
  /** Tells the asker, privately where the platform can, that answering failed. */
  fail(message: string): Promise<void>;
}
