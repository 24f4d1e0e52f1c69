/**
 * Safe Slack mrkdwn: text from summaries and questions is escaped so it can neither break the
 * formatting nor ping anyone. https://docs.slack.dev/messaging/formatting-message-text#escaping
 */

/** Special mentions a person could paste: `@here`, `@channel`, `@everyone`. */
const SPECIAL_MENTION = /@(here|channel|everyone)\b/gi;
/** A zero-width joiner: keeps "@here" readable while no client reads it as a mention. */
const ZWJ = "\u2060";

/**
 * Escapes `&`, `<` and `>` (so `<!channel>` or `<@U123>` in a question stays text) and breaks
 * `@here`-style words, which Slack would link if a message were ever sent with `link_names`.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(SPECIAL_MENTION, `@${ZWJ}$1`);
}

/**
 * A link in mrkdwn, `<url|label>`, with the label escaped (and no `|` to end it early), and `&`
 * in the URL escaped too, as Slack reads entities there. A URL that is not http(s) is no link:
 * the label alone.
 */
export function mrkdwnLink(url: string, label: string): string {
  const text = escapeMrkdwn(label).replace(/\|/g, "¦");
  if (!/^https?:\/\//i.test(url)) return text;
  return `<${url.replace(/[<>|\s]/g, encodeURIComponent).replace(/&/g, "&amp;")}|${text}>`;
}

/** `*text*` bold, unless the text is blank (Slack would show the asterisks). */
export function bold(text: string): string {
  return text.trim() ? `*${text}*` : text;
}

/**
 * Shortens escaped mrkdwn to `max` characters at a word boundary, never inside an entity
 * (`&amp;`) or a link (`<url|label>`), and marks the cut with an ellipsis.
 */
export function clampMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  if (space > max / 2) cut = cut.slice(0, space);
  // An unclosed link or entity at the end would show as raw markup: drop it whole.
  const open = cut.lastIndexOf("<");
  if (open > cut.lastIndexOf(">")) cut = cut.slice(0, open);
  cut = cut.replace(/&[a-z]*$/, "").trimEnd();
  // An odd number of asterisks leaves a bold run open.
  if ((cut.match(/\*/g)?.length ?? 0) % 2 === 1) cut += "*";
  return `${cut}…`;
}
