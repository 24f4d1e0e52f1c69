import type { KnownBlock, SectionBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { clampMrkdwn, escapeMrkdwn } from "../../../adapters/slack/mrkdwn.ts";
import {
  MESSAGE_BLOCKS_MAX,
  SECTION_TEXT_MAX,
  toSlackMessage,
  withoutImages,
} from "../../../adapters/slack/render.ts";
import type { AnswerReply, ListReply } from "../../../src/answer/reply.ts";
import { respond } from "../../../src/answer/respond.ts";
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
