import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../store/openStore.ts";
import { tempDir } from "../helpers/tempCorpus.ts";

function store(now = () => 1_000) {
  return openStore(join(tempDir("queue"), "paperbot.db"), { now });
}

const week = (n: number) => `2026-11-${String(2 + 7 * n).padStart(2, "0")}T09:00:00.000Z`;

describe("ReadingQueue", () => {
  it("features every paper once, in the order added, then the least recently featured again", () => {
    const { queue, close } = store();
    const papers = ["a", "b", "c"];
    queue.sync(papers);
    const present = new Set(papers);
    // Seven periods over three papers: more weeks than there are papers.
    const picks = Array.from({ length: 7 }, (_, n) => queue.pickFor(`2026-W${10 + n}`, present));
    expect(picks).toEqual(["a", "b", "c", "a", "b", "c", "a"]);
    close();
  });

  it("puts a paper added later ahead of the ones already featured", () => {
    const { queue, close } = store();
    queue.sync(["a", "b"]);
    expect(queue.pickFor(week(0), new Set(["a", "b"]))).toBe("a");
    expect(queue.pickFor(week(1), new Set(["a", "b"]))).toBe("b");
    queue.sync(["a", "b", "c"]);
    const present = new Set(["a", "b", "c"]);
    expect([2, 3, 4].map((n) => queue.pickFor(week(n), present))).toEqual(["c", "a", "b"]);
    close();
  });

  it("chooses once per period: asking again, or from a second connection, gives the same paper", () => {
    const dir = tempDir("queue");
    const one = openStore(join(dir, "paperbot.db"));
    const two = openStore(join(dir, "paperbot.db"));
    one.queue.sync(["a", "b"]);
    const present = new Set(["a", "b"]);
    expect(one.queue.pickFor(week(0), present)).toBe("a");
    expect(two.queue.pickFor(week(0), present)).toBe("a");
    expect(two.queue.featuredFor(week(0))).toBe("a");
    expect(two.queue.pickFor(week(1), present)).toBe("b");
    one.close();
    two.close();
  });

  it("skips papers no longer in the corpus, and replaces a chosen one that was removed", () => {
    const { queue, close } = store();
    queue.sync(["a", "b", "c"]);
    expect(queue.pickFor(week(0), new Set(["b", "c"]))).toBe("b");
    expect(queue.pickFor(week(0), new Set(["c"]))).toBe("c");
    expect(queue.pickFor(week(1), new Set())).toBeUndefined();
    close();
  });

  it("peeks at the next paper without choosing it", () => {
    const { queue, close } = store();
    queue.sync(["a", "b"]);
    const present = new Set(["a", "b"]);
    expect(queue.peek(present)).toBe("a");
    expect(queue.peek(present)).toBe("a");
    queue.pickFor(week(0), present);
    expect(queue.peek(present)).toBe("b");
    close();
  });

  it("treats the first sync as the baseline: only papers seen later count as added", () => {
    let now = 1_000;
    const { queue, close } = store(() => now);
    expect(queue.sync(["a", "b"])).toEqual([]);
    expect(queue.addedSince(0)).toEqual([]);
    now = 5_000;
    expect(queue.sync(["a", "b", "d", "c"])).toEqual(["d", "c"]);
    expect(queue.sync(["a", "b", "c", "d"])).toEqual([]);
    expect(queue.addedSince(4_999)).toEqual(["d", "c"]);
    expect(queue.addedSince(5_000)).toEqual([]);
    close();
  });
});
