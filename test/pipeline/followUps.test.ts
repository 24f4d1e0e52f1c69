import { describe, expect, it } from "vitest";
import { ThreadMemory } from "../../src/answer/threadMemory.ts";
import type { AdapterCore } from "../../src/pipeline/context.ts";
import {
  answerChannelsPointer,
  answersIn,
  isThreadFollowUp,
} from "../../src/pipeline/followUps.ts";
import { staticIndexSource } from "../../src/retrieval/indexSource.ts";
import { corpusIndex } from "../helpers/corpus.ts";

function core(): AdapterCore {
  const memory = new ThreadMemory();
  memory.remember("chat:T1:C1:100.1", "mixmatch");
  return { source: staticIndexSource(corpusIndex()), memory };
}

describe("isThreadFollowUp", () => {
  it("takes a question in a thread the bot answered in", () => {
    const message = { thread: "chat:T1:C1:100.1", text: "how do they sharpen the labels?" };
    expect(isThreadFollowUp(core(), message)).toBe(true);
  });

  it("leaves threads the bot has not answered in, thanks and messages to others", () => {
    const bot = core();
    expect(isThreadFollowUp(bot, { thread: "chat:T1:C1:200.2", text: "what is MixMatch?" })).toBe(
      false,
    );
    for (const text of ["thanks!", "<@U0ALICE> what do you think?"]) {
      expect(isThreadFollowUp(bot, { thread: "chat:T1:C1:100.1", text })).toBe(false);
    }
    const mentioned = { thread: "chat:T1:C1:100.1", text: "<@U0BOT> and the datasets?" };
    expect(isThreadFollowUp(bot, { ...mentioned, botMention: "<@U0BOT>" })).toBe(true);
  });
});

describe("answersIn", () => {
  it("answers everywhere when no channels are set, else in them and their threads", () => {
    expect(answersIn(undefined, "C1")).toBe(true);
    expect(answersIn(["C2"], "C1")).toBe(false);
    expect(answersIn(["C2"], "C2")).toBe(true);
    expect(answersIn(["C2"], "T9", "C2")).toBe(true);
    expect(answersIn(["C2"], "T9", undefined)).toBe(false);
  });
});

describe("answerChannelsPointer", () => {
  it("names where to ask in one line", () => {
    expect(answerChannelsPointer(["<#C1>"])).toBe(
      "I answer mentions in <#C1>: ask me there, or use `/paper` here.",
    );
    expect(answerChannelsPointer(["<#C1>", "<#C2>", "<#C3>"])).toBe(
      "I answer mentions in <#C1>, <#C2> or <#C3>: ask me there, or use `/paper` here.",
    );
  });
});
