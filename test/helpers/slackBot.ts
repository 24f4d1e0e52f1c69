/**
 * The real Slack adapter (Bolt in HTTP mode) on loopback, wired to the Slack stand-in, with
 * helpers that post signed slash commands and mention events to it as Slack would.
 */

import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/slackAdapter.ts";
import { ThreadMemory } from "../../src/answer/threadMemory.ts";
import { staticIndexSource } from "../../src/retrieval/indexSource.ts";
import { corpusIndex } from "./corpus.ts";
import {
  mentionEventBody,
  type SlackStandIn,
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
  /** Posts a correctly signed `/paper TEXT`; returns the HTTP response and its response URL. */
  command(text: string): Promise<{ response: Response; responseUrl: string }>;
  /** Posts a correctly signed `app_mention` event. */
  mention(
    options: Parameters<typeof mentionEventBody>[0],
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
}

let commandCount = 0;

/**
 * The Slack adapter in HTTP mode on a free port, answering from the real corpus, its Web API
 * pointed at `apiUrl`, logging JSON at debug level into `lines`. Not started.
 */
export async function createTestSlackAdapter(
  apiUrl: string,
): Promise<{ adapter: SlackAdapter; lines: string[] }> {
  const { logger, lines } = await testLogger("debug", [TEST_BOT_TOKEN, TEST_SIGNING_SECRET]);
  const adapter = createSlackAdapter({
    core: { source: staticIndexSource(corpusIndex()), memory: new ThreadMemory() },
    config: {
      mode: "http",
      botToken: TEST_BOT_TOKEN,
      signingSecret: TEST_SIGNING_SECRET,
      port: 0,
      apiUrl,
    },
    logger,
  });
  return { adapter, lines };
}

/** Starts the stand-in and the bot; `close()` stops both. */
export async function startSlackTestBot(): Promise<SlackTestBot> {
  const standIn = await startSlackStandIn();
  const { adapter, lines } = await createTestSlackAdapter(standIn.apiUrl);
  await adapter.start();
  const url = `http://127.0.0.1:${adapter.address()?.port}/slack/events`;
  const post = (body: string, headers: Record<string, string>) =>
    fetch(url, { method: "POST", body, headers });
  return {
    standIn,
    adapter,
    logs: lines,
    post,
    async command(text) {
      commandCount += 1;
      const responseUrl = standIn.responseUrl(`cmd-${commandCount}`);
      const body = slashCommandBody({ text, responseUrl });
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
    async close() {
      await adapter.stop();
      await standIn.close();
    },
  };
}
