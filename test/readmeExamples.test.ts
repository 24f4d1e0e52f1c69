/**
 * The README's chat grammar, example by example: each is answered as the README says it is
 * (issue #13). The examples go through `respond`, the core every platform answers with, and the
 * plain-text outline the console prints.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { respond } from "../src/answer/respond.ts";
import { ThreadMemory } from "../src/answer/threadMemory.ts";
import { toPlainText } from "../src/outline/plainText.ts";
import { corpusIndex } from "./helpers/corpus.ts";
import { ROOT } from "./helpers/importGraph.ts";

const index = corpusIndex();
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
/** The README's text without its `@paperbot` or `/paper` prefix. */
const ask = (text: string, thread?: string, memory = new ThreadMemory()) =>
  respond(
    index,
    { text: text.replace(/^@paperbot\s+/, ""), ...(thread ? { thread } : {}) },
    { memory },
  );

describe("the README's examples", () => {
  it("are all in the README", () => {
    for (const example of [
      "/paper mixmatch",
      "/paper how does BEAR work?",
      "@paperbot how does BEAR avoid out-of-distribution actions?",
      "@paperbot what datasets did they use?",
      "@paperbot who wrote mixmatch?",
      "@paperbot which papers talk about lottery tickets?",
      "@paperbot BEAR vs MixMatch",
      "/paper list",
      "/paper random",
      "/paper help",
    ]) {
      expect(readme, example).toContain(`\`${example}\``);
    }
  });

  it("/paper mixmatch, mix match, mixmtach and 1905.02249 give MixMatch's card", () => {
    for (const text of ["/paper mixmatch", "mix match", "mixmtach", "1905.02249"]) {
      expect(ask(text), text).toMatchObject({ kind: "card", paper: { id: "mixmatch" } });
    }
  });

  it("/paper how does BEAR work? is a question, answered from BEAR", () => {
    expect(ask("/paper how does BEAR work?")).toMatchObject({
      kind: "answer",
      paper: { id: "bear" },
    });
  });

  it("the headline question is answered from BEAR, its words in bold, with the figure", () => {
    const reply = ask("@paperbot how does BEAR avoid out-of-distribution actions?");
    expect(reply).toMatchObject({ kind: "answer", paper: { id: "bear" } });
    if (reply.kind !== "answer") return;
    expect(reply.passage.some((s) => s.highlight)).toBe(true);
    expect(reply.figure).toMatch(/^https:\/\//);
  });

  it("a follow-up in that thread stays on BEAR", () => {
    const memory = new ThreadMemory();
    ask("@paperbot how does BEAR avoid out-of-distribution actions?", "t", memory);
    const reply = ask("@paperbot what datasets did they use?", "t", memory);
    if (reply.kind === "answer") expect(reply.paper.id).toBe("bear");
    else expect(reply).toMatchObject({ kind: "notFound", threadPaper: { id: "bear" } });
  });

  it("who wrote mixmatch? gives its card", () => {
    expect(ask("@paperbot who wrote mixmatch?")).toMatchObject({
      kind: "card",
      paper: { id: "mixmatch" },
    });
  });

  it("which papers talk about lottery tickets? lists both lottery ticket papers", () => {
    const reply = ask("@paperbot which papers talk about lottery tickets?");
    expect(reply.kind).toBe("papers");
    expect(toPlainText(reply)).toContain("One ticket to win them all");
  });

  it("BEAR vs MixMatch sets the two side by side", () => {
    expect(ask("@paperbot BEAR vs MixMatch")).toMatchObject({ kind: "compare" });
  });

  it("/paper list, random and help answer as the table says", () => {
    expect(ask("/paper list")).toMatchObject({ kind: "list", total: 9 });
    expect(ask("/paper random")).toMatchObject({ kind: "card" });
    expect(ask("/paper help")).toMatchObject({ kind: "help", audience: "asker" });
  });

  it("a question the summaries do not cover gets 'I couldn't find that', never a guess", () => {
    const reply = ask("how do I bake sourdough bread?");
    expect(reply.kind).toBe("notFound");
    expect(toPlainText(reply)).toContain("I couldn't find that in our paper summaries");
  });

  it("a question about an arXiv id no summary is of says so", () => {
    const reply = ask("@paperbot what does 2106.09685 adapt?");
    expect(toPlainText(reply)).toContain("None of our paper summaries is of `2106.09685`");
  });

  it("a question about a paper by authors no summary is by or names says so", () => {
    const reply = ask("@paperbot what did Dabney et al. propose?");
    expect(toPlainText(reply)).toContain(
      "None of our paper summaries is of a paper by Dabney et al.",
    );
  });

  it("shows math as Unicode", () => {
    const text = toPlainText(ask("what is the batch policy pi_b in BEAR?"));
    expect(text).not.toContain("\\pi");
  });
});
