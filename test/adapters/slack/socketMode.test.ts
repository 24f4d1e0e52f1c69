import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { createSlackAdapter, type SlackAdapter } from "../../../adapters/slack/slackAdapter.ts";
import { createLogger, memoryDestination } from "../../../app/logger.ts";
import { ThreadMemory } from "../../../src/answer/threadMemory.ts";
import { staticIndexSource } from "../../../src/retrieval/indexSource.ts";
import { type DigestStore, openStore } from "../../../store/openStore.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { filesContaining } from "../../helpers/databaseFiles.ts";
import { TEST_BOT_TOKEN } from "../../helpers/slackBot.ts";
import {
  BOT_USER_ID,
  blockActionsPayload,
  imageBlocks,
  mentionEventBody,
  messageEventBody,
  postedButtons,
  slashCommandBody,
  visibleText,
} from "../../helpers/slackStandIn.ts";
import {
  eventsApiEnvelope,
  guardLoopback,
  interactiveEnvelope,
  type LoopbackGuard,
  type SocketModeStandIn,
  slashCommandEnvelope,
  startSocketModeStandIn,
  until,
} from "../../helpers/socketModeStandIn.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

/** A made-up app-level token in Slack's format; tests assert it never reaches a log line. */
const TEST_APP_TOKEN = "xapp-1-A1-1111-testapptokensecret";

let guard: LoopbackGuard;
let backoff: MockInstance<typeof setTimeout>;
let standIn: SocketModeStandIn;
let adapter: SlackAdapter;
let logs: string[];
/** The database votes are counted in (#16). */
let store: DigestStore;
const databasePath = join(tempDir("socket-votes"), "paperbot.db");
let count = 0;
const next = () => {
  count += 1;
  return { eventId: `EvSock${count}`, ts: `1710000${count}.000300`, envelopeId: `env-${count}` };
};

/** Sends, over the socket, a mention asking the README's BEAR question; returns its ids. */
const askAboutBear = () => {
  const ids = next();
  standIn.send(
    eventsApiEnvelope(
      ids.envelopeId,
      mentionEventBody({
        eventId: ids.eventId,
        ts: ids.ts,
        text: `<@${BOT_USER_ID}> how does BEAR avoid out-of-distribution actions?`,
      }),
    ),
  );
  return ids;
};

beforeAll(async () => {
  guard = guardLoopback();
  // The Socket Mode client waits 5 s (its client ping timeout) before reconnecting, and the
  // adapter rightly exposes no knob for it; shorten only that client's own timers (its reconnect
  // backoff is its one setTimeout) so the reconnect tests take milliseconds, not seconds.
  const realSetTimeout = globalThis.setTimeout;
  backoff = vi.spyOn(globalThis, "setTimeout").mockImplementation(((
    handler: (...args: unknown[]) => void,
    ms?: number,
    ...rest: unknown[]
  ) => {
    const fromClient = /[\\/]@slack[\\/]socket-mode[\\/].*SocketModeClient\.js/.test(
      new Error().stack ?? "",
    );
    return realSetTimeout<unknown[]>(handler, fromClient ? Math.min(ms ?? 0, 20) : ms, ...rest);
  }) as typeof setTimeout);
  standIn = await startSocketModeStandIn();
  const memory = memoryDestination();
  logs = memory.lines;
  const logger = await createLogger({
    level: "debug",
    format: "json",
    secrets: [TEST_BOT_TOKEN, TEST_APP_TOKEN],
    destination: memory.stream,
  });
  store = openStore(databasePath);
  adapter = createSlackAdapter({
    core: {
      source: staticIndexSource(corpusIndex()),
      memory: new ThreadMemory(),
      feedback: store.feedback,
    },
    config: {
      mode: "socket",
      botToken: TEST_BOT_TOKEN,
      appToken: TEST_APP_TOKEN,
      apiUrl: standIn.web.apiUrl,
    },
    logger,
  });
  // Resolves once the stand-in's `hello` arrives on the first connection.
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  // Bolt's stop() returns before the close handshake ends; let the client finish it.
  const last = standIn?.connections.at(-1);
  if (last) await Promise.race([last.closed, new Promise((r) => setTimeout(r, 1000))]);
  await standIn?.close();
  store?.close();
  backoff?.mockRestore();
  guard?.release();
});

