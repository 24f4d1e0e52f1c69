/**
 * Serializes the core's message outline as a Slack message: mrkdwn sections, an image block for
 * a figure, context blocks for bylines and notes, a header for the digest. Pure: no network,
 * unit-tested. Limits: https://docs.slack.dev/reference/block-kit/blocks
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  ImageBlock,
  KnownBlock,
  SectionBlock,
} from "@slack/types";
import { shortAuthors, venueLine } from "../../src/answer/phrases.ts";
import type { Reply } from "../../src/answer/reply.ts";
import { DIGEST_THREAD_HINT, type Digest } from "../../src/digest/digest.ts";
import { moreItems } from "../../src/digest/digestPhrases.ts";
import { truncateAtWord } from "../../src/display/truncate.ts";
import {
  type FeedbackHandle,
  HELPFUL_LABEL,
  UNHELPFUL_LABEL,
} from "../../src/feedback/feedback.ts";
import type { Block, Inline, ListBlock, Outline, PaperBlock } from "../../src/outline/outline.ts";
import { digestOutline, outlineOf } from "../../src/outline/outlineOf.ts";
import type { Paper } from "../../src/types.ts";
import { bold, clampMrkdwn, escapeMrkdwn, mrkdwnLink } from "./mrkdwn.ts";

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
/** A header block's plain text holds at most 150 characters. */
export const HEADER_TEXT_MAX = 150;
/**
 * A button's label holds at most 75 characters, its `value` at most 2,000 and its `action_id` at
 * most 255: https://docs.slack.dev/reference/block-kit/block-elements/button-element
 */
export const BUTTON_TEXT_MAX = 75;
/** See {@link BUTTON_TEXT_MAX}. */
export const BUTTON_VALUE_MAX = 2000;
/** See {@link BUTTON_TEXT_MAX}. */
export const ACTION_ID_MAX = 255;
/** The `action_id` of the "Helpful" button under an answer: the adapter listens for it. */
export const VOTE_HELPFUL_ACTION = "paperbot_vote_helpful";
/** The `action_id` of the "Not helpful" button. */
export const VOTE_UNHELPFUL_ACTION = "paperbot_vote_unhelpful";
/** How people take part in a digest's discussion: the shared wording. */
export const SLACK_THREAD_HINT = DIGEST_THREAD_HINT;

/** Longest title a link shows: a longer one would leave no room for the summary under it. */
const TITLE_LABEL_MAX = 300;
/** Longest title a one-line list item shows: one title cannot crowd the others out. */
const LIST_TITLE_MAX = 150;
/** Longest one-line item of words: three fill a section, and a longer one would not be read. */
const ITEM_MAX = 900;
/** Most authors a byline names. */
const BYLINE_AUTHORS = 6;

/** A Slack message: blocks, and the plain text notifications and screen readers use. */
export interface SlackMessage {
  /** Fallback text (escaped mrkdwn). */
  text: string;
  /** The blocks, at most {@link MESSAGE_BLOCKS_MAX}. */
  blocks: KnownBlock[];
}

/** A mrkdwn section, clamped to its limit. */
function section(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: clampMrkdwn(text, SECTION_TEXT_MAX) } };
}

/** A context block (small grey text) of one mrkdwn element, clamped to its limit. */
function context(text: string): ContextBlock {
  return {
    type: "context",
    elements: [{ type: "mrkdwn", text: clampMrkdwn(text, SECTION_TEXT_MAX) }],
  };
}

function header(text: string): HeaderBlock {
  // Plain text: Slack parses no mentions or links in it, so nothing needs escaping.
  return {
    type: "header",
    text: { type: "plain_text", text: truncateAtWord(text, HEADER_TEXT_MAX), emoji: true },
  };
}

