import { describe, expect, it } from "vitest";
import { isVenueCode } from "../../src/text/venues.ts";

describe("isVenueCode", () => {
  it("reads a venue alone or with its year run in", () => {
    for (const word of ["neurips", "iccv17", "cvpr2019", "icml", "emnlp18"]) {
      expect(isVenueCode(word), word).toBe(true);
    }
  });

  it("reads no work's name, figure or other word as a venue", () => {
    for (const word of ["prm800k", "gpt4", "word2vec", "32x32", "iccvx", "cvpr201", "resnet50"]) {
      expect(isVenueCode(word), word).toBe(false);
    }
  });
});
