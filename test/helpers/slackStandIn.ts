/**
 * A local stand-in for Slack on loopback: it answers the Web API calls Bolt makes (and the
 * response URLs of slash commands), recording each, and signs requests as Slack signs them.
 * Tests point the real Bolt app at it; nothing reaches slack.com.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One call the bot made to the stand-in. */
export interface SlackCall {
  /** Web API method (`chat.postMessage`), or `response_url` for a slash command's response. */
  method: string;
  /** The call's arguments, JSON fields (`blocks`) parsed. */
  body: Record<string, unknown>;
  /** The bearer token the call carried, if any (`xoxb-` for the bot, `xapp-` for Socket Mode). */
  token?: string;
  /** The error the stand-in answered with (`ok: false`), if it refused the call. */
  error?: string;
  /** For `response_url`: the path it was posted to, which says whose click or command it answers. */
  path?: string;
}

/** A workspace member as `users.info` describes them; unlisted users are plain members. */
export interface StandInUser {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

/** What the stand-in should answer besides the defaults. */
export interface SlackStandInOptions {
  /** The WebSocket URL `apps.connections.open` hands out (Socket Mode); called once per call. */
  socketUrl?: () => string;
  /** What `users.info` says of each user; anyone not listed is a plain member. */
  users?: Record<string, StandInUser>;
  /** Who created each channel (`conversations.info`); unlisted channels were made by {@link CHANNEL_CREATOR}. */
  channels?: Record<string, { creator: string }>;
  /** Channels `chat.postMessage` always refuses with `channel_not_found` (a deleted channel). */
  rejectChannels?: readonly string[];
  /** How long `chat.postMessage` takes to answer (ms): a slow Slack keeps posts in flight. */
  postDelayMs?: number;
}

/** The stand-in's handle. */
export interface SlackStandIn {
  /** Web API base URL to give the bot (`SLACK_API_URL`). */
  apiUrl: string;
  /** A response URL for one slash command invocation. */
  responseUrl(id: string): string;
  /** Every call so far, in order. */
  calls: SlackCall[];
  /** The `chat.postMessage` calls so far (to `channel` only, when given), refused ones too. */
  posts(channel?: string): SlackCall[];
  /** The `chat.postMessage` calls the stand-in accepted: the messages that reached a channel. */
  delivered(channel?: string): SlackCall[];
  /** Makes the next call of `method` fail with Slack's `{ ok: false, error }`. */
  failNext(method: string, error: string): void;
  /** Resolves with the first call (from `from` on) that `match` accepts; rejects after `timeoutMs`. */
  waitFor(
    match: (call: SlackCall) => boolean,
    timeoutMs?: number,
    from?: number,
  ): Promise<SlackCall>;
  close(): Promise<void>;
}

/** The bot user the stand-in's `auth.test` reports. */
export const BOT_USER_ID = "UPAPERBOT";
/** The workspace the stand-in's `auth.test` reports, and slash commands and events carry. */
export const TEAM_ID = "T1";
/** Who created a channel the test did not describe: nobody the tests act as. */
export const CHANNEL_CREATOR = "UCREATOR";

/** `users.info` and `conversations.info` answers from the per-test data, as Slack shapes them. */
function lookup(
  method: string,
  body: Record<string, unknown>,
  options: SlackStandInOptions,
): Record<string, unknown> | undefined {
  if (method === "users.info") {
    const id = String(body.user);
    const user = { is_admin: false, is_owner: false, is_primary_owner: false };
    return { ok: true, user: { id, team_id: TEAM_ID, ...user, ...options.users?.[id] } };
  }
  if (method === "conversations.info") {
    const id = String(body.channel);
    // Direct messages have a user, not a creator.
    if (id.startsWith("D")) return { ok: true, channel: { id, is_im: true, user: "U1" } };
    const creator = options.channels?.[id]?.creator ?? CHANNEL_CREATOR;
    return { ok: true, channel: { id, is_channel: true, creator } };
  }
  return undefined;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) body += chunk;
  return body;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) return JSON.parse(raw || "{}");
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}

