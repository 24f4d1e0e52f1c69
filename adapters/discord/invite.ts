/**
 * What the bot needs in a server, and the invite link that asks for exactly that.
 * https://discord.com/developers/docs/topics/oauth2#bot-authorization-flow
 */
import { OAuth2Scopes, PermissionFlagsBits } from "discord.js";

/**
 * The permissions the bot uses, each for one reason. Slash-command replies need none of these
 * (they are interaction responses); mentions do.
 */
export const BOT_PERMISSIONS = {
  /** See the channels it is mentioned in. */
  ViewChannel: PermissionFlagsBits.ViewChannel,
  /** Answer in a channel where a thread cannot be started. */
  SendMessages: PermissionFlagsBits.SendMessages,
  /** Start the answer's thread from the message that mentioned it. */
  CreatePublicThreads: PermissionFlagsBits.CreatePublicThreads,
  /** Answer inside threads. */
  SendMessagesInThreads: PermissionFlagsBits.SendMessagesInThreads,
  /** Show answers as embeds (title link, figure) in channel messages. */
  EmbedLinks: PermissionFlagsBits.EmbedLinks,
} as const;

/** The permission bits to ask for when the bot is invited. */
export function invitePermissions(): bigint {
  return Object.values(BOT_PERMISSIONS).reduce((all, bit) => all | bit, 0n);
}

/** The link a server admin opens to add the bot: the bot user and its slash commands. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(" "),
    permissions: invitePermissions().toString(),
  });
  return `https://discord.com/oauth2/authorize?${params}`;
}
