import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { fitSegments, fitText, packLines } from "../../../adapters/discord/fit.ts";
import { escapeMarkdown, maskedLink } from "../../../adapters/discord/markdown.ts";
import {
  CONTENT_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_MAX,
  EMBEDS_TOTAL_MAX,
  embedLength,
  FIELD_VALUE_MAX,
  FOOTER_MAX,
  threadName,
  toDiscordMessage,
} from "../../../adapters/discord/render.ts";
import type { AnswerReply, Reply } from "../../../src/answer/reply.ts";
import { respond } from "../../../src/answer/respond.ts";
import { abstractOnlyCard } from "../../helpers/abstractPaper.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { fakePaper } from "../../helpers/papers.ts";

const index = corpusIndex();

const paper = (n: number, title = `Paper ${n}`) => fakePaper(n, title);

/** What Discord would show: markdown escapes removed. */
function unescaped(markdown: string): string {
  return markdown.replace(/\\([^A-Za-z0-9\s])/g, "$1");
}

function expectWithinLimits(embeds: APIEmbed[]): void {
  expect(embeds.length).toBeLessThanOrEqual(EMBEDS_MAX);
  expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(EMBEDS_TOTAL_MAX);
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_TITLE_MAX);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(FOOTER_MAX);
    for (const field of embed.fields ?? []) {
      expect(field.value.length).toBeLessThanOrEqual(FIELD_VALUE_MAX);
    }
  }
}

