import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createConsoleAdapter } from "../../adapters/console/consoleAdapter.ts";
import type { Reply } from "../../src/answer/reply.ts";
import { ThreadMemory } from "../../src/answer/threadMemory.ts";
import { CONSOLE_VOTE_HINT, VOTE_FAILED } from "../../src/feedback/feedback.ts";
import type { AdapterCore } from "../../src/pipeline/context.ts";
import { storedQuestion, voteOn } from "../../src/pipeline/feedback.ts";
import { type ChatRequest, handle } from "../../src/pipeline/handle.ts";
import { staticIndexSource } from "../../src/retrieval/indexSource.ts";
import { openStore } from "../../store/openStore.ts";
import { corpusIndex } from "../helpers/corpus.ts";
import { tempDir } from "../helpers/tempCorpus.ts";
import { testLogger } from "../helpers/testLogger.ts";

function setUp() {
  const store = openStore(join(tempDir("feedback"), "paperbot.db"));
  const core: AdapterCore = {
    source: staticIndexSource(corpusIndex()),
    memory: new ThreadMemory(),
    feedback: store.feedback,
  };
  return { store, core };
}

const place = {
  platform: "slack",
  channelId: "C1",
  scope: "slack",
  managers: "admins",
  canManage: async () => false,
  corpusEditor: false,
};

/** Runs one request through the pipeline; the reply it sent. */
async function ask(core: AdapterCore, text: string, extra: Partial<ChatRequest> = {}) {
  const { logger, lines } = await testLogger("info");
  const sent: Reply[] = [];
  await handle(
    { via: "mention", text, label: "a mention", place, ...extra },
    {
      core,
      log: logger,
      transport: { send: async (r) => void sent.push(r), fail: async () => {} },
    },
  );
  return { reply: sent[0] as Reply, lines };
}

describe("recording answers in the pipeline", () => {
  it("records an answer with its question, paper and passage, and hands back its id", async () => {
    const { store, core } = setUp();
    const { reply } = await ask(core, "how does BEAR avoid out-of-distribution actions?");
    expect(reply.kind).toBe("answer");
    const id = reply.kind === "answer" ? reply.feedback?.answerId : undefined;
    expect(id).toMatch(/^[\w-]{16}$/);
    const row = store.db.prepare("SELECT * FROM answers WHERE id = ?").get(id) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      kind: "answered",
      platform: "slack",
      scope: "slack",
      question: "how does BEAR avoid out-of-distribution actions?",
      question_key: "how does bear avoid out of distribution actions",
      paper_id: "bear",
    });
    expect(String(row.passage).length).toBeGreaterThan(40);
    store.close();
  });

  it("records a question the summaries do not cover as declined, without vote buttons", async () => {
    const { store, core } = setUp();
    const { reply } = await ask(core, "what is the capital of France?");
    expect(reply.kind).toBe("notFound");
    expect("feedback" in reply).toBe(false);
    const rows = store.db.prepare("SELECT kind, question, paper_id FROM answers").all();
    expect(rows).toEqual([
      { kind: "declined", question: "what is the capital of France?", paper_id: null },
    ]);
    store.close();
  });

  it("records a card shown for a look-up, with its buttons, but not a random one", async () => {
    const { store, core } = setUp();
    const { reply } = await ask(core, "mixmatch", { via: "command" });
    expect(reply.kind).toBe("card");
    expect(reply.kind === "card" && reply.feedback?.answerId).toMatch(/^[\w-]{16}$/);
    const random = await ask(core, "random", { via: "command" });
    expect(random.reply.kind).toBe("card");
    expect(random.reply.kind === "card" && random.reply.feedback).toBeFalsy();
    expect(store.db.prepare("SELECT kind, paper_id FROM answers").all()).toEqual([
      { kind: "answered", paper_id: "mixmatch" },
    ]);
    store.close();
  });

  it("records nothing for replies that answer no question (help, list)", async () => {
    const { store, core } = setUp();
    await ask(core, "help", { via: "command" });
    await ask(core, "list", { via: "command" });
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM answers").get()).toEqual({ n: 0 });
    store.close();
  });

  it("still answers, without buttons, when the database cannot record", async () => {
    const { store, core } = setUp();
    store.close();
    const { reply, lines } = await ask(core, "how does MixMatch sharpen labels?");
    expect(reply.kind).toBe("answer");
    expect(reply.kind === "answer" && reply.feedback).toBeFalsy();
    expect(lines.join("\n")).toContain("could not record the answer");
  });
});

describe("voteOn", () => {
  it("counts a vote, changes it, keeps a repeat once, and refuses unknown answers", async () => {
    const { store, core } = setUp();
    const { reply } = await ask(core, "how does MixMatch sharpen labels?");
    const answerId = reply.kind === "answer" ? (reply.feedback?.answerId ?? "") : "";
    const { logger } = await testLogger();
    const vote = (helpful: boolean, voter = "U1", id = answerId) =>
      voteOn(core, { answerId: id, platform: "slack", voter, helpful }, logger);
    expect(vote(true)).toMatchObject({ message: "Thanks, noted as helpful.", helpful: 1 });
    expect(vote(false)).toMatchObject({
      message: "Changed your vote to not helpful.",
      unhelpful: 1,
    });
    expect(vote(false).message).toContain("already marked this not helpful");
    expect(vote(true, "U2")).toMatchObject({ helpful: 1, unhelpful: 1 });
    expect(vote(true, "U1", "no-such-answer").message).toContain("no longer on record");
    // Another platform's button never votes on this platform's answer.
    expect(
      voteOn(core, { answerId, platform: "discord", voter: "U1", helpful: true }, logger).message,
    ).toContain("no longer on record");
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM votes").get()).toEqual({ n: 2 });
    store.close();
    expect(vote(true).message).toBe(VOTE_FAILED);
  });
});

describe("the console's + and -", () => {
  it("rates the answer just above, and says so when there is none", async () => {
    const { store, core } = setUp();
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk) => {
      printed += chunk;
    });
    const { logger } = await testLogger();
    const adapter = createConsoleAdapter({ core, config: { input, output }, logger });
    await adapter.start();
    const say = async (line: string) => {
      const before = printed.length;
      input.write(`${line}\n`);
      while (printed.length === before) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 20));
      return printed.slice(before);
    };
    expect(await say("+")).toContain("Nothing to rate yet");
    expect(await say("how does MixMatch sharpen labels?")).toContain(CONSOLE_VOTE_HINT);
    expect(await say("-")).toContain("noted as not helpful");
    expect(await say("+")).toContain("Changed your vote to helpful");
    input.end();
    await adapter.stop();
    expect(
      store.db.prepare("SELECT platform, helpful FROM votes JOIN answers ON id = answer_id").all(),
    ).toEqual([{ platform: "console", helpful: 1 }]);
    store.close();
  });
});

describe("storedQuestion", () => {
  it("keeps no id-like mention of a person, and takes the adapter's stored text first", () => {
    const request = { via: "mention", label: "a mention" } as const;
    expect(
      storedQuestion({ ...request, text: "@U0ALICE1 what does @80351110224678912 think of BEAR?" }),
    ).toBe("@someone what does @someone think of BEAR?");
    expect(storedQuestion({ ...request, text: "ask @alice", storedText: "ask @someone" })).toBe(
      "ask @someone",
    );
    expect(storedQuestion({ ...request, text: "what is MixMatch?" })).toBe("what is MixMatch?");
  });
});
