/**
 * Reads the HTML that Markdown notes carry as the text it shows: notes written on GitHub break
 * lines with `<br>`, write subscripts as `x<sub>t</sub>`, and escape `&lt;` and `&amp;`. Left in,
 * "&lt;" was shown to chat as written and indexed as the word "lt", and "<br>" as the word "br".
 * Only the tags notes use for text are read; any other `<...>` (a formula's "a < b", a
 * placeholder "<label>") is left as written, and so are images (see `findFigures`).
 */

/** Named entities notes use, as the characters they stand for. */
const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  rarr: "→",
  larr: "←",
  harr: "↔",
  rArr: "⇒",
  times: "×",
  le: "≤",
  ge: "≥",
  ne: "≠",
  approx: "≈",
  plusmn: "±",
  deg: "°",
  hellip: "…",
};

/** A named or numeric character reference ("&lt;", "&#8594;", "&#x2192;"). */
const ENTITY = /&(?:([a-zA-Z]+)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;

/** Tags that only format text: their text stays, the tags go. */
const TEXT_TAGS = "b|i|em|strong|u|s|del|code|kbd|mark|small|span|font|p|div|center|details";
const FORMATTING_TAG = new RegExp(`</?(?:${TEXT_TAGS})(?:\\s[^<>]*)?>`, "gi");
/** A line break: a space, as a table cell or a bullet must stay on its line. */
const LINE_BREAK = /<br\s*\/?>/gi;
/** A subscript or superscript, written as LaTeX writes it: "x<sub>t</sub>" reads "x_t". */
const SCRIPT = /<(sub|sup)>([^<>]{1,40})<\/\1>/gi;
/** A `<summary>` of a `<details>` block: its text is a heading of sorts, kept on its own line. */
const SUMMARY_TAG = /<\/?summary>/gi;
/** An HTML comment: a note to the note's author. */
const COMMENT = /<!--[\s\S]*?-->/g;

/** A character reference as the character it stands for, or as written when it stands for none. */
function decodeEntity(whole: string, name?: string, decimal?: string, hex?: string): string {
  if (name !== undefined) return ENTITIES[name] ?? whole;
  const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? "", 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    ? String.fromCodePoint(code)
    : whole;
}

/** A summary with its inline HTML read as text (see the module comment). */
export function withoutInlineHtml(summary: string): string {
  if (!/[<&]/.test(summary)) return summary;
  return summary
    .replace(COMMENT, "")
    .replace(LINE_BREAK, " ")
    .replace(SCRIPT, (_, tag: string, text: string) =>
      tag.toLowerCase() === "sub" ? `_${text}` : `^${text}`,
    )
    .replace(SUMMARY_TAG, "\n")
    .replace(FORMATTING_TAG, "")
    .replace(ENTITY, decodeEntity);
}
