/**
 * The Discord bot on discord.js: connects to the gateway and hands interactions (`/paper` and
 * the vote buttons under answers: interactions.ts) and messages addressed to the bot
 * (mentions.ts) to their handlers; the core's replies become embeds (render.ts).
 */
import { Client, type ClientOptions, Events, GatewayIntentBits, Options, Routes } from "discord.js";
import type { AdapterDeps, ChatAdapter } from "../../src/platform/platform.ts";
import { RecentKeys } from "../recentKeys.ts";
import { PAPER_COMMAND } from "./commands.ts";
import type { DiscordConfig } from "./config.ts";
import { handleInteraction } from "./interactions.ts";
import { handleMessage } from "./mentions.ts";

export { INTERNAL_ERROR } from "./interactions.ts";

/** Close codes after which discord.js does not reconnect, and what to do about each. */
const GATEWAY_GIVE_UP: Record<number, string> = {
  4004: "DISCORD_TOKEN is no longer valid (reset in the Developer Portal?)",
  4010: "invalid shard",
  4011: "the bot is in too many servers for one shard",
  4012: "invalid API version",
  4013: "invalid intents",
  4014: "an intent the bot asks for is not enabled for it (DISCORD_MESSAGE_CONTENT=on needs Message Content Intent on the Developer Portal's Bot page)",
};
/** How long `start()` waits for the gateway's READY before giving up. */
const READY_TIMEOUT_MS = 30_000;

/**
 * What the bot asks the gateway for, and why. No privileged intent: Discord sends the content of
 * a message that mentions the bot even without Message Content.
 * https://discord.com/developers/docs/events/gateway#message-content-intent
 */
export const INTENTS = [
  // Servers, their channels and threads: to know whether a mention came from a thread.
  GatewayIntentBits.Guilds,
  // Messages in servers: how a mention reaches the bot.
  GatewayIntentBits.GuildMessages,
] as const;

/**
 * The intents with DISCORD_MESSAGE_CONTENT=on: Message Content is privileged, turned on for the
 * bot in the Developer Portal (Bot > Privileged Gateway Intents), or the gateway closes with 4014.
 * With it Discord sends the text of every message in the channels the bot can see, which is how
 * a follow-up without a mention reaches it.
 * https://discord.com/developers/docs/events/gateway#message-content-intent
 */
export function intentsFor(config: Pick<DiscordConfig, "messageContent">): GatewayIntentBits[] {
  return config.messageContent ? [...INTENTS, GatewayIntentBits.MessageContent] : [...INTENTS];
}

/** The Discord adapter, with its discord.js client for tests and extra listeners. */
export interface DiscordAdapter extends ChatAdapter {
  readonly client: Client;
}

function clientOptions(config: DiscordConfig): ClientOptions {
  return {
    intents: intentsFor(config),
    // Belt and braces: every send also passes this, but a forgotten one still pings nobody.
    allowedMentions: { parse: [] },
    // The bot never reads old messages; caching them would only cost memory.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      GuildMemberManager: { maxSize: 1, keepOverLimit: (m) => m.id === m.client.user.id },
      UserManager: { maxSize: 1, keepOverLimit: (u) => u.id === u.client.user.id },
    }),
    rest: {
      ...(config.apiUrl ? { api: config.apiUrl } : {}),
      // A chat answer retried for minutes is worse than one logged failure.
      retries: 2,
      timeout: 10_000,
    },
  };
}