describe("Slack adapter (Bolt in Socket Mode on loopback)", () => {
  it("opens its socket with the app token through apps.connections.open on the stand-in", () => {
    const opens = standIn.web.calls.filter((c) => c.method === "apps.connections.open");
    expect(opens).toHaveLength(1);
    expect(opens[0]?.token).toBe(TEST_APP_TOKEN);
    expect(standIn.connections).toHaveLength(1);
    expect(standIn.connections[0]?.path).toBe("/link/?ticket=1");
  });

  it("acks a mention's envelope and answers in the mention's thread with the figure", async () => {
    const from = standIn.web.calls.length;
    const { ts, envelopeId } = askAboutBear();
    const ack = await standIn.waitForAck(envelopeId);
    // Events carry no response payload: the ack is the bare envelope id.
    expect(ack.payload ?? {}).toEqual({});
    const call = await standIn.web.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    expect(call.token).toBe(TEST_BOT_TOKEN);
    expect(call.body.channel).toBe("C1");
    expect(call.body.thread_ts).toBe(ts);
    expect(visibleText(call)).toContain(
      "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction",
    );
    const [image] = imageBlocks(call);
    expect(image?.image_url).toMatch(/^https:\/\/i\.imgur\.com\//);
    expect(image?.alt_text).toContain("Figure from");
  });

  it("answers a follow-up without a mention in a thread it answered in (#13)", async () => {
    const root = next();
    let from = standIn.web.calls.length;
    standIn.send(
      eventsApiEnvelope(
        root.envelopeId,
        mentionEventBody({ ...root, text: `<@${BOT_USER_ID}> what is MixMatch?` }),
      ),
    );
    await standIn.web.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    const reply = next();
    from = standIn.web.calls.length;
    standIn.send(
      eventsApiEnvelope(
        reply.envelopeId,
        messageEventBody({ ...reply, threadTs: root.ts, text: "how do they sharpen the labels?" }),
      ),
    );
    await standIn.waitForAck(reply.envelopeId);
    const call = await standIn.web.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    expect(call.body.thread_ts).toBe(root.ts);
    expect(visibleText(call)).toContain("MixMatch: A Holistic Approach");
  });

  it("acks /paper mixmatch with an empty payload and answers on the response URL", async () => {
    const { envelopeId } = next();
    const from = standIn.web.calls.length;
    const responseUrl = standIn.web.responseUrl(envelopeId);
    standIn.send(
      slashCommandEnvelope(envelopeId, slashCommandBody({ text: "mixmatch", responseUrl })),
    );
    const ack = await standIn.waitForAck(envelopeId);
    // The adapter acks first and answers after, so the ack carries no message even though the
    // envelope accepts a response payload.
    expect(ack.payload).toEqual({});
    const call = await standIn.web.waitFor(
      (c) => c.method === "response_url" && visibleText(c).includes("MixMatch"),
      3000,
      from,
    );
    expect(call.body.response_type).toBe("in_channel");
    expect(visibleText(call)).toContain(
      "<https://arxiv.org/abs/1905.02249|MixMatch: A Holistic Approach to Semi-Supervised Learning>",
    );
    expect(imageBlocks(call)[0]?.image_url).toMatch(/^https:\/\/i\.imgur\.com\//);
    expect(standIn.web.calls.slice(from).map((c) => c.method)).not.toContain("chat.postMessage");
  });

  it("answers a redelivered event once, acking both envelopes", async () => {
    const { eventId, ts, envelopeId } = next();
    const from = standIn.web.calls.length;
    const seenLogs = logs.length;
    const body = mentionEventBody({
      eventId,
      ts,
      text: `<@${BOT_USER_ID}> what does VQ-VAE-2 generate?`,
    });
    standIn.send(eventsApiEnvelope(envelopeId, body));
    // Slack redelivers an event it thinks went unacked in a new envelope, counting the attempt.
    standIn.send(eventsApiEnvelope(`${envelopeId}-again`, body, { attempt: 1, reason: "timeout" }));
    await standIn.waitForAck(envelopeId);
    await standIn.waitForAck(`${envelopeId}-again`);
    await standIn.web.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    await until(
      () => logs.slice(seenLogs).find((line) => line.includes("ignored a repeated delivery")),
      "the repeat to be ignored",
    );
    const posts = standIn.web.calls.slice(from).filter((c) => c.method === "chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.thread_ts).toBe(ts);
  });

  it("counts a click on a vote button sent over the socket, once, and tells the voter alone (#16)", async () => {
    const voter = "USOCKVOTER8";
    let from = standIn.web.calls.length;
    const { ts } = askAboutBear();
    const answer = await standIn.web.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    const [, unhelpful] = postedButtons(answer);
    if (!unhelpful) throw new Error("no vote buttons under the answer");
    const payload = blockActionsPayload({
      button: unhelpful,
      user: voter,
      responseUrl: standIn.web.responseUrl("socket-vote"),
      messageTs: "1710009999.000100",
      threadTs: ts,
      blocks: answer.body.blocks as unknown[],
    });
    from = standIn.web.calls.length;
    standIn.send(interactiveEnvelope("env-vote", payload));
    // Acknowledged with the bare envelope id: nothing in the channel, the answer left as it was.
    expect((await standIn.waitForAck("env-vote")).payload ?? {}).toEqual({});
    const told = await standIn.web.waitFor((c) => c.method === "response_url", 3000, from);
    expect(told.path).toBe("/response/socket-vote");
    expect(told.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(told.body.text).toMatch(/^Thanks, noted as not helpful/);
    // The same click delivered again, in a new envelope: acked, not counted twice.
    standIn.send(interactiveEnvelope("env-vote-again", payload));
    await standIn.waitForAck("env-vote-again");
    await standIn.web.waitFor((c) => c.method === "response_url", 3000, from + 1);
    const votes = store.db
      .prepare<[string], { helpful: number }>("SELECT helpful FROM votes WHERE answer_id = ?")
      .all(unhelpful.value);
    expect(votes).toEqual([{ helpful: 0 }]);
    expect(standIn.web.calls.slice(from).filter((c) => c.method !== "response_url")).toEqual([]);
    expect(filesContaining(databasePath, voter)).toEqual([]);
  });

  it("reconnects when Slack asks for a refresh, and answers on the new connection", async () => {
    const before = standIn.connections.length;
    const old = standIn.connections.at(-1);
    standIn.requestDisconnect("refresh_requested");
    // The client closes the old socket itself, normally, then fetches a fresh URL.
    expect(await old?.closed).toBe(1000);
    const fresh = await standIn.waitForConnections(before + 1);
    expect(fresh.path).toBe(`/link/?ticket=${before + 1}`);
    const opens = standIn.web.calls.filter((c) => c.method === "apps.connections.open");
    expect(opens).toHaveLength(before + 1);
    expect(opens.at(-1)?.token).toBe(TEST_APP_TOKEN);
    await answersOnNewestConnection(before);
  });

  it("reconnects when Slack closes the socket, and answers on the new connection", async () => {
    const before = standIn.connections.length;
    standIn.connections.at(-1)?.socket.close(1001, "going away");
    await standIn.waitForConnections(before + 1);
    await answersOnNewestConnection(before);
  });

  it("reconnects when the socket drops without a close frame", async () => {
    const before = standIn.connections.length;
    standIn.connections.at(-1)?.socket.terminate();
    await standIn.waitForConnections(before + 1);
    await answersOnNewestConnection(before);
  });

  it("kept every connection on loopback and every token out of the logs", () => {
    expect(guard.hosts.length).toBeGreaterThan(0);
    expect(guard.hosts.filter((host) => host !== "127.0.0.1")).toEqual([]);
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) {
      expect(line).not.toContain(TEST_APP_TOKEN);
      expect(line).not.toContain(TEST_BOT_TOKEN);
    }
  });
});

/** Sends a mention on the newest connection; expects its ack there and an answer in its thread. */
async function answersOnNewestConnection(connection: number): Promise<void> {
  const { eventId, ts, envelopeId } = next();
  const from = standIn.web.calls.length;
  standIn.send(
    eventsApiEnvelope(
      envelopeId,
      mentionEventBody({ eventId, ts, text: `<@${BOT_USER_ID}> what is MixMatch?` }),
    ),
  );
  const ack = await standIn.waitForAck(envelopeId);
  expect(ack.connection).toBe(connection);
  const call = await standIn.web.waitFor(
    (c) => c.method === "chat.postMessage" && c.body.thread_ts === ts,
    3000,
    from,
  );
  expect(visibleText(call)).toContain("MixMatch: A Holistic Approach");
}
