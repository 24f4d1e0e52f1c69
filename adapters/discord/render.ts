/**
 * Serializes the core's message outline as a Discord message: one embed per paper (title linked
 * to arXiv, the passage with its terms in bold, the byline in the footer, the figure as the image,
 * lists as fields), or one embed of text when no paper is shown, sent with no mentions parsed.
 * Pure: no network, unit-tested.
 * Limits: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIEmbedField,
} from "discord.js";
import { shortAuthors, venueLine } from "../../src/answer/phrases.ts";
import type { Reply } from "../../src/answer/reply.ts";
import { DIGEST_TITLE, type Digest } from "../../src/digest/digest.ts";
import { moreItems } from "../../src/digest/digestPhrases.ts";
import type {
  Block,
  Inline,
  ListBlock,
  Outline,
  PaperBlock,
  Tone,
} from "../../src/outline/outline.ts";
import { digestOutline, outlineOf } from "../../src/outline/outlineOf.ts";
import type { TextSegment } from "../../src/types.ts";
import { fitPlain, fitSegments, fitText, fitWithCode, packLines } from "./fit.ts";
import { bold, breakSpecialMentions, escapeMarkdown, maskedLink } from "./markdown.ts";
import { voteButtons } from "./voteButtons.ts";

/** An embed's title holds at most 256 characters. */
export const EMBED_TITLE_MAX = 256;
/** An embed's description holds at most 4,096 characters. */
export const EMBED_DESCRIPTION_MAX = 4096;
/** A field's value holds at most 1,024 characters. */
export const FIELD_VALUE_MAX = 1024;
/** A footer holds at most 2,048 characters. */
export const FOOTER_MAX = 2048;
/** An embed author's name holds at most 256 characters. */
export const EMBED_AUTHOR_MAX = 256;
/** All embeds of one message hold at most 6,000 characters together. */
export const EMBEDS_TOTAL_MAX = 6000;
/** A message holds at most 10 embeds. */
export const EMBEDS_MAX = 10;
/** A message's content holds at most 2,000 characters. */
export const CONTENT_MAX = 2000;
/** A thread's name holds at most 100 characters. */
export const THREAD_NAME_MAX = 100;
/** Image URLs longer than this are not sent (Discord refuses the whole message over them). */
export const IMAGE_URL_MAX = 2048;

/** Embed colours: answers blue, "not found" amber, a digest violet, so a glance tells which. */
const COLOUR: Record<Tone, number> = {
  answer: 0x3b82f6,
  notFound: 0xf59e0b,
  info: 0x64748b,
  digest: 0x8b5cf6,
  error: 0x64748b,
  notice: 0x64748b,
};
/** Longest title a one-line list item shows, so one long title cannot crowd out the others. */
const LIST_TITLE_MAX = 120;
/** Most authors a byline names. */
const BYLINE_AUTHORS = 6;
/** A second passage shorter than this once fitted is left out rather than shown as a stub. */
const MORE_MIN = 80;
/** An alias longer than this makes a worse thread name than the title it stands for. */
const ALIAS_NAME_MAX = 40;
/** Longest date label a thread name keeps, so the paper's name always has room. */
const DATE_NAME_MAX = 40;

/**
 * A Discord message, in the shape discord.js's `reply`, `editReply`, `followUp` and `send` take.
 * Mentions are never parsed: nothing a summary or a question contains can ping anyone.
 */
export interface DiscordMessage {
  /** Message text (escaped markdown); absent when the embeds say it all. */
  content?: string;
  /** At most {@link EMBEDS_MAX} embeds, within {@link EMBEDS_TOTAL_MAX} characters together. */
  embeds: APIEmbed[];
  /**
   * The vote buttons under a recorded answer (see `voteButtons.ts`): one action row; absent on
   * messages that cannot be rated.
   */
  components?: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  /** Always `{ parse: [] }`: no @everyone, @here, role or user ping. */
  allowedMentions: { parse: [] };
}

/** The characters of an embed that count towards the 6,000 limit. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * The figure as the embed image, when its URL is one Discord accepts: a malformed one would make
 * Discord refuse the whole message.
 */
export function image(url: string | undefined): Pick<APIEmbed, "image"> {
  if (!url || url.length > IMAGE_URL_MAX || !URL.canParse(url)) return {};
  const { protocol, href } = new URL(url);
  return protocol === "https:" || protocol === "http:" ? { image: { url: href } } : {};
}

