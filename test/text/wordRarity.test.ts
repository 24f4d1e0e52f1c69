import { describe, expect, it } from "vitest";
import { isEnglishWord, misspeltEnglish } from "../../src/text/wordRarity.ts";

describe("misspeltEnglish", () => {
  it("reads two swapped neighbouring letters in a long word as a typo of an English word", () => {
    expect(misspeltEnglish("heirarchy")).toBe("hierarchy");
    expect(misspeltEnglish("confusoin")).toBe("confusion");
    expect(isEnglishWord("heirarchy")).toBe(false);
  });

  it("leaves English words, short words and names that differ by a letter alone", () => {
    expect(misspeltEnglish("hierarchy")).toBeUndefined();
    // Short: "sne" (t-SNE) is no typo of "she"; a name a letter off is a name.
    expect(misspeltEnglish("tsne")).toBeUndefined();
    expect(misspeltEnglish("reformer")).toBeUndefined();
    expect(misspeltEnglish("xception")).toBeUndefined();
    expect(misspeltEnglish("dropconnect")).toBeUndefined();
  });
});
