import { describe, expect, it } from "vitest";
import { questionShape } from "../../src/answer/questionShape.ts";
import { respond } from "../../src/answer/respond.ts";
import { ThreadMemory } from "../../src/answer/threadMemory.ts";
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
    expect(questionShape("how does BEAR pick actions?").kind).toBe("plain");
  });
});
