/**
 * Renders the answer model as a Discord message: one embed per answer (title linked to arXiv,
 * the passage with its terms in bold, authors and year in the footer, the figure as the image),
 * sent with no mentions parsed. Pure: no network, unit-tested.
 * Limits: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
import type { APIEmbed } from "discord.js";
import {
  listSummary,
  MORE_HEADING,
  movedOnNote,
  NOT_FOUND_HINT,
  nearestHeading,
  notFoundOpening,
  summarySourceNote,
  venueLine,
} from "../../src/answer/phrases.ts";
import { shortAuthors } from "../../src/answer/renderText.ts";
import type {
  AnswerReply,
  CardReply,
  HelpReply,
  ListReply,
  NotFoundReply,
  Reply,
} from "../../src/answer/reply.ts";
import type { Paper } from "../../src/types.ts";
import { fitPlain, fitSegments, fitText, fitWithCode, packLines } from "./fit.ts";
import { bold, breakSpecialMentions, escapeMarkdown, maskedLink } from "./markdown.ts";
// renderDigest.ts imports this module's helpers back; safe, as neither calls the other at load.
import { toDiscordDigest } from "./renderDigest.ts";

/** An embed's title holds at most 256 characters. */
export const EMBED_TITLE_MAX = 256;
/** An embed's description holds at most 4,096 characters. */
export const EMBED_DESCRIPTION_MAX = 4096;
/** A field's value holds at most 1,024 characters. */
export const FIELD_VALUE_MAX = 1024;
/** A footer holds at most 2,048 characters. */
export const FOOTER_MAX = 2048;
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

/** Embed colours: answers in blue, "not found" in amber, so a glance tells which it is. */
const COLOUR = { answer: 0x3b82f6, notFound: 0xf59e0b, info: 0x64748b } as const;

/**
 * A Discord message, in the shape discord.js's `reply`, `editReply` and `send` take. Mentions are
 * never parsed: nothing a summary or a question contains can ping anyone.
 */
