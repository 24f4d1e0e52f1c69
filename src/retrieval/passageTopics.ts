import { termsOf } from "../text/terms.ts";
import type { Paper, Passage } from "../types.ts";

/** Longest head line of a bullet read as naming what its sub-bullets are about. */
const TOPIC_LINE_CHARS = 100;
/** Most words of a "Label:" that opens a bullet ("Data augmentation: ..."). */
const LABEL_WORDS = 4;

/** One line of a passage's text, read as notes write them. */
export interface NoteLine {
  /** The line without its list marker or bold marks, trimmed. */
  body: string;
  /** Whether it is a list item. Passages write every list marker as "-" or a number. */
  bullet: boolean;
  /** Whether the next line is indented deeper: an item with sub-items under it. */
  parent: boolean;
}

/** How many white-space characters a line of a passage starts with: its depth in a list. */
export function lineIndent(line: string | undefined): number {
  return /^\s*/.exec(line ?? "")?.[0].length ?? 0;
}

/** The lines of a passage's text (see {@link NoteLine}). */
export function noteLines(text: string): NoteLine[] {
  const lines = text.split("\n");
  return lines.map((line, at) => {
    const bullet = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    return {
      body: (bullet?.[1] ?? line).replace(/\*\*|__/g, "").trim(),
      bullet: bullet !== null,
      parent: at + 1 < lines.length && lineIndent(lines[at + 1]) > lineIndent(line),
    };
  });
}

/**
 * What a passage says it is about, beyond what it mentions: its headings, the head line of each
 * bullet with sub-bullets under it ("Fix 2: delayed policy updates" over its details), and the
 * label that opens a bullet ("RoI pooling: ..."). A question about delayed policy updates is
 * answered where notes file the details under that name, not in the overview that lists it.
 */
export function passageTopics(passage: Passage): string[] {
  const topics = [...(passage.headings ?? [])];
  for (const { body, bullet, parent } of noteLines(passage.text)) {
    if (!bullet) continue;
    if (parent) {
      topics.push(body.slice(0, TOPIC_LINE_CHARS));
      continue;
    }
    const label = /^([^.!?:]{1,40}):\s/.exec(body)?.[1];
    if (label && label.split(/\s+/).length <= LABEL_WORDS) topics.push(label);
  }
  return topics;
}

/** The index terms of {@link passageTopics}. */
export function topicTerms(passage: Passage): Set<string> {
  return new Set(termsOf(passageTopics(passage).join("\n")));
}

/**
 * The passage that files a part of a paper one of its aliases names ("RoI pooling" of Fast R-CNN,
 * "AdaMax" of Adam) under that name, for a question that is only that alias: it asks about the
 * part, not for the paper's overview. Undefined for an alias that is the paper's own name (its
 * words are all its title's, or it is the first alias) or that no passage files.
 */
export function aliasPartPassage(
  paper: Paper,
  alias: string,
  passages: readonly Passage[],
): Passage | undefined {
  const words = termsOf(alias);
  const title = new Set(termsOf(paper.title));
  if (words.length === 0 || words.every((word) => title.has(word))) return undefined;
  // The first alias is the paper's short name ("CapsNet"), however its summary files the
  // architecture it names ("- CapsNet architecture (MNIST)").
  if (termsOf(paper.aliases[0] ?? "").join(" ") === words.join(" ")) return undefined;
  return passages.find((passage) => {
    const topics = topicTerms(passage);
    return words.every((word) => topics.has(word));
  });
}
