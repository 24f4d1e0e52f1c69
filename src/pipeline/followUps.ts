/**
 * What every platform decides the same way before a message reaches `handle`: whether a
 * thread message without a mention is a follow-up for the bot, and whether the bot answers in a
 * channel at all (`<NAME>_ANSWER_CHANNELS`). Adapters read their events; the rules live here once.
 */
import { readsAsFollowUp } from "../answer/followUp.ts";
import type { AdapterCore } from "./context.ts";

/** How a platform takes thread messages that do not mention the bot. */
export type ThreadFollowUps = "questions" | "mention";

/** A thread message, as an adapter read it, that might be a follow-up without a mention. */
export interface ThreadMessage {
  /** The thread-memory key of the thread it was posted in. */
  thread: string;
  /** Its text as the platform sent it, markup and all (mentions of people are how it addresses them). */
  text: string;
  /** How the bot is mentioned in the platform's markup (`<@U123>`), which addresses no one else. */
  botMention?: string;
}

/**
 * True when a thread message without a mention is a question for the bot: the bot has answered
 * about a paper in that thread (thread memory has it) and the message reads as a follow-up
 * ({@link readsAsFollowUp}: a question, to no one else, not a "thanks").
 */
export function isThreadFollowUp(core: AdapterCore, message: ThreadMessage): boolean {
  if (core.memory.paperOf(message.thread) === undefined) return false;
  return readsAsFollowUp(
    message.text,
    message.botMention ? { botMention: message.botMention } : {},
  );
}

/**
 * Whether the bot answers mentions and follow-ups in a place: everywhere when `answerChannels`
 * is unset, else only in those channels and threads under them (`ids`: the channel, and the
 * thread's parent channel on platforms where a thread has an id of its own).
 */
export function answersIn(
  answerChannels: readonly string[] | undefined,
  ...ids: ReadonlyArray<string | undefined>
): boolean {
  if (answerChannels === undefined) return true;
  return ids.some((id) => id !== undefined && answerChannels.includes(id));
}

/**
 * The one line a mention outside the answer channels gets, naming where to ask. `links` are the
 * channels as the platform links them (`<#C123>`); `/paper` answers anywhere.
 */
export function answerChannelsPointer(links: readonly string[]): string {
  const where =
    links.length <= 1
      ? (links[0] ?? "the channels set up for it")
      : `${links.slice(0, -1).join(", ")} or ${links.at(-1)}`;
  return `I answer mentions in ${where}: ask me there, or use \`/paper\` here.`;
}
