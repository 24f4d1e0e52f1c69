/**
 * Safe Discord markdown: text from summaries and questions is escaped so it can neither format
 * nor ping. Discord drops a backslash before any ASCII punctuation and shows the character as
 * written, so escaping a character that needed none is harmless.
 * https://support.discord.com/hc/en-us/articles/210298617-Markdown-Text-101-Chat-Formatting-Bold-Italic-Underline
 *
 * discord.js's `escapeMarkdown` leaves `<@id>`, `<t:...>`, `[label](url)` and a lone `~` or `>`
 * alone; summaries use `_` and `*` in math, where a pair would turn into italics. So: our own.
 */

/**
 * Special mentions someone could paste: `@here`, `@everyone`, also run into the next word
 * ("@everyonehttps://..."): breaking "@heretic" too costs an invisible character.
 */
const SPECIAL_MENTION = /@(here|everyone)/gi;
/** A word joiner: "@here" stays readable while no client reads it as a mention. */
const WORD_JOINER = "\u2060";
/** Characters that format anywhere: emphasis, code, spoilers, strike, mentions, masked links. */
const INLINE_MARKUP = /[\\*_~`|<>[\]]/g;
/** Markup that counts only at the start of a line: headings, quotes, lists, `-#` subtext. */
const LINE_START_MARKUP = /^(\s*)([#>+-]|\d+\.)/gm;
/**
 * A bare URL: escaping inside one would change the link, and an URL formats nothing. No
 * backslash: it is no URL character (RFC 3986), and left unescaped at a URL's end it would escape
 * whatever follows (found by the renderer's property test).
 */
const URL = /https?:\/\/[^\s<>()[\]\\]+[^\s<>()[\].,;:!?'"\\]/g;

/**
 * Breaks `@everyone` and `@here` with a word joiner, for plain text (footers, thread names) that
 * shows no markdown: they could not ping there, but they would still look like a mention.
 */
export function breakSpecialMentions(text: string): string {
  return text.replace(SPECIAL_MENTION, `@${WORD_JOINER}$1`);
}

function escapePlain(text: string): string {
  return breakSpecialMentions(
    text
      .replace(INLINE_MARKUP, "\\$&")
      .replace(LINE_START_MARKUP, (_, space: string, mark: string) => `${space}\\${mark}`),
  );
}

/**
 * Escapes text for a message or an embed: every markdown character gets a backslash, and
 * `@everyone`/`@here` are broken with a word joiner. URLs are left whole so they stay links.
 */
export function escapeMarkdown(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(URL)) {
    out += escapePlain(text.slice(last, match.index));
    out += match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last));
}

/**
 * Escapes text whose backticks mark commands (`/paper digest`): the commands stay inline code,
 * the rest is escaped as {@link escapeMarkdown} does. Our own messages only, never a question.
 */
export function escapeWithCode(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeMarkdown(part)))
    .join("");
}

/** `**text**` bold around escaped text, unless it is blank (Discord would show the asterisks). */
export function bold(escaped: string): string {
  return escaped.trim() ? `**${escaped}**` : escaped;
}

/**
 * A masked link `[label](url)`, with the label escaped; a URL that is not http(s) gives the
 * label alone.
 */
export function maskedLink(url: string, label: string): string {
  const text = escapeMarkdown(label);
  if (!/^https?:\/\//i.test(url)) return text;
  // Percent-encoded, ( ) and spaces cannot end the link early, nor < > start a mention in it.
  return `[${text}](${url.replace(/[()\s<>]/g, encodeURIComponent)})`;
}
