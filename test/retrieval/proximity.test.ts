import { describe, expect, it } from "vitest";
import { proximityWeight, wordTerms } from "../../src/retrieval/proximity.ts";

const weights = new Map([
  ["guess", 2],
  ["label", 1],
  ["produc", 0.5],
]);
const query = wordTerms("how are the guessed labels produced?");

describe("proximityWeight", () => {
  it("credits the question's neighbouring words written together", () => {
    const together = "They sharpen the guessed labels before mixing.";
    // "guessed labels": mean of 2 and 1.
    expect(proximityWeight(together, query, weights, 3)).toBe(1.5);
  });

  it("gives nothing for the same words far apart", () => {
    const scattered =
      "We guess a value for each example, and many sentences later we speak of true labels.";
    expect(proximityWeight(scattered, query, weights, 3)).toBe(0);
  });

  it("allows small words between and either order", () => {
    expect(proximityWeight("labels are then guessed", query, weights, 3)).toBe(1.5);
    expect(proximityWeight("labels are then all guessed", query, weights, 3)).toBe(0);
  });
});
