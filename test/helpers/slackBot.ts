/**
 * The real Slack adapter (Bolt in HTTP mode) on loopback, wired to the Slack stand-in, with
 * helpers that post signed slash commands and mention events to it as Slack would.
 */

import type { SlackConversation } from "../../adapters/slack/config.ts";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/slackAdapter.ts";
import { ThreadMemory } from "../../src/answer/threadMemory.ts";
import type { AdapterCore } from "../../src/pipeline/context.ts";
import { staticIndexSource } from "../../src/retrieval/indexSource.ts";
import { corpusIndex } from "./corpus.ts";
import {
  interactionBody,
  mentionEventBody,
  messageEventBody,
  type SlackStandIn,
  type SlackStandInOptions,
  slackSignature,
  slashCommandBody,
  startSlackStandIn,
} from "./slackStandIn.ts";
import { testLogger } from "./testLogger.ts";

/** The secrets the test bot runs with; tests assert they never reach a log line. */
export const TEST_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TEST_BOT_TOKEN = "xoxb-1111-2222-testbottokensecret";

/** A running test bot. */
export interface SlackTestBot {
  standIn: SlackStandIn;
  adapter: SlackAdapter;
  /** Log lines (JSON) the bot wrote. */
  logs: string[];
  /** Posts a raw body to `/slack/events` with the given headers. */
  post(body: string, headers: Record<string, string>): Promise<Response>;
  /**
   * Posts a correctly signed `/paper TEXT` (in channel `C1` by user `U1` unless `where` says
   * otherwise); returns the HTTP response and its response URL.
   */
  command(
    text: string,
    where?: { channel?: string; user?: string },
  ): Promise<{ response: Response; responseUrl: string }>;
  /** Posts a correctly signed `app_mention` event. */
  mention(
    options: Parameters<typeof mentionEventBody>[0],
    headers?: Record<string, string>,
  ): Promise<Response>;
  /**
   * Posts an interaction payload (a button click, as `blockActionsPayload` builds it) correctly
   * signed, or with the given headers instead of the signature.
   */
  interact(payload: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  /** Posts a correctly signed `message` event (a channel or thread message). */
  message(
    options: Parameters<typeof messageEventBody>[0],
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
}

let commandCount = 0;

/**
 * The Slack adapter in HTTP mode on a free port, answering from the real corpus, its Web API
 * pointed at `apiUrl`, logging JSON at debug level into `lines`. Not started. `core` replaces
 * parts of the default core (a database's thread memory, a digest service).
 */
export async function createTestSlackAdapter(
  apiUrl: string,
  core: Partial<AdapterCore> = {},
  conversation: SlackConversation & { corpusEditors?: string[] } = {},
): Promise<{ adapter: SlackAdapter; lines: string[] }> {
  const { logger, lines } = await testLogger("debug", [TEST_BOT_TOKEN, TEST_SIGNING_SECRET]);
  const adapter = createSlackAdapter({
    core: { source: staticIndexSource(corpusIndex()), memory: new ThreadMemory(), ...core },
    config: {
      mode: "http",
      botToken: TEST_BOT_TOKEN,
      signingSecret: TEST_SIGNING_SECRET,
      port: 0,
      apiUrl,
      ...conversation,
    },
    logger,
  });
  return { adapter, lines };
}

/** What a test bot runs with besides the defaults. */
export interface SlackTestBotOptions {
  /** What the stand-in answers (users, channels, ...). */
  standIn?: SlackStandInOptions;
  /** Parts of the bot's core to replace; see {@link createTestSlackAdapter}. */
  core?: Partial<AdapterCore>;
  /** How it converses: `THREAD_FOLLOWUPS`, `SLACK_ANSWER_CHANNELS`. */
  conversation?: SlackConversation;
  /** Settings read from the environment besides the tokens (`SLACK_CORPUS_EDITORS`). */
  settings?: { corpusEditors?: string[] };
}

/** Starts the stand-in and the bot; `close()` stops both. */
export async function startSlackTestBot(options: SlackTestBotOptions = {}): Promise<SlackTestBot> {
  const standIn = await startSlackStandIn(options.standIn);
  const { adapter, lines } = await createTestSlackAdapter(standIn.apiUrl, options.core, {
    ...options.conversation,
    ...options.settings,
  });
  await adapter.start();
  const url = `http://127.0.0.1:${adapter.address()?.port}/slack/events`;
  const post = (body: string, headers: Record<string, string>) =>
    fetch(url, { method: "POST", body, headers });
  return {
    standIn,
    adapter,
    logs: lines,
    post,
    async command(text, where = {}) {
      commandCount += 1;
      const responseUrl = standIn.responseUrl(`cmd-${commandCount}`);
      const body = slashCommandBody({ text, responseUrl, ...where });
      const response = await post(body, {
        "content-type": "application/x-www-form-urlencoded",
        ...slackSignature(TEST_SIGNING_SECRET, body),
      });
      return { response, responseUrl };
    },
    mention(options, headers = {}) {
      const body = mentionEventBody(options);
      return post(body, {
        "content-type": "application/json",
        ...slackSignature(TEST_SIGNING_SECRET, body),
        ...headers,
      });
    },
    interact(payload, headers) {
      const body = interactionBody(payload);
      return post(body, {
        "content-type": "application/x-www-form-urlencoded",
        ...(headers ?? slackSignature(TEST_SIGNING_SECRET, body)),
      });
    },
    message(options, headers = {}) {
      const body = messageEventBody(options);
      return post(body, {
        "content-type": "application/json",
        ...slackSignature(TEST_SIGNING_SECRET, body),
        ...headers,
      });
    },
    async close() {
      await adapter.stop();
      await standIn.close();
    },
  };
}