/**
 * An embed's link, when it is an http(s) URL Discord accepts (normalized: a space or `|` in it
 * is percent-encoded); a malformed one would make Discord refuse the whole message.
 */
export function embedUrl(url: string): Pick<APIEmbed, "url"> {
  if (url.length > IMAGE_URL_MAX || !URL.canParse(url)) return {};
  const { protocol, href } = new URL(url);
  return protocol === "https:" || protocol === "http:" ? { url: href } : {};
}

/** A title or question on one line: a newline inside one would break a list's layout. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Escaped markdown of a run of inlines; `compact` cuts a paper's title to fit one line. */
function markdown(content: readonly Inline[], compact = false): string {
  return content
    .map((part) => {
      if (typeof part === "string") return escapeMarkdown(part);
      if ("text" in part) {
        return part.highlight ? bold(escapeMarkdown(part.text)) : escapeMarkdown(part.text);
      }
      if ("strong" in part) return bold(escapeMarkdown(part.strong));
      if ("code" in part) return `\`${part.code.replace(/`/g, "")}\``;
      if ("paper" in part) {
        const { url, title } = part.paper;
        return maskedLink(url, compact ? fitPlain(oneLine(title), LIST_TITLE_MAX) : title);
      }
      return `“${fitText(part.quote, 200)}”`;
    })
    .join("");
}

/** Our own words with commands in backticks, as written: for {@link fitWithCode}. */
function backticked(content: readonly Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === "string") return part;
      if ("code" in part) return `\`${part.code}\``;
      if ("text" in part) return part.text;
      if ("strong" in part) return part.strong;
      if ("paper" in part) return part.paper.title;
      return part.quote;
    })
    .join("");
}

/** A passage's runs as segments to fit: words of other inlines are plain runs. */
function segments(content: readonly Inline[]): TextSegment[] {
  return content.map((part) =>
    typeof part === "object" && "text" in part
      ? part
      : { text: backticked([part]), highlight: false },
  );
}

/** A list's lines: compact items of words shortened so that all of them fit one field. */
function listLines(block: ListBlock, max: number): string[] {
  // "NN. " before each and "\n" between: what is left is shared out evenly.
  const room = Math.floor(max / Math.max(block.items.length, 1)) - 5;
  return block.items.map((item, i) => {
    const hasPaper = item.some((part) => typeof part === "object" && "paper" in part);
    const text =
      block.compact && !hasPaper
        ? fitText(oneLine(backticked(item)), room)
        : markdown(item, block.compact);
    if (block.style === "numbers") return `${i + 1}. ${text}`;
    return block.style === "bullets" ? `• ${text}` : text;
  });
}

/** A list as an embed field (nothing when it is empty), cut to the field's limit. */
function listField(block: ListBlock): APIEmbedField[] {
  const lines = listLines(block, FIELD_VALUE_MAX);
  // Room for "and 99999 more" under the lines, which are cut to fit above it.
  const packed = packLines(lines, FIELD_VALUE_MAX - (block.total === undefined ? 0 : 20));
  const more = block.total === undefined ? "" : moreItems(block.total, lines.length - packed.left);
  const value = [packed.text, more].filter(Boolean).join("\n");
  return value ? [{ name: block.heading ?? "\u200b", value }] : [];
}

/** A list's lines in a description: its heading in bold over them. */
function listText(block: ListBlock): string[] {
  const more = block.total === undefined ? "" : moreItems(block.total, block.items.length);
  return [
    ...(block.heading ? [bold(escapeMarkdown(block.heading))] : []),
    ...listLines(block, EMBED_DESCRIPTION_MAX),
    ...(more ? [more] : []),
  ];
}

/** The lines a block adds to a description of text (a message without a paper). */
function textLines(block: Block): string[] {
  switch (block.type) {
    case "text":
    case "note":
      return [markdown(block.content)];
    case "list":
      return listText(block);
    case "commands":
      return block.commands.map(
        (c) => `\`${c.usage.replace(/`/g, "")}\`  ${escapeMarkdown(c.description)}`,
      );
    default:
      return [];
  }
}

