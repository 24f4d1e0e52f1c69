/**
 * The platforms' side of `npm run bench:chat`, run in a process of its own so that what Discord
 * and Slack see is timed on a clock paperbot's event loop cannot hold up: the loopback Discord
 * stand-in (REST + gateway) and Slack stand-in (Web API + response URLs) of the tests, plus a
 * driver that, on each request from the bench over IPC, plays one person's request (an
 * autocomplete, a `/paper`, a mention, a signed Slack command) and reports how long after it was
 * sent each reply of the bot arrived.
 *
 * Usage: forked by bench/chat.ts (`fork(..., { execArgv: ["--import", "tsx"] })`), never alone.
 */
import { randomBytes } from "node:crypto";
import { CHANNEL_ID, type RestCall, startDiscordStandIn } from "../test/helpers/discordStandIn.ts";
import {
  blockActionsPayload,
  interactionBody,
  type PostedButton,
  postedButtons,
  type SlackCall,
  slackSignature,
  slashCommandBody,
  startSlackStandIn,
} from "../test/helpers/slackStandIn.ts";

/** One request the bench asks the platforms to play, then to time. */
export type RoundRequest =
  /** Someone types `text` into `/paper`'s option: Discord asks for autocomplete choices. */
  | { id: number; kind: "autocomplete"; text: string }
  /**
   * Someone runs `/paper text` on Discord; `expect` is the callback the bot should answer with:
   * 4 (the reply itself, for a name) or 5 (a deferral, then the answer as an edit).
   */
  | { id: number; kind: "discordCommand"; text: string; expect: 4 | 5 }
  /** Someone posts `@paperbot text` in the channel. */
  | { id: number; kind: "mention"; text: string }
  /** Slack posts a signed `/paper text` to the bot's `url` (its `/slack/events`). */
  | { id: number; kind: "slackCommand"; text: string; url: string }
  /**
   * `voter` clicks "Helpful" (or "Not helpful") under the bot's answer to the mention `text` on
   * Discord; the answer is asked for once, before the first click, and not timed.
   */
  | { id: number; kind: "discordVote"; text: string; voter: string; helpful: boolean }
  /**
   * `voter` clicks a vote button under the bot's answer to `/paper text` on Slack: a signed
   * `block_actions` POST to the bot's `url`. The answer is asked for once and not timed.
   */
  | { id: number; kind: "slackVote"; text: string; url: string; voter: string; helpful: boolean };

/** What the bench sends to the platforms' process. */
export type ToPlatforms = RoundRequest | { kind: "close" };

/** How long after sending the request each reply arrived, in ms; `error` when one never came. */
export interface RoundResult {
  id: number;
  /** To the acknowledgement: the callback (Discord), the HTTP 200 (Slack). */
  ackMs?: number;
  /** To the answer: the edit or follow-up, the message in the thread, the response URL post. */
  answerMs?: number;
  error?: string;
}

/** Where the bot finds the stand-ins, and the secrets they expect of it. */
export interface PlatformsReady {
  discord: { restUrl: string; token: string; applicationId: string; guildId: string };
  slack: { apiUrl: string; botToken: string; signingSecret: string };
}

/** What the platforms' process sends to the bench. */
export type FromPlatforms =
  | { type: "ready"; ready: PlatformsReady }
  | { type: "round"; result: RoundResult }
  | { type: "closed" };

/** How long to wait for one reply before counting the round as failed. */
const REPLY_TIMEOUT_MS = 10_000;
/** What both adapters say when answering failed on their side (adapters' `INTERNAL_ERROR`). */
const FAILURE_TEXT = "went wrong on my side";

/** A recorded call and the moment (performance.now()) it had fully arrived. */
interface Arrival<C> {
  call: C;
  at: number;
}

/**
 * Resolves waiters on the stand-ins' calls as they are recorded, with the time of arrival: a
 * waiter gets the first call after it was set up that it accepts, or `undefined` on timeout.
 */
class Arrivals<C> {
  private readonly waiters = new Set<{
    match: (call: C) => boolean;
    resolve: (arrival: Arrival<C> | undefined) => void;
    timer: NodeJS.Timeout;
  }>();

  seen(call: C): void {
    const at = performance.now();
    for (const waiter of this.waiters) {
      if (!waiter.match(call)) continue;
      this.waiters.delete(waiter);
      clearTimeout(waiter.timer);
      waiter.resolve({ call, at });
    }
  }

