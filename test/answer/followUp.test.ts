import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readsAsFollowUp } from "../../src/answer/followUp.ts";

describe("readsAsFollowUp", () => {
  it("reads questions as follow-ups for the bot", () => {
    for (const text of [
      "what datasets did they use?",
      "and how does it compare to BCQ",
      "does the support constraint need MMD",
      "hmm, so the ensemble is the trick?",
      "<@U0BOT> what about the ablations?",
    ]) {
      expect(readsAsFollowUp(text, { botMention: "<@U0BOT>" }), text).toBe(true);
    }
  });

  it("leaves alone thanks, reactions and statements", () => {
    for (const text of [
      "thanks!",
      "thank you 🙏",
      "makes sense",
      "ok",
      "lol",
      "👍",
      "I read it yesterday.",
    ]) {
      expect(readsAsFollowUp(text), text).toBe(false);
    }
  });

  it("leaves alone a message addressed to another person or a group", () => {
    expect(readsAsFollowUp("<@U0ALICE> what did you think of it?")).toBe(false);
    expect(readsAsFollowUp("what do you all think? <!here>")).toBe(false);
    expect(readsAsFollowUp("@everyone what time is the meeting?")).toBe(false);
    // A digest's discussion thread is for the group: questions to the people there are theirs.
    for (const text of [
      "what did you all think?",
      "anyone tried this on ImageNet?",
      "what do you think of the ablations?",
    ]) {
      expect(readsAsFollowUp(text), text).toBe(false);
    }
  });

  it("leaves alone a long discussion", () => {
    expect(readsAsFollowUp(`why ${"so much text ".repeat(60)}?`)).toBe(false);
  });

  it("never throws and answers the same for the same text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        expect(readsAsFollowUp(text)).toBe(readsAsFollowUp(text));
      }),
      { numRuns: 1000 },
    );
  });
});
