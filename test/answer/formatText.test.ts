import { describe, expect, it } from "vitest";
import { formatAnswerText, formatCardText, shortAuthors } from "../../src/answer/formatText.ts";
import { leadingSentences, paperCard } from "../../src/answer/paperCard.ts";
import { search } from "../../src/retrieval/search.ts";
import { corpusIndex } from "../helpers/corpus.ts";

const index = corpusIndex();

describe("shortAuthors", () => {
  it("lists up to three authors, then et al.", () => {
    expect(shortAuthors(["A", "B"])).toBe("A, B");
    expect(shortAuthors(["A", "B", "C", "D"])).toBe("A, B, C et al.");
  });
});

describe("formatAnswerText", () => {
  it("marks highlighted terms with the given mark", () => {
    const text = formatAnswerText(search(index, "gradient reversal layer"), {
      mark: (t) => `[${t}]`,
    });
    expect(text).toContain("[gradient] [reversal] [layer]");
  });

  it("offers other papers only when they too cover the question", () => {
    const text = formatAnswerText(search(index, "lottery ticket initialization transfer"));
    const related = text.split("Also relevant:")[1] ?? "";
    expect(related).not.toContain("Wasserstein");
  });

  it("lists the nearest papers when it does not know", () => {
    const text = formatAnswerText(search(index, "kubernetes pod restart policy"));
    expect(text.startsWith("I couldn't find that in our paper summaries.")).toBe(true);
  });
});

describe("paperCard", () => {
  it("opens on the sentence that best introduces the paper, within the length limit", () => {
    const card = paperCard(index, index.papers.get("bear") ?? expect.fail("bear missing"));
    expect(card.summary).toContain("bootstrapping error accumulation reduction (BEAR)");
    expect(card.summary.length).toBeLessThanOrEqual(420);
    expect(card.figure).toBe("https://i.imgur.com/zUw7XNt.png");
    expect(formatCardText(card).split("\n")[0]).toBe(
      "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction",
    );
  });

  it("has no key figure line for a paper without figures", () => {
    const card = paperCard(
      index,
      index.papers.get("smoothadv") ?? expect.fail("smoothadv missing"),
    );
    expect(card.figure).toBeUndefined();
    expect(formatCardText(card)).not.toContain("Key figure");
  });
});

describe("leadingSentences", () => {
  it("keeps whole sentences that fit, or shortens the first", () => {
    expect(leadingSentences(["One two.", "Three four."], 12)).toBe("One two.");
    expect(leadingSentences(["A very long first sentence."], 12)).toBe("A very long…");
  });
});
