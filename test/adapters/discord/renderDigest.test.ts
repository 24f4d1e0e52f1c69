import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { fitWithCode } from "../../../adapters/discord/fit.ts";
import { escapeWithCode } from "../../../adapters/discord/markdown.ts";
import {
  CONTENT_MAX,
  type DiscordMessage,
  digestThreadName,
  EMBED_AUTHOR_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_MAX,
  EMBEDS_TOTAL_MAX,
  embedLength,
  FIELD_VALUE_MAX,
  FOOTER_MAX,
  toDiscordDigest,
  toDiscordMessage,
} from "../../../adapters/discord/render.ts";
import { DIGEST_THREAD_HINT, MAX_ADDED, MAX_ASKED } from "../../../src/digest/digest.ts";
import {
  ADDED_HEADING,
  ASKED_HEADING,
  NO_FEATURED,
  QUESTIONS_HEADING,
} from "../../../src/digest/digestPhrases.ts";
import { corpusDigest, emptyDigest, hugeDigest, PINGS } from "../../helpers/digests.ts";

function onlyEmbed(message: DiscordMessage): APIEmbed {
  expect(message.embeds).toHaveLength(1);
  const [embed] = message.embeds;
  if (!embed) throw new Error("no embed");
  return embed;
}

function fieldValue(embed: APIEmbed, name: string): string | undefined {
  return embed.fields?.find((f) => f.name === name)?.value;
}

function expectWithinLimits(message: DiscordMessage): void {
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(CONTENT_MAX);
  expect(message.embeds.length).toBeLessThanOrEqual(EMBEDS_MAX);
  const total = message.embeds.reduce((n, e) => n + embedLength(e), 0);
  expect(total).toBeLessThanOrEqual(EMBEDS_TOTAL_MAX);
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_TITLE_MAX);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(FOOTER_MAX);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(EMBED_AUTHOR_MAX);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(FIELD_VALUE_MAX);
    }
  }
}

