/**
 * Reads a Discord message's content (`<@123>` mentions, `<#123>` channels, `<:emoji:123>`,
 * backslash escapes) back into what the person typed, so the core sees words, not markup.
 * https://discord.com/developers/docs/reference#message-formatting
 */

/** Display names for the ids a message mentions, when the platform has them. */
export interface MentionNames {
  user?(id: string): string | undefined;
  role?(id: string): string | undefined;
  channel?(id: string): string | undefined;
}

const MARKUP = /<(@!?|@&|#)(\d+)>|<a?:(\w+):\d+>|<t:(-?\d+)(?::[tTdDfFR])?>/g;

/**
 * The question in a message: the bot's own mention dropped (that is how the question was
 * addressed), other mentions as `@name`, custom emoji as `:name:`, timestamps as ISO dates.
 */
export function fromDiscordText(
  content: string,
  botUserId: string | undefined,
  names: MentionNames = {},
): string {
  return content
    .replace(MARKUP, (whole, kind?: string, id?: string, emoji?: string, time?: string) => {
      if (emoji) return `:${emoji}:`;
      if (time) return new Date(Number(time) * 1000).toISOString().slice(0, 10);
      if (!kind || !id) return whole;
      if (kind === "#") return `#${names.channel?.(id) ?? "channel"}`;
      if (kind === "@&") return `@${names.role?.(id) ?? "role"}`;
      return id === botUserId ? " " : `@${names.user?.(id) ?? "user"}`;
    })
    .replace(/\\([^A-Za-z0-9\s])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when the message mentions the bot by user id (`<@id>` or the older `<@!id>`). */
export function mentionsUser(content: string, userId: string): boolean {
  return content.includes(`<@${userId}>`) || content.includes(`<@!${userId}>`);
}
