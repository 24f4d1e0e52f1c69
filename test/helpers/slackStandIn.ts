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
}

/** What the stand-in should answer besides the defaults. */
export interface SlackStandInOptions {
  /** The WebSocket URL `apps.connections.open` hands out (Socket Mode); called once per call. */
  socketUrl?: () => string;
}

/** The stand-in's handle. */
export interface SlackStandIn {
  /** Web API base URL to give the bot (`SLACK_API_URL`). */
  apiUrl: string;
  /** A response URL for one slash command invocation. */
  responseUrl(id: string): string;
  /** Every call so far, in order. */
  calls: SlackCall[];
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
      calls.push({ method: "response_url", body });
      const error = failures.get("response_url");
      if (error) {
        failures.delete("response_url");
        return send(400, { ok: false, error });
      }
      return send(200, { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    calls.push({ method, body, ...(token ? { token } : {}) });
    const error = failures.get(method);
    if (error) {
      failures.delete(method);
      return send(200, { ok: false, error });
    }
    if (method === "apps.connections.open" && options.socketUrl) {
      return send(200, { ok: true, url: options.socketUrl() });
    }
    if (method === "auth.test") {
      return send(200, {
        ok: true,
        user_id: BOT_USER_ID,
        bot_id: "BPAPERBOT",
        team_id: "T1",
        user: "paperbot",
      });
    }
    ts += 1;
    send(200, { ok: true, channel: body.channel, ts: `${ts}.000100`, message_ts: `${ts}.000100` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
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
    team_id: "T1",
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
  return JSON.stringify({
    token: "legacy-verification-token",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: options.eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: "app_mention",
      user: options.user ?? "U1",
      text: options.text,
      ts: options.ts,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      channel: options.channel ?? "C1",
      event_ts: options.ts,
    },
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