/** The code of a failure (`TokenInvalid`, `ECONNREFUSED`), when it has one; never a token. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" || typeof code === "number" ? ` (${code})` : "";
}

/** Resolves on the client's first `ClientReady`; rejects after `ms`. `cancel()` stops the clock. */
function readyWithin(client: Client, ms: number): { ready: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no READY from the Discord gateway in ${ms} ms`)),
      ms,
    );
    client.once(Events.ClientReady, () => resolve());
  });
  // A login that fails first leaves this unawaited; its rejection must not crash the process.
  ready.catch(() => undefined);
  return { ready, cancel: () => clearTimeout(timer) };
}

/** Creates the Discord adapter; nothing connects until `start()`. */
export function createDiscordAdapter({
  core,
  config,
  logger,
}: AdapterDeps<DiscordConfig>): DiscordAdapter {
  const log = logger.child({ adapter: "discord" });
  const client = new Client(clientOptions(config));
  const seenMessages = new RecentKeys();
  const seenInteractions = new RecentKeys();
  const editors = config.corpusEditors ? { corpusEditors: config.corpusEditors } : {};
  const inFlight = new Set<Promise<unknown>>();
  let started = false;

  /** Runs a handler, keeping it until it settles so `stop()` can let it finish. */
  const track = (work: Promise<unknown>): void => {
    const settled = work.catch((error: unknown) => log.error({ err: error }, "handler failed"));
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  };

  client.on(Events.InteractionCreate, (interaction) =>
    track(handleInteraction(interaction, { core, log, seen: seenInteractions, ...editors })),
  );
  client.on(Events.MessageCreate, (message) =>
    track(
      handleMessage(message, {
        core,
        log,
        seen: seenMessages,
        followUps: config.messageContent === true,
        ...(config.answerChannels ? { answerChannels: config.answerChannels } : {}),
        ...editors,
      }),
    ),
  );
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<Error>((resolve) => {
    fail = resolve;
  });
  // discord.js reconnects by itself and emits this only when it will not: a close code such as
  // 4004 (token no longer valid) or 4014 (intents not allowed).
  // https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (!started) return;
    const reason = GATEWAY_GIVE_UP[event.code] ?? "the gateway closed and will not be resumed";
    log.error({ shard, code: event.code }, `Discord closed the connection for good: ${reason}`);
    fail(new Error(`Discord closed the gateway connection (${event.code}): ${reason}`));
  });
  client.on(Events.ShardReconnecting, (shard) => {
    // destroy() on stop also emits this; only a reconnect while serving is news.
    if (started) log.info({ shard }, "reconnecting to the gateway");
  });
  client.on(Events.ShardResume, (shard, replayed) =>
    log.info({ shard, replayed }, "gateway session resumed"),
  );
  client.on(Events.ShardError, (error, shard) => log.error({ err: error, shard }, "gateway error"));
  client.on(Events.Error, (error) => log.error({ err: error }, "discord.js reported an error"));
  client.on(Events.Warn, (warning) => log.warn({ warning }, "discord.js warning"));

  /**
   * Warns when `/paper` is not registered where people would use it: the commonest reason a
   * newly set-up bot "does nothing". Informational only; a failed check never stops the bot.
   */
  async function checkRegistration(): Promise<void> {
    const scopes = [Routes.applicationCommands(config.applicationId)];
    if (config.guildId) {
      scopes.push(Routes.applicationGuildCommands(config.applicationId, config.guildId));
    }
    try {
      const lists = await Promise.all(scopes.map((route) => client.rest.get(route)));
      const names = lists.flatMap((list) => (list as Array<{ name: string }>).map((c) => c.name));
      if (!names.includes(PAPER_COMMAND)) {
        log.warn(
          { applicationId: config.applicationId, guildId: config.guildId },
          "/paper is not registered for this application: run `npm run register:discord`",
        );
      }
    } catch (error) {
      log.debug({ err: error }, "could not check the registered commands");
    }
  }

  return {
    name: "discord",
    client,
    failed,
    async start() {
      const { ready, cancel } = readyWithin(client, READY_TIMEOUT_MS);
      try {
        await client.login(config.token);
        await ready;
      } catch (error) {
        await client.destroy();
        // The logger adds the cause's message ("An invalid token was provided.").
        throw new Error(
          `Discord did not accept DISCORD_TOKEN or could not be reached${codeOf(error)}`,
          { cause: error },
        );
      } finally {
        cancel();
      }
      started = true;
      track(checkRegistration());
      log.info(
        { user: client.user?.tag, guilds: client.guilds.cache.size },
        "Discord adapter ready",
      );
    },
    async stop() {
      if (!started) return;
      started = false;
      // Answers under way finish (runBot bounds the wait) before the connection closes.
      await Promise.allSettled([...inFlight]);
      await client.destroy();
      log.info("Discord adapter stopped");
    },
  };
}
