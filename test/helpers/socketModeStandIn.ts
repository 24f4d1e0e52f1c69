/**
 * A local stand-in for Slack's Socket Mode on loopback: the Web API stand-in answers
 * `apps.connections.open` with the URL of a WebSocket server here, which greets each connection
 * with `hello`, sends envelopes as Slack does, records the bot's acknowledgements, and can ask for
 * a refresh (`disconnect`) or drop the socket. Nothing reaches slack.com.
 */
import { Socket } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { type SlackStandIn, startSlackStandIn } from "./slackStandIn.ts";

/** An envelope Slack sends over the socket. */
export interface Envelope {
  envelope_id: string;
  type: "events_api" | "slash_commands" | "interactive";
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  /** How many times Slack delivered this event before (Events API only). */
  retry_attempt?: number;
  retry_reason?: string;
}

/** A message the bot sent over the socket: an acknowledgement, `{ envelope_id, payload }`. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
  /** Which connection (0-based, in order of opening) carried it. */
  connection: number;
}

/** One WebSocket connection the bot opened. */
export interface SocketConnection {
  /** The path and query it connected to, as `apps.connections.open` handed it out. */
  path: string;
  socket: WebSocket;
  /** Resolves with the close code once the connection is closed, by either side. */
  closed: Promise<number>;
}

/** The Socket Mode stand-in's handle. */
export interface SocketModeStandIn {
  /** The Web API stand-in (`apps.connections.open`, `chat.postMessage`, response URLs). */
  web: SlackStandIn;
  /** Every connection the bot opened, in order. */
  connections: SocketConnection[];
  /** Every acknowledgement the bot sent, in order. */
  acks: SocketAck[];
  /** Resolves once the bot has opened `count` connections in all, each greeted with `hello`. */
  waitForConnections(count: number, timeoutMs?: number): Promise<SocketConnection>;
  /** Sends an envelope on the newest connection. */
  send(envelope: Envelope): void;
  /** Resolves with the bot's acknowledgement of `envelopeId`. */
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  /** Sends Slack's `disconnect` message on the newest connection. */
  requestDisconnect(reason: "refresh_requested" | "warning" | "link_disabled"): void;
  close(): Promise<void>;
}

/** Polls `find` every 10 ms until it returns a value; rejects with `what` after `timeoutMs`. */
export async function until<T>(
  find: () => T | undefined,
  what: string,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Starts the WebSocket server and the Web API stand-in on free loopback ports. */
export async function startSocketModeStandIn(): Promise<SocketModeStandIn> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("expected a TCP address");
  let tickets = 0;
  // Each URL is fresh, as Slack's are, so a test can tell which `apps.connections.open` was used.
  const web = await startSlackStandIn({
    socketUrl: () => `ws://127.0.0.1:${address.port}/link/?ticket=${++tickets}`,
  });
  const connections: SocketConnection[] = [];
  const acks: SocketAck[] = [];

  server.on("connection", (socket, request) => {
    const connection = connections.length;
    const closed = new Promise<number>((resolve) => socket.once("close", resolve));
    connections.push({ path: request.url ?? "", socket, closed });
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as Omit<SocketAck, "connection">;
      acks.push({ ...message, connection });
    });
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: 1,
        debug_info: { host: "applink-standin", approximate_connection_time: 18060 },
        connection_info: { app_id: "A1" },
      }),
    );
    // Slack pings the client; the client then watches for the next ping (its server ping timeout).
    socket.ping();
  });

  const newest = (): WebSocket => {
    const socket = connections.at(-1)?.socket;
    if (!socket || socket.readyState !== socket.OPEN) throw new Error("no open connection");
    return socket;
  };

  return {
    web,
    connections,
    acks,
    waitForConnections: (count, timeoutMs = 3000) =>
      until(
        () => (connections.length >= count ? connections[count - 1] : undefined),
        `connection ${count} (have ${connections.length})`,
        timeoutMs,
      ),
    send: (envelope) => newest().send(JSON.stringify(envelope)),
    waitForAck: (envelopeId, timeoutMs = 3000) =>
      until(
        () => acks.find((ack) => ack.envelope_id === envelopeId),
        `the ack of ${envelopeId}`,
        timeoutMs,
      ),
    requestDisconnect: (reason) =>
      newest().send(
        JSON.stringify({ type: "disconnect", reason, debug_info: { host: "applink-standin" } }),
      ),
    async close() {
      for (const { socket } of connections) socket.terminate();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await web.close();
    },
  };
}

/** An `events_api` envelope around an event callback body (as `mentionEventBody` builds it). */
export function eventsApiEnvelope(
  envelopeId: string,
  eventBody: string,
  retry?: { attempt: number; reason: string },
): Envelope {
  return {
    envelope_id: envelopeId,
    type: "events_api",
    payload: JSON.parse(eventBody) as Record<string, unknown>,
    accepts_response_payload: false,
    retry_attempt: retry?.attempt ?? 0,
    retry_reason: retry?.reason ?? "",
  };
}

/** A `slash_commands` envelope around a command's form body (as `slashCommandBody` builds it). */
export function slashCommandEnvelope(envelopeId: string, formBody: string): Envelope {
  return {
    envelope_id: envelopeId,
    type: "slash_commands",
    payload: Object.fromEntries(new URLSearchParams(formBody)),
    accepts_response_payload: true,
  };
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** Outbound TCP connections seen while the guard is on. */
export interface LoopbackGuard {
  /** The host of every outbound connection attempt, loopback or not. */
  hosts: string[];
  /** Turns the guard off. */
  release(): void;
}

/**
 * Records the host of every outbound TCP connection this process makes (HTTP, fetch, WebSocket,
 * TLS all go through `Socket#connect`) and refuses any that is not loopback.
 */
export function guardLoopback(): LoopbackGuard {
  const hosts: string[] = [];
  const original = Socket.prototype.connect;
  // `net.connect` hands `Socket#connect` its normalized arguments as one array.
  const patched = function (this: Socket, ...args: unknown[]): Socket {
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const options = typeof first === "object" && first !== null ? first : {};
    // A Unix socket or pipe path never leaves the machine.
    if (!("path" in options && options.path)) {
      const host =
        "host" in options && typeof options.host === "string"
          ? options.host
          : typeof args[1] === "string"
            ? args[1]
            : "localhost";
      hosts.push(host);
      if (!LOOPBACK.has(host)) {
        process.nextTick(() => this.destroy(new Error(`blocked a connection to ${host}`)));
        return this;
      }
    }
    return Reflect.apply(original, this, args) as Socket;
  };
  Socket.prototype.connect = patched as typeof Socket.prototype.connect;
  return {
    hosts,
    release: () => {
      Socket.prototype.connect = original;
    },
  };
}

/** An `interactive` envelope around an interaction payload (as `blockActionsPayload` builds it). */
export function interactiveEnvelope(
  envelopeId: string,
  payload: Record<string, unknown>,
): Envelope {
  return {
    envelope_id: envelopeId,
    type: "interactive",
    payload,
    accepts_response_payload: false,
  };
}
