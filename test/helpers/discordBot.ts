/**
 * The real Discord adapter (discord.js) on loopback, wired to the Discord stand-in, with helpers
 * that read back what a person would see of the bot's replies.
 */
import type { APIEmbed } from "discord.js";
import type { DiscordConfig } from "../../adapters/discord/config.ts";
import {
  createDiscordAdapter,
  type DiscordAdapter,
} from "../../adapters/discord/discordAdapter.ts";
import { ThreadMemory } from "../../src/answer/threadMemory.ts";
import type { AdapterCore } from "../../src/pipeline/context.ts";
import { staticIndexSource } from "../../src/retrieval/indexSource.ts";
import { corpusIndex } from "./corpus.ts";
import { type DiscordStandIn, type RestCall, startDiscordStandIn } from "./discordStandIn.ts";
import { testLogger } from "./testLogger.ts";

/** A running test bot. */
export interface DiscordTestBot {
  standIn: DiscordStandIn;
  adapter: DiscordAdapter;
  /** Log lines (JSON) the bot wrote. */
  logs: string[];
  close(): Promise<void>;
}

/** The adapter's configuration for a stand-in. */
export function testDiscordConfig(standIn: DiscordStandIn): DiscordConfig {
  return {
    token: standIn.token,
    applicationId: standIn.applicationId,
    guildId: standIn.guildId,
    apiUrl: standIn.restUrl,
  };
}

/** What a test bot may be started with besides the defaults. */
export interface DiscordTestBotOptions {
  /**
   * Parts of the core to use instead of the defaults (the real corpus, in-process thread memory,
   * no counts, no digest): e.g. a `DigestService` with its store's SQLite memory and counts, as
   * `runBot` wires them.
   */
  core?: Partial<AdapterCore>;
  /** Configuration besides the stand-in's: `messageContent`, `answerChannels`. */
  config?: Partial<DiscordConfig>;
  /** Settings read from the environment besides the connection (`DISCORD_CORPUS_EDITORS`). */
  settings?: Pick<DiscordConfig, "corpusEditors">;
}

/** Starts the stand-in and the bot, answering from the real corpus; `close()` stops both. */
export async function startDiscordTestBot(
  options: DiscordTestBotOptions = {},
): Promise<DiscordTestBot> {
  const standIn = await startDiscordStandIn();
  const { logger, lines } = await testLogger("debug", [standIn.token]);
  const adapter = createDiscordAdapter({
    core: {
      source: staticIndexSource(corpusIndex()),
      memory: new ThreadMemory(),
      ...options.core,
    },
    config: { ...testDiscordConfig(standIn), ...options.config, ...options.settings },
    logger,
  });
  await adapter.start();
  return {
    standIn,
    adapter,
    logs: lines,
    async close() {
      await adapter.stop();
      await standIn.close();
    },
  };
}

/** The message a REST call carries: an interaction callback's `data`, or the body itself. */
export function messageOf(call: RestCall): {
  content?: string;
  embeds?: APIEmbed[];
  flags?: number;
  allowed_mentions?: { parse?: string[] };
} {
  const body = call.body as Record<string, unknown> | undefined;
  if (call.path.endsWith("/callback")) return (body?.data ?? {}) as ReturnType<typeof messageOf>;
  return (body ?? {}) as ReturnType<typeof messageOf>;
}

/** Everything a person reads of a message: content, embed titles, texts, fields and footers. */
export function visibleText(call: RestCall): string {
  const message = messageOf(call);
  const parts = [message.content ?? ""];
  for (const embed of message.embeds ?? []) {
    parts.push(embed.title ?? "", embed.url ?? "", embed.description ?? "");
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
    parts.push(embed.footer?.text ?? "");
  }
  return parts.filter(Boolean).join("\n");
}

/** The embed images of a message. */
export function embedImages(call: RestCall): string[] {
  return (messageOf(call).embeds ?? []).flatMap((e) => (e.image?.url ? [e.image.url] : []));
}

/** Discord's ephemeral flag: only the person who used the command sees the message. */
export const EPHEMERAL = 1 << 6;

/** Whether a REST call posts or edits a message a person sees (not a defer or autocomplete). */
export function isVisibleMessage(call: RestCall): boolean {
  if (call.path.endsWith("/callback")) {
    const type = (call.body as { type?: number } | undefined)?.type;
    return type === 4;
  }
  if (/\/webhooks\/[^/]+\/[^/]+(\/messages\/@original)?$/.test(call.path)) {
    return call.method === "POST" || call.method === "PATCH";
  }
  return call.method === "POST" && /^\/channels\/\d+\/messages$/.test(call.path);
}

/** Whether a call creates a message in the given channel (or thread). */
export const postsTo =
  (channel: string) =>
  (call: RestCall): boolean =>
    call.method === "POST" && call.path === `/channels/${channel}/messages`;

/** Whether a call answers the interaction with the given id (its callback). */
export const isCallback =
  (id: string) =>
  (call: RestCall): boolean =>
    call.path.startsWith(`/interactions/${id}/`);
