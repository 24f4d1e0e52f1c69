import { describe, expect, it } from "vitest";
import {
  isEnglishForm,
  isEnglishWord,
  misspeltEnglish,
  specificity,
} from "../../src/text/wordRarity.ts";

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

  it("reads a letter left out or doubled inside a word of seven letters or more as a typo", () => {
    expect(misspeltEnglish("happend")).toBe("happened");
    expect(misspeltEnglish("somethng")).toBe("something");
    expect(misspeltEnglish("architecure")).toBe("architecture");
    expect(misspeltEnglish("somethinng")).toBe("something");
  });

  it("mends no first letter, no short word and no word subtitles write as a name", () => {
    // "exception" with its first letter left out; "mohammed" is written capitalized.
    expect(misspeltEnglish("xception")).toBeUndefined();
    expect(misspeltEnglish("mohamed")).toBeUndefined();
    expect(misspeltEnglish("happnd")).toBeUndefined();
    for (const name of ["linformer", "longformer", "squeezenet", "deepwalk", "chinchilla"]) {
      expect(misspeltEnglish(name), name).toBeUndefined();
    }
  });
});

describe("isEnglishForm", () => {
  it("reads a word made from an English one by an ending or a prefix as English", () => {
    for (const word of [
      "rectified",
      "upweight",
      "reconstructions",
      "decorrelation",
      "retrained",
      "trickier",
      "noisiest",
      "countable",
      "reusable",
      "learnable",
      "smoothness",
      "weightless",
      "explainability",
      "trainability",
      "tokenization",
      "normalization",
    ]) {
      expect(isEnglishForm(word), word).toBe(true);
    }
  });

  it("leaves names alone, even those made of English words", () => {
    for (const word of ["dropconnect", "transe", "xgboost", "muzero", "retinanet", "cutmix"]) {
      expect(isEnglishForm(word), word).toBe(false);
    }
  });
});

describe("research labs", () => {
  it("count as everyday words, not as names no summary has", () => {
    for (const lab of [
      "deepmind",
      "openai",
      "google",
      "microsoft",
      "facebook",
      "megvii",
      "bigscience",
    ]) {
      expect(isEnglishWord(lab), lab).toBe(true);
      expect(specificity(lab), lab).toBe(0.7);
    }
  });
});
