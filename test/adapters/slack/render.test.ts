import type { ActionsBlock, Button, KnownBlock, SectionBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { clampMrkdwn, escapeMrkdwn } from "../../../adapters/slack/mrkdwn.ts";
import {
  ACTION_ID_MAX,
  BUTTON_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  outlineToSlack,
  SECTION_TEXT_MAX,
  toSlackMessage,
  VOTE_HELPFUL_ACTION,
  VOTE_UNHELPFUL_ACTION,
  voteBlocks,
  withoutImages,
} from "../../../adapters/slack/render.ts";
import type { AnswerReply, ListReply } from "../../../src/answer/reply.ts";
import { respond } from "../../../src/answer/respond.ts";
import { HELPFUL_LABEL, UNHELPFUL_LABEL } from "../../../src/feedback/feedback.ts";
import type { Outline } from "../../../src/outline/outline.ts";
import { abstractOnlyCard } from "../../helpers/abstractPaper.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { fakePaper } from "../../helpers/papers.ts";

function sectionTexts(blocks: KnownBlock[]): string[] {
  return blocks
    .filter((b): b is SectionBlock => b.type === "section")
    .map((b) => b.text?.text ?? "");
}

const paper = (n: number) => fakePaper(n);

describe("escapeMrkdwn", () => {
  it("escapes control characters so <!channel> and <@U1> stay text", () => {
    expect(escapeMrkdwn("a <!channel> & <@U1>")).toBe("a &lt;!channel&gt; &amp; &lt;@U1&gt;");
  });

  it("breaks @here, @channel and @everyone so nothing can link them", () => {
    expect(escapeMrkdwn("@here @channel @everyone")).not.toMatch(/@(here|channel|everyone)\b/);
  });
});

describe("clampMrkdwn", () => {
  it("cuts at a word, never inside an entity or a link", () => {
    const text = `${"word ".repeat(10)}&amp;&amp; <https://example.com|a link>`;
    for (let max = 20; max < text.length; max += 3) {
      const cut = clampMrkdwn(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/&[a-z]*…$/);
      expect(cut.split("<").length).toBe(cut.split(">").length);
    }
  });
});

describe("toSlackMessage", () => {
  const index = corpusIndex();

  it("renders a card: linked title, summary, figure image with alt text, authors and year", () => {
    const { blocks, text } = toSlackMessage(respond(index, { text: "mixmatch" }));
    const [first] = sectionTexts(blocks);
    expect(first).toMatch(/^\*<https:\/\/arxiv\.org\/abs\/1905\.02249\|MixMatch: A Holistic/);
    expect(blocks.find((b) => b.type === "image")).toMatchObject({
      image_url: expect.stringMatching(/^https:\/\/i\.imgur\.com\//),
      alt_text: "Key figure of MixMatch: A Holistic Approach to Semi-Supervised Learning",
    });
    expect(JSON.stringify(blocks.find((b) => b.type === "context"))).toContain("Berthelot");
    expect(text.length).toBeGreaterThan(0);
  });

  it("cites a paper without arXiv id by its DOI, and says a summary is the abstract (#17)", () => {
    const blocks = JSON.stringify(toSlackMessage(abstractOnlyCard()).blocks);
    expect(blocks).toContain("NeurIPS 2019 · DOI 10.1016/j.neunet.2014.09.003");
    expect(blocks).toContain("Summary from the abstract");
    expect(blocks).not.toContain("arXiv");
  });

  it("bolds the question's terms in the answering passage and shows no raw LaTeX", () => {
    const reply = respond(index, { text: "how does BEAR avoid out-of-distribution actions?" });
    expect(reply.kind).toBe("answer");
    const all = sectionTexts(toSlackMessage(reply).blocks).join("\n");
    expect(all).toMatch(/\*[^*\s][^*]*\*/);
    expect(all).not.toMatch(/\\[a-zA-Z]+/);
  });

  it("shows a second passage under its own heading when the summary answers twice", () => {
    const reply = respond(index, { text: "K augmentations of each unlabeled example" });
    expect(reply.kind === "answer" && reply.more).toBeTruthy();
    const texts = sectionTexts(toSlackMessage(reply).blocks);
    expect(texts[1]).toMatch(/^\*Also in this summary\*\n/);
  });

  it("keeps every section within 3,000 characters and the message within 50 blocks", () => {
    const long: AnswerReply = {
      kind: "answer",
      audience: "channel",
      question: "q",
      paper: paper(1),
      passage: [{ text: "& <x> ".repeat(2000), highlight: false }],
      related: [],
      fromThread: false,
    };
    const list: ListReply = {
      kind: "list",
      audience: "channel",
      papers: Array.from({ length: 400 }, (_, n) => paper(n)),
      total: 400,
    };
    for (const reply of [long, list]) {
      const { blocks } = toSlackMessage(reply);
      expect(blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS_MAX);
      for (const section of sectionTexts(blocks)) {
        expect(section.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
        expect(section).not.toMatch(/<x>/);
      }
    }
  });

  it("leaves out a figure Slack could not fetch, and can drop images on request", () => {
    const reply: AnswerReply = {
      kind: "answer",
      audience: "channel",
      question: "q",
      paper: paper(1),
      passage: [{ text: "text", highlight: false }],
      figure: "javascript:alert(1)",
      related: [],
      fromThread: false,
    };
    expect(toSlackMessage(reply).blocks.some((b) => b.type === "image")).toBe(false);
    const card = toSlackMessage(respond(index, { text: "bear" }));
    expect(card.blocks.some((b) => b.type === "image")).toBe(true);
    expect(withoutImages(card).blocks.some((b) => b.type === "image")).toBe(false);
  });

  it("shows the section a passage stands in, escaped, above it", () => {
    const reply: AnswerReply = {
      kind: "answer",
      audience: "channel",
      question: "q",
      paper: paper(1),
      passage: [{ text: "divide by one minus beta", highlight: false }],
      section: "How › <!channel> bias_correction",
      related: [],
      fromThread: false,
    };
    const [first] = sectionTexts(toSlackMessage(reply).blocks);
    expect(first).toContain("\n_How › &lt;!channel&gt; bias correction_\n");
    expect(JSON.stringify(toSlackMessage(reply))).not.toContain("<!channel>");
  });

  it("escapes what a person typed when it echoes it", () => {
    const reply = respond(index, { text: "<!channel> zzqx" });
    const json = JSON.stringify(toSlackMessage(reply));
    expect(json).not.toContain("<!channel>");
  });
});

describe("vote buttons under an answer (#16)", () => {
  const index = corpusIndex();
  const answerId = "AbCdEfGhIjKlMnOp";
  const rated = (): AnswerReply => {
    const reply = respond(index, { text: "how does BEAR avoid out-of-distribution actions?" });
    if (reply.kind !== "answer") throw new Error(`expected an answer, got ${reply.kind}`);
    return { ...reply, feedback: { answerId } };
  };
  const buttonsOf = (blocks: KnownBlock[]): Button[] =>
    blocks
      .filter((b): b is ActionsBlock => b.type === "actions")
      .flatMap((b) => b.elements as Button[]);

  it("ends an answer with one actions block: Helpful and Not helpful, carrying the answer's id", () => {
    const { blocks } = toSlackMessage(rated());
    expect(blocks.filter((b) => b.type === "actions")).toHaveLength(1);
    expect(blocks.at(-1)?.type).toBe("actions");
    expect(buttonsOf(blocks)).toEqual([
      {
        type: "button",
        text: { type: "plain_text", text: HELPFUL_LABEL },
        action_id: VOTE_HELPFUL_ACTION,
        value: answerId,
      },
      {
        type: "button",
        text: { type: "plain_text", text: UNHELPFUL_LABEL },
        action_id: VOTE_UNHELPFUL_ACTION,
        value: answerId,
      },
    ]);
  });

  it("keeps its labels and action ids within Block Kit's limits", () => {
    for (const button of buttonsOf(toSlackMessage(rated()).blocks)) {
      expect(button.text.text.length).toBeLessThanOrEqual(BUTTON_TEXT_MAX);
      expect(button.action_id?.length ?? 0).toBeLessThanOrEqual(ACTION_ID_MAX);
    }
    expect(VOTE_HELPFUL_ACTION).not.toBe(VOTE_UNHELPFUL_ACTION);
  });

  it("shows no buttons on a reply that was not recorded, or on one that is not an answer", () => {
    const { feedback: _, ...unrecorded } = rated();
    expect(toSlackMessage(unrecorded).blocks.some((b) => b.type === "actions")).toBe(false);
    expect(
      toSlackMessage(respond(index, { text: "help" })).blocks.some((b) => b.type === "actions"),
    ).toBe(false);
  });

  it("drops the buttons rather than send a value Slack would refuse", () => {
    expect(voteBlocks({ answerId: "x".repeat(2001) })).toEqual([]);
    expect(voteBlocks({ answerId: "" })).toEqual([]);
    expect(voteBlocks(undefined)).toEqual([]);
    expect(voteBlocks({ answerId: "x".repeat(2000) })).toHaveLength(1);
  });

  it("keeps the buttons, and the notes above them, when the message is cut to 50 blocks", () => {
    const outline: Outline = {
      audience: "channel",
      tone: "answer",
      fallback: "many",
      blocks: [
        ...Array.from({ length: 80 }, (_, n) => ({
          type: "text" as const,
          content: [`part ${n}`],
        })),
        { type: "note", content: ["From the summary of P1"] },
      ],
      feedback: { answerId },
    };
    const { blocks } = outlineToSlack(outline);
    expect(blocks).toHaveLength(MESSAGE_BLOCKS_MAX);
    expect(blocks.at(-1)?.type).toBe("actions");
    expect(JSON.stringify(blocks.at(-2))).toContain("From the summary of P1");
    expect(buttonsOf(blocks).map((b) => b.value)).toEqual([answerId, answerId]);
  });

  it("keeps the buttons when the message is sent again without its figure", () => {
    const message = toSlackMessage(rated());
    expect(message.blocks.some((b) => b.type === "image")).toBe(true);
    const plain = withoutImages(message);
    expect(plain.blocks.some((b) => b.type === "image")).toBe(false);
    expect(plain.blocks.at(-1)).toEqual(message.blocks.at(-1));
    expect(buttonsOf(plain.blocks)).toHaveLength(2);
  });
});
