/**
 * Renders the answer model as a Slack message: mrkdwn sections, an image block for the figure,
 * a context block for authors and year. Pure: no network, unit-tested.
 * Limits: https://docs.slack.dev/reference/block-kit/blocks
 */
import type { ContextBlock, ImageBlock, KnownBlock, SectionBlock } from "@slack/types";
import {
  listSummary,
  MORE_HEADING,
  movedOnNote,
  NOT_FOUND_HINT,
  nearestHeading,
  notFoundOpening,
} from "../../src/answer/phrases.ts";
import type {
  AnswerReply,
  CardReply,
  HelpReply,
  ListReply,
  NotFoundReply,
  Reply,
} from "../../src/answer/reply.ts";
import { truncateAtWord } from "../../src/display/truncate.ts";
import type { Paper, TextSegment } from "../../src/types.ts";
import { bold, clampMrkdwn, escapeMrkdwn, mrkdwnLink } from "./mrkdwn.ts";
// renderDigest.ts imports this module's helpers back; safe, as neither calls the other at load.
import { digestBlocks } from "./renderDigest.ts";

/** A section block's text holds at most 3,000 characters. */
export const SECTION_TEXT_MAX = 3000;
/** A message holds at most 50 blocks. */
export const MESSAGE_BLOCKS_MAX = 50;
/** An image block's alt text holds at most 2,000 characters. */
export const ALT_TEXT_MAX = 2000;
/** An image block's URL holds at most 3,000 characters. */
export const IMAGE_URL_MAX = 3000;
/** The notification text beside the blocks; Slack advises keeping it under 4,000. */
export const FALLBACK_TEXT_MAX = 300;

/** A Slack message: blocks, and the plain text notifications and screen readers use. */
export interface SlackMessage {
  /** Fallback text (escaped mrkdwn). */
  text: string;
  /** The blocks, at most {@link MESSAGE_BLOCKS_MAX}. */
  blocks: KnownBlock[];
}

/** A mrkdwn section, clamped to its limit. */
export function section(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: clampMrkdwn(text, SECTION_TEXT_MAX) } };
}

/** A context block (small grey text) of one mrkdwn element, clamped to its limit. */
export function context(text: string): ContextBlock {
  return {
    type: "context",
    elements: [{ type: "mrkdwn", text: clampMrkdwn(text, SECTION_TEXT_MAX) }],
  };
}