export interface DiscordMessage {
  /** Message text (escaped markdown); absent when the embeds say it all. */
  content?: string;
  /** At most {@link EMBEDS_MAX} embeds, within {@link EMBEDS_TOTAL_MAX} characters together. */
  embeds: APIEmbed[];
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

/** Authors, venue, year and arXiv id or DOI (and whether the summary is the abstract): plain text, as footers show no markdown. */
function citation(paper: Paper): string {
  const note = summarySourceNote(paper);
  return `${shortAuthors(paper.authors, 6)} · ${venueLine(paper)}${note ? `\n${note}` : ""}`;
}

/** An embed about one paper: its linked title, the footer, the figure; the description last. */
function paperEmbed(
  paper: Paper,
  footer: string,
  figure: string | undefined,
  fields: APIEmbed["fields"] = [],
): APIEmbed {
  return {
    title: fitText(paper.title, EMBED_TITLE_MAX),
    ...embedUrl(paper.url),
    color: COLOUR.answer,
    ...(fields.length > 0 ? { fields } : {}),
    // Footers ping no one, but "@everyone" there would still read as a mention.
    footer: { text: fitPlain(breakSpecialMentions(footer), FOOTER_MAX) },
    ...image(figure),
  };
}

/** What room the description has left, under both its own limit and the message's total. */
export function descriptionRoom(embed: APIEmbed): number {
  return Math.min(EMBED_DESCRIPTION_MAX, EMBEDS_TOTAL_MAX - embedLength(embed));
}

function renderCard(reply: CardReply): APIEmbed {
  const embed = paperEmbed(reply.paper, citation(reply.paper), reply.figure);
  return { ...embed, description: fitText(reply.summary, descriptionRoom(embed)) };
}

function renderAnswer(reply: AnswerReply): APIEmbed {
  const { paper } = reply;
  const related = reply.related.map(
    (r) => `• ${maskedLink(r.paper.url, r.paper.title)}: ${escapeMarkdown(r.snippet)}`,
  );
  const fields = related.length
    ? [{ name: "Also relevant", value: packLines(related, FIELD_VALUE_MAX).text }].filter(
        (f) => f.value,
      )
    : [];
  const note = reply.notCoveredBy ? `\n${movedOnNote(reply.notCoveredBy, paper)}` : "";
  const footer = reply.fromThread
    ? `${citation(paper)}\nAnswered from this thread's paper. Name another paper to switch.`
    : `${citation(paper)}${note}`;
  const embed = paperEmbed(paper, footer, reply.figure, fields);
  const room = descriptionRoom(embed);
  const section = reply.section ? `*${escapeMarkdown(reply.section)}*\n` : "";
  const passage = section + fitSegments(reply.passage, room - section.length);
  const heading = `\n\n${bold(MORE_HEADING)}\n`;
  // The second passage gets what room the first leaves, and is left out rather than cut to a stub.
  const more = reply.more ? fitSegments(reply.more, room - passage.length - heading.length) : "";
  const description = more.length > 80 ? `${passage}${heading}${more}` : passage;
  return { ...embed, description };
}

function renderNotFound(reply: NotFoundReply): APIEmbed {
  const opening = notFoundOpening(reply, {
    paper: (p) => maskedLink(p.url, p.title),
    question: (q) => `“${fitText(q, 200)}”`,
  });
  const lines = [opening];
  if (reply.nearest.length > 0) {
    lines.push("", bold(nearestHeading(reply)));
    for (const paper of reply.nearest) lines.push(`• ${maskedLink(paper.url, paper.title)}`);
  }
  lines.push("", NOT_FOUND_HINT);
  return {
    color: COLOUR.notFound,
    description: packLines(lines, EMBED_DESCRIPTION_MAX).text,
  };
}

function renderList(reply: ListReply): APIEmbed {
  const lines = reply.papers.map((p) => {
    const aliases = p.aliases.length > 0 ? ` (${escapeMarkdown(p.aliases.join(", "))})` : "";
    return `• ${maskedLink(p.url, p.title)}${aliases} · ${p.year}`;
  });
  const shown = listSummary(reply, (command) => `\`${command}\``, ".");
  const title = "Papers in our summaries";
  const packed = packLines(lines, EMBED_DESCRIPTION_MAX - shown.length - 2);
  return { title, color: COLOUR.info, description: `${packed.text}\n\n${shown}` };
}

function renderHelp(reply: HelpReply): APIEmbed {
  const lines = reply.commands.map(
    (c) => `\`${c.usage.replace(/`/g, "")}\`  ${escapeMarkdown(c.description)}`,
  );
  return {
    title: "paperbot",
    color: COLOUR.info,
    description: packLines(
      [`Answers from ${reply.paperCount} paper summaries.`, "", ...lines],
      EMBED_DESCRIPTION_MAX,
    ).text,
  };
}

function embedsOf(reply: Exclude<Reply, { kind: "error" | "notice" | "digest" }>): APIEmbed {
  switch (reply.kind) {
    case "card":
      return renderCard(reply);
    case "answer":
      return renderAnswer(reply);
    case "notFound":
      return renderNotFound(reply);
    case "list":
      return renderList(reply);
    case "help":
      return renderHelp(reply);
  }
}

/** Renders a reply as a Discord message within Discord's limits, pinging no one. */
export function toDiscordMessage(reply: Reply): DiscordMessage {
  const allowedMentions = { parse: [] as [] };
  if (reply.kind === "error") {
    return { content: fitText(`⚠️ ${reply.message}`, CONTENT_MAX), embeds: [], allowedMentions };
  }
  // A confirmation is one line of text, as an error is; its commands stay inline code.
  if (reply.kind === "notice") {
    return { content: fitWithCode(reply.message, CONTENT_MAX), embeds: [], allowedMentions };
  }
  if (reply.kind === "digest") {
    // The note above the digest's own heading line, so the preview says what it is first.
    const digest = toDiscordDigest(reply.digest);
    const heading = digest.content ?? "";
    const note = fitWithCode(reply.note, CONTENT_MAX - heading.length - 2);
    return { ...digest, content: note ? `${note}\n\n${heading}` : heading };
  }
  return { embeds: [embedsOf(reply)], allowedMentions };
}

/**
 * A thread name for a question: 1 to `max` (at most 100) characters of plain text. Names never
 * ping, but "@everyone" at the top of a channel still looks like one, so it is broken as in
 * messages.
 */
export function threadName(question: string, max = THREAD_NAME_MAX): string {
  const oneLine = breakSpecialMentions(question.replace(/\s+/g, " ")).trim();
  return fitPlain(oneLine || "paperbot", max);
}
