/**
 * The message outline: what a reply says and how it is structured, built once in the core from a
 * reply (see `outlineOf`). Every platform serializes the same outline: it escapes the words, fits
 * them into its limits and lays the blocks out in its own containers (Block Kit sections, embed
 * fields, terminal lines); it never decides what is said.
 */
import type { Audience } from "../answer/card.ts";
import type { FeedbackHandle } from "../feedback/feedback.ts";
import type { Paper } from "../types.ts";

/**
 * A run of words inside a block. Plain strings are words the platform escapes; the other forms say
 * what a run is, and each platform marks it up in its own way.
 */
export type Inline =
  /** Words, shown as they are (escaped by the platform). */
  | string
  /** A run of a passage; `highlight` marks the question's terms (bold on chat platforms). */
  | { text: string; highlight: boolean }
  /** Words that stand out: a name at the start of a line. */
  | { strong: string }
  /** A command the person can type (`/paper list`): inline code where the platform has it. */
  | { code: string }
  /** A paper, by its title: a link to it where the platform has links. */
  | { paper: Paper }
  /** The asker's own words, quoted (and cut short where the platform needs it). */
  | { quote: string };

/** A figure shown with a paper. */
export interface Figure {
  /** The image URL. */
  url: string;
  /** What the image shows, for screen readers ("Key figure of MixMatch: ..."). */
  alt: string;
  /** Its label where only the URL can be shown ("Key figure", "Figure"). */
  label: string;
}

/** One paper: its linked title and byline, a passage or summary, and its figure. */
export interface PaperBlock {
  type: "paper";
  paper: Paper;
  /**
   * `card`: the paper introduced (who wrote it, what it is about); `passage`: a passage of its
   * summary that answers a question. Platforms lay a card's byline out in full.
   */
  role: "card" | "passage";
  /** Where a passage stands in the summary, its headings: "How › Bias correction". */
  section?: string;
  /** The summary or the passage. */
  body: Inline[];
  /** A second passage of the same summary, under its heading. */
  more?: { heading: string; body: Inline[] };
  /** The figure that goes with it. */
  figure?: Figure;
}

/** A paragraph of our own words. */
export interface TextBlock {
  type: "text";
  content: Inline[];
}

/** A list: one line per item, under an optional heading. */
export interface ListBlock {
  type: "list";
  heading?: string;
  /** `bullets` (•), `numbers` (1.) or `plain` (one line each, no mark). */
  style: "bullets" | "numbers" | "plain";
  /** The items, each one line. */
  items: Inline[][];
  /**
   * How many items there are in all, when more exist than `items` holds: the platform says how
   * many it left out (see `moreItems`), counting those its own limits cut too.
   */
  total?: number;
  /**
   * True when each item must stay on one line, titles and all (a digest's lists): platforms cut
   * long titles short rather than let one item crowd out the rest.
   */
  compact?: boolean;
}

/** The commands the bot takes, with what each does. */
export interface CommandsBlock {
  type: "commands";
  commands: ReadonlyArray<{ usage: string; description: string }>;
}

/** A heading over the whole message (the digest's "Reading group digest · 23 November 2026"). */
export interface HeadingBlock {
  type: "heading";
  text: string;
}

/** Small print under what it qualifies: where an answer came from, what to try next. */
export interface NoteBlock {
  type: "note";
  content: Inline[];
  /**
   * True for a note about the chat thread the message opens (the digest's "discuss it in this
   * message's thread"): a terminal, which has no thread, leaves it out.
   */
  threadOnly?: boolean;
}

/** One part of a message. */
export type Block = PaperBlock | TextBlock | ListBlock | CommandsBlock | HeadingBlock | NoteBlock;

/** What a message is, so a platform can give it a colour or a sign. */
export type Tone = "answer" | "notFound" | "info" | "digest" | "error" | "notice";

/** One message, platform-neutral: built by `outlineOf`, serialized by each platform. */
export interface Outline {
  /** Who sees it: everyone in the conversation, or only the asker. */
  audience: Audience;
  tone: Tone;
  /** One short plain line for notifications and screen readers (unescaped). */
  fallback: string;
  /** A short name for what it shows, for platforms with a title slot ("Papers in our summaries"). */
  title?: string;
  /** The parts, in reading order. */
  blocks: Block[];
  /**
   * Vote buttons under the message ("Helpful", "Not helpful"), carrying the recorded answer's id:
   * each platform lays them out in its own controls (Block Kit buttons, message components, `+`/`-`).
   */
  feedback?: FeedbackHandle;
}

/** The words of a run of inlines, without markup: for fallbacks and plain platforms. */
export function plainWords(content: readonly Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === "string") return part;
      if ("text" in part) return part.text;
      if ("strong" in part) return part.strong;
      if ("code" in part) return part.code;
      if ("paper" in part) return part.paper.title;
      return part.quote;
    })
    .join("");
}

/**
 * Our own sentence with its commands in backticks (`/paper digest`) as inlines: the commands
 * become `code`, the rest words.
 */
export function withCode(message: string): Inline[] {
  return message
    .split(/(`[^`\n]+`)/)
    .filter((part) => part !== "")
    .map((part) => (/^`[^`\n]+`$/.test(part) ? { code: part.slice(1, -1) } : part));
}
