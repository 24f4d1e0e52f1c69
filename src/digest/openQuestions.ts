/**
 * The digest's open questions (`DIGEST_OPEN_QUESTIONS=on`, #16): questions people asked since the
 * last digest that the summaries could not answer, posted in the digest's discussion thread for
 * the group to take up. They are people's own words, so the outline marks each one as a quote:
 * every platform escapes quotes (no pings, no markup of theirs), as it does the asker's words
 * elsewhere.
 */
import { truncateAtWord } from "../display/truncate.ts";
import type { Outline } from "../outline/outline.ts";

/** Most open questions one digest's thread is shown: a prompt to talk, not the gaps report. */
export const MAX_OPEN_QUESTIONS = 3;
/** The message's heading, over the questions. */
export const OPEN_QUESTIONS_HEADING = "Questions the summaries couldn't answer — who knows?";
/**
 * Longest question shown, in characters: a question pasted with a page of context would crowd
 * out the others, and the thread needs only enough to recognise it. Platforms may cut shorter.
 */
export const OPEN_QUESTION_MAX = 300;

/**
 * The questions as the thread shows them: each on one line and cut to {@link OPEN_QUESTION_MAX},
 * blank ones left out, at most {@link MAX_OPEN_QUESTIONS}, in the order given (most asked first).
 */
export function shownOpenQuestions(questions: readonly string[]): string[] {
  return questions
    .map((q) => truncateAtWord(q.replace(/\s+/g, " ").trim(), OPEN_QUESTION_MAX))
    .filter((q) => q !== "")
    .slice(0, MAX_OPEN_QUESTIONS);
}

/**
 * The message posted in a digest's thread: the heading over the questions (see
 * {@link shownOpenQuestions}) as a bulleted list of quotes. Undefined when there is none to show:
 * no questions, no message.
 */
export function openQuestionsOutline(questions: readonly string[]): Outline | undefined {
  const items = shownOpenQuestions(questions);
  if (items.length === 0) return undefined;
  return {
    audience: "channel",
    tone: "digest",
    fallback: OPEN_QUESTIONS_HEADING,
    blocks: [
      {
        type: "list",
        heading: OPEN_QUESTIONS_HEADING,
        style: "bullets",
        items: items.map((quote) => [{ quote }]),
      },
    ],
  };
}