/** The figure as an image block, when its URL is one Slack can fetch. */
function image(url: string, alt: string): ImageBlock[] {
  if (!/^https?:\/\//i.test(url) || url.length > IMAGE_URL_MAX) return [];
  return [{ type: "image", image_url: url, alt_text: alt.slice(0, ALT_TEXT_MAX) }];
}

/** A title or question on one line: a newline inside one would break a list's layout. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Escaped mrkdwn of a run of inlines; `compact` cuts a paper's title to fit one line. */
function mrkdwn(content: readonly Inline[], compact = false): string {
  return content
    .map((part) => {
      if (typeof part === "string") return escapeMrkdwn(part);
      if ("text" in part)
        return part.highlight ? bold(escapeMrkdwn(part.text)) : escapeMrkdwn(part.text);
      if ("strong" in part) return bold(escapeMrkdwn(part.strong));
      if ("code" in part) return `\`${escapeMrkdwn(part.code)}\``;
      if ("paper" in part) {
        const { url, title } = part.paper;
        return mrkdwnLink(url, compact ? truncateAtWord(oneLine(title), LIST_TITLE_MAX) : title);
      }
      return `“${escapeMrkdwn(part.quote)}”`;
    })
    .join("");
}

function byline(paper: Paper): string {
  return escapeMrkdwn(`${shortAuthors(paper.authors, BYLINE_AUTHORS)} · ${venueLine(paper)}`);
}

/**
 * A paper's blocks: linked title and passage (or summary), a second passage, the figure, and the
 * byline. A digest's featured paper and `/paper NAME` look the same.
 */
function paperBlocks(block: PaperBlock): KnownBlock[] {
  const { paper } = block;
  const title = bold(mrkdwnLink(paper.url, truncateAtWord(paper.title, TITLE_LABEL_MAX)));
  const where = block.section ? `_${escapeMrkdwn(block.section.replace(/_/g, " "))}_\n` : "";
  return [
    section(`${title}\n${where}${mrkdwn(block.body)}`),
    ...(block.more ? [section(`${bold(block.more.heading)}\n${mrkdwn(block.more.body)}`)] : []),
    ...(block.figure ? image(block.figure.url, block.figure.alt) : []),
    context(byline(paper)),
  ];
}

/**
 * A list's sections. One-line (compact) items of words are shortened so all of them fit one
 * section; items with a paper keep their link whole, its title cut instead.
 */
function listBlocks(block: ListBlock): SectionBlock[] {
  const heading = block.heading ? bold(escapeMrkdwn(block.heading)) : "";
  // "\n" and "NN. " per item; what is left is shared out evenly.
  const room = Math.floor((SECTION_TEXT_MAX - heading.length) / block.items.length) - 6;
  const max = Math.min(ITEM_MAX, Math.max(room, 2));
  const lines = block.items.map((item, i) => {
    const hasPaper = item.some((part) => typeof part === "object" && "paper" in part);
    let text = mrkdwn(
      block.compact ? item.map((p) => (typeof p === "string" ? p.replace(/\s+/g, " ") : p)) : item,
      block.compact,
    );
    if (block.compact && !hasPaper) text = clampMrkdwn(text, max);
    if (block.style === "numbers") return `${i + 1}. ${text}`;
    return block.style === "bullets" ? `• ${text}` : text;
  });
  const more = block.total === undefined ? "" : moreItems(block.total, block.items.length);
  if (lines.length === 0 && !more) return [];
  return packLines([...(heading ? [heading] : []), ...lines, ...(more ? [more] : [])]);
}

function blocksOf(block: Block, outline: Outline): KnownBlock[] {
  switch (block.type) {
    case "paper":
      return paperBlocks(block);
    case "text": {
      const sign = outline.tone === "error" ? ":warning: " : "";
      return [section(`${sign}${mrkdwn(block.content)}`)];
    }
    case "list":
      return listBlocks(block);
    case "commands":
      return packLines(
        block.commands.map((c) => `\`${escapeMrkdwn(c.usage)}\`  ${escapeMrkdwn(c.description)}`),
      );
    case "heading":
      return [header(block.text)];
    case "note":
      return [context(mrkdwn(block.content))];
  }
}

/** One vote button, its label within Block Kit's limit, carrying the answer's id back. */
function voteButton(label: string, actionId: string, answerId: string): Button {
  return {
    type: "button",
    text: { type: "plain_text", text: label.slice(0, BUTTON_TEXT_MAX) },
    action_id: actionId,
    value: answerId,
  };
}

/**
 * The "Helpful" / "Not helpful" buttons under an answer, as one actions block; none when the
 * message is not one to vote on, or (never in practice: ids are 16 characters) when its id would
 * not fit a button's value. No `block_id`: Slack makes one, unique per message as its actions-block
 * reference asks (https://docs.slack.dev/reference/block-kit/blocks/actions-block), so no limit of
 * ours can be broken there.
 */
export function voteBlocks(feedback: FeedbackHandle | undefined): ActionsBlock[] {
  const answerId = feedback?.answerId;
  if (!answerId || answerId.length > BUTTON_VALUE_MAX) return [];
  return [
    {
      type: "actions",
      elements: [
        voteButton(HELPFUL_LABEL, VOTE_HELPFUL_ACTION, answerId),
        voteButton(UNHELPFUL_LABEL, VOTE_UNHELPFUL_ACTION, answerId),
      ],
    },
  ];
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

/** Notification text: the plain words escaped and kept short. */
function fallback(text: string): string {
  return clampMrkdwn(escapeMrkdwn(text), FALLBACK_TEXT_MAX);
}

/**
 * An outline as a Slack message within Block Kit's limits. The notes that end it (where an answer
 * came from, how to join a digest's discussion) and the vote buttons under an answer survive the
 * cut to 50 blocks whatever happens: a long list loses its last items, never its buttons.
 */
export function outlineToSlack(outline: Outline): SlackMessage {
  let last = outline.blocks.length;
  while (last > 0 && outline.blocks[last - 1]?.type === "note") last -= 1;
  const body = outline.blocks.slice(0, last).flatMap((b) => blocksOf(b, outline));
  const tail = [
    ...outline.blocks.slice(last).flatMap((b) => blocksOf(b, outline)),
    ...voteBlocks(outline.feedback),
  ];
  return {
    text: fallback(outline.fallback),
    blocks: body.slice(0, MESSAGE_BLOCKS_MAX - tail.length).concat(tail),
  };
}

/** Renders a reply as a Slack message within Block Kit's limits. */
export function toSlackMessage(reply: Reply): SlackMessage {
  return outlineToSlack(outlineOf(reply));
}

/** Renders a digest as the Slack message posted to a channel. */
export function toSlackDigest(digest: Digest): SlackMessage {
  return outlineToSlack(digestOutline(digest));
}

/**
 * The same message without image blocks: sent again when Slack refuses a figure's URL. The vote
 * buttons stay: the answer is still one to vote on.
 */
export function withoutImages(message: SlackMessage): SlackMessage {
  return { ...message, blocks: message.blocks.filter((b) => b.type !== "image") };
}
