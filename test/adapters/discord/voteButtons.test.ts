/**
 * The vote buttons under an answer on Discord, as rendered: one action row, "Helpful" and "Not
 * helpful", each `custom_id` within Discord's 100 characters and read back as the vote it carries;
 * anything else read as no vote at all.
 * https://discord.com/developers/docs/components/reference#button
 */
import { ButtonStyle, ComponentType } from "discord.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toDiscordDigest, toDiscordMessage } from "../../../adapters/discord/render.ts";
import {
  CUSTOM_ID_MAX,
  parseVoteCustomId,
  VOTE_PREFIX,
  voteButtons,
  voteCustomId,
} from "../../../adapters/discord/voteButtons.ts";
import type { Reply } from "../../../src/answer/reply.ts";
import { respond } from "../../../src/answer/respond.ts";
import { HELPFUL_LABEL, UNHELPFUL_LABEL } from "../../../src/feedback/feedback.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { corpusDigest } from "../../helpers/digests.ts";
import { replyArbitrary } from "../../helpers/replyArbitrary.ts";

const index = corpusIndex();
/** Answer ids as the store makes them: 12 random bytes, base64url. */
const answerIdArbitrary = fc
  .uint8Array({ minLength: 12, maxLength: 12 })
  .map((bytes) => Buffer.from(bytes).toString("base64url"));

/** The reply with a recorded answer's handle, as the pipeline hands rateable replies over. */
function rated(reply: Reply, answerId: string): Reply {
  return { ...reply, feedback: { answerId } } as Reply;
}

describe("vote custom_ids", () => {
  it("carry the vote and the answer id, read back the same, within 100 characters", () => {
    fc.assert(
      fc.property(answerIdArbitrary, fc.boolean(), (answerId, helpful) => {
        const customId = voteCustomId(answerId, helpful);
        expect(customId.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
        expect(customId.startsWith(VOTE_PREFIX)).toBe(true);
        expect(parseVoteCustomId(customId)).toEqual({ answerId, helpful });
      }),
    );
  });

  it("stay within 100 characters for the longest answer id they take", () => {
    expect(voteCustomId("a".repeat(64), false).length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(() => voteCustomId("a".repeat(65), true)).toThrow();
    expect(() => voteCustomId("", true)).toThrow();
    expect(() => voteCustomId("id:with:colons", true)).toThrow();
  });

  it("read any other custom_id as no vote", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (customId) => {
        fc.pre(!customId.startsWith(VOTE_PREFIX));
        expect(parseVoteCustomId(customId)).toBeUndefined();
      }),
    );
    for (const malformed of [
      VOTE_PREFIX,
      `${VOTE_PREFIX}1`,
      `${VOTE_PREFIX}1:`,
      `${VOTE_PREFIX}2:abc`,
      `${VOTE_PREFIX}yes:abc`,
      `${VOTE_PREFIX}1:abc:def`,
      `${VOTE_PREFIX}0:a b`,
      `${VOTE_PREFIX}0:${"a".repeat(65)}`,
      `paperbot:vote1:abc`,
      `PAPERBOT:VOTE:1:abc`,
    ]) {
      expect(parseVoteCustomId(malformed), malformed).toBeUndefined();
    }
  });
});

describe("voteButtons", () => {
  it("is one action row of two grey buttons, Helpful then Not helpful, with distinct ids", () => {
    const [row, ...more] = voteButtons({ answerId: "AbC-_0123456789x" });
    expect(more).toEqual([]);
    expect(row?.type).toBe(ComponentType.ActionRow);
    expect(row?.components.map((b) => [b.type, b.style, b.label])).toEqual([
      [ComponentType.Button, ButtonStyle.Secondary, HELPFUL_LABEL],
      [ComponentType.Button, ButtonStyle.Secondary, UNHELPFUL_LABEL],
    ]);
    expect(row?.components.map((b) => parseVoteCustomId(b.custom_id))).toEqual([
      { answerId: "AbC-_0123456789x", helpful: true },
      { answerId: "AbC-_0123456789x", helpful: false },
    ]);
  });
});

describe("toDiscordMessage with vote buttons", () => {
  it("puts the buttons under a recorded answer, and keeps mentions off", () => {
    const reply = respond(index, { text: "how does BEAR avoid out-of-distribution actions?" });
    expect(reply.kind).toBe("answer");
    const message = toDiscordMessage(rated(reply, "AbC-_0123456789x"));
    expect(message.components).toEqual(voteButtons({ answerId: "AbC-_0123456789x" }));
    expect(message.allowedMentions).toEqual({ parse: [] });
    expect(message.embeds[0]?.title).toContain("Bootstrapping Error Reduction");
  });

  it("sends an answer whose id would not fit a custom_id without buttons, rather than failing", () => {
    const reply = respond(index, { text: "how does BEAR avoid out-of-distribution actions?" });
    const message = toDiscordMessage(rated(reply, "x".repeat(CUSTOM_ID_MAX)));
    expect(message.components).toBeUndefined();
    expect(message.embeds[0]?.title).toContain("Bootstrapping Error Reduction");
  });

  it("gives an answer that was not recorded, and a digest, no buttons", () => {
    const reply = respond(index, { text: "how does BEAR avoid out-of-distribution actions?" });
    expect(toDiscordMessage(reply).components).toBeUndefined();
    expect("components" in toDiscordMessage(reply)).toBe(false);
    expect(toDiscordDigest(corpusDigest()).components).toBeUndefined();
  });

  it("gives every recorded reply exactly its own two buttons, whatever else it says", () => {
    fc.assert(
      fc.property(replyArbitrary, answerIdArbitrary, (reply, answerId) => {
        const message = toDiscordMessage(rated(reply, answerId));
        expect(message.components).toEqual(voteButtons({ answerId }));
        expect(message.allowedMentions).toEqual({ parse: [] });
        // The buttons change nothing else of the message.
        const { components: _buttons, ...rest } = message;
        expect(rest).toEqual(toDiscordMessage(reply));
      }),
      { numRuns: 50 },
    );
  });
});
