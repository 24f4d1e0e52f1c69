/**
 * `@paperbot` on Discord: a message that mentions the bot (or replies to its answer) is answered
 * in a thread started from it, or in the thread it was asked in, where follow-ups stay on the
 * thread's paper. With the Message Content intent, a follow-up in a thread the bot answered in
 * is answered without a mention.
 */
import {
  type Message,
  PermissionFlagsBits,
  type SendableChannels,
  ThreadAutoArchiveDuration,
} from "discord.js";
import type { ChatLogger as Logger } from "../../src/logger.ts";
import type { AdapterCore } from "../../src/pipeline/context.ts";
import {
  answerChannelsPointer,
  answersIn,
  isThreadFollowUp,
} from "../../src/pipeline/followUps.ts";
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
  /**
   * Whether follow-ups without a mention are answered (DISCORD_MESSAGE_CONTENT=on): without the
   * intent Discord sends no text for them, so there would be nothing to read.
   */
  followUps?: boolean;
  /** DISCORD_ANSWER_CHANNELS: the only channels (and their threads) where mentions are answered. */
  answerChannels?: readonly string[];
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

/**
 * Whether a message that does not address the bot is a follow-up in a thread it answered in.
 * A reply to someone else's message, or a role ping, is addressed to them.
 */
function isFollowUp(message: Message<true>, core: AdapterCore, botId: string): boolean {
  const { channel, mentions } = message;
  if (!channel.isThread()) return false;
  if (mentions.repliedUser && mentions.repliedUser.id !== botId) return false;
  // A role ping (`<@&id>`), read from the text too: the mentioned roles need not be cached.
  if (mentions.roles.size > 0 || /<@&\d+>/.test(message.content)) return false;
  return isThreadFollowUp(core, {
    thread: discordThreadKey(message.guildId, channel.id),
    text: message.content,
    botMention: `<@${botId}>`,
  });
}

/**
 * Tells the asker where the bot answers mentions (DISCORD_ANSWER_CHANNELS). Discord has no
 * ephemeral messages outside interactions, so this is a short reply that pings no one.
 * https://discord.com/developers/docs/resources/message#message-object-message-flags
 */
async function pointToAnswerChannels(
  message: Message<true>,
  channels: readonly string[],
  log: Logger,
): Promise<void> {
  try {
    await message.reply({
      content: answerChannelsPointer(channels.map((id) => `<#${id}>`)),
      allowedMentions: { parse: [], repliedUser: false },
    });
    log.info({ channel: message.channelId }, "pointed a mention to DISCORD_ANSWER_CHANNELS");
  } catch (error) {
    log.error({ err: error, channel: message.channelId }, "could not point a mention elsewhere");
  }
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

/** Answers a message addressed to the bot, or a follow-up in its thread; ignores the rest. */
export async function handleMessage(message: Message, context: MentionContext): Promise<void> {
  const { core, log, seen, answerChannels } = context;
  const me = message.client.user;
  if (message.author.bot || message.system || !message.inGuild()) return;
  const addressed = isAddressedTo(message, me.id);
  if (!addressed && !(context.followUps && isFollowUp(message, core, me.id))) return;
  const { channel } = message;
  const parentId = channel.isThread() ? (channel.parentId ?? undefined) : undefined;
  if (!answersIn(answerChannels, message.channelId, parentId)) {
    // Only a mention is told where to ask; a follow-up elsewhere is left alone.
    if (addressed && answerChannels && seen.add(message.id)) {
      await pointToAnswerChannels(message, answerChannels, log);
    }
    return;
  }
  if (!seen.add(message.id)) return;
  const question = questionOf(message);
  let place: SendableChannels = message.channel;
  await handle(
    {
      via: "mention",
      text: question,
      // Kept for `paperbot gaps` with no one's name in it: people are never stored.
      storedText: fromDiscordText(message.content, me.id, { user: () => "someone" }),
      label: addressed ? "a mention" : "a follow-up",
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
