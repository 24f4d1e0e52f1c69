/**
 * The open-questions message over generated questions full of markup and pings: what the core
 * shows (at most three, one line each, in order), and that every platform's rendering of it stays
 * within its limits and pings no one. Limits: https://docs.slack.dev/reference/block-kit/blocks
 * and https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EMBED_DESCRIPTION_MAX,
  EMBEDS_TOTAL_MAX,
  embedLength,
  FIELD_VALUE_MAX,
  outlineToDiscord,
} from "../../adapters/discord/render.ts";
import {
  FALLBACK_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  outlineToSlack,
  SECTION_TEXT_MAX,
} from "../../adapters/slack/render.ts";
import {
  MAX_OPEN_QUESTIONS,
  OPEN_QUESTION_MAX,
  OPEN_QUESTIONS_HEADING,
  openQuestionsOutline,
  shownOpenQuestions,
} from "../../src/digest/openQuestions.ts";
import { outlineToPlainText } from "../../src/outline/plainText.ts";
import { hostileText } from "../helpers/replyArbitrary.ts";

/** Lists of questions as people type them: markup, pings, line breaks, some very long. */
const questionsArbitrary = fc.array(hostileText(30), { maxLength: 6 });

describe("the open questions the core shows", () => {
  it("are at most three, each on one line within the length cap, most asked first", () => {
    fc.assert(
      fc.property(questionsArbitrary, (questions) => {
        const shown = shownOpenQuestions(questions);
        expect(shown.length).toBeLessThanOrEqual(MAX_OPEN_QUESTIONS);
        const nonBlank = questions.filter((q) => q.trim() !== "");
        expect(shown).toHaveLength(Math.min(nonBlank.length, MAX_OPEN_QUESTIONS));
        shown.forEach((question, i) => {
          expect(question.length).toBeLessThanOrEqual(OPEN_QUESTION_MAX);
          expect(question).not.toMatch(/[\n\r\u2028\u2029]/);
          expect(question).toBe(question.trim());
          // The same question, in the same place: its words, shortened only at the end.
          const source = (nonBlank[i] ?? "").replace(/\s+/g, " ").trim();
          expect(source.startsWith(question.replace(/…$/, ""))).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("make no message when there is nothing to show", () => {
    expect(openQuestionsOutline([])).toBeUndefined();
    expect(openQuestionsOutline([" ", "\n\t"])).toBeUndefined();
  });

  it("read as a heading over quoted questions in plain text", () => {
    const outline = openQuestionsOutline(["Which GPU?\nAnd how long?", "Is there code?"]);
    if (!outline) throw new Error("no message");
    expect(outlineToPlainText(outline)).toBe(
      `${OPEN_QUESTIONS_HEADING}\n  • "Which GPU? And how long?"\n  • "Is there code?"`,
    );
  });
});

describe("the open-questions message on Slack", () => {
  it("stays within Block Kit's limits and pings no one, for any questions", () => {
    fc.assert(
      fc.property(questionsArbitrary, (questions) => {
        const outline = openQuestionsOutline(questions);
        if (!outline) return;
        const message = outlineToSlack(outline);
        expect(message.text).toBe(OPEN_QUESTIONS_HEADING.slice(0, FALLBACK_TEXT_MAX));
        expect(message.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS_MAX);
        const texts = message.blocks.flatMap((b) =>
          b.type === "section" && b.text ? [b.text.text] : [],
        );
        expect(texts.join("\n")).toContain(OPEN_QUESTIONS_HEADING);
        for (const text of texts) {
          expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
          // No mention, channel ping or link can start: every < of theirs is escaped.
          expect(text).not.toMatch(/[<>]/);
          expect(text).not.toMatch(/@(here|channel|everyone)\b/i);
          expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("the open-questions message on Discord", () => {
  it("stays within the embed limits and pings no one, for any questions", () => {
    fc.assert(
      fc.property(questionsArbitrary, (questions) => {
        const outline = openQuestionsOutline(questions);
        if (!outline) return;
        const message = outlineToDiscord(outline);
        expect(message.allowedMentions).toEqual({ parse: [] });
        expect(message.embeds).toHaveLength(1);
        const [embed] = message.embeds;
        expect(embedLength(embed ?? {})).toBeLessThanOrEqual(EMBEDS_TOTAL_MAX);
        expect(embed?.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
        const fields = embed?.fields ?? [];
        expect(fields.map((f) => f.name)).toEqual([OPEN_QUESTIONS_HEADING]);
        for (const { value } of fields) {
          expect(value.length).toBeLessThanOrEqual(FIELD_VALUE_MAX);
          // A mention needs an unescaped "<@", "<#" or "<@&"; @everyone and @here are broken.
          expect(value).not.toMatch(/(^|[^\\])<[@#]/);
          expect(value.replace(/https?:\/\/\S+/g, "")).not.toMatch(/@(everyone|here)\b/i);
          // One line per question: nothing of theirs starts a line (a heading, a quote, a list).
          expect(value.split("\n").every((line) => line.startsWith("• “"))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
