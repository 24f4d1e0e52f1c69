/**
 * The Slack bot on Bolt: `/paper` commands, `@paperbot` mentions and follow-ups in its threads
 * become core requests, and the core's replies become Block Kit messages; clicks on the vote
 * buttons under an answer are counted (`votes.ts`). Socket Mode with an app token, HTTP otherwise.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type AppOptions, HTTPReceiver } from "@slack/bolt";
import { createError } from "../../src/errors.ts";
import type { ChatLogger as Logger } from "../../src/logger.ts";
import type { ChatPlace } from "../../src/pipeline/digestCommands.ts";
import { SOMEONE } from "../../src/pipeline/feedback.ts";
import {
  answerChannelsPointer,
  answersIn,
  isThreadFollowUp,
} from "../../src/pipeline/followUps.ts";
import { handle, type ReplyTransport } from "../../src/pipeline/handle.ts";
import type { AdapterDeps, ChatAdapter } from "../../src/platform/platform.ts";
import { RecentKeys } from "../recentKeys.ts";
import { toBoltLogger } from "./boltLogger.ts";
import type { SlackConfig } from "./config.ts";
import { canManageChannel } from "./permissions.ts";
import { type SlackMessage, toSlackMessage, withoutImages } from "./render.ts";
import { fromSlackText } from "./slackText.ts";
import { SLACK_SCOPE, slackThreadKey } from "./threadKeys.ts";
import { listenForVotes } from "./votes.ts";

/** The slash command the app manifest declares. */
export const SLASH_COMMAND = "/paper";
/** Who may change which channels get the digest, in Slack's terms. */
const MANAGERS = "the workspace's admins or the channel's creator";

/**
 * How far a request's signed timestamp may be from our clock, either way. Slack's guide:
 * "If the X-Slack-Request-Timestamp is more than five minutes from local time, it could be a
 * replay attack" (https://docs.slack.dev/authentication/verifying-requests-from-slack). Bolt
 * refuses only old ones; a request dated in the future would stay replayable until its time.
 */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/**
 * Refuses, before Bolt sees it, a request whose signed timestamp lies more than
 * {@link SIGNATURE_WINDOW_SECONDS} ahead of our clock (Bolt checks the past side and the
 * signature itself). A missing or unreadable timestamp is left to Bolt, which refuses it.
 */
function refuseFutureRequests(receiver: HTTPReceiver, log: Logger): void {
  const handle = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers["x-slack-request-timestamp"];
    const sent = Number(Array.isArray(header) ? header[0] : header);
    if (header !== undefined && sent - Date.now() / 1000 > SIGNATURE_WINDOW_SECONDS) {
      log.warn({ timestamp: sent }, "refused a request dated more than five minutes ahead");
      res.writeHead(401, { "content-type": "text/plain" });
      res.end();
      return;
    }
    return handle(req, res);
  };
}

/** The Slack adapter, with the address it listens on in HTTP mode (port 0 picks a free one). */
export interface SlackAdapter extends ChatAdapter {
  /** The Bolt app, for tests and extra listeners. */
  readonly app: App;
  /** Where the HTTP receiver listens once started (HTTP mode only). */
  address(): AddressInfo | undefined;
}

/**
 * Web API errors that mean Slack refused the message's blocks: a figure URL it could not fetch is
 * `invalid_blocks` ("downloading image failed"). Other errors (`internal_error`,
 * `channel_not_found`, `not_in_channel`) say nothing about the figure: sending the message again
 * without it would only drop the figure, and turn a digest the ledger would retry whole into a
 * worse one posted at once.
 */
const REFUSED_BLOCKS = new Set(["invalid_blocks", "invalid_blocks_format"]);

/** Web API errors that mean Slack refused the message itself (a figure URL it could not fetch). */
function isRefusal(error: unknown): boolean {
  const e = error as { code?: string; data?: { error?: string }; response?: { status?: number } };
  if (e.code === "slack_webapi_platform_error") return REFUSED_BLOCKS.has(e.data?.error ?? "");
  const status = e.response?.status;
  return status !== undefined && status >= 400 && status < 500;
}

/** The reason of a Web API failure, in a few words (`invalid_auth`, `fetch failed`). */
export function describe(error: unknown): string {
  const e = error as {
    data?: { error?: string };
    original?: { message?: string };
    message?: string;
  };
  return e.data?.error ?? e.original?.message ?? e.message ?? String(error);
}

/** Sends a message; when Slack refuses one with a figure, sends it again without the image. */
export async function sendWithFallback(
  send: (message: SlackMessage) => Promise<unknown>,
  message: SlackMessage,
  log: Logger,
): Promise<void> {
  try {
    await send(message);
  } catch (error) {
    const plain = withoutImages(message);
    if (plain.blocks.length === message.blocks.length || !isRefusal(error)) throw error;
    log.warn({ err: error }, "Slack refused the message with its figure; sending it without");
    await send(plain);
  }
}