/** Starts the stand-in on a free loopback port. */
export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const calls: SlackCall[] = [];
  const failures = new Map<string, string>();
  let ts = 1_700_000_000;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const body = parseBody(await readBody(request), request.headers["content-type"]);
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(payload));
    };
    if (url.pathname.startsWith("/response/")) {
      calls.push({ method: "response_url", body, path: url.pathname });
      const error = failures.get("response_url");
      if (error) {
        failures.delete("response_url");
        return send(400, { ok: false, error });
      }
      return send(200, { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    const call: SlackCall = { method, body, ...(token ? { token } : {}) };
    calls.push(call);
    if (method === "chat.postMessage" && options.postDelayMs) {
      await new Promise((resolve) => setTimeout(resolve, options.postDelayMs));
    }
    const refuse = (error: string) => {
      call.error = error;
      send(200, { ok: false, error });
    };
    const error = failures.get(method);
    if (error) {
      failures.delete(method);
      return refuse(error);
    }
    if (method === "apps.connections.open" && options.socketUrl) {
      return send(200, { ok: true, url: options.socketUrl() });
    }
    if (method === "auth.test") {
      return send(200, {
        ok: true,
        user_id: BOT_USER_ID,
        bot_id: "BPAPERBOT",
        team_id: TEAM_ID,
        user: "paperbot",
      });
    }
    const found = lookup(method, body, options);
    if (found) return send(200, found);
    if (method === "chat.postMessage" && options.rejectChannels?.includes(String(body.channel))) {
      return refuse("channel_not_found");
    }
    ts += 1;
    send(200, { ok: true, channel: body.channel, ts: `${ts}.000100`, message_ts: `${ts}.000100` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const postsTo = (channel?: string) =>
    calls.filter(
      (c) =>
        c.method === "chat.postMessage" && (channel === undefined || c.body.channel === channel),
    );
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    posts: postsTo,
    delivered: (channel) => postsTo(channel).filter((c) => !c.error),
    failNext: (method, error) => failures.set(method, error),
    async waitFor(match, timeoutMs = 3000, from = 0) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = calls.slice(from).find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(
        `no matching Slack call within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(", ")}`,
      );
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Headers Slack sends with a request: the timestamp and `v0=` HMAC-SHA256 signature of the body. */
export function slackSignature(
  secret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": String(timestamp), "x-slack-signature": `v0=${signature}` };
}

/** A slash command's form body, as Slack posts it. */
export function slashCommandBody(options: {
  text: string;
  responseUrl: string;
  channel?: string;
  user?: string;
}): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: TEAM_ID,
    team_domain: "reading-group",
    channel_id: options.channel ?? "C1",
    channel_name: "papers",
    user_id: options.user ?? "U1",
    user_name: "ada",
    command: "/paper",
    text: options.text,
    api_app_id: "A1",
    response_url: options.responseUrl,
    trigger_id: "1.2.3",
  }).toString();
}

/** An `app_mention` event callback, as Slack posts it. */
export function mentionEventBody(options: {
  text: string;
  eventId: string;
  ts: string;
  threadTs?: string;
  channel?: string;
  user?: string;
}): string {
  return eventCallback(options.eventId, {
    type: "app_mention",
    user: options.user ?? "U1",
    text: options.text,
    ts: options.ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    channel: options.channel ?? "C1",
    event_ts: options.ts,
  });
}

/** The envelope Slack posts an Events API event in (`event_callback`), as JSON. */
function eventCallback(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: "legacy-verification-token",
    team_id: TEAM_ID,
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}

/**
 * A `message` event callback (the `message.channels` / `message.groups` subscriptions), as Slack
 * posts it: a plain message has no `subtype`; a reply in a thread carries `thread_ts`.
 * https://docs.slack.dev/reference/events/message.channels
 */
export function messageEventBody(options: {
  text: string;
  eventId: string;
  ts: string;
  threadTs?: string;
  channel?: string;
  user?: string;
  /** `group` for a private channel (`message.groups`). */
  channelType?: "channel" | "group";
  /** Another bot's message: `bot_message`, with its `bot_id`. */
  botId?: string;
  /** A subtype, such as `message_changed` for an edit. */
  subtype?: string;
}): string {
  return eventCallback(options.eventId, {
    type: "message",
    ...(options.subtype ? { subtype: options.subtype } : {}),
    ...(options.botId ? { bot_id: options.botId } : { user: options.user ?? "U1" }),
    text: options.text,
    ts: options.ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    channel: options.channel ?? "C1",
    event_ts: options.ts,
    channel_type: options.channelType ?? "channel",
  });
}

/** Every block's visible text in a recorded message, flattened. */
export function visibleText(call: SlackCall): string {
  return JSON.stringify(call.body.blocks ?? []) + String(call.body.text ?? "");
}

/** The image blocks of a recorded message. */
export function imageBlocks(call: SlackCall): Array<{ image_url: string; alt_text: string }> {
  const blocks = (call.body.blocks ?? []) as Array<{
    type: string;
    image_url: string;
    alt_text: string;
  }>;
  return blocks.filter((b) => b.type === "image");
}

/** A button as the bot posted it in a message's actions block. */
export interface PostedButton {
  type: "button";
  action_id: string;
  value: string;
  text: { type: "plain_text"; text: string };
}

/** The buttons of a recorded message's actions blocks, in order. */
export function postedButtons(call: SlackCall): PostedButton[] {
  const blocks = (call.body.blocks ?? []) as Array<{ type: string; elements?: PostedButton[] }>;
  return blocks
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === "button");
}

let clickCount = 0;

/**
 * A `block_actions` payload for a click on `button` in a message the bot posted (in channel `C1`
 * unless told), as Slack sends it: the clicker, the message with its blocks, the clicked action,
 * a response URL of its own and a fresh `trigger_id` and `action_ts`, as every real click has.
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export function blockActionsPayload(options: {
  button: PostedButton;
  user: string;
  responseUrl: string;
  messageTs: string;
  threadTs?: string;
  channel?: string;
  blocks?: unknown[];
}): Record<string, unknown> {
  clickCount += 1;
  const channel = options.channel ?? "C1";
  const actionTs = `${Math.floor(Date.now() / 1000)}.${String(clickCount).padStart(6, "0")}`;
  return {
    type: "block_actions",
    user: { id: options.user, username: "ada", name: "ada", team_id: TEAM_ID },
    api_app_id: "A1",
    token: "legacy-verification-token",
    container: {
      type: "message",
      message_ts: options.messageTs,
      channel_id: channel,
      is_ephemeral: false,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
    trigger_id: `${clickCount}.1111.${"a".repeat(8)}${clickCount}`,
    team: { id: TEAM_ID, domain: "reading-group" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: "papers" },
    message: {
      type: "message",
      user: BOT_USER_ID,
      bot_id: "BPAPERBOT",
      ts: options.messageTs,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      text: "an answer",
      blocks: options.blocks ?? [],
    },
    state: { values: {} },
    response_url: options.responseUrl,
    actions: [
      {
        ...options.button,
        block_id: "B0tE",
        action_ts: actionTs,
      },
    ],
  };
}

/** An interaction payload's form body, as Slack posts it: `payload=` and the JSON. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
