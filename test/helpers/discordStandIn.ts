/**
 * A local stand-in for Discord on loopback, for tests that drive the real discord.js Client.
 *
 * An HTTP server answers the REST API (v10) routes the bot uses, recording each call before it
 * answers, and a WebSocket server speaks the gateway (HELLO, IDENTIFY → READY + GUILD_CREATE,
 * heartbeats, RESUME with replay, INVALID_SESSION, RECONNECT). The world it models is one guild
 * with one text channel, the bot, one human member, and whatever threads, messages and
 * interactions a test or the bot creates. Nothing reaches discord.com. A message created with
 * `nonce` and `enforce_nonce` is created once per author and nonce for a few minutes, a repeat
 * answered with the first, as on Discord; `failNext`/`dropNext` with `afterEffects` lose the
 * answer to a call that did its work, the failure a retry must survive without posting twice.
 *
 * Point a client at it with `new Client({ intents, rest: { api: standIn.restUrl } })`;
 * @discordjs/rest appends `/v10/...`, and the client connects to the gateway URL that
 * `GET /gateway/bot` hands out.
 *
 * How discord.js 14.28 (@discordjs/ws 1.2.3) reconnects, read from its source and measured
 * against this stand-in (`dropConnection(code)`, then count connections, IDENTIFYs and RESUMEs):
 * - Every reconnect waits a fixed 500 ms after the close (`destroy({ recover })` sleeps 500 ms;
 *   no backoff, no jitter), so a resume takes about 505 ms here.
 * - It resumes (keeps the session, sends RESUME) after 4000, 4001, 4002, 4009, after op 7
 *   RECONNECT (it closes with 4200 itself), and after any code it has no case for (1001, 1006,
 *   4999, ...) unless the socket had failed with ECONNRESET, ECONNREFUSED, ETIMEDOUT or
 *   EAI_AGAIN, in which case it re-identifies.
 * - It re-identifies (drops the session) after 1000, 4003, 4005, 4007, 4008, and op 9
 *   INVALID_SESSION with `d: false` (with `d: true` it sends RESUME again on the same socket).
 * - It gives up after 4004, 4010, 4011, 4012, 4013 and 4014: `shardError` and
 *   `shardDisconnect`, and no reconnect ever; during `login()`, a 4004 rejects the login.
 * - A re-identify within 5 s of the previous IDENTIFY waits out the rest of the 5 s plus up to
 *   1.5 s of jitter (its `SimpleIdentifyThrottler`, one IDENTIFY per 5 s per
 *   `session_start_limit.max_concurrency`). Tests that re-identify pass a no-op
 *   `ws.buildIdentifyThrottler` to skip the wait.
 * - The first heartbeat goes out `heartbeat_interval × random()` after HELLO; with no ACK by the
 *   next beat it takes the connection for a zombie and resumes.
 * - `login()` resolves on READY; `clientReady` waits until every guild READY listed as
 *   unavailable has come in GUILD_CREATE (or `waitGuildTimeout`, 15 s, runs out). Events other
 *   than READY, RESUMED and guild/member events are queued until then.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  APIApplicationCommand,
  APIApplicationCommandAutocompleteGuildInteraction,
  APIAttachment,
  APIChatInputApplicationCommandGuildInteraction,
  APIEmbed,
  APIGuildMember,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageComponentGuildInteraction,
  APIMessageTopLevelComponent,
  APIRole,
  APITextChannel,
  APIThreadChannel,
  APIUser,
  ApplicationFlags,
  ChannelFlags,
  GatewayGuildCreateDispatchData,
  GatewayMessageCreateDispatchData,
  GatewayReadyDispatchData,
  GatewayThreadCreateDispatchData,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  RESTPostAPIInteractionCallbackWithResponseResult,
  RoleFlags,
  UserFlags,
} from "discord.js";
import { type RawData, type WebSocket, WebSocketServer } from "ws";

// ─── Ids and fixtures ─────────────────────────────────────────────────────────────────────────

/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from it. */
export const DISCORD_EPOCH = 1_420_070_400_000;
/**
 * The bot's application. Distinct from the bot user's id, as for applications made before
 * 2021 (newer ones share one id): a bot that mixes the two up fails here rather than in
 * production.
 */
export const APPLICATION_ID = "1080429222297731072";
/** The bot user. */
export const BOT_USER_ID = "1080429243269251072";
/** The one guild (server) the bot is in. */
export const GUILD_ID = "841381576704262144";
/** The guild's text channel, `#papers`. */
export const CHANNEL_ID = "841381828362502144";
/** The human member who asks the questions, `ada`. */
export const USER_ID = "599890832916873216";
/** Another bot in the guild, the author when `messageCreate({ authorBot: true })`. */
export const OTHER_BOT_USER_ID = "1037335265280524288";
/** The id of the `/paper` command until a test registers commands (then theirs are used). */
export const COMMAND_ID = "1209409103463055360";
/**
 * The bot token the stand-in accepts by default, shaped like a real one (base64 of the bot's id,
 * then two segments); it is made up and grants nothing anywhere.
 */
export const DISCORD_TEST_TOKEN = `${Buffer.from(BOT_USER_ID).toString("base64url")}.GStand.in-token-made-up-for-loopback-tests`;

/** Gateway intents the stand-in looks at (https://discord.com/developers/docs/events/gateway#gateway-intents). */
export const INTENT = { Guilds: 1 << 0, GuildMessages: 1 << 9, MessageContent: 1 << 15 } as const;

let lastSnowflake = 0n;

/**
 * A fresh snowflake for now, as Discord makes them: milliseconds since {@link DISCORD_EPOCH} in
 * the top 42 bits, then worker, process and increment, so discord.js's `createdTimestamp` reads
 * the current time. Strictly increasing within the process, as ids (and message order) are on
 * Discord. https://discord.com/developers/docs/reference#snowflakes
 */
export function snowflake(): string {
  const candidate = (BigInt(Date.now() - DISCORD_EPOCH) << 22n) | (1n << 17n);
  lastSnowflake = candidate > lastSnowflake ? candidate : lastSnowflake + 1n;
  return String(lastSnowflake);
}

/** The creation time (ms since 1970) a snowflake encodes. */
export function snowflakeTimestamp(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
}

/**
 * What `@everyone` may do in the guild, hence the bot too (it has no role of its own here):
 * view channels, send messages, embed links, attach files, read history, add reactions, use
 * external emoji, use application commands, create public threads and send in threads.
 * https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags
 */
const EVERYONE_PERMISSIONS = [10n, 11n, 14n, 15n, 16n, 6n, 18n, 31n, 35n, 38n]
  .reduce((bits, bit) => bits | (1n << bit), 0n)
  .toString();

const BOT_USER: APIUser = {
  id: BOT_USER_ID,
  username: "paperbot",
  // Bot accounts kept their four-digit discriminators when users moved to unique names.
  discriminator: "4821",
  global_name: null,
  avatar: null,
  bot: true,
  flags: 0 as UserFlags,
  public_flags: 0 as UserFlags,
};

const KNOWN_USERS: Record<string, APIUser> = {
  [BOT_USER_ID]: BOT_USER,
  [USER_ID]: {
    id: USER_ID,
    username: "ada",
    discriminator: "0",
    global_name: "Ada",
    avatar: null,
    public_flags: 0 as UserFlags,
  },
  [OTHER_BOT_USER_ID]: {
    id: OTHER_BOT_USER_ID,
    username: "otherbot",
    discriminator: "1377",
    global_name: null,
    avatar: null,
    bot: true,
    public_flags: 0 as UserFlags,
  },
};

/** A user the model knows, or a plausible stranger for an id a test made up. */
function userFor(id: string): APIUser {
  return (
    KNOWN_USERS[id] ?? {
      id,
      username: `user${id.slice(-4)}`,
      discriminator: "0",
      global_name: null,
      avatar: null,
    }
  );
}

const JOINED_AT = "2023-03-01T10:05:00.000000+00:00";

function memberFor(user: APIUser): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: JOINED_AT,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The member object interactions carry: the member plus their permissions in the channel. */
function interactionMemberFor(user: APIUser, permissions: string): APIInteractionGuildMember {
  return { ...memberFor(user), user, permissions };
}

/** The guild member without its user, as messages' `member` field carries it. */
function messageMemberFor(user: APIUser) {
  const { user: _user, ...member } = memberFor(user);
  return { ...member, joined_at: JOINED_AT };
}

