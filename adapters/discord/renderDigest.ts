/**
 * Renders a digest as a Discord message: the heading as content, and one embed about the
 * featured paper (linked title, authors, summary, key figure) whose fields hold the discussion
 * questions, the new papers and the most-asked ones. Pure: no network, unit-tested.
 * Limits: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
import type { APIEmbed, APIEmbedField } from "discord.js";
import { summarySourceNote, venueLine } from "../../src/answer/phrases.ts";
import { shortAuthors } from "../../src/answer/renderText.ts";
import {
  DIGEST_THREAD_HINT,
  DIGEST_TITLE,
  type Digest,
  type FeaturedPaper,
  MAX_ADDED,
  MAX_ASKED,
} from "../../src/digest/digest.ts";
import {
  ADDED_HEADING,
  ASKED_HEADING,
  abstractOnlyMark,
  digestHeading,
  moreAdded,
  NO_FEATURED,
  QUESTIONS_HEADING,
  questionCount,
} from "../../src/digest/digestPhrases.ts";
import type { Paper } from "../../src/types.ts";
import { fitPlain, fitText, packLines } from "./fit.ts";
import { bold, breakSpecialMentions, escapeMarkdown, maskedLink } from "./markdown.ts";
import {
  CONTENT_MAX,
  type DiscordMessage,
  descriptionRoom,
  EMBED_TITLE_MAX,
  FIELD_VALUE_MAX,
  FOOTER_MAX,
  image,
  THREAD_NAME_MAX,
  threadName,
} from "./render.ts";

/** An embed author's name holds at most 256 characters. */
export const EMBED_AUTHOR_MAX = 256;
/** A digest in violet, so a glance tells it from an answer (blue) in the channel. */
const DIGEST_COLOUR = 0x8b5cf6;
/** Longest title a list line shows, so one long title cannot crowd the others out of a field. */
const LIST_TITLE_MAX = 120;
/** An alias longer than this makes a worse thread name than the title it stands for. */
const ALIAS_NAME_MAX = 40;
/** Longest date label a thread name keeps, so the paper's name always has room. */
const DATE_NAME_MAX = 40;

/** A title or question on one line: a newline inside one would break the list's layout. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A paper as a list item's masked link, its title cut to leave room for the others. */
function paperLink(paper: Paper): string {
  return maskedLink(paper.url, fitPlain(oneLine(paper.title), LIST_TITLE_MAX));
}

/** The numbered questions, each shortened so that all of them fit one field. */
function questionsField(questions: readonly string[]): APIEmbedField[] {
  if (questions.length === 0) return [];
  // "NN. " before each and "\n" between: what is left is shared out evenly.
  const room = Math.floor(FIELD_VALUE_MAX / questions.length) - 5;
  const lines = questions.map((q, i) => `${i + 1}. ${fitText(oneLine(q), room)}`);
  return [{ name: QUESTIONS_HEADING, value: packLines(lines, FIELD_VALUE_MAX).text }];
}

function addedField(digest: Digest): APIEmbedField[] {
  const lines = digest.added
    .slice(0, MAX_ADDED)
    .map((p) => `• ${paperLink(p)} · ${p.year}${abstractOnlyMark(p)}`);
  // Room for "and 99999 more" under the lines, which are cut to fit above it.
  const packed = packLines(lines, FIELD_VALUE_MAX - 20);
  const more = moreAdded(digest, lines.length - packed.left);
  const value = [packed.text, more].filter(Boolean).join("\n");
  return value ? [{ name: ADDED_HEADING, value }] : [];
}

function askedField(digest: Digest): APIEmbedField[] {
  const lines = digest.mostAsked
    .slice(0, MAX_ASKED)
    .map((a) => `• ${paperLink(a.paper)} — ${questionCount(a.count)}`);
  const { text } = packLines(lines, FIELD_VALUE_MAX);
  return text ? [{ name: ASKED_HEADING, value: text }] : [];
}

/** The featured paper's embed: as its card, with the author line on top and the hint below. */
function featuredEmbed(featured: FeaturedPaper, fields: APIEmbedField[]): APIEmbed {
  const { paper, summary, figure } = featured.card;
  // Footers and author names show no markdown: plain text, @everyone broken all the same.
  const note = summarySourceNote(paper);
  const citation = breakSpecialMentions(`${venueLine(paper)}${note ? `\n${note}` : ""}`);
  // The hint stays whole; a runaway venue is what gets cut.
  const room = FOOTER_MAX - DIGEST_THREAD_HINT.length - 1;
  const footer = `${fitPlain(citation, room)}\n${DIGEST_THREAD_HINT}`;
  const authors = breakSpecialMentions(shortAuthors(paper.authors, 6));
  const embed: APIEmbed = {
    title: fitText(paper.title, EMBED_TITLE_MAX),
    ...(/^https?:\/\//i.test(paper.url) ? { url: paper.url } : {}),
    color: DIGEST_COLOUR,
    author: { name: fitPlain(authors, EMBED_AUTHOR_MAX) },
    ...(fields.length > 0 ? { fields } : {}),
    footer: { text: footer },
    ...image(figure),
  };
  // The summary gets what room the rest leaves: it is the part that can be cut.
  return { ...embed, description: fitText(summary, descriptionRoom(embed)) };
}

/**
 * Renders a digest as the Discord message posted to a channel, within Discord's limits and
 * pinging no one.
 */
export function toDiscordDigest(digest: Digest): DiscordMessage {
  const { featured } = digest;
  const lists = [...addedField(digest), ...askedField(digest)];
  const embed = featured
    ? featuredEmbed(featured, [...questionsField(featured.questions), ...lists])
    : {
        color: DIGEST_COLOUR,
        description: escapeMarkdown(NO_FEATURED),
        ...(lists.length > 0 ? { fields: lists } : {}),
      };
  return {
    content: bold(fitText(digestHeading(digest), CONTENT_MAX - 4)),
    embeds: [embed],
    allowedMentions: { parse: [] },
  };
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
