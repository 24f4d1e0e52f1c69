import { describe, expect, it } from "vitest";
import { sectionPath } from "../../src/answer/excerpts.ts";
import { respond } from "../../src/answer/respond.ts";
import { toPlainText } from "../../src/outline/plainText.ts";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { fakePaper } from "../helpers/papers.ts";

const notes = {
  ...fakePaper(1, "Adam: A Method for Stochastic Optimization"),
  aliases: ["Adam"],
  summary: [
    "## What",
    "- A first-order optimizer with per-parameter step sizes",
    "## How",
    "### Bias correction",
    "- Both moving averages start at zero, so early estimates are biased toward zero",
    "  - divide by one minus beta to the power t",
  ].join("\n"),
};

describe("answers from structured summaries", () => {
  it("say which section the passage stands in", () => {
    const reply = respond(buildIndex([notes]), {
      text: "why are the moving averages biased toward zero?",
    });
    expect(reply).toMatchObject({ kind: "answer", section: "How › Bias correction" });
    const text = toPlainText(reply);
    expect(text).toContain("§ How › Bias correction");
    expect(text).toContain("\n    - divide by one minus beta");
  });

  it("cut a runaway heading path short", () => {
    expect(sectionPath(["x".repeat(50), "y ".repeat(100)]).length).toBeLessThanOrEqual(121);
  });
});
