/**
 * `/paper add` end to end through the console adapter (the operator's terminal, which may always
 * add): the import into a temporary corpus from a local arXiv stand-in, the live index's refresh,
 * and the reply. The permission rules are the pipeline's, checked here with a place of our own.
 */
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createConsoleAdapter } from "../../adapters/console/consoleAdapter.ts";
import { parseRequest } from "../../src/answer/grammar.ts";
import { ThreadMemory } from "../../src/answer/threadMemory.ts";
import { addPaperReply } from "../../src/pipeline/addPaper.ts";
import type { AdapterCore } from "../../src/pipeline/context.ts";
import type { ChatPlace } from "../../src/pipeline/digestCommands.ts";
import { type AddingCorpus, openAddingCorpus } from "../helpers/addingCorpus.ts";
import { testLogger } from "../helpers/testLogger.ts";

let corpus: AddingCorpus | undefined;
afterEach(async () => {
  await corpus?.close();
  corpus = undefined;
});

/** A console session over an adding corpus; `send` resolves with what the line printed. */
async function consoleSession(opened: AddingCorpus) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk) => {
    printed += chunk;
  });
  const { logger } = await testLogger("info", []);
  const adapter = createConsoleAdapter({
    core: { source: opened.index, memory: new ThreadMemory(), corpus: opened.desk },
    config: { input, output },
    logger,
  });
  await adapter.start();
  printed = "";
  return {
    async send(line: string): Promise<string> {
      const before = printed.length;
      input.write(`${line}\n`);
      while (printed.length === before) await new Promise((resolve) => setTimeout(resolve, 5));
      return printed.slice(before);
    },
    async close() {
      input.end();
      await adapter.stop();
    },
  };
}

describe("/paper add at the console", () => {
  it("adds an arXiv paper, answers with its card within 2 s, then answers questions from it (#17)", async () => {
    corpus = await openAddingCorpus();
    const before = corpus.files();
    const session = await consoleSession(corpus);
    const began = performance.now();
    const added = await session.send("/paper add https://arxiv.org/abs/1706.03762v5");
    expect(performance.now() - began).toBeLessThan(2000);
    expect(added).toContain("Added to our papers");
    expect(added).toContain("Attention Is All You Need");
    expect(added).toContain("Summary from the abstract");
    expect(corpus.files()).toEqual([...before, "attention-all-you-need.md"].sort());
    expect(corpus.index.current().papers.has("attention-all-you-need")).toBe(true);

    const answer = await session.send(
      "@paperbot which architecture is based solely on attention mechanisms, dispensing with recurrence?",
    );
    expect(answer).toContain("Attention Is All You Need");
    await session.close();
  });

  it("answers a paper the corpus has with its card and says so, writing nothing", async () => {
    corpus = await openAddingCorpus();
    const before = corpus.files();
    const session = await consoleSession(corpus);
    const reply = await session.send("/paper add arXiv:1905.02249");
    expect(reply).toContain("We have this paper already; nothing was added.");
    expect(reply).toContain("MixMatch");
    expect(corpus.files()).toEqual(before);
    // Known before arXiv is asked.
    expect(corpus.standIn.requests).toHaveLength(0);
    await session.close();
  });

  it("refuses an unknown id and a link that is not arXiv's in one line each, writing nothing", async () => {
    corpus = await openAddingCorpus();
    const before = corpus.files();
    const session = await consoleSession(corpus);
    expect(await session.send("/paper add 2101.99999")).toContain(
      "arXiv has no paper by that id: check it and try again. Nothing was added.",
    );
    expect(await session.send("@paperbot add https://example.com/papers/1706.03762")).toContain(
      "That is not an arXiv id or link",
    );
    expect(await session.send("/paper add")).toContain("Give the paper's arXiv id or link");
    expect(corpus.files()).toEqual(before);
    await session.close();
  });

  it("says arXiv did not answer when the API is silent, writing nothing", async () => {
    corpus = await openAddingCorpus({ mode: "silent", timeoutMs: 300 });
    const before = corpus.files();
    const session = await consoleSession(corpus);
    expect(await session.send("/paper add 1706.03762")).toContain(
      "arXiv did not answer in time: try again in a few minutes. Nothing was added.",
    );
    expect(corpus.files()).toEqual(before);
    await session.close();
  });

  it("says arXiv's answer was not a paper record when it is not XML, writing nothing", async () => {
    corpus = await openAddingCorpus({ mode: "malformed-xml" });
    const before = corpus.files();
    const session = await consoleSession(corpus);
    expect(await session.send("/paper add 1404.7828")).toContain(
      "arXiv answered with something that is not a paper record",
    );
    expect(corpus.files()).toEqual(before);
    await session.close();
  });
});

describe("addPaperReply", () => {
  const place = (rights: Partial<ChatPlace>): ChatPlace => ({
    platform: "test",
    channelId: "C1",
    scope: "test",
    managers: "the channel's managers",
    ...rights,
  });
  const core = (opened: AddingCorpus): AdapterCore => ({
    source: opened.index,
    memory: new ThreadMemory(),
    corpus: opened.desk,
  });

  it("refuses, politely and privately, someone who neither manages the channel nor edits the corpus", async () => {
    corpus = await openAddingCorpus();
    const before = corpus.files();
    let acknowledged = false;
    const reply = await addPaperReply(
      core(corpus),
      "1706.03762",
      place({ canManage: async () => false, corpusEditor: false }),
      async () => {
        acknowledged = true;
      },
    );
    expect(reply).toEqual({
      kind: "error",
      audience: "asker",
      message:
        "Sorry, only the channel's managers, or the group's corpus editors, can add papers: ask one of them to add it.",
    });
    expect(acknowledged).toBe(false);
    expect(corpus.standIn.requests).toHaveLength(0);
    expect(corpus.files()).toEqual(before);
  });

  it("lets a corpus editor add without managing the channel, acknowledging before arXiv is asked", async () => {
    corpus = await openAddingCorpus();
    let requestsAtAck = -1;
    const opened = corpus;
    const reply = await addPaperReply(
      core(corpus),
      "1404.7828",
      place({ canManage: async () => false, corpusEditor: true }),
      async () => {
        requestsAtAck = opened.standIn.requests.length;
      },
    );
    expect(requestsAtAck).toBe(0);
    expect(reply.kind).toBe("added");
    expect(reply.kind === "added" && reply.card.paper.title).toBe(
      "Deep Learning in Neural Networks: An Overview",
    );
  });

  it("says adding is not set up where the bot does not write its corpus", async () => {
    corpus = await openAddingCorpus();
    const reply = await addPaperReply(
      { source: corpus.index, memory: new ThreadMemory() },
      "1706.03762",
      undefined,
    );
    expect(reply.kind).toBe("error");
  });
});

describe("parseRequest: add", () => {
  it("reads 'add ID|URL' as adding, Slack's <link> unwrapped, and a longer 'add …' as a question", () => {
    expect(parseRequest("add 1706.03762")).toEqual({ kind: "add", source: "1706.03762" });
    expect(parseRequest("/paper ADD <https://arxiv.org/abs/1706.03762>")).toEqual({
      kind: "add",
      source: "https://arxiv.org/abs/1706.03762",
    });
    expect(parseRequest("add")).toEqual({ kind: "add", source: "" });
    expect(parseRequest("add noise to the inputs?").kind).toBe("query");
  });
});
