/**
 * Reads text as Slack sends it (`&lt;` escapes, `<url|label>` links, `<@U123>` mentions) back
 * into what the person typed. A person's mention reads as their name (or id), or as `person` when
 * given: the question as feedback stores it names no one ("@someone").
 * https://docs.slack.dev/messaging/formatting-message-text
 */
export function fromSlackText(text: string, botUserId?: string, person?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = "", label] = inner.split("|");
      if (target.startsWith("@")) {
        // The bot's own mention is how the question was addressed; other people stay named.
        const id = target.slice(1);
        if (botUserId === undefined || id === botUserId) return " ";
        return person ?? `@${label ?? id}`;
      }
      if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
      if (target.startsWith("!")) return `@${label ?? target.slice(1).split("^")[0]}`;
      return label ?? target;
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