/** The figure as an image block, when its URL is one Slack can fetch. */
function image(url: string | undefined, alt: string): ImageBlock[] {
  if (!url || !/^https?:\/\//i.test(url) || url.length > IMAGE_URL_MAX) return [];
  return [{ type: "image", image_url: url, alt_text: alt.slice(0, ALT_TEXT_MAX) }];
}

function authorsLine(paper: Paper): string {
  const authors =
    paper.authors.length > 6 ? [...paper.authors.slice(0, 6), "et al."] : paper.authors;
  return escapeMrkdwn(
    `${authors.join(", ")} · ${paper.venue} ${paper.year} · arXiv ${paper.arxiv}`,
  );
}

/** Longest title a link shows: a longer one would leave no room for the summary under it. */
const TITLE_LABEL_MAX = 300;

function titleLink(paper: Paper): string {
  return bold(mrkdwnLink(paper.url, truncateAtWord(paper.title, TITLE_LABEL_MAX)));
}

function highlighted(segments: readonly TextSegment[]): string {
  return segments
    .map((s) => (s.highlight ? bold(escapeMrkdwn(s.text)) : escapeMrkdwn(s.text)))
    .join("");
}

/** Notification text: the plain words escaped and kept short. */
export function fallback(text: string): string {
  return clampMrkdwn(escapeMrkdwn(text), FALLBACK_TEXT_MAX);
}

/**
 * A card's blocks: linked title and summary, the key figure, authors and year. The digest shows
 * its featured paper with these, so a digest and `/paper NAME` look the same.
 */
export function cardBlocks(reply: CardReply): KnownBlock[] {
  const { paper } = reply;
  return [
    section(`${titleLink(paper)}\n${escapeMrkdwn(reply.summary)}`),
    ...image(reply.figure, `Key figure of ${paper.title}`),
    context(authorsLine(paper)),
  ];
}

function renderCard(reply: CardReply): SlackMessage {
  const { paper } = reply;
  return { text: fallback(`${paper.title}: ${reply.summary}`), blocks: cardBlocks(reply) };
}

function renderAnswer(reply: AnswerReply): SlackMessage {
  const { paper } = reply;
  const blocks: KnownBlock[] = [
    section(
      `${titleLink(paper)}\n${reply.section ? `_${escapeMrkdwn(reply.section.replace(/_/g, " "))}_\n` : ""}${highlighted(reply.passage)}`,
    ),
    ...(reply.more ? [section(`${bold(MORE_HEADING)}\n${highlighted(reply.more)}`)] : []),
    ...image(reply.figure, `Figure from ${paper.title}`),
    context(authorsLine(paper)),
  ];
  if (reply.related.length > 0) {
    const lines = reply.related.map(
      (r) => `• ${mrkdwnLink(r.paper.url, r.paper.title)}: ${escapeMrkdwn(r.snippet)}`,
    );
    blocks.push(section(`*Also relevant*\n${lines.join("\n")}`));
  }
  if (reply.notCoveredBy) {
    blocks.push(context(escapeMrkdwn(movedOnNote(reply.notCoveredBy, paper))));
  }
  if (reply.fromThread) {
    blocks.push(
      context(
        escapeMrkdwn(
          `Answered from ${paper.title}, this thread's paper. Name another paper to switch.`,
        ),
      ),
    );
  }
  return { text: fallback(`${paper.title}: ${reply.passage.map((s) => s.text).join("")}`), blocks };
}

function renderNotFound(reply: NotFoundReply): SlackMessage {
  const lines = [
    notFoundOpening(reply, {
      paper: (p) => mrkdwnLink(p.url, p.title),
      question: (q) => `“${escapeMrkdwn(q)}”`,
    }),
  ];
  if (reply.nearest.length > 0) {
    lines.push(bold(nearestHeading(reply)));
    for (const paper of reply.nearest) lines.push(`• ${mrkdwnLink(paper.url, paper.title)}`);
  }
  return {
    text: fallback(reply.asked === "name" ? "No paper by that name." : "Not in our summaries."),
    blocks: [section(lines.join("\n")), context(NOT_FOUND_HINT)],
  };
}

function renderList(reply: ListReply): SlackMessage {
  const lines = reply.papers.map((p) => {
    const aliases = p.aliases.length > 0 ? ` (${escapeMrkdwn(p.aliases.join(", "))})` : "";
    return `• ${mrkdwnLink(p.url, p.title)}${aliases} · ${p.year}`;
  });
  const shown = listSummary(reply, (command) => `\`${command}\``, ".");
  return {
    text: fallback(`${reply.total} papers`),
    blocks: [...packLines(lines), context(shown)],
  };
}

function renderHelp(reply: HelpReply): SlackMessage {
  const lines = reply.commands.map(
    (c) => `\`${escapeMrkdwn(c.usage)}\`  ${escapeMrkdwn(c.description)}`,
  );
  return {
    text: "How to use paperbot",
    blocks: [
      section(`*paperbot* answers from ${reply.paperCount} paper summaries.\n${lines.join("\n")}`),
    ],
  };
}

/** Packs lines into as few sections as the 3,000-character limit allows, never splitting a line. */
export function packLines(lines: readonly string[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let current = "";
  for (const line of lines) {
    if (current && current.length + 1 + line.length > SECTION_TEXT_MAX) {
      sections.push(section(current));
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) sections.push(section(current));
  return sections;
}

/** Renders a reply as a Slack message within Block Kit's limits. */
export function toSlackMessage(reply: Reply): SlackMessage {
  const message = renderReply(reply);
  return { ...message, blocks: message.blocks.slice(0, MESSAGE_BLOCKS_MAX) };
}

function renderReply(reply: Reply): SlackMessage {
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
    case "error":
      return {
        text: fallback(reply.message),
        blocks: [section(`:warning: ${escapeMrkdwn(reply.message)}`)],
      };
    case "notice":
      // One plain section: it reads the same ephemeral or in the channel. Backticks stay code.
      return { text: fallback(reply.message), blocks: [section(escapeMrkdwn(reply.message))] };
    case "digest":
      // The note first, small, so the preview is not mistaken for the posted digest.
      return {
        text: fallback(reply.note),
        blocks: [
          context(escapeMrkdwn(reply.note)),
          ...digestBlocks(reply.digest, MESSAGE_BLOCKS_MAX - 1),
        ],
      };
  }
}

/** The same message without image blocks: sent again when Slack refuses a figure's URL. */
export function withoutImages(message: SlackMessage): SlackMessage {
  return { ...message, blocks: message.blocks.filter((b) => b.type !== "image") };
}