describe("escapeMarkdown", () => {
  it("escapes emphasis, code, spoilers, mentions and masked links so they stay text", () => {
    const text = "a_i * b_j ~~x~~ `code` ||spoiler|| <@123> <#9> [a](http://x)";
    const escaped = escapeMarkdown(text);
    expect(unescaped(escaped)).toBe(text);
    expect(escaped).not.toMatch(/(^|[^\\])[*_~`|<[]/);
  });

  it("escapes headings, quotes and lists only at the start of a line", () => {
    expect(escapeMarkdown("# title\n> quote\n- item\n1. one\nout-of-distribution")).toBe(
      "\\# title\n\\> quote\n\\- item\n\\1. one\nout-of-distribution",
    );
  });

  it("breaks @everyone and @here so no client shows them as mentions", () => {
    expect(escapeMarkdown("@everyone and @here")).not.toMatch(/@(everyone|here)\b/);
  });

  it("leaves URLs whole so they stay links", () => {
    const url = "https://i.imgur.com/a_b_c.png";
    expect(escapeMarkdown(`see ${url}, then x_1`)).toBe(`see ${url}, then x\\_1`);
  });

  it("makes masked links with escaped labels, and plain labels for odd URLs", () => {
    expect(maskedLink("https://arxiv.org/abs/1", "A [draft]")).toBe(
      "[A \\[draft\\]](https://arxiv.org/abs/1)",
    );
    expect(maskedLink("javascript:alert(1)", "x")).toBe("x");
  });
});

describe("fitting text", () => {
  it("cuts at a word, never inside an escape or a bold run, and marks the cut", () => {
    const segments = [
      { text: "the policy π_(θ) is constrained to ", highlight: false },
      { text: "in-distribution actions", highlight: true },
      { text: " of the *behaviour* policy ".repeat(5), highlight: false },
    ];
    for (let max = 5; max < 200; max += 1) {
      const fitted = fitSegments(segments, max);
      expect(fitted.length).toBeLessThanOrEqual(max);
      expect(fitted.split("**").length % 2).toBe(1);
      expect(fitted).not.toMatch(/(^|[^\\])\\(\\\\)*…$/);
    }
    expect(fitText("short", 100)).toBe("short");
  });

  it("packs whole lines only and counts the rest", () => {
    expect(packLines(["aaaa", "bbbb", "cccc"], 10)).toEqual({ text: "aaaa\nbbbb", left: 1 });
  });
});

describe("toDiscordMessage", () => {
  it("renders a card: linked title, summary, footer with authors and year, the key figure", () => {
    const message = toDiscordMessage(respond(index, { text: "mixmatch" }));
    const [embed] = message.embeds;
    expect(embed?.title).toBe("MixMatch: A Holistic Approach to Semi-Supervised Learning");
    expect(embed?.url).toBe("https://arxiv.org/abs/1905.02249");
    expect(embed?.footer?.text).toMatch(/Berthelot.* · NeurIPS 2019 · arXiv 1905\.02249/);
    expect(embed?.image?.url).toMatch(/^https:\/\/i\.imgur\.com\//);
    expect(embed?.description?.length).toBeGreaterThan(100);
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  it("cites a paper without arXiv id by its DOI, and says a summary is the abstract (#17)", () => {
    const message = toDiscordMessage(abstractOnlyCard());
    const [embed] = message.embeds;
    expect(embed?.footer?.text).toMatch(/ · NeurIPS 2019 · DOI 10\.1016\/j\.neunet\.2014\.09\.003/);
    // The note is an outline note: wherever Discord lays notes out, the message says it.
    expect(JSON.stringify(message)).toContain("Summary from the abstract");
    expect(embed?.url).toBe("https://doi.org/10.1016/j.neunet.2014.09.003");
  });

  it("renders an answer: the passage with its terms in bold, and the passage's figure", () => {
    const reply = respond(index, { text: "how does BEAR avoid out-of-distribution actions?" });
    expect(reply.kind).toBe("answer");
    const [embed] = toDiscordMessage(reply).embeds;
    expect(embed?.title).toContain("Bootstrapping Error Reduction");
    expect(embed?.description).toMatch(/\*\*[^*]+\*\*/);
    expect(embed?.image?.url).toMatch(/^https:\/\/i\.imgur\.com\//);
  });

  it("adds a second passage under its own heading when the summary answers twice", () => {
    const reply = respond(index, { text: "K augmentations of each unlabeled example" });
    expect(reply.kind === "answer" && reply.more).toBeTruthy();
    const [embed] = toDiscordMessage(reply).embeds;
    expect(embed?.description).toMatch(/\n\n\*\*Also in this summary\*\*\n\S/);
  });

  it("keeps every corpus card and answer within Discord's limits", () => {
    for (const paperEntry of index.papers.values()) {
      expectWithinLimits(toDiscordMessage(respond(index, { text: paperEntry.id })).embeds);
      const answer = respond(index, { text: `what does ${paperEntry.title} propose?` });
      expectWithinLimits(toDiscordMessage(answer).embeds);
    }
  });

  it("stays within the limits when every part is far too long", () => {
    const huge = paper(1, "T".repeat(1000));
    huge.authors = Array.from({ length: 500 }, (_, i) => `Author Number ${i}`);
    const reply: AnswerReply = {
      kind: "answer",
      audience: "channel",
      question: "q",
      paper: huge,
      passage: [{ text: "word_with_escapes ".repeat(2000), highlight: true }],
      more: [{ text: "more_words ".repeat(2000), highlight: false }],
      figure: `https://i.imgur.com/${"x".repeat(5000)}.png`,
      related: [1, 2, 3].map((n) => ({
        paper: paper(n, "R".repeat(300)),
        snippet: "s".repeat(900),
      })),
      fromThread: true,
    };
    const [embed] = toDiscordMessage(reply).embeds;
    expectWithinLimits(embed ? [embed] : []);
    expect(embed?.image).toBeUndefined();
    expect(embed?.description?.endsWith("…")).toBe(true);
  });

  it("shows the section a passage stands in above it, and keeps within limits with a long one", () => {
    const reply: AnswerReply = {
      kind: "answer",
      audience: "channel",
      question: "q",
      paper: paper(1),
      passage: [{ text: "divide by one minus beta ".repeat(400), highlight: false }],
      section: "How › Bias_correction ".repeat(20),
      related: [],
      fromThread: false,
    };
    const [embed] = toDiscordMessage(reply).embeds;
    expect(embed?.description?.startsWith("*How › Bias\\_correction")).toBe(true);
    expectWithinLimits(embed ? [embed] : []);
  });

  it("lists papers with links, newest first, and says how many there are", () => {
    const [embed] = toDiscordMessage(respond(index, { text: "list" })).embeds;
    expect(embed?.description?.match(/^• \[/gm)).toHaveLength(index.papers.size);
    expect(embed?.description).toContain(`${index.papers.size} papers.`);
  });

  it("says what the summaries do not cover, with the nearest papers as links", () => {
    const reply = respond(index, { text: "what is the airspeed velocity of a swallow?" });
    const [embed] = toDiscordMessage(reply).embeds;
    expect(embed?.description).toMatch(/couldn't find that/);
    expect(embed?.description).toContain("/paper list");
  });

  it("sends errors as one short line of text, and help as an embed", () => {
    const error: Reply = { kind: "error", audience: "asker", message: "x".repeat(5000) };
    const message = toDiscordMessage(error);
    expect(message.embeds).toEqual([]);
    expect(message.content?.length).toBeLessThanOrEqual(CONTENT_MAX);
    const help = toDiscordMessage(respond(index, { text: "help" }));
    expect(help.embeds[0]?.description).toContain("`/paper list`");
  });

  it("quotes a question with @everyone without a live mention anywhere", () => {
    const reply = respond(index, { text: "@everyone <@&1234> zebra grooming?" });
    const message = toDiscordMessage(reply);
    const text = JSON.stringify(message);
    expect(text).not.toMatch(/@everyone|(^|[^\\])<@&/);
    expect(message.allowedMentions.parse).toEqual([]);
  });
});

describe("threadName", () => {
  it("is one line of 1 to 100 characters", () => {
    expect(threadName(`how ${"long ".repeat(50)}?\nreally`).length).toBeLessThanOrEqual(100);
    expect(threadName("a\nb")).toBe("a b");
    expect(threadName("   ")).toBe("paperbot");
  });
});
