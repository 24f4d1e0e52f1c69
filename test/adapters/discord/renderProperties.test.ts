/**
 * Properties of the Discord renderer over generated replies full of markup and pings. Limits:
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../../adapters/discord/markdown.ts";
import {
  CONTENT_MAX,
  type DiscordMessage,
  EMBED_DESCRIPTION_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_MAX,
  EMBEDS_TOTAL_MAX,
  embedLength,
  FIELD_VALUE_MAX,
  FOOTER_MAX,
  IMAGE_URL_MAX,
  outlineToDiscord,
  toDiscordMessage,
} from "../../../adapters/discord/render.ts";
import { fakePaper } from "../../helpers/papers.ts";
import { replyArbitrary } from "../../helpers/replyArbitrary.ts";

/** A field's name holds at most 256 characters; an embed at most 25 fields. */
const FIELD_NAME_MAX = 256;
const FIELDS_MAX = 25;

/** Every text of a message that shows markdown (a footer does not: it is plain text). */
function markdownTexts(message: DiscordMessage): string[] {
  return [
    message.content ?? "",
    ...message.embeds.flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ];
}

/** Text without its code spans, which show what they hold as written (our notices' commands). */
function withoutCode(text: string): string {
  return text.replace(/(?<!\\)`[^`]*`/g, "");
}

describe("toDiscordMessage (fast-check's counterexamples)", () => {
  it("encodes < and > of a masked link's URL: no mention starts inside it", () => {
    const paper = { ...fakePaper(1), title: "T", url: "https://example.com/x<@" };
    const message = toDiscordMessage({
      kind: "notFound",
      audience: "asker",
      question: "",
      asked: "name",
      nearest: [paper],
    });
    expect(markdownTexts(message).join("\n")).toContain("[T](https://example.com/x%3C@)");
  });

  it("links a title only through a URL Discord accepts, normalized", () => {
    const paper = { ...fakePaper(1), url: "https://x.example/a b|c>d" };
    const [embed] = toDiscordMessage({
      kind: "card",
      audience: "channel",
      paper,
      summary: "",
    }).embeds;
    expect(embed?.url).toBe("https://x.example/a%20b|c%3Ed");
    const bad = { ...fakePaper(2), url: "not a url" };
    const [plain] = toDiscordMessage({
      kind: "card",
      audience: "channel",
      paper: bad,
      summary: "",
    }).embeds;
    expect(plain?.url).toBeUndefined();
  });

  it("breaks @everyone run into the next word, in a footer too", () => {
    const joined = { ...fakePaper(1), authors: ["@everyonehttps://example.com/a_b*c"] };
    const [embed] = toDiscordMessage({
      kind: "card",
      audience: "channel",
      paper: joined,
      summary: "",
    }).embeds;
    expect(embed?.footer?.text).toMatch(/^@\u2060everyonehttps:/);
  });

  it("escapes a backslash at the end of a URL in a snippet: it would escape what follows", () => {
    expect(escapeMarkdown("see https://example.com/a_b*c\\")).toBe(
      "see https://example.com/a_b*c\\\\",
    );
  });

  it("breaks @everyone in a footer too", () => {
    const paper = { ...fakePaper(1), authors: ["@everyone"] };
    const [embed] = toDiscordMessage({
      kind: "card",
      audience: "channel",
      paper,
      summary: "",
    }).embeds;
    expect(embed?.footer?.text).toMatch(/^@\u2060everyone · /);
  });
});

describe("outlineToDiscord: a section line the message has no room for", () => {
  it("is left out, so the embeds stay within Discord's 6,000 characters together", () => {
    // Found by fast-check: the third side of a comparison had 103 characters left and a
    // 104-character section line, which was written whole.
    const passage = (n: number, body: string, section?: string) => ({
      type: "paper" as const,
      paper: fakePaper(n),
      role: "passage" as const,
      ...(section ? { section } : {}),
      body: [{ text: body, highlight: false }],
    });
    const message = outlineToDiscord({
      audience: "channel",
      tone: "answer",
      fallback: "A vs B",
      blocks: [
        passage(1, "a ".repeat(2100)),
        passage(2, "b ".repeat(2100)),
        passage(3, "c ".repeat(100), "How › ".repeat(60)),
      ],
    });
    const total = message.embeds.reduce((n, e) => n + embedLength(e), 0);
    expect(total).toBeLessThanOrEqual(EMBEDS_TOTAL_MAX);
  });
});

describe("toDiscordMessage (properties)", () => {
  it("stays within Discord's message and embed limits, for any reply", () => {
    fc.assert(
      fc.property(replyArbitrary, (reply) => {
        const message = toDiscordMessage(reply);
        expect(message.content?.length ?? 0).toBeLessThanOrEqual(CONTENT_MAX);
        expect(message.embeds.length).toBeLessThanOrEqual(EMBEDS_MAX);
        const total = message.embeds.reduce((n, e) => n + embedLength(e), 0);
        expect(total).toBeLessThanOrEqual(EMBEDS_TOTAL_MAX);
        for (const embed of message.embeds) {
          expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_TITLE_MAX);
          expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
          expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(FOOTER_MAX);
          expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(FIELDS_MAX);
          for (const field of embed.fields ?? []) {
            expect(field.name.length).toBeLessThanOrEqual(FIELD_NAME_MAX);
            expect(field.value.length).toBeLessThanOrEqual(FIELD_VALUE_MAX);
          }
          if (embed.image) {
            expect(embed.image.url).toMatch(/^https?:\/\//);
            expect(embed.image.url.length).toBeLessThanOrEqual(IMAGE_URL_MAX);
          }
          if (embed.url) expect(embed.url).toMatch(/^https?:\/\/\S+$/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("pings no one and breaks no escape, for any reply", () => {
    fc.assert(
      fc.property(replyArbitrary, (reply) => {
        const message = toDiscordMessage(reply);
        expect(message.allowedMentions).toEqual({ parse: [] });
        for (const text of markdownTexts(message)) {
          // A mention needs an unescaped "<@", "<#" or "<@&" outside a code span.
          expect(withoutCode(text)).not.toMatch(/(^|[^\\])<[@#]/);
          // A cut never leaves an escape's backslash alone at the end.
          expect(text).not.toMatch(/(^|[^\\])(\\\\)*\\$/);
        }
        const footers = message.embeds.map((e) => e.footer?.text ?? "");
        for (const text of [...markdownTexts(message), ...footers]) {
          // @everyone and @here are broken everywhere, so that they do not even look like one;
          // inside a URL they are part of the link, which is left whole so that it still works,
          // and inside a code span (our own notices' commands) they show as written.
          const outside = withoutCode(text.replace(/https?:\/\/\S+/g, ""));
          expect(outside).not.toMatch(/@(everyone|here)\b/i);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
