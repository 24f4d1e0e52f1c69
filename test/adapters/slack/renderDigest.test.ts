import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import {
  ALT_TEXT_MAX,
  FALLBACK_TEXT_MAX,
  HEADER_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  SECTION_TEXT_MAX,
  SLACK_THREAD_HINT,
  type SlackMessage,
  toSlackDigest,
  toSlackMessage,
} from "../../../adapters/slack/render.ts";
import { MAX_ADDED, MAX_ASKED } from "../../../src/digest/digest.ts";
import {
  ADDED_HEADING,
  ASKED_HEADING,
  NO_FEATURED,
  QUESTIONS_HEADING,
} from "../../../src/digest/digestPhrases.ts";
import { corpusDigest, emptyDigest, hugeDigest } from "../../helpers/digests.ts";

/** Every mrkdwn text of the blocks (sections and context elements), in order. */
function mrkdwnTexts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === "section") return [b.text?.text ?? ""];
    if (b.type === "context") return b.elements.map((e) => ("text" in e ? e.text : ""));
    return [];
  });
}

function expectWithinLimits({ text, blocks }: SlackMessage): void {
  expect(blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS_MAX);
  expect(text.length).toBeGreaterThan(0);
  expect(text.length).toBeLessThanOrEqual(FALLBACK_TEXT_MAX);
  for (const block of blocks) {
    if (block.type === "header")
      expect(block.text.text.length).toBeLessThanOrEqual(HEADER_TEXT_MAX);
    if (block.type === "image") expect(block.alt_text.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    if (block.type === "context") expect(block.elements.length).toBeLessThanOrEqual(10);
  }
  for (const mrkdwn of mrkdwnTexts(blocks))
    expect(mrkdwn.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
}

/** Nothing in the message can ping: no special mention, no user mention, no unescaped `<`. */
function expectNoPings(message: SlackMessage): void {
  const texts = [message.text, ...mrkdwnTexts(message.blocks)];
  for (const text of texts) {
    expect(text).not.toMatch(/@(everyone|here|channel)\b/);
    // The only `<` left open are our links, to the papers' arXiv pages.
    expect(text.replace(/<https:\/\/arxiv\.org\/abs\/[^|>]+\|[^<>|]*>/g, "")).not.toMatch(/[<>]/);
  }
}

describe("toSlackDigest", () => {
  it("renders a header, the featured card with its figure, questions, new and most asked", () => {
    const message = toSlackDigest(corpusDigest());
    const { blocks } = message;
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Reading group digest · 23 November 2026", emoji: true },
    });
    const texts = mrkdwnTexts(blocks);
    expect(texts[0]).toMatch(
      /^\*<https:\/\/arxiv\.org\/abs\/1905\.02249\|MixMatch: A Holistic Approach to Semi-Supervised Learning>\*\nAs per the “holistic”/,
    );
    expect(blocks.find((b) => b.type === "image")).toMatchObject({
      image_url: "https://i.imgur.com/6lHQqMD.png",
      alt_text: "Key figure of MixMatch: A Holistic Approach to Semi-Supervised Learning",
    });
    expect(texts[1]).toMatch(/^David Berthelot, .* · NeurIPS 2019 · arXiv 1905\.02249$/);
    expect(texts[2]).toMatch(
      new RegExp(
        `^\\*${QUESTIONS_HEADING}\\*\\n1\\. Why does MixMatch.*\\n2\\. .*\\n3\\. Would mixing`,
      ),
    );
    expect(texts[3]).toBe(
      [
        `*${ADDED_HEADING}*`,
        "• <https://arxiv.org/abs/1906.04584|Provably Robust Deep Learning via Adversarially Trained Smoothed Classifiers> · 2019",
        "• <https://arxiv.org/abs/1906.02773|One ticket to win them all: generalizing lottery ticket initializations across datasets and optimizers> · 2019",
        "and 1 more",
      ].join("\n"),
    );
    expect(texts[4]).toBe(
      [
        `*${ASKED_HEADING}*`,
        "• <https://arxiv.org/abs/1906.00949|Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction> — 4 questions",
        "• <https://arxiv.org/abs/1906.00446|Generating Diverse High-Fidelity Images with VQ-VAE-2> — 1 question",
      ].join("\n"),
    );
    expect(blocks.at(-1)).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: SLACK_THREAD_HINT }],
    });
    expect(message.text).toBe(
      "Reading group digest · 23 November 2026: MixMatch: A Holistic Approach to Semi-Supervised Learning",
    );
    expectWithinLimits(message);
    expectNoPings(message);
  });

  it("shows the featured card as /paper NAME does", () => {
    const digest = corpusDigest();
    const card = digest.featured?.card;
    expect(card).toBeDefined();
    if (!card) return;
    expect(toSlackDigest(digest).blocks.slice(1, 4)).toEqual(toSlackMessage(card).blocks);
  });

  it("leaves out empty lists, and the question heading when there are no questions", () => {
    const digest = { ...corpusDigest(), added: [], addedTotal: 0, mostAsked: [] };
    if (digest.featured) digest.featured = { ...digest.featured, questions: [] };
    const all = mrkdwnTexts(toSlackDigest(digest).blocks).join("\n");
    for (const heading of [QUESTIONS_HEADING, ADDED_HEADING, ASKED_HEADING]) {
      expect(all).not.toContain(heading);
    }
    expect(toSlackDigest(digest).blocks.map((b) => b.type)).toEqual([
      "header",
      "section",
      "image",
      "context",
      "context",
    ]);
  });

  it("says there is no paper yet, with no hint about a paper's thread, when nothing is featured", () => {
    const message = toSlackDigest({ ...emptyDigest(), addedTotal: 2 });
    expect(message.blocks.map((b) => b.type)).toEqual(["header", "section", "section"]);
    expect(mrkdwnTexts(message.blocks)).toEqual([NO_FEATURED, `*${ADDED_HEADING}*\n2 papers`]);
    expect(message.text).toBe("Reading group digest · 23 November 2026");
  });

  it("stays within every Block Kit limit when every part is far too long", () => {
    const message = toSlackDigest(hugeDigest());
    expectWithinLimits(message);
    const all = mrkdwnTexts(message.blocks).join("\n");
    // Each list is cut to its maximum, all three questions stay, and the hint survives.
    expect(all.match(/^• /gm)).toHaveLength(MAX_ADDED + MAX_ASKED);
    expect(all).toContain(`and ${250 - MAX_ADDED} more`);
    expect(all).toMatch(/\n1\. .*\n2\. .*\n3\. /);
    // A huge title is cut inside its link, so the link and the summary under it both stay.
    expect(mrkdwnTexts(message.blocks)[0]).toMatch(
      /^\*<https:\/\/arxiv\.org\/abs\/1905\.02249\|@\u2060everyone [^<>]*…>\*\n@\u2060everyone .* summary_with/,
    );
    expect(message.blocks.at(-1)).toMatchObject({ elements: [{ text: SLACK_THREAD_HINT }] });
  });

  it("lets no title, summary or question ping anyone or break a link", () => {
    expectNoPings(toSlackDigest(hugeDigest()));
  });
});

