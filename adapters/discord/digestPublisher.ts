/**
 * Posts digests to Discord over REST (no gateway connection needed, so `paperbot digest run` uses
 * it too), opens the discussion thread on the digest message, and posts the digest's open
 * questions in it. Mentions in that thread stay on the featured paper.
 */
import {
  DiscordAPIError,
  REST,
  RESTJSONErrorCodes,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from "discord.js";
import type { DigestPublisher } from "../../src/digest/publisher.ts";
import type { ChatLogger as Logger } from "../../src/logger.ts";
import type { DiscordConfig } from "./config.ts";
import {
  type DiscordMessage,
  digestThreadName,
  outlineToDiscord,
  toDiscordDigest,
} from "./render.ts";

/** A week: the digest's thread stays open as long as people talk in it within a week. */
const THREAD_ARCHIVE_MINUTES = 10_080;

/** The thread-memory key of a Discord thread; the mention handler builds the same one. */
export function discordThreadKey(guildId: string, threadId: string): string {
  return `discord:${guildId}:${threadId}`;
}

/** The workspace name of a Discord server: answers there are counted under it. */
export function discordScope(guildId: string): string {
  return `discord:${guildId}`;
}

/** A REST client for the bot, for posting without the gateway. */
export function discordRest(config: DiscordConfig): REST {
  return new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}), retries: 1 }).setToken(
    config.token,
  );
}

/**
 * A message body as the REST API takes it, pinging no one whatever the text says (`@everyone`
 * in a question included), and sent once per `nonce`: Discord returns the first message instead
 * of creating a second with the same nonce, so a retry after a send whose answer was lost does
 * not post twice. https://discord.com/developers/docs/resources/message#create-message
 */
function messageBody(message: DiscordMessage, nonce: string): RESTPostAPIChannelMessageJSONBody {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    allowed_mentions: { parse: [] },
    nonce,
    enforce_nonce: true,
  };
}

/** The Discord digest publisher. */
export function createDiscordDigestPublisher(rest: REST, logger: Logger): DigestPublisher {
  const log = logger.child({ adapter: "discord", part: "digest" });
  const guilds = new Map<string, string>();
  const guildOf = async (channelId: string): Promise<string> => {
    const known = guilds.get(channelId);
    if (known) return known;
    const channel = (await rest.get(Routes.channel(channelId))) as { guild_id?: string };
    if (!channel.guild_id) throw new Error("the channel is not in a server");
    guilds.set(channelId, channel.guild_id);
    return channel.guild_id;
  };
  return {
    platform: "discord",
    scopeOf: async (channelId) => discordScope(await guildOf(channelId)),
    async post(channelId, digest, nonce) {
      const body = messageBody(toDiscordDigest(digest), nonce);
      const posted = (await rest.post(Routes.channelMessages(channelId), { body })) as {
        id: string;
      };
      // Posted: nothing after this may throw, or the ledger would post it again.
      let guildId: string | undefined;
      try {
        guildId = await guildOf(channelId);
        const thread = (await rest.post(Routes.threads(channelId, posted.id), {
          body: { name: digestThreadName(digest), auto_archive_duration: THREAD_ARCHIVE_MINUTES },
        })) as { id: string };
        return {
          messageId: posted.id,
          threadKey: discordThreadKey(guildId, thread.id),
          threadId: thread.id,
        };
      } catch (error) {
        // The thread is there already when a retry follows an answer that was lost (the REST
        // client's own retry, or a retried post that Discord's nonce answered with the same
        // message). A thread started from a message has the message's id, so it is still known.
        if (
          guildId &&
          error instanceof DiscordAPIError &&
          error.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage
        ) {
          return {
            messageId: posted.id,
            threadKey: discordThreadKey(guildId, posted.id),
            threadId: posted.id,
          };
        }
        log.warn({ err: error, channel: channelId }, "could not open the digest's thread");
        return { messageId: posted.id };
      }
    },
    /**
     * A message in the digest's thread: a thread is a channel of its own, so it is a message
     * created in the thread's channel. https://discord.com/developers/docs/topics/threads
     */
    async postInThread(_channelId, threadId, message, nonce) {
      const body = messageBody(outlineToDiscord(message), nonce);
      const posted = (await rest.post(Routes.channelMessages(threadId), { body })) as {
        id: string;
      };
      return posted.id;
    },
  };
}
