/**
 * fast-check arbitraries for the answer model: replies whose every text (titles, authors,
 * passages, questions) mixes ordinary words with what breaks chat markup or pings people.
 */
import fc from "fast-check";
import { COMMAND_FORMS } from "../../src/answer/grammar.ts";
import type { Reply } from "../../src/answer/reply.ts";
import type { Paper, TextSegment } from "../../src/types.ts";

/** Pieces that mean something to Slack mrkdwn or Discord markdown, or ping someone. */
const HOSTILE = [
  "@everyone",
  "@here",
  "@channel",
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U123ABC>",
  "<@123456789012345678>",
  "<@&123456789012345678>",
  "<#C0123ABCD>",
  "<https://evil.example|click>",
  "[click](https://evil.example)",
  "&amp;",
  "&lt;",
  "&",
  "<",
  ">",
  "|",
  "*",
  "_",
  "~",
  "`",
  "```",
  "||",
  "\\",
  "# ",
  "> ",
  "- ",
  "1. ",
  "\n",
  "https://example.com/a_b*c",
  "é",
  "🎉",
  "\u202e",
];

/** Text of words and hostile pieces; `maxLength` pieces, some of them long words. */
export function hostileText(maxLength = 40): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        fc.constantFrom(...HOSTILE),
        fc.string({ maxLength: 12 }),
        fc.constantFrom("the", "model", "loss", " ", "  "),
        fc.string({ minLength: 50, maxLength: 400, unit: fc.constantFrom("a", "b", " ", "*") }),
      ),
      { maxLength },
    )
    .map((parts) => parts.join(""));
}

/** A URL as a corpus might hold one, sometimes malformed or very long. */
const url = fc.oneof(
  fc.constant("https://arxiv.org/abs/1905.02249"),
  fc.webUrl(),
  fc.constantFrom("not a url", "javascript:alert(1)", "https://x.example/a b|c>d"),
  fc.string({ maxLength: 20 }).map((s) => `https://example.com/${"x".repeat(3000)}${s}`),
);

export const paperArbitrary: fc.Arbitrary<Paper> = fc.record({
  id: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
  title: hostileText(20),
  authors: fc.array(hostileText(4), { maxLength: 12 }),
  year: fc.integer({ min: 1950, max: 2100 }),
  venue: hostileText(3),
  arxiv: fc.stringMatching(/^\d{4}\.\d{5}$/),
  url,
  aliases: fc.array(hostileText(3), { maxLength: 4 }),
  added: fc.constant("2026-11-27"),
  summary: hostileText(),
  file: fc.constant("paper.md"),
  figures: fc.array(url, { maxLength: 2 }),
});

const segments: fc.Arbitrary<TextSegment[]> = fc.array(
  fc.record({ text: hostileText(10), highlight: fc.boolean() }),
  { maxLength: 30 },
);

const audience = fc.constantFrom("channel" as const, "asker" as const);

const cardArbitrary = fc.record({
  kind: fc.constant("card" as const),
  audience,
  paper: paperArbitrary,
  summary: hostileText(80),
  figure: fc.option(url, { nil: undefined }),
});

/** Any reply the core gives a chat adapter, but the digest (its own renderer). */
export const replyArbitrary: fc.Arbitrary<Reply> = fc.oneof(
  cardArbitrary,
  fc.record({
    kind: fc.constant("added" as const),
    audience,
    card: cardArbitrary,
    already: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("answer" as const),
    audience,
    question: hostileText(),
    paper: paperArbitrary,
    passage: segments,
    figure: fc.option(url, { nil: undefined }),
    more: fc.option(segments, { nil: undefined }),
    related: fc.array(fc.record({ paper: paperArbitrary, snippet: hostileText() }), {
      maxLength: 2,
    }),
    fromThread: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("notFound" as const),
    audience,
    question: hostileText(),
    asked: fc.constantFrom("name" as const, "question" as const),
    threadPaper: fc.option(paperArbitrary, { nil: undefined }),
    nearest: fc.array(paperArbitrary, { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant("list" as const),
    audience,
    papers: fc.array(paperArbitrary, { maxLength: 20 }),
    total: fc.integer({ min: 20, max: 20_000 }),
  }),
  fc.record({
    kind: fc.constant("help" as const),
    audience,
    // The grammar's own forms: no outside text reaches help.
    commands: fc.constant(COMMAND_FORMS.map((form) => ({ ...form }))),
    paperCount: fc.nat(),
  }),
  fc.record({
    kind: fc.constant("papers" as const),
    audience,
    question: hostileText(),
    topic: hostileText(6),
    papers: fc.array(fc.record({ paper: paperArbitrary, snippet: hostileText() }), {
      maxLength: 12,
    }),
    total: fc.integer({ min: 0, max: 5000 }),
  }),
  fc.record({
    kind: fc.constant("compare" as const),
    audience,
    question: hostileText(),
    sides: fc.array(
      fc.record({
        paper: paperArbitrary,
        passage: segments,
        section: fc.option(hostileText(6), { nil: undefined }),
        figure: fc.option(url, { nil: undefined }),
      }),
      { minLength: 2, maxLength: 3 },
    ),
  }),
  fc.record({ kind: fc.constant("error" as const), audience, message: hostileText() }),
  fc.record({ kind: fc.constant("notice" as const), audience, message: hostileText() }),
);
