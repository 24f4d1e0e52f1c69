/**
 * `@paperbot` on Discord: a message that mentions the bot (or replies to its answer) is answered
 * in a thread started from it, or in the thread it was asked in, where follow-ups stay on the
 * thread's paper.
 */
import {
  type Message,
  PermissionFlagsBits,
  type SendableChannels,
  ThreadAutoArchiveDuration,
} from "discord.js";
import type { ChatLogger as Logger } from "../../src/logger.ts";
import type { AdapterCore } from "../../src/pipeline/context.ts";
import { handle } from "../../src/pipeline/handle.ts";
import type { RecentKeys } from "../recentKeys.ts";
import { discordScope, discordThreadKey } from "./digestPublisher.ts";
import { fromDiscordText, mentionsUser } from "./discordText.ts";
import { threadName, toDiscordMessage } from "./render.ts";

/** What the mention handler uses. */
export interface MentionContext {
  core: AdapterCore;
  log: Logger;
  /** Messages already answered: a gateway may deliver one again after a resume. */
  seen: RecentKeys;
  /** Users who may add papers besides the channel's managers (`DISCORD_CORPUS_EDITORS`). */
  corpusEditors?: readonly string[];
}

/**
 * Whether a message asks the bot something: it names the bot (`<@bot>`), or it replies to one
 * of the bot's messages with the reply's ping on, which is how people follow up on an answer.
 * Discord gives a bot the content of both without the Message Content intent.
 */
function isAddressedTo(message: Message, botId: string): boolean {
  if (mentionsUser(message.content, botId)) return true;
  const { mentions } = message;
  return (
    mentions.repliedUser?.id === botId && mentions.users.has(botId) && message.content.trim() !== ""
  );
}

/** The question in a message, mentions read as names. */
function questionOf(message: Message): string {
  const { mentions } = message;
  return fromDiscordText(message.content, message.client.user.id, {
    user: (id) => mentions.users.get(id)?.displayName,
    role: (id) => mentions.roles.get(id)?.name,
    channel: (id) => {
      const channel = mentions.channels.get(id);
      return channel && "name" in channel ? (channel.name ?? undefined) : undefined;
    },
  });
}

/**
 * Where a mention is answered: the thread it was asked in, or a thread started from it. When a
 * thread cannot be started (no permission, a channel without threads), in the channel.
 */
async function answerPlace(
  message: Message<true>,
  question: string,
  log: Logger,
): Promise<SendableChannels> {
  const { channel } = message;
  if (channel.isThread() || !("threads" in channel)) return channel;
  try {
    return await message.startThread({
      name: threadName(question),
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
  } catch (error) {
    log.warn(
      { err: error, channel: channel.id },
      "could not start a thread; answering in the channel (needs Create Public Threads)",
    );
    return channel;
  }
}

/** Answers a message addressed to the bot; ignores every other message. */
export async function handleMessage(message: Message, context: MentionContext): Promise<void> {
  const { core, log, seen } = context;
  const me = message.client.user;
  if (message.author.bot || message.system || !message.inGuild()) return;
  if (!isAddressedTo(message, me.id) || !seen.add(message.id)) return;
  const question = questionOf(message);
  let place: SendableChannels = message.channel;
  await handle(
    {
      via: "mention",
      text: question,
      label: "a mention",
      fields: { guild: message.guildId, channel: message.channelId },
      place: {
        platform: "discord",
        channelId: message.channelId,
        scope: discordScope(message.guildId),
        // Who may add a paper ("@paperbot add URL"), as for `/paper add`.
        managers: "people who can manage this channel or the server",
        canManage: async () =>
          message.member
            ?.permissionsIn(message.channelId)
            .any([PermissionFlagsBits.ManageChannels, PermissionFlagsBits.ManageGuild]) ?? false,
        corpusEditor: context.corpusEditors?.includes(message.author.id) ?? false,
      },
    },
    {
      core,
      log,
      transport: {
        // Answered in the thread it was asked in, or in one started from it.
        async open() {
          place = await answerPlace(message, question, log);
          return place.isThread() ? { thread: discordThreadKey(message.guildId, place.id) } : {};
        },
        async send(reply) {
          await place.send(toDiscordMessage(reply));
        },
        async fail(text) {
          await message.channel.send({ content: text, allowedMentions: { parse: [] } });
        },
      },
    },
  );
}
