/**
 * Renders a digest as a Slack message: a header, the featured paper's card (as `/paper NAME`
 * shows it), its discussion questions, the new and the most-asked papers, and how to take part.
 * Pure: no network, unit-tested. Limits: https://docs.slack.dev/reference/block-kit/blocks
 */
import type { HeaderBlock, KnownBlock } from "@slack/types";
import { type Digest, MAX_ADDED, MAX_ASKED } from "../../src/digest/digest.ts";
import {
  ADDED_HEADING,
  ASKED_HEADING,
  digestHeading,
  moreAdded,
  NO_FEATURED,
  QUESTIONS_HEADING,
  questionCount,
} from "../../src/digest/digestPhrases.ts";
import { truncateAtWord } from "../../src/display/truncate.ts";
import type { Paper } from "../../src/types.ts";
import { bold, clampMrkdwn, escapeMrkdwn, mrkdwnLink } from "./mrkdwn.ts";
import {
  cardBlocks,
  context,
  fallback,
  MESSAGE_BLOCKS_MAX,
  packLines,
  SECTION_TEXT_MAX,
  type SlackMessage,
  section,
} from "./render.ts";

/** A header block's plain text holds at most 150 characters. */
export const HEADER_TEXT_MAX = 150;
/** Longest title a list line shows: one long title cannot crowd the others out of a section. */
const LIST_TITLE_MAX = 150;
/** Longest question shown: three fill a section, and a longer one would not be read anyway. */
const QUESTION_MAX = 900;

/**
 * How people take part, in Slack's words: the digest is a channel message, and people discuss
 * it in its thread. The bot's mention name depends on the workspace, so it stays generic.
 */
export const SLACK_THREAD_HINT =
  "Reply in this message's thread and mention the bot with a question: it answers from this paper's summary.";

function header(text: string): HeaderBlock {
  // Plain text: Slack parses no mentions or links in it, so nothing needs escaping.
  return {
    type: "header",
    text: { type: "plain_text", text: truncateAtWord(text, HEADER_TEXT_MAX), emoji: true },
  };
}

/** A paper as a list item's link, its title cut so one long title cannot fill the section. */
function paperLink(paper: Paper): string {
  return mrkdwnLink(paper.url, truncateAtWord(oneLine(paper.title), LIST_TITLE_MAX));
}

/** A title or question on one line: a newline inside one would break the list's layout. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The numbered questions in one section, each shortened to leave room for all of them. */
function questionBlocks(questions: readonly string[]): KnownBlock[] {
  if (questions.length === 0) return [];
  const heading = bold(QUESTIONS_HEADING);
  // "\n" + "NN. " per question; what is left is shared out evenly.
  const room = Math.floor((SECTION_TEXT_MAX - heading.length) / questions.length) - 6;
  const max = Math.min(QUESTION_MAX, Math.max(room, 2));
  const lines = questions.map((q, i) => `${i + 1}. ${clampMrkdwn(escapeMrkdwn(oneLine(q)), max)}`);
  return [section([heading, ...lines].join("\n"))];
}

function addedBlocks(digest: Digest): KnownBlock[] {
  const shown = digest.added.slice(0, MAX_ADDED);
  const more = moreAdded(digest, shown.length);
  if (shown.length === 0 && !more) return [];
  const lines = shown.map((p) => `• ${paperLink(p)} · ${p.year}`);
  return packLines([bold(ADDED_HEADING), ...lines, ...(more ? [more] : [])]);
}

function askedBlocks(digest: Digest): KnownBlock[] {
  if (digest.mostAsked.length === 0) return [];
  const lines = digest.mostAsked
    .slice(0, MAX_ASKED)
    .map((a) => `• ${paperLink(a.paper)} — ${questionCount(a.count)}`);
  return packLines([bold(ASKED_HEADING), ...lines]);
}

/** The digest's blocks, within Block Kit's limits (at most `room` of them). */
export function digestBlocks(digest: Digest, room = MESSAGE_BLOCKS_MAX): KnownBlock[] {
  const { featured } = digest;
  const top: KnownBlock[] = [header(digestHeading(digest))];
  if (featured) top.push(...cardBlocks(featured.card), ...questionBlocks(featured.questions));
  else top.push(section(escapeMrkdwn(NO_FEATURED)));
  const hint = featured ? [context(escapeMrkdwn(SLACK_THREAD_HINT))] : [];
  // The lists are bounded (ten and five lines), but the hint must survive whatever happens.
  const lists = [...addedBlocks(digest), ...askedBlocks(digest)];
  return [...top, ...lists].slice(0, room - hint.length).concat(hint);
}

/** Renders a digest as the Slack message posted to a channel. */
export function toSlackDigest(digest: Digest): SlackMessage {
  const title = digest.featured ? `: ${digest.featured.card.paper.title}` : "";
  return { text: fallback(`${digestHeading(digest)}${title}`), blocks: digestBlocks(digest) };
}
