/**
 * Renders a digest as plain text: what `paperbot digest preview --platform text` prints and what
 * the console shows. No markup and no limits: a terminal shows whatever it is given.
 */
// renderText.ts imports this module back for the "digest" reply; the cycle is safe because both
// only call each other's functions, never at load time.
import { toPlainText } from "../answer/renderText.ts";
import { type Digest, MAX_ADDED, MAX_ASKED } from "./digest.ts";
import {
  ADDED_HEADING,
  ASKED_HEADING,
  abstractOnlyMark,
  digestHeading,
  moreAdded,
  NO_FEATURED,
  QUESTIONS_HEADING,
  questionCount,
} from "./digestPhrases.ts";

/** The featured paper's card and its questions, numbered; or why there is no paper. */
function featuredLines(digest: Digest): string[] {
  const { featured } = digest;
  if (!featured) return [NO_FEATURED];
  // The card as `/paper NAME` shows it, so the digest and a look-up read the same.
  const lines = [toPlainText(featured.card)];
  if (featured.questions.length > 0) {
    lines.push("", `${QUESTIONS_HEADING}:`);
    featured.questions.forEach((q, i) => {
      lines.push(`  ${i + 1}. ${oneLine(q)}`);
    });
  }
  return lines;
}

/**
 * The added papers by title, and how many more; nothing when none were added. At most
 * `MAX_ADDED` are named, as on the chat platforms, so the three show the same digest.
 */
function addedLines(digest: Digest): string[] {
  const shown = digest.added.slice(0, MAX_ADDED);
  const more = moreAdded(digest, shown.length);
  if (shown.length === 0 && !more) return [];
  const lines = ["", `${ADDED_HEADING}:`];
  for (const paper of shown) {
    lines.push(`  • ${oneLine(paper.title)} · ${paper.year}${abstractOnlyMark(paper)}`);
  }
  if (more) lines.push(`  ${more}`);
  return lines;
}

/** The most-asked papers with their counts; nothing when no one asked. */
function askedLines(digest: Digest): string[] {
  if (digest.mostAsked.length === 0) return [];
  return [
    "",
    `${ASKED_HEADING}:`,
    ...digest.mostAsked
      .slice(0, MAX_ASKED)
      .map((a) => `  • ${oneLine(a.paper.title)} — ${questionCount(a.count)}`),
  ];
}

/** A title or question on one line, so a stray newline cannot break the list's layout. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A digest as plain text: heading, featured card and questions, new papers, most asked. */
export function digestToPlainText(digest: Digest): string {
  return [
    digestHeading(digest),
    "",
    ...featuredLines(digest),
    ...addedLines(digest),
    ...askedLines(digest),
  ].join("\n");
}