function everyoneRole(): APIRole {
  return {
    id: GUILD_ID,
    name: "@everyone",
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: EVERYONE_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

function textChannel(): APITextChannel {
  return {
    id: CHANNEL_ID,
    type: 0,
    guild_id: GUILD_ID,
    name: "papers",
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    topic: "The papers the reading group has summarized",
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    last_pin_timestamp: null,
    default_auto_archive_duration: 1440,
    flags: 0 as ChannelFlags,
  };
}

function publicThread(options: {
  id: string;
  name: string;
  parentId: string;
  ownerId: string;
  autoArchiveMinutes?: number;
}): APIThreadChannel {
  const now = new Date().toISOString();
  return {
    id: options.id,
    type: 11,
    guild_id: GUILD_ID,
    parent_id: options.parentId,
    owner_id: options.ownerId,
    name: options.name,
    last_message_id: null,
    last_pin_timestamp: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0 as ChannelFlags,
    thread_metadata: {
      archived: false,
      // Discord accepts 60, 1440, 4320 and 10080 minutes.
      auto_archive_duration: (options.autoArchiveMinutes ?? 1440) as 60 | 1440 | 4320 | 10080,
      archive_timestamp: now,
      locked: false,
      create_timestamp: now,
    },
  };
}

// ─── Recording ────────────────────────────────────────────────────────────────────────────────

/** A file part of a multipart request (`files[n]`), as discord.js uploads attachments. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** One REST call the bot made to the stand-in, recorded before it was answered. */
export interface RestCall {
  /** `GET`, `POST`, `PATCH`, `PUT` or `DELETE`. */
  method: string;
  /** The route below `/api/v10`, e.g. `/channels/123/messages` (the full path if not under it). */
  path: string;
  query: Record<string, string>;
  /**
   * The JSON body, parsed; for multipart/form-data the `payload_json` part, parsed; `null` when
   * there is none. Typed loosely so tests can read `body.data.embeds` without casts.
   */
  // biome-ignore lint/suspicious/noExplicitAny: a recording of arbitrary request bodies, read by tests
  body: any;
  /** The `Authorization` header, if any (`Bot <token>`); interaction and webhook routes have none. */
  auth?: string;
  /** The file parts of a multipart request, if any. */
  files?: UploadedFile[];
  /** When the request arrived (`performance.now()`), to time the bot's answers to the millisecond. */
  at: number;
}

/** A gateway payload the client sent (other than heartbeats), in order. */
export interface GatewayReceived {
  op: number;
  d: unknown;
}

/** What an IDENTIFY carried. */
export interface Identify {
  intents: number;
  token: string;
}

/** How the stand-in should behave besides the defaults. */
export interface DiscordStandInOptions {
  /** The bot token it accepts, on REST and on the gateway (default {@link DISCORD_TEST_TOKEN}). */
  token?: string;
  /** The heartbeat interval HELLO announces (default 41250 ms, Discord's usual). */
  heartbeatIntervalMs?: number;
  /** How long to hold a REST call before answering it (default 0), to test a slow platform. */
  delayMs?: (call: RestCall) => number;
  /**
   * How long after it is dispatched an interaction may still get its initial response (default
   * 3000 ms, Discord's limit); later callbacks get 404 Unknown interaction (10062), as on Discord.
   * https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
   */
  interactionDeadlineMs?: number;
}

/** How a failure set up with `failNext` or `dropNext` meets the call it matches. */
export interface FailureOptions {
  /**
   * Handle the call first (a message is created, a thread started), then answer with the failure
   * instead: the request reached Discord but its answer was lost on the way back.
   */
  afterEffects?: boolean;
}

/** The stand-in's handle. */
export interface DiscordStandIn {
  /** The REST base to give the client as `rest.api` (`http://127.0.0.1:PORT/api`). */
  restUrl: string;
  /** The gateway URL `GET /gateway/bot` hands out (`ws://127.0.0.1:PORT`). */
  gatewayUrl: string;
  /** The bot token it accepts. */
  token: string;
  /** {@link APPLICATION_ID}: the first segment of interaction webhook routes. */
  applicationId: string;
  /** {@link BOT_USER_ID}: the user the client logs in as. */
  botUserId: string;
  /** {@link GUILD_ID}: the one guild READY lists. */
  guildId: string;
  /** {@link CHANNEL_ID}: the guild's text channel. */
  channelId: string;
  /** Every REST call so far, in order of arrival. */
  calls: RestCall[];
  /** Resolves with the first call (from index `from` on) that `match` accepts; rejects after `timeoutMs`. */
  waitFor(match: (call: RestCall) => boolean, timeoutMs?: number, from?: number): Promise<RestCall>;
  /** Every IDENTIFY received, in order, right token or not. */
  identifies: Identify[];
  /** How many RESUMEs were received. */
  resumes: number;
  /** How many gateway connections were opened. */
  connections: number;
  /** The query string of each gateway connection (`{ v: "10", encoding: "json" }` from discord.js). */
  connectionQueries: Array<Record<string, string>>;
  /** Every gateway payload the client sent except heartbeats, in order. */
  received: GatewayReceived[];
  /** How many heartbeats were received (each answered with an ACK). */
  heartbeats: number;
  /** Resolves once a client has identified and been sent READY and GUILD_CREATE. */
  ready(timeoutMs?: number): Promise<void>;
  /**
   * Sends a dispatch (op 0) with the next sequence number on the current session. While the
   * client is disconnected it is kept and replayed when the client resumes, as Discord does (a
   * refused resume loses it, as on Discord). Throws when there is no session: before the first
   * IDENTIFY, and after a refused RESUME until the client identifies again.
   */
  dispatch(event: string, data: unknown): void;
  /**
   * Dispatches a `/paper` (or `name`) slash command, as a guild member runs it; returns the
   * payload. `permissions` are the member's permissions in the channel (a bitfield; default what
   * `@everyone` may do, which includes neither Manage Channels nor Manage Server).
   */
  slashCommand(options?: {
    name?: string;
    query?: string;
    channelId?: string;
    userId?: string;
    permissions?: bigint;
  }): APIChatInputApplicationCommandGuildInteraction;
  /**
   * Dispatches a click on a message component (a MESSAGE_COMPONENT interaction, type 3) on
   * message `messageId`, as a guild member makes it; returns the payload. `componentType` is 2
   * (a button) unless given. The message need not carry a component with that `custom_id`, so a
   * test can click what a forged request or an older bot would. Its initial response may be a
   * message (4), a deferral (5), a deferred update (6) or an update of the message (7).
   * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type
   */
  clickComponent(options: {
    messageId: string;
    customId: string;
    componentType?: number;
    userId?: string;
  }): APIMessageComponentGuildInteraction;
  /** Dispatches an autocomplete interaction for the command's `query` option; returns the payload. */
  autocomplete(options: {
    query: string;
    name?: string;
    channelId?: string;
    userId?: string;
  }): APIApplicationCommandAutocompleteGuildInteraction;
  /**
   * Dispatches MESSAGE_CREATE for a message a member posts; returns the payload as sent. By default
   * it mentions the bot (`<@bot> ` is prefixed unless the content already has it). Without the
   * MessageContent intent, a message that does not mention the bot arrives with empty content,
   * embeds, attachments and components, as on Discord.
   * https://discord.com/developers/docs/events/gateway#message-content-intent
   */
  messageCreate(options: {
    content: string;
    channelId?: string;
    mentionBot?: boolean;
    mentionEveryone?: boolean;
    authorBot?: boolean;
    userId?: string;
    /**
     * Makes it a reply to that message. With `mentionBot` (the default) the reply pings the
     * bot instead of naming it in the content, as Discord's reply button does by default.
     */
    replyTo?: string;
  }): GatewayMessageCreateDispatchData;
  /**
   * Adds a thread a member started (no start message). A public one is announced to the bot with
   * THREAD_CREATE; a private one (`private: true`) is not, as Discord tells a bot of a private
   * thread only once it is added to it, so the bot's cache never holds it.
   */
  createThreadChannel(options: {
    name: string;
    parentId?: string;
    private?: boolean;
  }): APIThreadChannel;
  /** The channel (text channel or thread) with that id, as the model holds it. */
  channel(id: string): APITextChannel | APIThreadChannel | undefined;
  /** The message with that id, as the model holds it (including interaction responses). */
  message(id: string): APIMessage | undefined;
  /** The newest message in that channel or thread, as the model holds it. */
  lastMessageIn(channelId: string): APIMessage | undefined;
  /** Every message in that channel or thread, oldest first, as the model holds them. */
  messagesIn(channelId: string): APIMessage[];
  /**
   * Closes the current gateway connection with `code` (default 4000, after which discord.js
   * resumes; 1000 makes it re-identify; 1006 drops the TCP connection without a close frame).
   */
  dropConnection(code?: number): void;
  /** Sends op 7 RECONNECT: the client closes the socket itself and resumes. */
  requestReconnect(): void;
  /** Answers the next RESUME with op 9 INVALID_SESSION (`d: false`), so the client re-identifies. */
  rejectNextResume(): void;
  /**
   * The next REST call that `match` accepts gets `status` and `body` (429 also gets rate-limit
   * headers); with `afterEffects`, only once the call has been handled.
   */
  failNext(
    match: (call: RestCall) => boolean,
    status: number,
    body: unknown,
    options?: FailureOptions,
  ): void;
  /**
   * The next REST call that `match` accepts gets no answer: its connection is closed, as when a
   * network path fails; with `afterEffects`, only once the call has been handled.
   */
  dropNext(match: (call: RestCall) => boolean, options?: FailureOptions): void;
  /** Stops both servers, closing every connection. */
  close(): Promise<void>;
}

// ─── Messages ─────────────────────────────────────────────────────────────────────────────────

/** The fields of a message a bot sends, whichever route it comes by. */
interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
  message_reference?: { message_id?: string; channel_id?: string; guild_id?: string };
  attachments?: Array<{ id: string | number; filename?: string; description?: string }>;
  sticker_ids?: string[];
  poll?: unknown;
  nonce?: string | number;
  enforce_nonce?: boolean;
}

/** An error response as Discord shapes it: https://discord.com/developers/docs/reference#error-messages */
interface DiscordError {
  message: string;
  code: number;
  errors?: Record<string, unknown>;
}

const MESSAGE_FLAG = { HasThread: 1 << 5, Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

function fieldError(code: string, message: string) {
  return { _errors: [{ code, message }] };
}

/** Code points, not UTF-16 units: how Discord counts a limit's characters. */
function length(text: string | undefined): number {
  return text === undefined ? 0 : [...text].length;
}

/**
 * Discord's length limits on a message, as 400 Invalid Form Body (50035) with per-field errors.
 * https://discord.com/developers/docs/resources/message#create-message-jsonform-params and
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
function formErrors(body: MessageBody): DiscordError | undefined {
  const errors: Record<string, unknown> = {};
  if (length(String(body.nonce ?? "")) > 25) {
    errors.nonce = fieldError("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
  }
  if (length(body.content) > 2000) {
    errors.content = fieldError("BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
  }
  const embeds = body.embeds ?? [];
  if (embeds.length > 10) {
    errors.embeds = fieldError("BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
  } else {
    const perEmbed: Record<string, unknown> = {};
    embeds.forEach((embed, index) => {
      const problems = embedErrors(embed);
      if (problems) perEmbed[index] = problems;
    });
    const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
    if (Object.keys(perEmbed).length > 0) errors.embeds = perEmbed;
    else if (total > 6000) {
      errors.embeds = fieldError(
        "MAX_EMBED_SIZE_EXCEEDED",
        "Embed size exceeds maximum size of 6000",
      );
    }
  }
  return Object.keys(errors).length > 0
    ? { message: "Invalid Form Body", code: 50035, errors }
    : undefined;
}

function embedErrors(embed: APIEmbed): Record<string, unknown> | undefined {
  const tooLong = (max: number) =>
    fieldError("BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
  const errors: Record<string, unknown> = {};
  if (length(embed.title) > 256) errors.title = tooLong(256);
  if (length(embed.description) > 4096) errors.description = tooLong(4096);
  if (length(embed.footer?.text) > 2048) errors.footer = { text: tooLong(2048) };
  if (length(embed.author?.name) > 256) errors.author = { name: tooLong(256) };
  const fields = embed.fields ?? [];
  if (fields.length > 25) errors.fields = tooLong(25);
  else {
    const perField: Record<string, unknown> = {};
    fields.forEach((field, index) => {
      const problems: Record<string, unknown> = {};
      if (length(field.name) > 256) problems.name = tooLong(256);
      if (length(field.value) > 1024) problems.value = tooLong(1024);
      if (Object.keys(problems).length > 0) perField[index] = problems;
    });
    if (Object.keys(perField).length > 0) errors.fields = perField;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** The characters Discord counts towards an embed's 6000 total. */
function embedLength(embed: APIEmbed): number {
  return (
    length(embed.title) +
    length(embed.description) +
    length(embed.footer?.text) +
    length(embed.author?.name) +
    (embed.fields ?? []).reduce((sum, field) => sum + length(field.name) + length(field.value), 0)
  );
}

function isEmpty(body: MessageBody, files: number): boolean {
  return (
    !body.content?.trim() &&
    (body.embeds ?? []).length === 0 &&
    (body.components ?? []).length === 0 &&
    (body.sticker_ids ?? []).length === 0 &&
    !body.poll &&
    files === 0
  );
}

/**
 * Who a message pings, as Discord resolves it: mentions in the content, filtered by
 * `allowed_mentions` when given (absent, everything parses).
 * https://discord.com/developers/docs/resources/message#allowed-mentions-object
 * Discord would also drop `@everyone` from a sender without the Mention Everyone permission,
 * which the bot lacks here; the stand-in keeps it, so a test sees what the bot's payload allowed.
 */
function resolveMentions(content: string, allowed: MessageBody["allowed_mentions"]) {
  const parse = allowed?.parse;
  const userAllowed = (id: string) =>
    allowed === undefined || parse?.includes("users") || allowed.users?.includes(id);
  const mentioned = [...content.matchAll(/<@!?(\d+)>/g)].map((match) => match[1] ?? "");
  const users = [...new Set(mentioned)].filter((id) => id in KNOWN_USERS && userAllowed(id));
  return {
    mentions: users.map(userFor),
    mention_everyone:
      /@(everyone|here)\b/.test(content) &&
      (allowed === undefined || !!parse?.includes("everyone")),
  };
}

// ─── Gateway ──────────────────────────────────────────────────────────────────────────────────

/** A gateway payload: https://discord.com/developers/docs/events/gateway-events#payload-structure */
interface GatewayFrame {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

/** A gateway session: what IDENTIFY starts and RESUME continues. */
interface Session {
  id: string;
  intents: number;
  /** Every dispatch sent in this session, by sequence number, for replay on RESUME. */
  log: GatewayFrame[];
  /** The socket the session is attached to, or null while the client is away. */
  socket: WebSocket | null;
}

/** One gateway connection and the session it identified or resumed, if any. */
interface Connection {
  socket: WebSocket;
  session: Session | null;
}

const OP = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
  RequestSoundboardSounds: 31,
} as const;

const CLIENT_OPS = new Set<number>([
  OP.Heartbeat,
  OP.Identify,
  OP.PresenceUpdate,
  OP.VoiceStateUpdate,
  OP.Resume,
  OP.RequestGuildMembers,
  OP.RequestSoundboardSounds,
]);

// ─── The stand-in ─────────────────────────────────────────────────────────────────────────────

/** What a route answers: a status and a JSON body (none for 204), plus any extra headers. */
interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Close the connection without answering. */
  drop?: boolean;
}

/** An interaction the stand-in dispatched, and what the bot has done with it. */
interface InteractionRecord {
  id: string;
  token: string;
  /** 2 application command, 3 message component, 4 autocomplete. */
  type: 2 | 3 | 4;
  /** The command's name, or a component's `custom_id`. */
  commandName: string;
  /** For a message component: the message it is on (what an update, type 7, edits). */
  messageId?: string;
  channelId: string;
  user: APIUser;
  dispatchedAt: number;
  /** The member's permissions in the channel, as the interaction carries them. */
  permissions: string;
  /** The callback type of the initial response, once there is one. */
  ackType?: number;
  /** Id of the `@original` message (the reply, or the deferred "thinking…" message). */
  originalId?: string;
  followUpIds: Set<string>;
}

interface Route {
  method: string;
  pattern: RegExp;
  /** Whether the route needs `Authorization: Bot <token>`; interaction and webhook routes do not. */
  auth: boolean;
  handle(params: string[], call: RestCall): Reply | Promise<Reply>;
}

const notFound = (message: string, code: number): Reply => ({
  status: 404,
  body: { message, code },
});
const badRequest = (message: string, code: number): Reply => ({
  status: 400,
  body: { message, code },
});
const UNKNOWN_CHANNEL = notFound("Unknown Channel", 10003);
const UNKNOWN_MESSAGE = notFound("Unknown Message", 10008);
const UNKNOWN_WEBHOOK = notFound("Unknown Webhook", 10015);
const UNKNOWN_INTERACTION = notFound("Unknown interaction", 10062);
const EMPTY_MESSAGE = badRequest("Cannot send an empty message", 50006);
/**
 * How long Discord remembers a message's nonce for `enforce_nonce`: "the past few minutes".
 * https://discord.com/developers/docs/resources/message#create-message-jsonform-params
 */
const NONCE_WINDOW_MS = 5 * 60 * 1000;

class StandIn implements DiscordStandIn {
  restUrl = "";
  gatewayUrl = "";
  token: string;
  applicationId = APPLICATION_ID;
  botUserId = BOT_USER_ID;
  guildId = GUILD_ID;
  channelId = CHANNEL_ID;
  calls: RestCall[] = [];
  identifies: Identify[] = [];
  resumes = 0;
  connections = 0;
  connectionQueries: Array<Record<string, string>> = [];
  received: GatewayReceived[] = [];
  heartbeats = 0;

  private readonly http = createServer((request, response) => {
    void this.onRequest(request).then(
      (reply) => {
        if (response.destroyed) return;
        if (reply.drop) {
          response.destroy();
          return;
        }
        const headers: Record<string, string> = { ...reply.headers };
        if (reply.body === undefined) {
          response.writeHead(reply.status, headers).end();
          return;
        }
        headers["content-type"] = "application/json";
        response.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
      },
      (error: unknown) => {
        if (!response.destroyed) response.writeHead(500).end(String(error));
      },
    );
  });
  private readonly gateway = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  private readonly heartbeatIntervalMs: number;
  private readonly interactionDeadlineMs: number;
  private readonly delayMs: (call: RestCall) => number;
  private readonly failures: Array<{
    match: (call: RestCall) => boolean;
    reply: Reply;
    afterEffects: boolean;
  }> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly channels = new Map<string, APITextChannel | APIThreadChannel>([
    [CHANNEL_ID, textChannel()],
  ]);
  private readonly messages = new Map<string, APIMessage>();
  /** The messages created with a nonce, by author and nonce, for `enforce_nonce`. */
  private readonly nonces = new Map<string, { messageId: string; at: number }>();
  private readonly interactions = new Map<string, InteractionRecord>();
  private readonly commands = new Map<string, APIApplicationCommand[]>();
  private session: Session | null = null;
  private sessionsStarted = 0;
  private rejectResume = false;
  private readonly routes: Route[] = this.buildRoutes();

  constructor(options: DiscordStandInOptions) {
    this.token = options.token ?? DISCORD_TEST_TOKEN;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.interactionDeadlineMs = options.interactionDeadlineMs ?? 3000;
    this.delayMs = options.delayMs ?? (() => 0);
    this.gateway.on("connection", (socket, request) => this.onConnection(socket, request));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.gateway.once("listening", resolve);
      this.gateway.once("error", reject);
    });
    const gatewayAddress = this.gateway.address() as AddressInfo;
    this.gatewayUrl = `ws://127.0.0.1:${gatewayAddress.port}`;
    await new Promise<void>((resolve) => this.http.listen(0, "127.0.0.1", resolve));
    const { port } = this.http.address() as AddressInfo;
    this.restUrl = `http://127.0.0.1:${port}/api`;
  }

  // ── Recording and waiting ──

  async waitFor(match: (call: RestCall) => boolean, timeoutMs = 3000, from = 0): Promise<RestCall> {
    return poll(
      () => this.calls.slice(from).find(match),
      () =>
        `a matching Discord REST call within ${timeoutMs} ms; calls: ${this.calls
          .map((call) => `${call.method} ${call.path}`)
          .join(", ")}`,
      timeoutMs,
    );
  }

  async ready(timeoutMs = 3000): Promise<void> {
    await poll(
      () => (this.sessionsStarted > 0 ? true : undefined),
      () => `a client to identify (IDENTIFYs so far: ${this.identifies.length})`,
      timeoutMs,
    );
  }

  failNext(
    match: (call: RestCall) => boolean,
    status: number,
    body: unknown,
    options: FailureOptions = {},
  ): void {
    const headers: Record<string, string> = {};
    if (status === 429) {
      // @discordjs/rest waits Retry-After (seconds) and retries; the body carries it too.
      // https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit
      const retryAfter = String((body as { retry_after?: number } | null)?.retry_after ?? 1);
      Object.assign(headers, {
        "retry-after": retryAfter,
        "x-ratelimit-limit": "5",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset-after": retryAfter,
        "x-ratelimit-scope": "user",
        "x-ratelimit-bucket": "standin",
      });
      if ((body as { global?: boolean } | null)?.global) headers["x-ratelimit-global"] = "true";
    }
    this.failures.push({
      match,
      reply: { status, body, headers },
      afterEffects: options.afterEffects ?? false,
    });
  }

  dropNext(match: (call: RestCall) => boolean, options: FailureOptions = {}): void {
    this.failures.push({
      match,
      reply: { status: 0, drop: true },
      afterEffects: options.afterEffects ?? false,
    });
  }

  // ── HTTP ──

  private async onRequest(request: IncomingMessage): Promise<Reply> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    // undici percent-encodes the `@` of `@original` and `@me`; record and route the path as written.
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith("/api/v10/") ? pathname.slice("/api/v10".length) : pathname;
    const { body, files, invalidJson } = await readBody(request);
    const call: RestCall = {
      at: performance.now(),
      method: request.method ?? "GET",
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      ...(request.headers.authorization ? { auth: request.headers.authorization } : {}),
      ...(files.length > 0 ? { files } : {}),
    };
    this.calls.push(call);
    const delay = this.delayMs(call);
    if (delay > 0) await this.sleep(delay);
    const index = this.failures.findIndex(({ match }) => match(call));
    const failure = index >= 0 ? this.failures.splice(index, 1)[0] : undefined;
    if (failure && !failure.afterEffects) return failure.reply;
    const reply = await this.handle(call, pathname, invalidJson);
    // A lost answer: what the call did stays done, the caller only hears of a failure.
    return failure?.reply ?? reply;
  }

  private handle(
    call: RestCall,
    pathname: string,
    invalidJson: boolean | undefined,
  ): Reply | Promise<Reply> {
    if (invalidJson) return badRequest("The request body contains invalid JSON.", 50109);
    if (!pathname.startsWith("/api/v10/")) return notFound("404: Not Found", 0);
    return this.route(call);
  }

  private route(call: RestCall): Reply | Promise<Reply> {
    for (const route of this.routes) {
      if (route.method !== call.method) continue;
      const match = route.pattern.exec(call.path);
      if (!match) continue;
      // https://discord.com/developers/docs/reference#authentication
      if (route.auth && call.auth !== `Bot ${this.token}`) {
        return { status: 401, body: { message: "401: Unauthorized", code: 0 } };
      }
      return route.handle(match.slice(1), call);
    }
    return notFound("404: Not Found", 0);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private buildRoutes(): Route[] {
    const id = "(\\d+)";
    const token = "([^/]+)";
    const r = (method: string, path: string, auth: boolean, handle: Route["handle"]): Route => ({
      method,
      pattern: new RegExp(`^${path}$`),
      auth,
      handle,
    });
    return [
      // https://discord.com/developers/docs/events/gateway#get-gateway-bot
      r("GET", "/gateway/bot", true, () => ({
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      })),
      r("GET", "/gateway", false, () => ({ status: 200, body: { url: this.gatewayUrl } })),
      r("GET", "/users/@me", true, () => ({ status: 200, body: BOT_USER })),
      r("GET", `/users/${id}`, true, ([userId = ""]) =>
        userId in KNOWN_USERS
          ? { status: 200, body: userFor(userId) }
          : notFound("Unknown User", 10013),
      ),
      r("GET", "/applications/@me", true, () => ({ status: 200, body: this.application() })),
      r("GET", `/guilds/${id}`, true, ([guildId]) =>
        guildId === GUILD_ID
          ? { status: 200, body: this.guild() }
          : notFound("Unknown Guild", 10004),
      ),
      r("GET", `/channels/${id}`, true, ([channelId = ""]) => {
        const channel = this.channels.get(channelId);
        return channel ? { status: 200, body: channel } : UNKNOWN_CHANNEL;
      }),
      r("POST", `/channels/${id}/messages`, true, ([channelId = ""], call) =>
        this.postChannelMessage(channelId, call),
      ),
      r("GET", `/channels/${id}/messages/${id}`, true, ([channelId, messageId = ""]) => {
        const message = this.messages.get(messageId);
        return message?.channel_id === channelId ? { status: 200, body: message } : UNKNOWN_MESSAGE;
      }),
      // https://discord.com/developers/docs/resources/channel#trigger-typing-indicator
      r("POST", `/channels/${id}/typing`, true, ([channelId = ""]) =>
        this.channels.has(channelId) ? { status: 204 } : UNKNOWN_CHANNEL,
      ),
      r(
        "POST",
        `/channels/${id}/messages/${id}/threads`,
        true,
        ([channelId = "", messageId = ""], call) =>
          this.startThreadFromMessage(channelId, messageId, call.body ?? {}),
      ),
      r("POST", `/channels/${id}/threads`, true, ([channelId = ""], call) =>
        this.startThreadWithoutMessage(channelId, call.body ?? {}),
      ),
      r("PUT", `/applications/${id}/commands`, true, ([appId = ""], call) =>
        this.putCommands(appId, undefined, call.body),
      ),
      r("PUT", `/applications/${id}/guilds/${id}/commands`, true, ([appId = "", guildId], call) =>
        this.putCommands(appId, guildId, call.body),
      ),
      r("GET", `/applications/${id}/commands`, true, ([appId]) =>
        appId === APPLICATION_ID
          ? { status: 200, body: this.commands.get("global") ?? [] }
          : notFound("Unknown Application", 10002),
      ),
      r("GET", `/applications/${id}/guilds/${id}/commands`, true, ([appId, guildId = ""]) =>
        appId === APPLICATION_ID
          ? { status: 200, body: this.commands.get(guildId) ?? [] }
          : notFound("Unknown Application", 10002),
      ),
      r(
        "POST",
        `/interactions/${id}/${token}/callback`,
        false,
        ([interactionId = "", itoken], call) =>
          this.interactionCallback(interactionId, itoken ?? "", call),
      ),
      r("POST", `/webhooks/${id}/${token}`, false, ([appId = "", itoken = ""], call) =>
        this.followUp(appId, itoken, call),
      ),
      r("GET", `/webhooks/${id}/${token}/messages/(@original|\\d+)`, false, (params) =>
        this.webhookMessage(params, (message) => ({ status: 200, body: message })),
      ),
      r("PATCH", `/webhooks/${id}/${token}/messages/(@original|\\d+)`, false, (params, call) =>
        this.webhookMessage(params, (message) => this.editWebhookMessage(message, call)),
      ),
      r("DELETE", `/webhooks/${id}/${token}/messages/(@original|\\d+)`, false, (params) =>
        this.webhookMessage(params, (message) => this.deleteMessage(message)),
      ),
    ];
  }

  private application() {
    return {
      id: APPLICATION_ID,
      name: "paperbot",
      icon: null,
      description: "Answers questions about the papers the reading group has summarized.",
      summary: "",
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: "0".repeat(64),
      flags: 0,
      team: null,
      bot: BOT_USER,
    };
  }

  // ── Channel messages and threads ──

  /** https://discord.com/developers/docs/resources/message#create-message */
  private postChannelMessage(channelId: string, call: RestCall): Reply {
    if (!this.channels.has(channelId)) return UNKNOWN_CHANNEL;
    const body = (call.body ?? {}) as MessageBody;
    const invalid = formErrors(body);
    if (invalid) return { status: 400, body: invalid };
    if (isEmpty(body, call.files?.length ?? 0)) return EMPTY_MESSAGE;
    const reference = body.message_reference?.message_id;
    const repeated = this.repeatedNonce(BOT_USER.id, body);
    if (repeated) return { status: 200, body: repeated };
    if (reference && this.messages.get(reference)?.channel_id !== channelId) {
      return {
        status: 400,
        body: {
          message: "Invalid Form Body",
          code: 50035,
          errors: {
            message_reference: fieldError("MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message"),
          },
        },
      };
    }
    const message = this.storeMessage({
      channelId,
      author: BOT_USER,
      body,
      files: call.files ?? [],
      type: reference ? 19 : 0,
    });
    if (body.nonce !== undefined) {
      this.nonces.set(`${BOT_USER.id}:${body.nonce}`, { messageId: message.id, at: Date.now() });
    }
    this.echoMessage(message);
    return { status: 200, body: message };
  }

  /**
   * With `enforce_nonce`, the message the same author created with the same nonce in the past
   * few minutes: Discord returns it instead of creating another.
   */
  private repeatedNonce(authorId: string, body: MessageBody): APIMessage | undefined {
    if (!body.enforce_nonce || body.nonce === undefined) return undefined;
    const earlier = this.nonces.get(`${authorId}:${body.nonce}`);
    if (!earlier || Date.now() - earlier.at > NONCE_WINDOW_MS) return undefined;
    return this.messages.get(earlier.messageId);
  }

  private storeMessage(options: {
    channelId: string;
    author: APIUser;
    body: MessageBody;
    files?: UploadedFile[];
    type?: number;
    interaction?: InteractionRecord;
  }): APIMessage {
    const { body, interaction } = options;
    const id = snowflake();
    const content = body.content ?? "";
    const message = {
      id,
      channel_id: options.channelId,
      author: options.author,
      content,
      timestamp: new Date(snowflakeTimestamp(id)).toISOString(),
      edited_timestamp: null,
      tts: false,
      ...resolveMentions(content, body.allowed_mentions),
      mention_roles: [],
      attachments: (options.files ?? []).map((file) => this.attachment(options.channelId, file)),
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: options.type ?? 0,
      flags: body.flags ?? 0,
      ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
      ...(body.message_reference?.message_id
        ? {
            message_reference: {
              type: 0,
              message_id: body.message_reference.message_id,
              channel_id: options.channelId,
              guild_id: GUILD_ID,
            },
          }
        : {}),
      ...(interaction
        ? {
            webhook_id: APPLICATION_ID,
            application_id: APPLICATION_ID,
            interaction_metadata: {
              id: interaction.id,
              type: interaction.type,
              user: interaction.user,
              authorizing_integration_owners: { 0: GUILD_ID },
              ...(interaction.messageId ? { interacted_message_id: interaction.messageId } : {}),
            },
          }
        : {}),
    } as APIMessage;
    this.messages.set(id, message);
    this.countMessage(options.channelId, id);
    return message;
  }

  private attachment(channelId: string, file: UploadedFile): APIAttachment {
    const id = snowflake();
    const url = `${this.restUrl.replace(/\/api$/, "")}/attachments/${channelId}/${id}/${file.filename}`;
    return {
      id,
      filename: file.filename,
      size: file.size,
      url,
      proxy_url: url,
      content_type: file.contentType,
    };
  }

  /** Keeps a channel's `last_message_id`, and a thread's counts, as Discord does. */
  private countMessage(channelId: string, messageId: string): void {
    const channel = this.channels.get(channelId);
    if (!channel) return;
    channel.last_message_id = messageId;
    if (channel.type === 11) {
      channel.message_count = (channel.message_count ?? 0) + 1;
      channel.total_message_sent = (channel.total_message_sent ?? 0) + 1;
    }
  }

  /**
   * Discord sends the bot its own messages too (MESSAGE_CREATE under the GuildMessages intent),
   * ephemeral ones excepted; a bot must ignore them.
   */
  private echoMessage(message: APIMessage): void {
    if ((message.flags ?? 0) & MESSAGE_FLAG.Ephemeral) return;
    if (!this.hasIntent(INTENT.GuildMessages)) return;
    this.dispatch("MESSAGE_CREATE", this.gatewayMessage(message));
  }

  private gatewayMessage(message: APIMessage): GatewayMessageCreateDispatchData {
    return {
      ...message,
      guild_id: GUILD_ID,
      member: messageMemberFor(message.author),
      mentions: message.mentions.map((user) => ({ ...user, member: messageMemberFor(user) })),
    };
  }

  /**
   * https://discord.com/developers/docs/resources/channel#start-thread-from-message: the thread
   * shares the start message's id, so a message can have only one thread.
   */
  private startThreadFromMessage(
    channelId: string,
    messageId: string,
    body: { name?: string; auto_archive_duration?: number },
  ): Reply {
    const channel = this.channels.get(channelId);
    if (!channel) return UNKNOWN_CHANNEL;
    if (channel.type !== 0) return badRequest("Cannot execute action on this channel type", 50024);
    const message = this.messages.get(messageId);
    if (message?.channel_id !== channelId) return UNKNOWN_MESSAGE;
    if (this.channels.has(messageId)) {
      return badRequest("A thread has already been created for this message", 160004);
    }
    const invalid = threadNameErrors(body.name);
    if (invalid) return { status: 400, body: invalid };
    const thread = publicThread({
      id: messageId,
      name: body.name ?? "",
      parentId: channelId,
      ownerId: BOT_USER_ID,
      ...(body.auto_archive_duration ? { autoArchiveMinutes: body.auto_archive_duration } : {}),
    });
    this.channels.set(thread.id, thread);
    message.flags = (message.flags ?? 0) | MESSAGE_FLAG.HasThread;
    message.thread = thread;
    this.announceThread(thread);
    return { status: 201, body: thread };
  }

  /** https://discord.com/developers/docs/resources/channel#start-thread-without-message */
  private startThreadWithoutMessage(
    channelId: string,
    body: { name?: string; type?: number; auto_archive_duration?: number },
  ): Reply {
    const channel = this.channels.get(channelId);
    if (!channel) return UNKNOWN_CHANNEL;
    if (channel.type !== 0) return badRequest("Cannot execute action on this channel type", 50024);
    const invalid = threadNameErrors(body.name);
    if (invalid) return { status: 400, body: invalid };
    // Only public threads are modelled; a private one (type 12) is served as public.
    const thread = publicThread({
      id: snowflake(),
      name: body.name ?? "",
      parentId: channelId,
      ownerId: BOT_USER_ID,
      ...(body.auto_archive_duration ? { autoArchiveMinutes: body.auto_archive_duration } : {}),
    });
    this.channels.set(thread.id, thread);
    this.announceThread(thread);
    return { status: 201, body: thread };
  }

  /** THREAD_CREATE (Guilds intent), with `newly_created`, as Discord sends it to the guild. */
  private announceThread(thread: APIThreadChannel): void {
    if (!this.hasIntent(INTENT.Guilds)) return;
    const data: GatewayThreadCreateDispatchData = { ...thread, newly_created: true };
    this.dispatch("THREAD_CREATE", data);
  }

  createThreadChannel(options: {
    name: string;
    parentId?: string;
    private?: boolean;
  }): APIThreadChannel {
    const thread = publicThread({
      id: snowflake(),
      name: options.name,
      parentId: options.parentId ?? CHANNEL_ID,
      ownerId: USER_ID,
    });
    if (options.private) {
      // 12 PRIVATE_THREAD: https://discord.com/developers/docs/resources/channel#channel-object-channel-types
      const hidden = { ...thread, type: 12, invitable: true } as APIThreadChannel;
      this.channels.set(hidden.id, hidden);
      return hidden;
    }
    this.channels.set(thread.id, thread);
    this.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
    return thread;
  }

  channel(id: string): APITextChannel | APIThreadChannel | undefined {
    return this.channels.get(id);
  }

  message(id: string): APIMessage | undefined {
    return this.messages.get(id);
  }

  lastMessageIn(channelId: string): APIMessage | undefined {
    return this.messagesIn(channelId).at(-1);
  }

  messagesIn(channelId: string): APIMessage[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId);
  }

  // ── Commands ──

  /** https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands */
  private putCommands(appId: string, guildId: string | undefined, body: unknown): Reply {
    if (appId !== APPLICATION_ID) return notFound("Unknown Application", 10002);
    if (guildId !== undefined && guildId !== GUILD_ID) return notFound("Unknown Guild", 10004);
    if (!Array.isArray(body)) {
      return {
        status: 400,
        body: {
          message: "Invalid Form Body",
          code: 50035,
          errors: {
            _errors: [
              { code: "LIST_TYPE_CONVERT", message: "Only iterables may be used in a ListType" },
            ],
          },
        },
      };
    }
    const scope = guildId ?? "global";
    const previous = this.commands.get(scope) ?? [];
    const version = snowflake();
    const commands = (body as Array<Record<string, unknown>>).map((command) => ({
      // A command keeps its id across overwrites when its name stays, as on Discord.
      id: previous.find((old) => old.name === command.name)?.id ?? snowflake(),
      application_id: APPLICATION_ID,
      version,
      type: 1,
      description: "",
      default_member_permissions: null,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      ...command,
      ...(guildId ? { guild_id: guildId } : {}),
    })) as APIApplicationCommand[];
    this.commands.set(scope, commands);
    return { status: 200, body: commands };
  }

  private commandId(name: string): string {
    const registered = [
      ...(this.commands.get(GUILD_ID) ?? []),
      ...(this.commands.get("global") ?? []),
    ];
    return registered.find((command) => command.name === name)?.id ?? COMMAND_ID;
  }

  // ── Interactions ──

  /**
   * https://discord.com/developers/docs/interactions/receiving-and-responding#create-interaction-response:
   * one initial response per interaction, within the deadline; a second gets 40060.
   */
  private interactionCallback(interactionId: string, token: string, call: RestCall): Reply {
    const interaction = this.interactions.get(interactionId);
    if (!interaction || interaction.token !== token) return UNKNOWN_INTERACTION;
    if (interaction.ackType !== undefined) {
      return badRequest("Interaction has already been acknowledged.", 40060);
    }
    if (Date.now() - interaction.dispatchedAt > this.interactionDeadlineMs) {
      return UNKNOWN_INTERACTION;
    }
    const type = Number(call.body?.type);
    const data = (call.body?.data ?? {}) as MessageBody & { choices?: unknown[] };
    // https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type
    const allowed =
      interaction.type === 4 ? [8] : interaction.type === 3 ? [4, 5, 6, 7, 9] : [4, 5, 9, 12];
    if (!allowed.includes(type)) {
      return {
        status: 400,
        body: {
          message: "Invalid Form Body",
          code: 50035,
          errors: {
            type: fieldError(
              "INTERACTION_RESPONSE_TYPE_INVALID",
              "Invalid interaction response type",
            ),
          },
        },
      };
    }
    if (type === 4) {
      const invalid = formErrors(data);
      if (invalid) return { status: 400, body: invalid };
      if (isEmpty(data, call.files?.length ?? 0)) return EMPTY_MESSAGE;
    }
    if (type === 7) {
      const target = this.messages.get(interaction.messageId ?? "");
      if (!target) return UNKNOWN_MESSAGE;
      const edited = this.editWebhookMessage(target, { ...call, body: data });
      if (edited.status !== 200) return edited;
    }
    if (type === 8) {
      const invalid = choiceErrors(data.choices);
      if (invalid) return { status: 400, body: invalid };
    }
    interaction.ackType = type;
    const original = this.initialResponseMessage(interaction, type, data, call.files ?? []);
    if (call.query.with_response !== "true") return { status: 204 };
    return { status: 200, body: this.callbackResponse(interaction, type, original) };
  }

  /** The `@original` message a reply (4) or deferral (5) creates; a deferral's says "thinking…". */
  private initialResponseMessage(
    interaction: InteractionRecord,
    type: number,
    data: MessageBody,
    files: UploadedFile[],
  ): APIMessage | undefined {
    if (type !== 4 && type !== 5) return undefined;
    const ephemeral = (data.flags ?? 0) & MESSAGE_FLAG.Ephemeral;
    const body = type === 4 ? data : { flags: ephemeral | MESSAGE_FLAG.Loading };
    const message = this.storeMessage({
      channelId: interaction.channelId,
      author: BOT_USER,
      body,
      files,
      // 20 CHAT_INPUT_COMMAND: https://discord.com/developers/docs/resources/message#message-object-message-types
      // (a component's response is modelled as a plain message, 0).
      type: interaction.type === 3 ? 0 : 20,
      interaction,
    });
    interaction.originalId = message.id;
    this.echoMessage(message);
    return message;
  }

  private callbackResponse(
    interaction: InteractionRecord,
    type: number,
    message: APIMessage | undefined,
  ): RESTPostAPIInteractionCallbackWithResponseResult {
    const flags = message?.flags ?? 0;
    return {
      interaction: {
        id: interaction.id,
        type: interaction.type,
        activity_instance_id: undefined,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: Boolean(flags & MESSAGE_FLAG.Loading),
              response_message_ephemeral: Boolean(flags & MESSAGE_FLAG.Ephemeral),
            }
          : {}),
      },
      resource: { type, ...(message ? { message } : {}) },
    } as RESTPostAPIInteractionCallbackWithResponseResult;
  }

  /** The interaction whose webhook (application id + interaction token) a route names. */
  private interactionByToken(appId: string, token: string): InteractionRecord | undefined {
    if (appId !== APPLICATION_ID) return undefined;
    for (const interaction of this.interactions.values()) {
      if (interaction.token === token) return interaction;
    }
    return undefined;
  }

  /**
   * https://discord.com/developers/docs/interactions/receiving-and-responding#create-followup-message:
   * only after the initial response (before it, Discord knows no such webhook).
   */
  private followUp(appId: string, token: string, call: RestCall): Reply {
    const interaction = this.interactionByToken(appId, token);
    if (!interaction || interaction.ackType === undefined) return UNKNOWN_WEBHOOK;
    const body = (call.body ?? {}) as MessageBody;
    const invalid = formErrors(body);
    if (invalid) return { status: 400, body: invalid };
    if (isEmpty(body, call.files?.length ?? 0)) return EMPTY_MESSAGE;
    const message = this.storeMessage({
      channelId: interaction.channelId,
      author: BOT_USER,
      body,
      files: call.files ?? [],
      type: 20,
      interaction,
    });
    interaction.followUpIds.add(message.id);
    this.echoMessage(message);
    // Without `wait=true` Discord answers 204; discord.js always waits.
    return call.query.wait === "true" ? { status: 200, body: message } : { status: 204 };
  }

  /** Resolves the message a webhook-message route names (`@original` or a follow-up's id). */
  private webhookMessage(
    [appId = "", token = "", which = ""]: string[],
    then: (message: APIMessage) => Reply,
  ): Reply {
    const interaction = this.interactionByToken(appId, token);
    if (!interaction || interaction.ackType === undefined) return UNKNOWN_WEBHOOK;
    const id = which === "@original" ? interaction.originalId : which;
    const message = id ? this.messages.get(id) : undefined;
    const ours =
      id !== undefined && (id === interaction.originalId || interaction.followUpIds.has(id));
    return message && ours ? then(message) : UNKNOWN_MESSAGE;
  }

  /** https://discord.com/developers/docs/interactions/receiving-and-responding#edit-original-interaction-response */
  private editWebhookMessage(message: APIMessage, call: RestCall): Reply {
    const body = (call.body ?? {}) as MessageBody;
    const invalid = formErrors(body);
    if (invalid) return { status: 400, body: invalid };
    const wasLoading = Boolean((message.flags ?? 0) & MESSAGE_FLAG.Loading);
    const edited: APIMessage = {
      ...message,
      ...(body.content !== undefined ? { content: body.content } : {}),
      ...(body.embeds !== undefined ? { embeds: body.embeds } : {}),
      ...(body.components !== undefined ? { components: body.components } : {}),
      ...(body.content !== undefined ? resolveMentions(body.content, body.allowed_mentions) : {}),
      // Filling in a deferred response is not an edit; the loading flag goes.
      flags: (message.flags ?? 0) & ~MESSAGE_FLAG.Loading,
      edited_timestamp: wasLoading ? null : new Date().toISOString(),
    };
    if (isEmpty(edited, edited.attachments.length)) return EMPTY_MESSAGE;
    this.messages.set(message.id, edited);
    if (!((edited.flags ?? 0) & MESSAGE_FLAG.Ephemeral) && this.hasIntent(INTENT.GuildMessages)) {
      this.dispatch("MESSAGE_UPDATE", this.gatewayMessage(edited));
    }
    return { status: 200, body: edited };
  }

  private deleteMessage(message: APIMessage): Reply {
    this.messages.delete(message.id);
    if (!((message.flags ?? 0) & MESSAGE_FLAG.Ephemeral) && this.hasIntent(INTENT.GuildMessages)) {
      this.dispatch("MESSAGE_DELETE", {
        id: message.id,
        channel_id: message.channel_id,
        guild_id: GUILD_ID,
      });
    }
    return { status: 204 };
  }

  // ── Interaction and message builders ──

  /** The `data` every chat-input interaction of command `name` carries, options aside. */
  private commandData(name: string) {
    return { id: this.commandId(name), name, type: 1, guild_id: GUILD_ID } as const;
  }

  slashCommand(
    options: {
      name?: string;
      query?: string;
      channelId?: string;
      userId?: string;
      permissions?: bigint;
    } = {},
  ): APIChatInputApplicationCommandGuildInteraction {
    const name = options.name ?? "paper";
    const record = this.newInteraction(2, name, options.channelId, options.userId);
    if (options.permissions !== undefined) record.permissions = options.permissions.toString();
    const payload = {
      ...this.interactionBase(record),
      type: 2,
      data: {
        ...this.commandData(name),
        ...(options.query !== undefined
          ? { options: [{ name: "query", type: 3, value: options.query }] }
          : {}),
      },
    } as APIChatInputApplicationCommandGuildInteraction;
    this.dispatch("INTERACTION_CREATE", payload);
    return payload;
  }

  clickComponent(options: {
    messageId: string;
    customId: string;
    componentType?: number;
    userId?: string;
  }): APIMessageComponentGuildInteraction {
    const message = this.messages.get(options.messageId);
    if (!message) throw new Error(`no message ${options.messageId} to click a component on`);
    const record = this.newInteraction(3, options.customId, message.channel_id, options.userId);
    record.messageId = message.id;
    const payload = {
      ...this.interactionBase(record),
      type: 3,
      message,
      data: { custom_id: options.customId, component_type: options.componentType ?? 2 },
    } as APIMessageComponentGuildInteraction;
    this.dispatch("INTERACTION_CREATE", payload);
    return payload;
  }

  autocomplete(options: {
    query: string;
    name?: string;
    channelId?: string;
    userId?: string;
  }): APIApplicationCommandAutocompleteGuildInteraction {
    const name = options.name ?? "paper";
    const record = this.newInteraction(4, name, options.channelId, options.userId);
    const payload = {
      ...this.interactionBase(record),
      type: 4,
      data: {
        ...this.commandData(name),
        options: [{ name: "query", type: 3, value: options.query, focused: true }],
      },
    } as APIApplicationCommandAutocompleteGuildInteraction;
    this.dispatch("INTERACTION_CREATE", payload);
    return payload;
  }

  private newInteraction(
    type: 2 | 3 | 4,
    commandName: string,
    channelId = CHANNEL_ID,
    userId = USER_ID,
  ): InteractionRecord {
    const record: InteractionRecord = {
      id: snowflake(),
      // Real interaction tokens are base64 of "interaction:<id>:..." and about 200 characters.
      token: `aW50ZXJhY3Rpb246${randomBytes(96).toString("base64url")}`,
      type,
      commandName,
      channelId,
      user: userFor(userId),
      dispatchedAt: Date.now(),
      permissions: EVERYONE_PERMISSIONS,
      followUpIds: new Set(),
    };
    this.interactions.set(record.id, record);
    return record;
  }

  /** The fields every guild interaction carries. https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object */
  private interactionBase(record: InteractionRecord) {
    const channel = this.channels.get(record.channelId);
    return {
      id: record.id,
      application_id: APPLICATION_ID,
      token: record.token,
      version: 1,
      guild_id: GUILD_ID,
      guild: { id: GUILD_ID, locale: "en-US", features: [] },
      channel_id: record.channelId,
      channel: {
        ...(channel ?? { id: record.channelId, type: 0 }),
        permissions: record.permissions,
      },
      member: interactionMemberFor(record.user, record.permissions),
      app_permissions: EVERYONE_PERMISSIONS,
      locale: "en-US",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { 0: GUILD_ID },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }

  messageCreate(options: {
    content: string;
    channelId?: string;
    mentionBot?: boolean;
    mentionEveryone?: boolean;
    authorBot?: boolean;
    userId?: string;
    replyTo?: string;
  }): GatewayMessageCreateDispatchData {
    const mentionBot = options.mentionBot ?? true;
    const repliedTo = options.replyTo ? this.message(options.replyTo) : undefined;
    if (options.replyTo && !repliedTo) throw new Error(`no message ${options.replyTo} to reply to`);
    let content = options.content;
    if (mentionBot && !repliedTo && !content.includes(`<@${BOT_USER_ID}>`))
      content = `<@${BOT_USER_ID}> ${content}`;
    if (options.mentionEveryone && !content.includes("@everyone")) content = `@everyone ${content}`;
    const author = userFor(options.authorBot ? OTHER_BOT_USER_ID : (options.userId ?? USER_ID));
    const message = this.storeMessage({
      channelId: options.channelId ?? CHANNEL_ID,
      author,
      body: {
        content,
        ...(repliedTo ? { message_reference: { message_id: repliedTo.id } } : {}),
      },
      // https://discord.com/developers/docs/resources/message#message-object-message-types
      ...(repliedTo ? { type: 19 } : {}),
    });
    message.mentions = mentionBot ? [BOT_USER] : [];
    message.mention_everyone = Boolean(options.mentionEveryone);
    if (repliedTo) message.referenced_message = repliedTo;
    const payload = this.gatewayMessage(message);
    const seesContent = mentionBot || this.hasIntent(INTENT.MessageContent);
    const sent = seesContent
      ? payload
      : { ...payload, content: "", embeds: [], attachments: [], components: [] };
    this.dispatch("MESSAGE_CREATE", sent);
    return sent;
  }

  // ── Gateway ──

  private hasIntent(intent: number): boolean {
    return this.session !== null && (this.session.intents & intent) !== 0;
  }

  private onConnection(socket: WebSocket, request: IncomingMessage): void {
    this.connections += 1;
    const query = Object.fromEntries(new URL(request.url ?? "/", "ws://127.0.0.1").searchParams);
    this.connectionQueries.push(query);
    if (query.v !== "10") {
      socket.close(4012, "Invalid API version");
      return;
    }
    const connection: Connection = { socket, session: null };
    socket.on("message", (raw) => this.onFrame(connection, raw));
    socket.on("close", () => {
      if (connection.session?.socket === socket) connection.session.socket = null;
    });
    send(socket, {
      op: OP.Hello,
      d: { heartbeat_interval: this.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  /** https://discord.com/developers/docs/events/gateway#connection-lifecycle */
  private onFrame(connection: Connection, raw: RawData): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = JSON.parse(String(raw));
    } catch {
      connection.socket.close(4002, "Error while decoding payload.");
      return;
    }
    const op = Number(frame.op);
    if (!CLIENT_OPS.has(op)) {
      connection.socket.close(4001, "Unknown opcode.");
      return;
    }
    if (op === OP.Heartbeat) {
      this.heartbeats += 1;
      send(connection.socket, { op: OP.HeartbeatAck, d: null, s: null, t: null });
      return;
    }
    this.received.push({ op, d: frame.d });
    if (op === OP.Identify) this.identify(connection, frame.d as Identify);
    else if (op === OP.Resume) this.resume(connection, frame.d as ResumeData);
    else if (!connection.session) connection.socket.close(4003, "Not authenticated.");
    // Presence, voice state and member requests are accepted and otherwise ignored.
  }

  private identify(connection: Connection, data: Identify): void {
    this.identifies.push({ intents: data.intents, token: data.token });
    if (connection.session) {
      connection.socket.close(4005, "Already authenticated.");
      return;
    }
    if (data.token !== this.token) {
      connection.socket.close(4004, "Authentication failed.");
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString("hex"),
      intents: data.intents,
      log: [],
      socket: connection.socket,
    };
    connection.session = session;
    this.session = session;
    this.dispatch("READY", this.readyData(session));
    // Discord sends GUILD_CREATE for each guild READY listed only under the Guilds intent.
    if (session.intents & INTENT.Guilds) this.dispatch("GUILD_CREATE", this.guild());
    this.sessionsStarted += 1;
  }

  /** https://discord.com/developers/docs/events/gateway#resuming: replay what was missed, then RESUMED. */
  private resume(connection: Connection, data: ResumeData): void {
    this.resumes += 1;
    if (data.token !== this.token) {
      connection.socket.close(4004, "Authentication failed.");
      return;
    }
    let session = this.session;
    if (this.rejectResume && session?.id === data.session_id) {
      // The session is gone for good: what it had not delivered is lost, as on Discord.
      this.rejectResume = false;
      this.session = null;
      session = null;
    }
    if (!session || session.id !== data.session_id) {
      send(connection.socket, { op: OP.InvalidSession, d: false, s: null, t: null });
      return;
    }
    connection.session = session;
    session.socket = connection.socket;
    for (const frame of session.log) if ((frame.s ?? 0) > data.seq) send(connection.socket, frame);
    this.dispatch("RESUMED", {});
  }

  private readyData(session: Session): GatewayReadyDispatchData {
    return {
      v: 10,
      user: { ...BOT_USER, verified: true, mfa_enabled: false, email: null },
      guilds: [{ id: GUILD_ID, unavailable: true }],
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: APPLICATION_ID, flags: 0 as ApplicationFlags, flags_new: "0" },
    };
  }

  /** The guild as GUILD_CREATE carries it: https://discord.com/developers/docs/events/gateway-events#guild-create */
  private guild(): GatewayGuildCreateDispatchData {
    const channels = [...this.channels.values()];
    return {
      id: GUILD_ID,
      name: "ML Reading Group",
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: USER_ID,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 1,
      default_message_notifications: 1,
      explicit_content_filter: 2,
      roles: [everyoneRole()],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: CHANNEL_ID,
      system_channel_flags: 0 as GuildSystemChannelFlags,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      max_members: 500_000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      vanity_url_code: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: "en-US" as GatewayGuildCreateDispatchData["preferred_locale"],
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      hub_type: null,
      incidents_data: null,
      region: "deprecated",
      joined_at: JOINED_AT,
      large: false,
      unavailable: false,
      member_count: 3,
      voice_states: [],
      // The bot's own member; larger guilds send only it, the rest arrive on demand.
      members: [memberFor(BOT_USER)],
      // Threads go in `threads`; private ones the bot is not in are not sent at all.
      channels: channels.filter(
        (channel) => channel.type !== 11 && channel.type !== 12,
      ) as GatewayGuildCreateDispatchData["channels"],
      threads: channels.filter(
        (channel) => channel.type === 11,
      ) as GatewayGuildCreateDispatchData["threads"],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  dispatch(event: string, data: unknown): void {
    const session = this.session;
    if (!session)
      throw new Error(`no gateway session to dispatch ${event} on; await ready() first`);
    const frame: GatewayFrame = { op: OP.Dispatch, d: data, s: session.log.length + 1, t: event };
    session.log.push(frame);
    const socket = session.socket;
    // Not sent while the client is away: it gets the frame from the log when it resumes.
    if (socket && socket.readyState === socket.OPEN) send(socket, frame);
  }

  dropConnection(code = 4000): void {
    const socket = this.session?.socket;
    if (!socket) throw new Error("no client is connected to drop");
    if (code === 1006) socket.terminate();
    else socket.close(code, "Dropped by the stand-in");
  }

  requestReconnect(): void {
    const socket = this.session?.socket;
    if (!socket) throw new Error("no client is connected to ask to reconnect");
    send(socket, { op: OP.Reconnect, d: null, s: null, t: null });
  }

  rejectNextResume(): void {
    this.rejectResume = true;
  }

  private closing: Promise<void> | undefined;

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const socket of this.gateway.clients) socket.terminate();
    await new Promise<void>((resolve, reject) =>
      this.gateway.close((error) => (error ? reject(error) : resolve())),
    );
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}

interface ResumeData {
  token: string;
  session_id: string;
  seq: number;
}

/**
 * Discord's limits on autocomplete choices: at most 25, names 1-100 characters, string values
 * at most 100. https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-choice-structure
 */
function choiceErrors(choices: unknown): DiscordError | undefined {
  const invalid = (errors: Record<string, unknown>): DiscordError => ({
    message: "Invalid Form Body",
    code: 50035,
    errors: { data: { choices: errors } },
  });
  if (!Array.isArray(choices))
    return invalid(fieldError("BASE_TYPE_REQUIRED", "This field is required"));
  if (choices.length > 25) {
    return invalid(fieldError("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."));
  }
  const perChoice: Record<string, unknown> = {};
  (choices as Array<{ name?: unknown; value?: unknown }>).forEach((choice, index) => {
    const problems: Record<string, unknown> = {};
    const name = typeof choice.name === "string" ? choice.name : "";
    if (length(name) < 1 || length(name) > 100) {
      problems.name = fieldError("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
    }
    if (typeof choice.value === "string" && length(choice.value) > 100) {
      problems.value = fieldError("BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
    }
    if (Object.keys(problems).length > 0) perChoice[index] = problems;
  });
  return Object.keys(perChoice).length > 0 ? invalid(perChoice) : undefined;
}

function threadNameErrors(name: unknown): DiscordError | undefined {
  const problem =
    typeof name !== "string" || length(name) < 1
      ? fieldError("BASE_TYPE_REQUIRED", "This field is required")
      : length(name) > 100
        ? fieldError("BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
        : undefined;
  return problem
    ? { message: "Invalid Form Body", code: 50035, errors: { name: problem } }
    : undefined;
}

function send(socket: WebSocket, frame: GatewayFrame): void {
  socket.send(JSON.stringify(frame));
}

/** Polls `find` every 10 ms until it returns a value; rejects with `what()` after `timeoutMs`. */
async function poll<T>(
  find: () => T | undefined,
  what: () => string,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() >= deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The request body: JSON, or multipart/form-data with the JSON in `payload_json` and files in
 * `files[n]` parts (how discord.js sends attachments). Node's own `Response` parses multipart.
 */
async function readBody(
  request: IncomingMessage,
): Promise<{ body: unknown; files: UploadedFile[]; invalidJson?: boolean }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const contentType = request.headers["content-type"] ?? "";
  if (raw.length === 0) return { body: null, files: [] };
  if (!contentType.startsWith("multipart/form-data")) {
    try {
      return { body: JSON.parse(raw.toString("utf8")), files: [] };
    } catch {
      return { body: raw.toString("utf8"), files: [], invalidJson: true };
    }
  }
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  let body: unknown = null;
  const files: UploadedFile[] = [];
  for (const [field, value] of form) {
    if (typeof value === "string") {
      if (field === "payload_json") body = JSON.parse(value);
      continue;
    }
    files.push({ field, filename: value.name, contentType: value.type, size: value.size });
  }
  return { body, files };
}

/** Starts the stand-in's REST server and gateway on free loopback ports. */
export async function startDiscordStandIn(
  options: DiscordStandInOptions = {},
): Promise<DiscordStandIn> {
  const standIn = new StandIn(options);
  await standIn.listen();
  return standIn;
}
