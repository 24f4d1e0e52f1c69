import { describe, expect, it } from "vitest";
import { parseRequest } from "../../src/answer/grammar.ts";
import { LIST_LIMIT, planReply, respond } from "../../src/answer/respond.ts";
import { ThreadMemory } from "../../src/answer/threadMemory.ts";
import { toPlainText } from "../../src/outline/plainText.ts";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { plainText } from "../../src/retrieval/highlight.ts";
import { corpusIndex } from "../helpers/corpus.ts";

const index = corpusIndex();

describe("parseRequest", () => {
  it("reads help, list and random, with or without a leading /paper", () => {
    expect(parseRequest("")).toEqual({ kind: "help" });
    expect(parseRequest("/paper help")).toEqual({ kind: "help" });
    expect(parseRequest("LIST")).toEqual({ kind: "list" });
    expect(parseRequest(" random! ")).toEqual({ kind: "random" });
    expect(parseRequest("/paper mixmatch")).toEqual({ kind: "query", text: "mixmatch" });
  });
});

describe("respond", () => {
  it("gives the card for a name, alias, typo or arXiv id", () => {
    for (const text of ["mixmatch", "MixMatch", "mixmtach", "1905.02249", "mix match"]) {
      const reply = respond(index, { text });
      expect(reply.kind, text).toBe("card");
      if (reply.kind === "card") expect(reply.paper.id).toBe("mixmatch");
    }
  });

  it("answers a question with the cited paper, its passage and the passage's figure", () => {
    const reply = respond(index, { text: "how does BEAR avoid out-of-distribution actions?" });
    expect(reply.kind).toBe("answer");
    if (reply.kind !== "answer") return;
    expect(reply.paper.title).toBe(
      "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction",
    );
    expect(reply.passage.some((s) => s.highlight)).toBe(true);
    expect(reply.figure).toMatch(/^https:\/\/i\.imgur\.com\//);
    expect(reply.related.length).toBeLessThanOrEqual(2);
    expect(reply.fromThread).toBe(false);
  });

  it("says a question is not in the summaries, with the nearest papers", () => {
    const reply = respond(index, { text: "what is the best pizza in Naples?" });
    expect(reply).toMatchObject({ kind: "notFound", asked: "question" });
  });

  it("suggests names when a short name matches nothing", () => {
    const reply = respond(index, { text: "fixmatch" });
    expect(reply.kind).toBe("notFound");
    if (reply.kind === "notFound") {
      expect(reply.asked).toBe("name");
      // #14: it was posted in the channel; errors go to the asker alone.
      expect(reply.audience).toBe("asker");
      expect(reply.nearest.map((p) => p.id)).toContain("mixmatch");
    }
  });

  it("keeps a follow-up in a thread on the thread's paper until another is named", () => {
    const memory = new ThreadMemory();
    const first = respond(index, { text: "what is BEAR?", thread: "t1" }, { memory });
    expect(first.kind === "card" || first.kind === "answer").toBe(true);
    const followUp = respond(
      index,
      { text: "what does the support constraint do?", thread: "t1" },
      { memory },
    );
    expect(followUp).toMatchObject({ kind: "answer", paper: { id: "bear" }, fromThread: true });
    const other = respond(
      index,
      { text: "how does MixMatch sharpen labels?", thread: "t1" },
      { memory },
    );
    expect(other).toMatchObject({ kind: "answer", paper: { id: "mixmatch" }, fromThread: false });
    // Without the thread, the same follow-up stands alone.
    const alone = respond(index, { text: "what does the support constraint do?" }, { memory });
    expect(alone.kind === "answer" && alone.fromThread).toBe(false);
  });

  it("says when the thread's paper does not cover a follow-up", () => {
    const memory = new ThreadMemory();
    respond(index, { text: "bear", thread: "t2" }, { memory });
    const reply = respond(
      index,
      { text: "what about kubernetes pod restart policies?", thread: "t2" },
      { memory },
    );
    expect(reply).toMatchObject({ kind: "notFound", threadPaper: { id: "bear" } });
  });

  it("says no summary is of a paper by authors the question names and none is by", () => {
    const reply = respond(index, { text: "what did Dabney et al. propose for off-policy RL?" });
    expect(reply).toMatchObject({ kind: "notFound", unknownAuthor: "Dabney et al." });
    expect(toPlainText(reply)).toContain(
      "None of our paper summaries is of a paper by Dabney et al.",
    );
  });

  it("says no summary is of an arXiv id a question asks about, in a thread too", () => {
    const memory = new ThreadMemory();
    respond(index, { text: "bear", thread: "t3" }, { memory });
    const text = "how does 2106.09685 avoid out-of-distribution actions?";
    for (const reply of [
      respond(index, { text }),
      respond(index, { text, thread: "t3" }, { memory }),
    ]) {
      expect(reply).toMatchObject({ kind: "notFound", unknownId: "2106.09685" });
      expect(toPlainText(reply)).toContain("None of our paper summaries is of `2106.09685`.");
    }
    // The thread keeps its paper for the next follow-up.
    const next = respond(
      index,
      { text: "what does the support constraint do?", thread: "t3" },
      { memory },
    );
    expect(next).toMatchObject({ kind: "answer", paper: { id: "bear" } });
  });

  it("lists papers newest first, within the list limit", () => {
    const reply = respond(index, { text: "list" });
    expect(reply).toMatchObject({ kind: "list", total: 9 });
    if (reply.kind === "list") expect(reply.papers.length).toBeLessThanOrEqual(LIST_LIMIT);
  });

  it("picks a random paper's card with the given random source", () => {
    const a = respond(index, { text: "random" }, { random: () => 0 });
    const b = respond(index, { text: "random" }, { random: () => 0.99 });
    expect(a.kind).toBe("card");
    expect(b.kind).toBe("card");
    if (a.kind === "card" && b.kind === "card") expect(a.paper.id).not.toBe(b.paper.id);
  });

  it("gives help to the asker only", () => {
    expect(respond(index, { text: "help" })).toMatchObject({
      kind: "help",
      audience: "asker",
      paperCount: 9,
    });
  });

  it("turns down an over-long question politely, to the asker only", () => {
    const reply = respond(index, { text: `why ${"x".repeat(2000)}` });
    expect(reply).toMatchObject({ kind: "error", audience: "asker" });
  });

  it("says so when no papers are loaded", () => {
    expect(respond(buildIndex([]), { text: "bear" })).toMatchObject({ kind: "error" });
  });

  it("shows math as Unicode, never as LaTeX macros", () => {
    for (const paper of index.papers.values()) {
      const card = respond(index, { text: paper.id });
      expect(card.kind).toBe("card");
      if (card.kind === "card") expect(card.summary).not.toMatch(/\\[a-zA-Z]+|\$/);
    }
    const reply = respond(index, {
      text: "how does BEAR constrain the policy to the behaviour policy support?",
    });
    if (reply.kind === "answer") expect(plainText(reply.passage)).not.toMatch(/\\[a-zA-Z]+/);
  });
});

describe("an answer's second passage", () => {
  it("comes with the answer when the summary answers in two places, in plain text too", () => {
    const reply = respond(index, { text: "K augmentations of each unlabeled example" });
    if (reply.kind !== "answer") throw new Error(`expected an answer, got ${reply.kind}`);
    expect(plainText(reply.more ?? [])).not.toBe("");
    expect(toPlainText(reply)).toMatch(/\n {2}Also in this summary:\n {2}\S/);
  });
});

describe("planReply", () => {
  it("answers names, list, random, help and refusals without a search", () => {
    for (const text of ["mixmatch", "list", "random", "help", `why ${"so ".repeat(600)}?`]) {
      expect(planReply(index, { text }).kind, text.slice(0, 20)).toBe("ready");
    }
  });

  it("leaves a question's search to run(), which gives what respond gives", () => {
    const memory = new ThreadMemory();
    const request = { text: "how does BEAR avoid out-of-distribution actions?", thread: "t1" };
    const plan = planReply(index, request, { memory });
    expect(plan.kind).toBe("search");
    // Nothing is remembered for the thread until the search has run.
    expect(memory.paperOf("t1")).toBeUndefined();
    if (plan.kind !== "search") return;
    expect(plan.question).toBe(request.text);
    expect(plan.run()).toEqual(respond(index, request));
    expect(memory.paperOf("t1")).toBe("bear");
  });
});

describe("ThreadMemory", () => {
  it("forgets the least recently used thread past its size, and threads past their age", () => {
    let now = 0;
    const memory = new ThreadMemory(2, 1000, () => now);
    memory.remember("a", "p1");
    memory.remember("b", "p2");
    memory.paperOf("a");
    memory.remember("c", "p3");
    expect(memory.paperOf("b")).toBeUndefined();
    expect(memory.paperOf("a")).toBe("p1");
    now = 5000;
    expect(memory.paperOf("c")).toBeUndefined();
  });
});
