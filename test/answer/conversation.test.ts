import { describe, expect, it } from "vitest";
import { questionShape } from "../../src/answer/questionShape.ts";
import { respond } from "../../src/answer/respond.ts";
import { ThreadMemory } from "../../src/answer/threadMemory.ts";
import { toPlainText } from "../../src/outline/plainText.ts";
import { corpusIndex } from "../helpers/corpus.ts";

const index = corpusIndex();

describe("conversations that follow the question", () => {
  it("answers from another paper when the thread's does not cover a follow-up, and moves there", () => {
    const memory = new ThreadMemory();
    respond(index, { text: "bear", thread: "t" }, { memory });
    const reply = respond(
      index,
      { text: "how does the gradient reversal layer work?", thread: "t" },
      { memory },
    );
    expect(reply).toMatchObject({
      kind: "answer",
      paper: { id: "scene-bias" },
      notCoveredBy: { id: "bear" },
      fromThread: false,
    });
    expect(memory.paperOf("t")).toBe("scene-bias");
  });

  it("answers a question about the whole corpus from the whole corpus, not the thread's paper", () => {
    const memory = new ThreadMemory();
    respond(index, { text: "vq-vae-2", thread: "t" }, { memory });
    const reply = respond(
      index,
      { text: "do we have anything on semi-supervised learning?", thread: "t" },
      { memory },
    );
    expect(reply).toMatchObject({ kind: "answer", paper: { id: "mixmatch" }, fromThread: false });
    expect(reply.kind === "answer" && reply.notCoveredBy).toBeFalsy();
  });

  it("keeps a follow-up of everyday words on the thread's paper rather than any other", () => {
    const memory = new ThreadMemory();
    respond(index, { text: "/paper vq-vae-2", thread: "t" }, { memory });
    const reply = respond(index, { text: "what data did they use?", thread: "t" }, { memory });
    if (reply.kind === "answer") expect(reply.paper.id).toBe("vq-vae-2");
    else expect(reply).toMatchObject({ kind: "notFound", threadPaper: { id: "vq-vae-2" } });
  });

  it("does not answer a question of everyday words from the whole corpus", () => {
    expect(respond(index, { text: "what datasets did they use?" }).kind).toBe("notFound");
  });

  it("answers 'who wrote X' with X's card: authors, venue and year, then what it does", () => {
    const reply = respond(index, { text: "who wrote mixmatch?" });
    expect(reply).toMatchObject({ kind: "card", paper: { id: "mixmatch" } });
  });
});

describe("questionShape", () => {
  it("reads who wrote a paper", () => {
    expect(questionShape("Who wrote the BEAR paper?")).toEqual({
      kind: "authors",
      subject: "BEAR",
    });
    expect(questionShape("authors of mixmatch")).toEqual({ kind: "authors", subject: "mixmatch" });
  });

  it("reads questions about the whole corpus", () => {
    for (const text of [
      "do we have anything on semi-supervised learning?",
      "which papers use MMD?",
      "any papers about lottery tickets",
      "is there a paper on VQ-VAE?",
    ]) {
      expect(questionShape(text).kind, text).toBe("corpus");
    }
    expect(questionShape("which papers use MMD?")).toEqual({ kind: "corpus", topic: "MMD" });
    expect(questionShape("how does BEAR pick actions?").kind).toBe("plain");
  });
});

describe("replies about more than one paper", () => {
  it("lists every paper that covers a topic, one line each", () => {
    const reply = respond(index, { text: "which papers talk about lottery tickets?" });
    expect(reply.kind).toBe("papers");
    if (reply.kind !== "papers") return;
    expect(reply.papers.map((p) => p.paper.id).sort()).toEqual([
      "deconstructing-lottery-tickets",
      "one-ticket",
    ]);
    expect(reply.total).toBe(2);
    expect(reply.topic).toBe("lottery tickets");
    for (const { snippet } of reply.papers) expect(snippet).not.toContain("\n");
    expect(toPlainText(reply)).toContain("2 papers in our summaries cover");
  });

  it("answers as usual when only one paper covers the topic", () => {
    expect(respond(index, { text: "which papers use MMD?" })).toMatchObject({
      kind: "answer",
      paper: { id: "bear" },
    });
  });

  it("sets two named papers side by side, each with its own passage", () => {
    const reply = respond(index, { text: "BEAR vs MixMatch" });
    expect(reply.kind).toBe("compare");
    if (reply.kind !== "compare") return;
    expect(reply.sides.map((s) => s.paper.id)).toEqual(["bear", "mixmatch"]);
    const text = toPlainText(reply);
    expect(text).toContain("Stabilizing Off-Policy Q-Learning");
    expect(text).toContain("MixMatch: A Holistic Approach");
  });

  it("reads 'difference between A and B' and 'compare A with B' as comparisons", () => {
    for (const text of [
      "what's the difference between one ticket to win them all and deconstructing lottery tickets?",
      "compare vq-vae-2 with mixmatch",
    ]) {
      expect(respond(index, { text }).kind, text).toBe("compare");
    }
  });
});