/** No live mention anywhere: @everyone/@here broken, `<@`, `<#`, `<!` escaped, none parsed. */
function expectNoPings(message: DiscordMessage): void {
  expect(message.allowedMentions).toEqual({ parse: [] });
  const text = JSON.stringify(message);
  expect(text).not.toMatch(/@(everyone|here)\b/);
  expect(text).not.toMatch(/(^|[^\\])<[@#!]/);
  // The only masked links are our own, to arXiv: a title's "[x](https://evil)" stays text.
  expect(text).not.toMatch(/[^\\]\]\(https:\/\/evil/);
}

describe("escapeWithCode and fitWithCode", () => {
  it("keeps backticked commands as code and escapes the rest", () => {
    expect(escapeWithCode("Run `/paper digest_now` for *a* preview @here")).toBe(
      "Run `/paper digest_now` for \\*a\\* preview @\u2060here",
    );
    expect(escapeWithCode("a lone ` backtick")).toBe("a lone \\` backtick");
  });

  it("fits whole with its code, else cuts as escaped text", () => {
    expect(fitWithCode("see `/paper help`", 100)).toBe("see `/paper help`");
    const cut = fitWithCode(`see \`/paper help\` ${"word ".repeat(50)}`, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toMatch(/^see \\`\/paper help\\` word.*…$/);
  });
});

describe("toDiscordDigest", () => {
  it("renders the heading as content and the featured paper as one embed", () => {
    const message = toDiscordDigest(corpusDigest());
    expect(message.content).toBe("**Reading group digest · 23 November 2026**");
    const embed = onlyEmbed(message);
    expect(embed.title).toBe("MixMatch: A Holistic Approach to Semi-Supervised Learning");
    expect(embed.url).toBe("https://arxiv.org/abs/1905.02249");
    expect(embed.author?.name).toMatch(/^David Berthelot, Nicholas Carlini, .* Colin Raffel$/);
    expect(embed.description).toMatch(/^As per the “holistic” in the paper title/);
    expect(embed.image?.url).toBe("https://i.imgur.com/6lHQqMD.png");
    expect(embed.footer?.text).toBe(`NeurIPS 2019 · arXiv 1905.02249\n${DIGEST_THREAD_HINT}`);
    expect(embed.fields?.map((f) => f.name)).toEqual([
      QUESTIONS_HEADING,
      ADDED_HEADING,
      ASKED_HEADING,
    ]);
    expect(fieldValue(embed, QUESTIONS_HEADING)).toMatch(
      /^1\. Why does MixMatch average .*\?\n2\. Which parts .*\?\n3\. Would mixing .*\?$/,
    );
    expect(fieldValue(embed, ADDED_HEADING)).toBe(
      [
        "• [Provably Robust Deep Learning via Adversarially Trained Smoothed Classifiers](https://arxiv.org/abs/1906.04584) · 2019",
        "• [One ticket to win them all: generalizing lottery ticket initializations across datasets and optimizers](https://arxiv.org/abs/1906.02773) · 2019",
        "and 1 more",
      ].join("\n"),
    );
    expect(fieldValue(embed, ASKED_HEADING)).toBe(
      [
        "• [Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction](https://arxiv.org/abs/1906.00949) — 4 questions",
        "• [Generating Diverse High-Fidelity Images with VQ-VAE-2](https://arxiv.org/abs/1906.00446) — 1 question",
      ].join("\n"),
    );
    expectWithinLimits(message);
    expectNoPings(message);
  });

  it("leaves out empty fields, and 'and N more' when every added paper is named", () => {
    const digest = { ...corpusDigest(), addedTotal: 2, mostAsked: [] };
    const embed = onlyEmbed(toDiscordDigest(digest));
    expect(embed.fields?.map((f) => f.name)).toEqual([QUESTIONS_HEADING, ADDED_HEADING]);
    expect(fieldValue(embed, ADDED_HEADING)).not.toMatch(/more/);
    const bare = { ...digest, added: [], addedTotal: 0 };
    if (bare.featured) bare.featured = { ...bare.featured, questions: [] };
    expect(onlyEmbed(toDiscordDigest(bare)).fields).toBeUndefined();
  });

  it("says there is no paper yet when nothing is featured, and still lists what there is", () => {
    const message = toDiscordDigest({ ...emptyDigest(), addedTotal: 4 });
    const embed = onlyEmbed(message);
    expect(embed.description).toBe(NO_FEATURED);
    expect(embed.title).toBeUndefined();
    expect(embed.footer).toBeUndefined();
    expect(embed.fields).toEqual([{ name: ADDED_HEADING, value: "4 papers" }]);
    expect(onlyEmbed(toDiscordDigest(emptyDigest())).fields).toBeUndefined();
    expect(message.content).toBe("**Reading group digest · 23 November 2026**");
  });

  it("stays within every limit when every part is far too long", () => {
    const message = toDiscordDigest(hugeDigest());
    expectWithinLimits(message);
    const embed = onlyEmbed(message);
    expect(fieldValue(embed, QUESTIONS_HEADING)).toMatch(/^1\. .*…\n2\. .*…\n3\. .*…$/);
    // Whole lines only: as many new papers as fit, the rest counted.
    const added = fieldValue(embed, ADDED_HEADING) ?? "";
    const named = added.match(/^• /gm)?.length ?? 0;
    expect(named).toBeGreaterThan(0);
    expect(named).toBeLessThanOrEqual(MAX_ADDED);
    expect(added.endsWith(`\nand ${250 - named} more`)).toBe(true);
    const asked = fieldValue(embed, ASKED_HEADING) ?? "";
    expect(asked.match(/^• /gm)?.length).toBeLessThanOrEqual(MAX_ASKED);
    expect(asked).toMatch(/— 1000 questions/);
    expect(embed.footer?.text.endsWith(`\n${DIGEST_THREAD_HINT}`)).toBe(true);
    expect(embed.description?.endsWith("…")).toBe(true);
  });

  it("lets no title, author, summary or question ping anyone or make a link", () => {
    expectNoPings(toDiscordDigest(hugeDigest()));
    const digest = corpusDigest();
    digest.dateLabel = `${PINGS} date`;
    const message = toDiscordDigest(digest);
    expectNoPings(message);
    expect(message.content).toMatch(/^\*\*Reading group digest · @\u2060everyone/);
  });
});

describe("digestThreadName", () => {
  it("names the thread after the paper's short alias and the date", () => {
    expect(digestThreadName(corpusDigest())).toBe("MixMatch · 23 November 2026");
  });

  it("uses the title when the paper has no short alias, cut so the date still shows", () => {
    const digest = corpusDigest();
    const paper = digest.featured?.card.paper;
    if (!paper) throw new Error("no featured paper");
    paper.aliases = [];
    expect(digestThreadName(digest)).toBe(
      "MixMatch: A Holistic Approach to Semi-Supervised Learning · 23 November 2026",
    );
    const name = digestThreadName(hugeDigest());
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).toMatch(/… · 23 November 2026$/);
    expect(name).not.toMatch(/@(everyone|here)\b/);
  });

  it("is the digest's title without a featured paper, and one short line however odd the date", () => {
    expect(digestThreadName(emptyDigest())).toBe("Reading group digest · 23 November 2026");
    const name = digestThreadName({ ...emptyDigest(), dateLabel: `@here\n${"x ".repeat(200)}` });
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).not.toMatch(/\n|@here\b/);
  });
});

describe("toDiscordMessage of notices and digest previews", () => {
  it("sends a notice as one line of content, commands as inline code, markup escaped", () => {
    const message = toDiscordMessage({
      kind: "notice",
      audience: "asker",
      message: "Subscribed: see `/paper digest`. @everyone gets it *weekly*.",
    });
    expect(message).toEqual({
      content: "Subscribed: see `/paper digest`. @\u2060everyone gets it \\*weekly\\*.",
      embeds: [],
      allowedMentions: { parse: [] },
    });
  });

  it("cuts an overlong notice to the content limit", () => {
    const message = toDiscordMessage({
      kind: "notice",
      audience: "asker",
      message: `\`/paper digest\` ${"word ".repeat(1000)}`,
    });
    expect(message.content?.length).toBeLessThanOrEqual(CONTENT_MAX);
    expect(message.content?.endsWith("…")).toBe(true);
  });

  it("puts the note above the digest's heading, with the digest's embed", () => {
    const digest = corpusDigest();
    const note = "Preview: posted here every Monday at 09:00 UTC. `/paper digest off` stops it.";
    const message = toDiscordMessage({ kind: "digest", audience: "asker", digest, note });
    expect(message.content).toBe(`${note}\n\n**Reading group digest · 23 November 2026**`);
    expect(message.embeds).toEqual(toDiscordDigest(digest).embeds);
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  it("keeps a preview of a huge digest with a huge note within the limits, heading kept", () => {
    const message = toDiscordMessage({
      kind: "digest",
      audience: "asker",
      digest: hugeDigest(),
      note: `@everyone ${"note ".repeat(1000)}`,
    });
    expectWithinLimits(message);
    expectNoPings(message);
    expect(message.content?.endsWith("…\n\n**Reading group digest · 23 November 2026**")).toBe(
      true,
    );
  });
});
