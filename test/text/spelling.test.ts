import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/text/editDistance.ts";
import { Speller } from "../../src/text/spelling.ts";

const speller = new Speller([
  "The concentrability coefficient of the lottery ticket; Monte Carlo samples; MixMatch.",
]);

describe("Speller", () => {
  it("corrects a word the corpus lacks to the corpus word one edit away", () => {
    expect(speller.correct("concentrabilty and lotery").text).toBe("concentrability and lottery");
  });

  it("corrects a swap of neighbouring letters", () => {
    expect(speller.correctWord("sampels")).toBe("samples");
  });

  it("leaves words it knows, short words and unknown topics alone", () => {
    expect(speller.correctWord("lottery")).toBe("lottery");
    expect(speller.correctWord("tickt")).toBe("ticket");
    expect(speller.correctWord("kubernetes")).toBe("kubernetes");
    expect(speller.correctWord("naps")).toBe("naps");
  });

  it("never changes the first letter: fixmatch is not a typo of mixmatch", () => {
    expect(speller.correctWord("fixmatch")).toBe("fixmatch");
  });

  it("reports what it corrected", () => {
    expect([...speller.correct("lotery ticket").corrections]).toEqual([["lotery", "lottery"]]);
  });
});

describe("editDistance", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("mixmtach", "mixmatch")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("stops early past the limit", () => {
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});
