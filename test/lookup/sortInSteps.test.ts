import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortInSteps } from "../../src/lookup/sortInSteps.ts";

function drain<T>(steps: Generator<void, T>): { value: T; steps: number } {
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: count };
    count++;
  }
}

describe("sortInSteps", () => {
  it("sorts as Array.prototype.sort does, ties kept in order, at any run length", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.nat()), { maxLength: 200 }),
        fc.integer({ min: 1, max: 16 }),
        (entries, runLength) => {
          const byKey = (a: [number, number], b: [number, number]) => a[0] - b[0];
          const { value } = drain(sortInSteps(entries, byKey, runLength));
          expect(value).toEqual([...entries].sort(byKey));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("yields every run length of work", () => {
    const entries = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const { value, steps } = drain(sortInSteps(entries, (a, b) => a - b, 10));
    expect(value).toEqual([...entries].sort((a, b) => a - b));
    // 100 runs, then about 1000 / 10 yields per level of merging.
    expect(steps).toBeGreaterThan(100);
  });
});
