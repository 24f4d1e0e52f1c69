/**
 * Properties of the Slack renderer over generated replies full of markup and pings. Limits:
 * https://docs.slack.dev/reference/block-kit/blocks
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALT_TEXT_MAX,
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  FALLBACK_TEXT_MAX,
  IMAGE_URL_MAX,
  MESSAGE_BLOCKS_MAX,
  SECTION_TEXT_MAX,
  type SlackMessage,
  toSlackMessage,
  withoutImages,
} from "../../../adapters/slack/render.ts";
import type { Reply } from "../../../src/answer/reply.ts";
import { fakePaper } from "../../helpers/papers.ts";
import { replyArbitrary } from "../../helpers/replyArbitrary.ts";

/** Every mrkdwn text of a message, the fallback too. */
function mrkdwnTexts(message: SlackMessage): string[] {
  const texts = [message.text];
  for (const block of message.blocks) {
    if (block.type === "section" && block.text) texts.push(block.text.text);
    if (block.type === "context") {
      for (const element of block.elements) if ("text" in element) texts.push(element.text);
    }
  }
  return texts;
}

/** A link as the renderer writes one: an http(s) target, a label with no markup in it. */
const LINK = /<https?:\/\/[^<>|\s]+\|[^<>|]*>/g;

describe("toSlackMessage (fast-check's counterexamples)", () => {
  it("escapes & in a link's URL, as Slack reads entities there", () => {
    const paper = { ...fakePaper(1), title: "", url: "http://a.aa/&" };
    const message = toSlackMessage({
      kind: "list",
      audience: "channel",
      papers: [paper],
      total: 20,
    });
    expect(mrkdwnTexts(message).join("\n")).toContain("<http://a.aa/&amp;|>");
  });

  it("links no URL that is not http(s): the title alone", () => {
    const paper = { ...fakePaper(1), title: "Plain", url: "javascript:alert(1)" };
    const message = toSlackMessage({
      kind: "list",
      audience: "channel",
      papers: [paper],
      total: 20,
    });
    const text = mrkdwnTexts(message).join("\n");
    expect(text).toContain("• Plain (P1) · 2019");
    expect(text).not.toContain("javascript");
  });
});

describe("toSlackMessage (properties)", () => {
  it("stays within Block Kit's limits, for any reply", () => {
    fc.assert(
      fc.property(replyArbitrary, (reply) => {
        const message = toSlackMessage(reply);
        expect(message.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS_MAX);
        expect(message.text.length).toBeLessThanOrEqual(FALLBACK_TEXT_MAX);
        for (const text of mrkdwnTexts(message)) {
          expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
        }
        for (const block of message.blocks) {
          if (block.type !== "image") continue;
          const url = "image_url" in block ? block.image_url : "";
          expect(url.length).toBeLessThanOrEqual(IMAGE_URL_MAX);
          expect(url).toMatch(/^https?:\/\//);
          expect(block.alt_text.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("pings no one and breaks no escape or link, for any reply", () => {
    fc.assert(
      fc.property(replyArbitrary, (reply) => {
        for (const text of mrkdwnTexts(toSlackMessage(reply))) {
          expect(text).not.toMatch(/<[!@#]/);
          expect(text).not.toMatch(/@(here|channel|everyone)\b/i);
          // Every & starts one of the three entities Slack knows.
          expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
          // Outside the links, no < or > is left: nothing half a link or a mention.
          expect(text.replace(LINK, "")).not.toMatch(/[<>]/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** A reply people can vote on (an answer, a comparison, a list of related papers), recorded. */
const ratedReplyArbitrary = fc
  .tuple(
    replyArbitrary.filter(
      (reply) => reply.kind === "answer" || reply.kind === "compare" || reply.kind === "papers",
    ),
    fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom("a", "Z", "0", "-", "_") }),
  )
  .map(([reply, answerId]) => ({ ...reply, feedback: { answerId } }) as Reply);

describe("toSlackMessage with vote buttons (properties, #16)", () => {
  it("ends every rated reply with its two buttons, within Block Kit's limits, figure or not", () => {
    fc.assert(
      fc.property(ratedReplyArbitrary, (reply) => {
        const answerId = "feedback" in reply ? reply.feedback?.answerId : undefined;
        for (const message of [toSlackMessage(reply), withoutImages(toSlackMessage(reply))]) {
          expect(message.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS_MAX);
          const last = message.blocks.at(-1);
          expect(last?.type).toBe("actions");
          const buttons = last?.type === "actions" ? last.elements : [];
          expect(buttons).toHaveLength(2);
          for (const button of buttons) {
            if (button.type !== "button") throw new Error(`expected a button: ${button.type}`);
            expect(button.value).toBe(answerId);
            expect(button.value?.length ?? 0).toBeLessThanOrEqual(BUTTON_VALUE_MAX);
            expect(button.text.text.length).toBeLessThanOrEqual(BUTTON_TEXT_MAX);
          }
          expect(message.blocks.filter((b) => b.type === "actions")).toHaveLength(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