  next(match: (call: C) => boolean, timeoutMs = REPLY_TIMEOUT_MS): Promise<Arrival<C> | undefined> {
    return new Promise((resolve) => {
      const waiter = {
        match,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(undefined);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  clear(): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(undefined);
    }
    this.waiters.clear();
  }
}

const discordCalls = new Arrivals<RestCall>();
const slackCalls = new Arrivals<SlackCall>();
// The stand-in asks how long to hold each REST call once it has read it: the moment it arrived.
const discord = await startDiscordStandIn({
  delayMs: (call) => {
    discordCalls.seen(call);
    return 0;
  },
});
const slack = await startSlackStandIn();
// The Slack stand-in has no such hook; it records each call by pushing it, once it has read it.
const recordSlackCall = slack.calls.push.bind(slack.calls);
slack.calls.push = (...calls: SlackCall[]): number => {
  const length = recordSlackCall(...calls);
  for (const call of calls) slackCalls.seen(call);
  return length;
};
const signingSecret = randomBytes(16).toString("hex");

/** The headers of a form POST from Slack, signed as Slack signs it. */
function signedHeaders(body: string): Record<string, string> {
  return {
    "content-type": "application/x-www-form-urlencoded",
    ...slackSignature(signingSecret, body),
  };
}

function send(message: FromPlatforms): void {
  process.send?.(message);
}

function failed(call: { body?: unknown } | undefined): boolean {
  return JSON.stringify(call?.body ?? "").includes(FAILURE_TEXT);
}

async function autocomplete(id: number, text: string): Promise<RoundResult> {
  const started = performance.now();
  const { id: interaction, token } = discord.autocomplete({ query: text });
  const callback = await discordCalls.next(
    (c) => c.path === `/interactions/${interaction}/${token}/callback`,
  );
  if (!callback) return { id, error: "no autocomplete callback" };
  if (callback.call.body?.type !== 8)
    return { id, error: `callback type ${callback.call.body?.type}, expected 8` };
  return { id, ackMs: callback.at - started };
}

async function discordCommand(id: number, text: string, expect: 4 | 5): Promise<RoundResult> {
  const started = performance.now();
  const { id: interaction, token } = discord.slashCommand({ query: text });
  const webhook = `/webhooks/${discord.applicationId}/${token}`;
  const callback = discordCalls.next(
    (c) => c.path === `/interactions/${interaction}/${token}/callback`,
  );
  // A deferred answer is an edit of @original, or (asker-only) a follow-up after deleting it.
  const answer =
    expect === 5
      ? discordCalls.next(
          (c) =>
            (c.method === "PATCH" && c.path === `${webhook}/messages/@original`) ||
            (c.method === "POST" && c.path === webhook),
        )
      : undefined;
  const ack = await callback;
  if (!ack) return { id, error: "no interaction callback" };
  const type = ack.call.body?.type;
  if (type !== expect) {
    discordCalls.clear();
    return { id, error: `callback type ${type}, expected ${expect}` };
  }
  const ackMs = ack.at - started;
  if (!answer) return failed(ack.call) ? { id, error: "the bot failed" } : { id, ackMs };
  const answered = await answer;
  if (!answered) return { id, ackMs, error: "no answer after the deferral" };
  if (failed(answered.call)) return { id, ackMs, error: "the bot failed" };
  return { id, ackMs, answerMs: answered.at - started };
}

async function mention(id: number, text: string): Promise<RoundResult> {
  const started = performance.now();
  const message = discord.messageCreate({ content: text });
  // The bot starts a thread from the message (the thread takes its id) and answers there; it
  // answers in the channel only when it cannot start one.
  const answered = await discordCalls.next(
    (c) =>
      c.method === "POST" &&
      (c.path === `/channels/${message.id}/messages` ||
        c.path === `/channels/${CHANNEL_ID}/messages`),
  );
  if (!answered) return { id, error: "no answer to the mention" };
  if (failed(answered.call)) return { id, error: "the bot failed" };
  if (answered.call.path !== `/channels/${message.id}/messages`)
    return { id, error: "answered in the channel, not in a thread" };
  return { id, answerMs: answered.at - started };
}

async function slackCommand(id: number, text: string, url: string): Promise<RoundResult> {
  const body = slashCommandBody({ text, responseUrl: slack.responseUrl(`cmd-${id}`) });
  const headers = signedHeaders(body);
  const answer = slackCalls.next((c) => c.method === "response_url");
  const started = performance.now();
  const response = await fetch(url, { method: "POST", body, headers });
  const ackMs = performance.now() - started;
  await response.arrayBuffer();
  if (response.status !== 200) {
    slackCalls.clear();
    return { id, error: `HTTP ${response.status} to the command` };
  }
  const answered = await answer;
  if (!answered) return { id, ackMs, error: "nothing posted to the response URL" };
  if (failed(answered.call)) return { id, ackMs, error: "the bot failed" };
  return { id, ackMs, answerMs: answered.at - started };
}

/** The vote buttons' custom_ids of the bot's answer to a mention, by question: asked once. */
const discordAnswers = new Map<string, { messageId: string; ids: Record<string, string> }>();

/** Mentions the bot with `text` once and reads the custom_ids of the buttons under its answer. */
async function discordAnswer(text: string) {
  const known = discordAnswers.get(text);
  if (known) return known;
  const message = discord.messageCreate({ content: text });
  const posted = await discordCalls.next(
    (c) => c.method === "POST" && c.path === `/channels/${message.id}/messages`,
  );
  const answer = posted ? discord.lastMessageIn(message.id) : undefined;
  if (!answer) return undefined;
  const ids: Record<string, string> = {};
  for (const row of answer.components ?? []) {
    if (!("components" in row)) continue;
    for (const part of row.components) {
      if ("custom_id" in part && "label" in part && part.label) ids[part.label] = part.custom_id;
    }
  }
  const found = { messageId: answer.id, ids };
  discordAnswers.set(text, found);
  return found;
}

async function discordVote(
  id: number,
  text: string,
  voter: string,
  helpful: boolean,
): Promise<RoundResult> {
  const answer = await discordAnswer(text);
  const customId = answer?.ids[helpful ? "Helpful" : "Not helpful"];
  if (!answer || !customId) return { id, error: "no answer with vote buttons to click" };
  const started = performance.now();
  const click = discord.clickComponent({ messageId: answer.messageId, customId, userId: voter });
  const callback = await discordCalls.next(
    (c) => c.path === `/interactions/${click.id}/${click.token}/callback`,
  );
  if (!callback) return { id, error: "no callback to the click" };
  const body = callback.call.body as { type?: number; data?: { flags?: number } } | undefined;
  if (body?.type !== 4 || ((body.data?.flags ?? 0) & 64) === 0)
    return { id, error: `callback type ${body?.type}, expected an ephemeral 4` };
  return { id, ackMs: callback.at - started };
}

/** The vote buttons of the bot's answer to `/paper text`, by question: asked once. */
const slackAnswers = new Map<string, PostedButton[]>();
let slackSetups = 0;

/** Asks `/paper text` once and reads the buttons under the answer posted to the response URL. */
async function slackAnswer(text: string, url: string): Promise<PostedButton[] | undefined> {
  const known = slackAnswers.get(text);
  if (known) return known;
  slackSetups += 1;
  const body = slashCommandBody({ text, responseUrl: slack.responseUrl(`setup-${slackSetups}`) });
  const answer = slackCalls.next((c) => c.method === "response_url");
  const headers = signedHeaders(body);
  await (await fetch(url, { method: "POST", body, headers })).arrayBuffer();
  const answered = await answer;
  const buttons = answered ? postedButtons(answered.call) : [];
  if (buttons.length === 0) return undefined;
  slackAnswers.set(text, buttons);
  return buttons;
}

async function slackVote(
  id: number,
  request: { text: string; url: string; voter: string; helpful: boolean },
): Promise<RoundResult> {
  const buttons = await slackAnswer(request.text, request.url);
  const button = buttons?.find((b) =>
    b.action_id.endsWith(request.helpful ? "_helpful" : "_unhelpful"),
  );
  if (!button) return { id, error: "no answer with vote buttons to click" };
  const path = `vote-${id}`;
  const body = interactionBody(
    blockActionsPayload({
      button,
      user: request.voter,
      responseUrl: slack.responseUrl(path),
      messageTs: "1700000000.000100",
    }),
  );
  const headers = signedHeaders(body);
  // The thanks goes to this click's own response URL.
  const thanks = slackCalls.next(
    (c) => c.method === "response_url" && c.path?.endsWith(path) === true,
  );
  const started = performance.now();
  const response = await fetch(request.url, { method: "POST", body, headers });
  const ackMs = performance.now() - started;
  await response.arrayBuffer();
  if (response.status !== 200) {
    slackCalls.clear();
    return { id, error: `HTTP ${response.status} to the click` };
  }
  const told = await thanks;
  if (!told) return { id, ackMs, error: "no thanks at the click's response URL" };
  if (told.call.body.response_type !== "ephemeral")
    return { id, ackMs, error: "the thanks was not ephemeral" };
  return { id, ackMs, answerMs: told.at - started };
}

function play(request: RoundRequest): Promise<RoundResult> {
  switch (request.kind) {
    case "autocomplete":
      return autocomplete(request.id, request.text);
    case "discordCommand":
      return discordCommand(request.id, request.text, request.expect);
    case "mention":
      return mention(request.id, request.text);
    case "slackCommand":
      return slackCommand(request.id, request.text, request.url);
    case "discordVote":
      return discordVote(request.id, request.text, request.voter, request.helpful);
    case "slackVote":
      return slackVote(request.id, request);
  }
}

let closing: Promise<void> | undefined;
function close(): Promise<void> {
  closing ??= (async () => {
    discordCalls.clear();
    slackCalls.clear();
    await Promise.all([discord.close(), slack.close()]);
  })();
  return closing;
}

process.on("message", (message: ToPlatforms) => {
  if (message.kind === "close") {
    void close().then(() => {
      send({ type: "closed" });
      process.disconnect?.();
    });
    return;
  }
  play(message).then(
    (result) => send({ type: "round", result }),
    (error: unknown) => send({ type: "round", result: { id: message.id, error: String(error) } }),
  );
});
// The bench went away (finished or crashed): nothing left to serve.
process.on("disconnect", () => void close());

send({
  type: "ready",
  ready: {
    discord: {
      restUrl: discord.restUrl,
      token: discord.token,
      applicationId: discord.applicationId,
      guildId: discord.guildId,
    },
    slack: { apiUrl: slack.apiUrl, botToken: "xoxb-0000-bench-token", signingSecret },
  },
});
