import { describe, expect, it } from "vitest";
import { generatePapers } from "../../bench/syntheticCorpus.ts";
import { NameTable } from "../../src/lookup/nameTable.ts";
import type { Paper } from "../../src/types.ts";
import { CORPUS_DIR } from "../helpers/corpus.ts";
import { SYNTHETIC_SEED } from "../helpers/tempCorpus.ts";

/** 600 generated papers: 3,000 titles' tails, several runs of the stepped sort. */
const papers: Paper[] = generatePapers(600, CORPUS_DIR, SYNTHETIC_SEED).map(
  ({ meta, summary }) => ({ ...meta, summary, file: `${meta.id}.md`, figures: [] }),
);

describe("NameTable", () => {
  it("builds in steps the very table the constructor builds", () => {
    const whole = new NameTable(papers);
    const steps = NameTable.inSteps(papers);
    let count = 0;
    let step = steps.next();
    while (!step.done) {
      count++;
      step = steps.next();
    }
    expect(count).toBeGreaterThan(3);
    const inner = (table: NameTable) => {
      const t = table as unknown as {
        tree: Iterable<[string, unknown]>;
        authorKeys: Map<string, Paper[]>;
        tailKeys: string[];
        tailNames: Array<{ name: string; paper: Paper }>;
        longestKey: number;
      };
      return {
        tree: [...t.tree],
        authorKeys: [...t.authorKeys],
        tailKeys: t.tailKeys,
        tailNames: t.tailNames,
        longestKey: t.longestKey,
      };
    };
    expect(inner(step.value)).toEqual(inner(whole));
    expect(step.value.withTitleWordPrefix("learn", 50)).toEqual(
      whole.withTitleWordPrefix("learn", 50),
    );
  });
});
