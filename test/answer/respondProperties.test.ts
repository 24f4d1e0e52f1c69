import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { questionShape } from "../../src/answer/questionShape.ts";
import { respond } from "../../src/answer/respond.ts";
import { ThreadMemory } from "../../src/answer/threadMemory.ts";
import { corpusIndex } from "../helpers/corpus.ts";

const index = corpusIndex();
/** Words that steer a question into each shape, mixed with anything at all. */
const steering = fc.constantFrom(
  "which papers",
  "do we have anything on",
  "vs",
  "compare",
  "difference between",
  "who wrote",
  "authors of",
  "BEAR",
  "MixMatch",
  "et al.",
  "and",
  "?",
  "",
);
const question = fc
  .array(fc.oneof(steering, fc.string({ maxLength: 12 })), { maxLength: 8 })
  .map((parts) => parts.join(" "));

describe("respond (properties)", () => {
  it("answers any question of any shape with a reply, never throwing", () => {
    const memory = new ThreadMemory();
    fc.assert(
      fc.property(question, fc.boolean(), (text, threaded) => {
        const reply = respond(index, { text, ...(threaded ? { thread: "t" } : {}) }, { memory });
        expect(reply.kind).toMatch(/^(card|answer|papers|compare|notFound|list|help|error)$/);
        if (reply.kind === "compare") expect(reply.sides.length).toBeGreaterThanOrEqual(2);
        if (reply.kind === "papers") expect(reply.papers.length).toBeLessThanOrEqual(reply.total);
      }),
      { numRuns: 1000 },
    );
  });

  it("reads 'who wrote' with nothing after it as no authors question (found by fast-check)", () => {
    expect(questionShape("who wrote  ").kind).toBe("plain");
    expect(questionShape("who wrote  MixMatch?")).toEqual({ kind: "authors", subject: "MixMatch" });
  });

  it("reads a shape from any text, a topic never longer than the question", () => {
    fc.assert(
      fc.property(question, (text) => {
        const shape = questionShape(text);
        if (shape.kind === "corpus") expect(shape.topic.length).toBeLessThanOrEqual(text.length);
        if (shape.kind === "authors") expect(shape.subject.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