/** A paper's embed and what follows it: lists as fields, notes under the byline in the footer. */
interface PaperPart {
  paper: PaperBlock;
  lists: ListBlock[];
  notes: string[];
}

/** What room a description has left, under its own limit and what the message has left. */
function descriptionRoom(embed: APIEmbed, used: number): number {
  return Math.min(EMBED_DESCRIPTION_MAX, EMBEDS_TOTAL_MAX - used - embedLength(embed));
}

/**
 * A paper's embed. In a digest the authors head it and the footer keeps venue and arXiv id over
 * the notes; elsewhere the byline is the footer. The description (the part that can be cut) gets
 * the room the rest leaves.
 */
function paperEmbed(part: PaperPart, tone: Tone, used: number): APIEmbed {
  const { paper } = part.paper;
  const authors = breakSpecialMentions(shortAuthors(paper.authors, BYLINE_AUTHORS));
  const where = venueLine(paper);
  const byline = breakSpecialMentions(tone === "digest" ? where : `${authors} · ${where}`);
  const notes = part.notes.map((note) => breakSpecialMentions(note));
  const notesLength = notes.reduce((n, note) => n + note.length + 1, 0);
  // The notes stay whole; a runaway byline is what gets cut.
  const footer = [fitPlain(byline, Math.max(FOOTER_MAX - notesLength, 1)), ...notes].join("\n");
  const fields = part.lists.flatMap(listField);
  const embed: APIEmbed = {
    title: fitText(paper.title, EMBED_TITLE_MAX),
    ...embedUrl(paper.url),
    color: COLOUR[tone],
    ...(tone === "digest" ? { author: { name: fitPlain(authors, EMBED_AUTHOR_MAX) } } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    footer: { text: fitPlain(footer, FOOTER_MAX) },
    ...image(part.paper.figure?.url),
  };
  const room = descriptionRoom(embed, used);
  const { section, more } = part.paper;
  // The section line is left out when the message has no room for it (found by fast-check: a
  // third side of a comparison had 103 characters left and a 104-character section line).
  const sectionLine = section ? `*${escapeMarkdown(section)}*\n` : "";
  const heading = sectionLine.length <= room ? sectionLine : "";
  const body = heading + fitSegments(segments(part.paper.body), room - heading.length);
  const moreHeading = more ? `\n\n${bold(more.heading)}\n` : "";
  // The second passage gets what room the first leaves, and is left out rather than cut to a stub.
  const second = more
    ? fitSegments(segments(more.body), room - body.length - moreHeading.length)
    : "";
  const description = second.length > MORE_MIN ? `${body}${moreHeading}${second}` : body;
  return { ...embed, description };
}

/** The embeds of an outline with papers: one per paper; lists before any paper in a first one. */
function paperEmbeds(outline: Outline, blocks: readonly Block[]): APIEmbed[] {
  const parts: PaperPart[] = [];
  const lead: Block[] = [];
  for (const block of blocks) {
    const current = parts.at(-1);
    if (block.type === "paper") parts.push({ paper: block, lists: [], notes: [] });
    else if (current && block.type === "list") current.lists.push(block);
    else if (current && block.type === "note") current.notes.push(backticked(block.content));
    else lead.push(block);
  }
  const embeds: APIEmbed[] = lead.length > 0 ? textEmbed(outline, lead) : [];
  let used = embeds.reduce((n, embed) => n + embedLength(embed), 0);
  for (const part of parts.slice(0, EMBEDS_MAX - embeds.length)) {
    const embed = paperEmbed(part, outline.tone, used);
    // A paper whose title and byline alone overrun what the message has left is left out: Discord
    // refuses a message over its total (found by fast-check, three long sides of a comparison).
    if (used + embedLength(embed) > EMBEDS_TOTAL_MAX) break;
    used += embedLength(embed);
    embeds.push(embed);
  }
  return embeds;
}

/**
 * One embed of text: the blocks a blank line apart, or, in a digest without a paper, the words
 * as the description and the lists as fields.
 */
function textEmbed(outline: Outline, blocks: readonly Block[]): APIEmbed[] {
  const colour = COLOUR[outline.tone];
  if (outline.tone === "digest") {
    const fields = blocks.flatMap((b) => (b.type === "list" ? listField(b) : []));
    const words = blocks.filter((b) => b.type !== "list").flatMap(textLines);
    return [
      {
        color: colour,
        ...(words.length > 0
          ? { description: fitText(words.join("\n"), EMBED_DESCRIPTION_MAX) }
          : {}),
        ...(fields.length > 0 ? { fields } : {}),
      },
    ];
  }
  const lines = blocks.flatMap((block, i) => [...(i > 0 ? [""] : []), ...textLines(block)]);
  return [
    {
      ...(outline.title ? { title: fitText(outline.title, EMBED_TITLE_MAX) } : {}),
      color: colour,
      description: packLines(lines, EMBED_DESCRIPTION_MAX).text,
    },
  ];
}

/**
 * An outline as a Discord message within Discord's limits, pinging no one, with the vote buttons
 * under it when it is a recorded answer.
 */
export function outlineToDiscord(outline: Outline): DiscordMessage {
  const message = messageBody(outline);
  const buttons = outline.feedback ? voteButtons(outline.feedback) : [];
  return buttons.length > 0 ? { ...message, components: buttons } : message;
}

/**
 * The words of a message: our own one-line replies (a refusal, a confirmation) are plain
 * content; a heading and the notes before it (a digest preview's note) are the content above the
 * embeds.
 */
function messageBody(outline: Outline): DiscordMessage {
  const allowedMentions = { parse: [] as [] };
  if (outline.tone === "error" || outline.tone === "notice") {
    const words = outline.blocks.map((b) => (b.type === "text" ? backticked(b.content) : ""));
    const sign = outline.tone === "error" ? "⚠️ " : "";
    return {
      content: fitWithCode(`${sign}${words.join("\n")}`, CONTENT_MAX),
      embeds: [],
      allowedMentions,
    };
  }
  const headingAt = outline.blocks.findIndex((b) => b.type === "heading");
  const top = headingAt < 0 ? [] : outline.blocks.slice(0, headingAt + 1);
  const rest = headingAt < 0 ? outline.blocks : outline.blocks.slice(headingAt + 1);
  const heading = top.find((b) => b.type === "heading")?.text;
  let content: string | undefined;
  if (heading !== undefined) {
    const shown = bold(fitText(heading, CONTENT_MAX - 4));
    const notes = top.flatMap((b) => (b.type === "note" ? [backticked(b.content)] : []));
    const note =
      notes.length > 0 ? fitWithCode(notes.join("\n"), CONTENT_MAX - shown.length - 2) : "";
    content = note ? `${note}\n\n${shown}` : shown;
  }
  const embeds = rest.some((b) => b.type === "paper")
    ? paperEmbeds(outline, rest)
    : textEmbed(outline, rest);
  return { ...(content !== undefined ? { content } : {}), embeds, allowedMentions };
}

/** Renders a reply as a Discord message within Discord's limits, pinging no one. */
export function toDiscordMessage(reply: Reply): DiscordMessage {
  return outlineToDiscord(outlineOf(reply));
}

/**
 * Renders a digest as the Discord message posted to a channel, within Discord's limits and
 * pinging no one.
 */
export function toDiscordDigest(digest: Digest): DiscordMessage {
  return outlineToDiscord(digestOutline(digest));
}

/**
 * A thread name for a question: 1 to `max` (at most 100) characters of plain text. Names never
 * ping, but "@everyone" at the top of a channel still looks like one, so it is broken as in
 * messages.
 */
export function threadName(question: string, max = THREAD_NAME_MAX): string {
  const line = breakSpecialMentions(question.replace(/\s+/g, " ")).trim();
  return fitPlain(line || "paperbot", max);
}

/**
 * The name of the thread a digest opens, "MixMatch · 23 November 2026": the paper's first alias
 * when it is short, else its title, cut so the date always shows; at most 100 characters.
 */
export function digestThreadName(digest: Digest): string {
  const paper = digest.featured?.card.paper;
  const alias = paper?.aliases[0];
  const name = paper ? (alias && alias.length <= ALIAS_NAME_MAX ? alias : paper.title) : "";
  const date = fitPlain(breakSpecialMentions(oneLine(digest.dateLabel)), DATE_NAME_MAX);
  const suffix = date ? ` · ${date}` : "";
  return `${threadName(oneLine(name) || DIGEST_TITLE, THREAD_NAME_MAX - suffix.length)}${suffix}`;
}