function appOptions(config: SlackConfig, log: Logger): AppOptions {
  const common: AppOptions = {
    token: config.botToken,
    logger: toBoltLogger(log),
    // Bolt would otherwise check the token (auth.test) in its constructor, where a failure is an
    // unhandled rejection that kills the process; init() in start() reports it instead.
    deferInitialization: true,
    clientOptions: {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      // A chat answer retried for minutes is worse than one logged failure.
      retryConfig: { retries: 2, minTimeout: 200, maxTimeout: 2000 },
    },
  };
  if (config.mode === "socket") {
    return {
      ...common,
      socketMode: true,
      appToken: config.appToken,
      // Socket Mode opens its connection (apps.connections.open) with a client of its own.
      ...(config.apiUrl
        ? { installerOptions: { clientOptions: { slackApiUrl: config.apiUrl } } }
        : {}),
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    port: config.port,
    logger: toBoltLogger(log),
    customRoutes: [
      {
        path: "/healthz",
        method: ["GET"],
        handler: (_req, res) => {
          res.writeHead(200, { "content-type": "text/plain" });
          res.end("ok\n");
        },
      },
    ],
  });
  refuseFutureRequests(receiver, log);
  return { ...common, receiver };
}

/** Creates the Slack adapter; nothing connects until `start()`. */
export function createSlackAdapter({
  core,
  config,
  logger,
}: AdapterDeps<SlackConfig>): SlackAdapter {
  const log = logger.child({ adapter: "slack", mode: config.mode });
  const app = new App(appOptions(config, log));
  const seenEvents = new RecentKeys();
  let server: Server | undefined;
  let started = false;

  /** Where a request was made: direct messages (`D…`) cannot subscribe; who may add papers. */
  const place = (channelId: string, userId: string | undefined): ChatPlace => ({
    platform: "slack",
    channelId: channelId.startsWith("D") ? undefined : channelId,
    scope: SLACK_SCOPE,
    managers: MANAGERS,
    canManage: async () => userId !== undefined && canManageChannel(app.client, userId, channelId),
    corpusEditor: userId !== undefined && (config.corpusEditors?.includes(userId) ?? false),
  });

  // Every request's listeners, tracked until they settle: the acknowledgement has long gone
  // when an answer is still being composed and posted, and stop() lets it finish.
  const inFlight = new Set<Promise<unknown>>();
  app.use(async ({ next }) => {
    const work = next();
    const settled = work.catch(() => undefined);
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
    await work;
  });

  app.command(SLASH_COMMAND, async ({ command, ack, respond: reply }) => {
    // Slack waits 3 seconds for the acknowledgement; the answer follows on the response URL.
    // https://docs.slack.dev/interactivity/implementing-slash-commands#responding_to_commands
    await ack();
    await handle(
      {
        via: "command",
        text: fromSlackText(command.text),
        place: place(command.channel_id, command.user_id),
        label: "/paper",
        fields: { channel: command.channel_id },
      },
      {
        core,
        log,
        transport: {
          send: (result) => {
            const response_type = result.audience === "asker" ? "ephemeral" : "in_channel";
            return sendWithFallback(
              (m) => reply({ response_type, text: m.text, blocks: m.blocks }),
              toSlackMessage(result),
              log,
            );
          },
          fail: (message) => reply({ response_type: "ephemeral", text: message }).then(() => {}),
        },
      },
    );
  });

  /**
   * How a reply goes back into a thread: in the thread for everyone, or to the asker alone
   * (postEphemeral) when its audience says so, and failures to the asker alone.
   */
  const threadTransport = (
    client: App["client"],
    channel: string,
    root: string,
    user: string | undefined,
  ): ReplyTransport => {
    const ephemeral = (m: SlackMessage | { text: string }) =>
      user
        ? client.chat.postEphemeral({ channel, user, thread_ts: root, ...m })
        : Promise.resolve();
    return {
      send: (result) =>
        sendWithFallback(
          (m) =>
            result.audience === "asker" && user
              ? ephemeral(m)
              : client.chat.postMessage({
                  channel,
                  thread_ts: root,
                  ...m,
                  // Figures show as image blocks; link previews would repeat them.
                  unfurl_links: false,
                  unfurl_media: false,
                }),
          toSlackMessage(result),
          log,
        ),
      fail: (message) => ephemeral({ text: message }).then(() => {}),
    };
  };

  app.event("app_mention", async ({ event, body, client, context }) => {
    // One mention, one answer: Slack delivers an event again when our 200 seemed late.
    const key = body.event_id ?? `${event.channel}:${event.ts}`;
    if (!seenEvents.add(key)) {
      log.info({ eventId: key, retry: context.retryNum }, "ignored a repeated delivery");
      return;
    }
    const root = event.thread_ts ?? event.ts;
    const { user } = event;
    if (!answersIn(config.answerChannels, event.channel)) {
      await pointToAnswerChannels(client, event.channel, root, user);
      return;
    }
    await handle(
      {
        via: "mention",
        text: fromSlackText(event.text, context.botUserId),
        // Kept for feedback (`paperbot gaps`) naming no one: people are never stored.
        storedText: fromSlackText(event.text, context.botUserId, SOMEONE),
        thread: slackThreadKey(body.team_id ?? "", event.channel, root),
        place: place(event.channel, user),
        label: "a mention",
        fields: { channel: event.channel },
      },
      { core, log, transport: threadTransport(client, event.channel, root, user) },
    );
  });

  /** Tells the asker alone where the bot answers mentions (SLACK_ANSWER_CHANNELS). */
  async function pointToAnswerChannels(
    client: App["client"],
    channel: string,
    root: string,
    user: string | undefined,
  ): Promise<void> {
    if (!user) return;
    const links = (config.answerChannels ?? []).map((id) => `<#${id}>`);
    try {
      await client.chat.postEphemeral({
        channel,
        user,
        thread_ts: root,
        text: answerChannelsPointer(links),
      });
      log.info({ channel }, "pointed a mention outside SLACK_ANSWER_CHANNELS to them");
    } catch (error) {
      log.error({ err: error, channel }, "could not point a mention to SLACK_ANSWER_CHANNELS");
    }
  }

  // Replies in a thread the bot answered in, without a mention: the `message.channels` and
  // `message.groups` events (scopes `channels:history`, `groups:history`). A plain message has no
  // `subtype`; edits (`message_changed`), bots (`bot_message`), joins and broadcasts all have one.
  // https://docs.slack.dev/reference/events/message.channels
  // https://docs.slack.dev/reference/events/message
  if ((config.threadFollowUps ?? "questions") === "questions") {
    app.event("message", async ({ event, body, client, context }) => {
      if (event.subtype !== undefined) return;
      const { channel, user, text, ts } = event;
      const root = event.thread_ts;
      // Bolt's ignoreSelf drops the bot's own messages; other bots carry a bot_id.
      if (event.bot_id || !user || user === context.botUserId || !text) return;
      // A top-level message, or a thread's first message, is not a reply in a thread.
      if (!root || root === ts) return;
      if (event.channel_type !== "channel" && event.channel_type !== "group") return;
      const botMention = context.botUserId ? `<@${context.botUserId}>` : undefined;
      // The app_mention event answers a message that mentions the bot: never twice.
      if (botMention && text.includes(botMention)) return;
      if (!answersIn(config.answerChannels, channel)) return;
      const thread = slackThreadKey(body.team_id ?? "", channel, root);
      if (!isThreadFollowUp(core, { thread, text, ...(botMention ? { botMention } : {}) })) return;
      const key = body.event_id ?? `${channel}:${ts}`;
      if (!seenEvents.add(key)) {
        log.info({ eventId: key, retry: context.retryNum }, "ignored a repeated delivery");
        return;
      }
      await handle(
        {
          via: "mention",
          text: fromSlackText(text, context.botUserId),
          storedText: fromSlackText(text, context.botUserId, SOMEONE),
          thread,
          place: place(channel, user),
          label: "a follow-up",
          fields: { channel },
        },
        { core, log, transport: threadTransport(client, channel, root, user) },
      );
    });
  }

  // "Helpful" / "Not helpful" under an answer: the same endpoint (HTTP) or socket as the rest.
  listenForVotes(app, core, log);

  app.error(async (error) => {
    log.error({ err: error }, "Bolt reported an error");
  });

  return {
    name: "slack",
    app,
    address: () => {
      const address = server?.address();
      return address && typeof address === "object" ? address : undefined;
    },
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw new Error(
          `Slack did not accept SLACK_BOT_TOKEN or could not be reached: ${describe(error)}`,
          {
            cause: error,
          },
        );
      }
      let result: unknown;
      try {
        result = config.mode === "http" ? await app.start(config.port) : await app.start();
      } catch (error) {
        if (config.mode === "http" && (error as NodeJS.ErrnoException).code === "EADDRINUSE") {
          // One sentence, not a stack trace: the usual cause is a second bot on the same PORT.
          throw createError(
            "USAGE",
            `PORT ${config.port} is already in use (another paperbot?): stop that process or set PORT to a free port`,
            { cause: error },
          );
        }
        throw error;
      }
      if (config.mode === "http") server = result as Server;
      started = true;
      const where = config.mode === "http" ? { port: this.address()?.port } : {};
      log.info(where, "Slack adapter ready");
    },
    async stop() {
      if (!started) return;
      started = false;
      // No new requests; then the answers under way finish (runBot bounds the wait).
      await app.stop();
      await Promise.allSettled([...inFlight]);
      log.info("Slack adapter stopped");
    },
  };
}