describe("toSlackMessage of notices and digest previews", () => {
  it("renders a notice as one section, commands kept as code, markup escaped", () => {
    const message = toSlackMessage({
      kind: "notice",
      audience: "asker",
      message: "Subscribed <#C1>: `/paper digest` previews it. <!channel>",
    });
    expect(message.blocks).toEqual([
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "Subscribed &lt;#C1&gt;: `/paper digest` previews it. &lt;!channel&gt;",
        },
      },
    ]);
    expect(message.text).not.toContain("<");
  });

  it("shows the note in small print above the digest", () => {
    const digest = corpusDigest();
    const note = "Preview: this is what the digest will look like on Monday at 09:00 UTC.";
    const message = toSlackMessage({ kind: "digest", audience: "asker", digest, note });
    expect(message.blocks[0]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: note }],
    });
    expect(message.blocks.slice(1)).toEqual(toSlackDigest(digest).blocks);
    expect(message.text).toBe(note);
  });

  it("keeps a preview of a huge digest within the limits, hint included", () => {
    const message = toSlackMessage({
      kind: "digest",
      audience: "asker",
      digest: hugeDigest(),
      note: `<!here> ${"note ".repeat(2000)}`,
    });
    expectWithinLimits(message);
    expectNoPings(message);
    expect(message.blocks.at(-1)).toMatchObject({ elements: [{ text: SLACK_THREAD_HINT }] });
  });
});
