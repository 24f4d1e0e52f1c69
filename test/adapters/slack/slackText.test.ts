import { describe, expect, it } from "vitest";
import { fromSlackText } from "../../../adapters/slack/slackText.ts";

describe("fromSlackText", () => {
  it("reads links, escapes and mentions back into what was typed", () => {
    expect(
      fromSlackText("<@UBOT> is &lt;x&gt; in <https://a.example|the paper> by <@U1|ada>?", "UBOT"),
    ).toBe("is <x> in the paper by @ada?");
    expect(fromSlackText("ask <@U2> in <#C1|papers>", "UBOT")).toBe("ask @U2 in #papers");
  });

  it("reads every person's mention as the word given, for the question feedback keeps (#16)", () => {
    const typed = "<@UBOT> did <@U1|ada> or <@U2> say <https://a.example|this>?";
    expect(fromSlackText(typed, "UBOT", "@someone")).toBe("did @someone or @someone say this?");
    // The bot's own mention is still left out, not made "@someone".
    expect(fromSlackText("<@UBOT> hello", "UBOT", "@someone")).toBe("hello");
  });
});
