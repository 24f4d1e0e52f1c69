/**
 * The Discord bot on discord.js: `/paper` (with autocomplete) and `@paperbot` mentions become
 * core requests, and the core's replies become embeds. Mentions are answered in a thread.
 */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionReplyOptions,
  type Message,
  MessageFlags,
  Options,
  Routes,
  type SendableChannels,
  ThreadAutoArchiveDuration,
} from "discord.js";
import type { Reply } from "../../src/answer/reply.ts";
import { suggestPapers } from "../../src/lookup/suggestPapers.ts";
import type { DiscordConfig } from "../config.ts";
import { RecentKeys } from "../recentKeys.ts";
import { type AdapterDeps, answerRequest, type ChatAdapter, planRequest } from "../types.ts";
import { PAPER_COMMAND, paperChoices, QUERY_OPTION } from "./commands.ts";
import { fromDiscordText, mentionsUser } from "./discordText.ts";
import { type DiscordMessage, threadName, toDiscordMessage } from "./render.ts";

/** Shown to the asker when answering fails on our side; the full error goes to the log. */
export const INTERNAL_ERROR =
  "Sorry, something went wrong on my side answering that. It has been logged.";
/** Close codes after which discord.js does not reconnect, and what to do about each. */
const GATEWAY_GIVE_UP: Record<number, string> = {
  4004: "DISCORD_TOKEN is no longer valid (reset in the Developer Portal?)",
  4010: "invalid shard",
  4011: "the bot is in too many servers for one shard",
  4012: "invalid API version",
  4013: "invalid intents",
  4014: "an intent the bot asks for is not enabled for it",
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

/** The Discord adapter, with its discord.js client for tests and extra listeners. */
export interface DiscordAdapter extends ChatAdapter {
  readonly client: Client;
}

function clientOptions(config: DiscordConfig): ClientOptions {
  return {
    intents: [...INTENTS],
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

/** The message as discord.js's reply and send take it; empty content is left out. */
function sendOptions(message: DiscordMessage): Omit<DiscordMessage, "content"> & {
  content?: string;
} {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    allowedMentions: message.allowedMentions,
  };
}

/** The reason of a failure in a few words, never a token: discord.js errors carry none. */
function describe(error: unknown): string {
  const e = error as { code?: string | number; message?: string };
  return [e.code, e.message].filter(Boolean).join(": ") || String(error);
}

/**
 * Whether a message asks the bot something: it names the bot (`<@bot>`), or it replies to one
 * of the bot's messages with the reply's ping on, which is how people follow up on an answer.
 * Discord gives a bot the content of both without the Message Content intent.
 */
function isAddressedTo(message: Message, botId: string): boolean {
  if (mentionsUser(message.content, botId)) return true;
  const { mentions } = message;
  return (
    mentions.repliedUser?.id === botId && mentions.users.has(botId) && message.content.trim() !== ""
  );
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
  const inFlight = new Set<Promise<unknown>>();
  let started = false;

  /** Runs a handler, keeping it until it settles so `stop()` can let it finish. */
  const track = (work: Promise<unknown>): void => {
    const settled = work.catch((error: unknown) => log.error({ err: error }, "handler failed"));
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  };

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    if (interaction.commandName !== PAPER_COMMAND) return interaction.respond([]);
    const typed = interaction.options.getFocused();
    const choices = paperChoices(suggestPapers(core.source.current(), typed, 25));
    await interaction.respond(choices);
  }

  async function command(interaction: ChatInputCommandInteraction): Promise<void> {
    if (interaction.commandName !== PAPER_COMMAND) {
      await interaction.reply({ content: "I only know /paper.", flags: MessageFlags.Ephemeral });
      return;
    }
    const began = performance.now();
    const text = interaction.options.getString(QUERY_OPTION) ?? "";
    // A command belongs to no thread, as on Slack: it never inherits a conversation's paper.
    const plan = planRequest(core, { text });
    let reply: Reply;
    if (plan.kind === "ready") {
      reply = plan.reply;
      await interaction.reply(interactionReply(reply));
    } else {
      // A question runs the search, whose time grows with the corpus; Discord allows 3 s for
      // the first response, so acknowledge ("paperbot is thinking…") and edit the answer in.
      await interaction.deferReply();
      reply = plan.run();
      if (reply.audience === "asker") {
        // A deferred reply is public; an asker-only answer replaces it as an ephemeral follow-up.
        await interaction.deleteReply();
        await interaction.followUp(interactionReply(reply));
      } else {
        await interaction.editReply(sendOptions(toDiscordMessage(reply)));
      }
    }
    log.info(
      {
        kind: reply.kind,
        deferred: plan.kind === "search",
        guild: interaction.guildId,
        channel: interaction.channelId,
        ms: Math.round(performance.now() - began),
      },
      "answered /paper",
    );
  }

  async function tellAskerOfFailure(interaction: Interaction): Promise<void> {
    if (!interaction.isRepliable()) return;
    const failure = { content: INTERNAL_ERROR, flags: MessageFlags.Ephemeral } as const;
    if (interaction.deferred && !interaction.replied) {
      await interaction.deleteReply().catch(() => undefined);
      await interaction.followUp(failure);
    } else if (interaction.replied) {
      await interaction.followUp(failure);
    } else {
      await interaction.reply(failure);
    }
  }

  async function onInteraction(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) await autocomplete(interaction);
      else if (interaction.isChatInputCommand()) await command(interaction);
    } catch (error) {
      log.error(
        { err: error, interaction: interaction.id, channel: interaction.channelId },
        "answering an interaction failed",
      );
      await tellAskerOfFailure(interaction).catch((e: unknown) =>
        log.error({ err: e }, "could not tell the asker about the failure"),
      );
    }
  }

  /**
   * Where a mention is answered: the thread it was asked in, or a thread started from it. When
   * a thread cannot be started (no permission, a channel without threads), in the channel.
   */
  async function answerPlace(message: Message<true>): Promise<SendableChannels> {
    const { channel } = message;
    if (channel.isThread() || !("threads" in channel)) return channel;
    try {
      return await message.startThread({
        name: threadName(questionOf(message)),
        autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
      });
    } catch (error) {
      log.warn(
        { err: error, channel: channel.id },
        "could not start a thread; answering in the channel (needs Create Public Threads)",
      );
      return channel;
    }
  }

  function questionOf(message: Message): string {
    const { mentions } = message;
    return fromDiscordText(message.content, client.user?.id, {
      user: (id) => mentions.users.get(id)?.displayName,
      role: (id) => mentions.roles.get(id)?.name,
      channel: (id) => {
        const channel = mentions.channels.get(id);
        return channel && "name" in channel ? (channel.name ?? undefined) : undefined;
      },
    });
  }

  async function onMessage(message: Message): Promise<void> {
    const me = client.user;
    if (!me || message.author.bot || message.system || !message.inGuild()) return;
    if (!isAddressedTo(message, me.id)) return;
    // One mention, one answer, even if the gateway replays an event after a resume.
    if (!seenMessages.add(message.id)) return;
    const began = performance.now();
    try {
      const place = await answerPlace(message);
      const thread = place.isThread() ? `discord:${message.guildId}:${place.id}` : undefined;
      const reply = answerRequest(core, {
        text: questionOf(message),
        ...(thread ? { thread } : {}),
      });
      await place.send(sendOptions(toDiscordMessage(reply)));
      log.info(
        {
          kind: reply.kind,
          guild: message.guildId,
          channel: place.id,
          ms: Math.round(performance.now() - began),
        },
        "answered a mention",
      );
    } catch (error) {
      log.error({ err: error, channel: message.channelId }, "answering a mention failed");
      await message.channel
        .send({ content: INTERNAL_ERROR, allowedMentions: { parse: [] } })
        .catch((e: unknown) => log.error({ err: e }, "could not tell the asker about the failure"));
    }
  }

  client.on(Events.InteractionCreate, (interaction) => track(onInteraction(interaction)));
  client.on(Events.MessageCreate, (message) => track(onMessage(message)));
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

  function interactionReply(reply: Reply): InteractionReplyOptions {
    const options = sendOptions(toDiscordMessage(reply));
    return reply.audience === "asker" ? { ...options, flags: MessageFlags.Ephemeral } : options;
  }

  return {
    name: "discord",
    client,
    failed,
    async start() {
      const ready = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no READY from the Discord gateway in ${READY_TIMEOUT_MS} ms`)),
          READY_TIMEOUT_MS,
        );
        client.once(Events.ClientReady, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      try {
        await client.login(config.token);
        await ready;
      } catch (error) {
        await client.destroy();
        throw new Error(
          `Discord did not accept DISCORD_TOKEN or could not be reached: ${describe(error)}`,
          { cause: error },
        );
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
