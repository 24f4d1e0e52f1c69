/**
 * The Discord stand-in, driven by a bare discord.js Client (the real library, not our adapter):
 * each feature the adapter's tests will lean on is shown working end to end here, so a failure
 * in an adapter test points at the adapter, not at the stand-in.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  Client,
  type ClientEvents,
  type ClientOptions,
  DiscordAPIError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  type Message,
  MessageFlags,
  PermissionFlagsBits,
  REST,
  Routes,
  type ThreadChannel,
} from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import {
  APPLICATION_ID,
  BOT_USER_ID,
  CHANNEL_ID,
  type DiscordStandIn,
  type DiscordStandInOptions,
  GUILD_ID,
  snowflake,
  snowflakeTimestamp,
  startDiscordStandIn,
  USER_ID,
} from "./discordStandIn.ts";
import { guardLoopback, type LoopbackGuard } from "./socketModeStandIn.ts";

/** The intents the adapter asks for: guilds (channels, threads) and guild messages. */
const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];

let guard: LoopbackGuard;
let standIn: DiscordStandIn;
const clients: Client[] = [];

beforeAll(() => {
  guard = guardLoopback();
});

afterEach(async () => {
  for (const client of clients.splice(0)) await client.destroy();
  await standIn?.close();
});

afterAll(() => {
  guard.release();
  expect(guard.hosts.length).toBeGreaterThan(0);
  expect(guard.hosts.filter((host) => host !== "127.0.0.1")).toEqual([]);
});

async function start(options: DiscordStandInOptions = {}): Promise<DiscordStandIn> {
  standIn = await startDiscordStandIn(options);
  return standIn;
}

/** A client pointed at the stand-in, as the adapter builds it; destroyed after the test. */
function newClient(options: Partial<ClientOptions> = {}): Client {
  const client = new Client({ intents: INTENTS, rest: { api: standIn.restUrl }, ...options });
  clients.push(client);
  return client;
}

/** A client logged in and past `clientReady`. */
async function readyClient(options: Partial<ClientOptions> = {}): Promise<Client<true>> {
  const client = newClient(options);
  const ready = nextEvent(client, Events.ClientReady);
  await client.login(standIn.token);
  await ready;
  return client as Client<true>;
}

/** Resolves with the arguments of the next `event` that `match` accepts; rejects after `timeoutMs`. */
function nextEvent<E extends keyof ClientEvents>(
  client: Client,
  event: E,
  match: (...args: ClientEvents[E]) => boolean = () => true,
  timeoutMs = 3000,
): Promise<ClientEvents[E]> {
  return new Promise((resolve, reject) => {
    const listener = (...args: ClientEvents[E]) => {
      if (!match(...args)) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args);
    };
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    client.on(event, listener);
  });
}

/** The next slash command (by `payload.id`) the client receives. */
async function nextCommand(client: Client, id: string): Promise<ChatInputCommandInteraction> {
  const [interaction] = await nextEvent(client, Events.InteractionCreate, (i) => i.id === id);
  if (!interaction.isChatInputCommand())
    throw new Error(`expected a slash command, got ${interaction.type}`);
  return interaction;
}

/** The next message (by id) the client receives. */
async function nextMessage(client: Client, id: string): Promise<Message> {
  const [message] = await nextEvent(client, Events.MessageCreate, (m) => m.id === id);
  return message;
}

const callbackOf = (payload: { id: string; token: string }) => (call: { path: string }) =>
  call.path === `/interactions/${payload.id}/${payload.token}/callback`;

describe("login", () => {
  it("identifies with the configured intents, gets ready and caches the guild and its text channel", async () => {
    await start();
    const client = await readyClient();
    await standIn.ready();

    expect(standIn.identifies).toEqual([
      { intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages, token: standIn.token },
    ]);
    expect(standIn.connectionQueries).toEqual([{ v: "10", encoding: "json" }]);
    const gatewayCall = standIn.calls.find((call) => call.path === "/gateway/bot");
    expect(gatewayCall?.auth).toBe(`Bot ${standIn.token}`);
    expect(client.user.id).toBe(BOT_USER_ID);
    expect(client.user.bot).toBe(true);
    expect(client.application.id).toBe(APPLICATION_ID);

    const guild = client.guilds.cache.get(GUILD_ID);
    expect(guild?.available).toBe(true);
    expect(guild?.members.me?.id).toBe(BOT_USER_ID);
    const channel = client.channels.cache.get(CHANNEL_ID);
    if (channel?.type !== ChannelType.GuildText) throw new Error("expected the guild text channel");
    expect(channel.name).toBe("papers");
    expect(guild?.channels.cache.has(CHANNEL_ID)).toBe(true);
    const mine = channel.permissionsFor(BOT_USER_ID);
    expect(
      mine?.has([PermissionFlagsBits.SendMessages, PermissionFlagsBits.CreatePublicThreads]),
    ).toBe(true);
  });

  it("makes snowflakes that increase and carry their creation time", () => {
    const before = Date.now();
    const [a, b] = [snowflake(), snowflake()];
    expect(BigInt(b ?? "0")).toBeGreaterThan(BigInt(a ?? "0"));
    expect(snowflakeTimestamp(a ?? "0")).toBeGreaterThanOrEqual(before);
    expect(snowflakeTimestamp(a ?? "0")).toBeLessThanOrEqual(Date.now());
  });

  it("rejects a wrong token fast: GET /gateway/bot answers 401 and login fails with TokenInvalid", async () => {
    await start();
    const client = newClient();
    const started = Date.now();
    await expect(client.login("not-the-token")).rejects.toMatchObject({
      code: DiscordjsErrorCodes.TokenInvalid,
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(standIn.calls.map((call) => call.path)).toEqual(["/gateway/bot"]);
    expect(standIn.connections).toBe(0);
  });

  it("closes the gateway with 4004 when IDENTIFY carries a wrong token", async () => {
    await start();
    const socket = new WebSocket(`${standIn.gatewayUrl}?v=10&encoding=json`);
    const hello = await new Promise<{ op: number }>((resolve) =>
      socket.once("message", (data) => resolve(JSON.parse(String(data)))),
    );
    expect(hello.op).toBe(10);
    const closed = new Promise<number>((resolve) => socket.once("close", resolve));
    socket.send(JSON.stringify({ op: 2, d: { token: "nope", intents: 1, properties: {} } }));
    expect(await closed).toBe(4004);
    expect(standIn.identifies).toEqual([{ intents: 1, token: "nope" }]);
  });
});

describe("gateway", () => {
  it("acknowledges heartbeats, so the client measures its ping", async () => {
    await start({ heartbeatIntervalMs: 20 });
    const client = await readyClient();
    await vi.waitFor(() => {
      expect(standIn.heartbeats).toBeGreaterThanOrEqual(2);
      expect(client.ws.ping).toBeGreaterThanOrEqual(0);
    });
    // Still one connection: every beat was acknowledged, so none looked like a zombie.
    expect(standIn.connections).toBe(1);
  });

  it("refuses to dispatch before any client has identified", async () => {
    await start();
    expect(() => standIn.slashCommand({ query: "too early" })).toThrow(/no gateway session/);
  });
});

describe("slash commands", () => {
  it("delivers a ChatInputCommandInteraction and records reply() as callback type 4", async () => {
    await start();
    const client = await readyClient();
    const payload = standIn.slashCommand({ query: "attention is all you need" });
    const interaction = await nextCommand(client, payload.id);

    expect(interaction.commandName).toBe("paper");
    expect(interaction.options.getString("query")).toBe("attention is all you need");
    expect(interaction.user.id).toBe(USER_ID);
    expect(interaction.channelId).toBe(CHANNEL_ID);
    expect(interaction.inGuild()).toBe(true);
    const embed = { title: "Attention Is All You Need", description: "Transformers." };
    await interaction.reply({ embeds: [embed], allowedMentions: { parse: [] } });

    const call = await standIn.waitFor(callbackOf(payload));
    expect(call.auth).toBeUndefined();
    expect(call.body.type).toBe(4);
    expect(call.body.data.embeds).toEqual([embed]);
    expect(call.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("records deferReply() as type 5, then editReply() as a PATCH of @original", async () => {
    await start();
    const client = await readyClient();
    const payload = standIn.slashCommand({ query: "bert" });
    const interaction = await nextCommand(client, payload.id);

    await interaction.deferReply();
    const edited = await interaction.editReply({
      content: "BERT: pre-training of deep bidirectional transformers",
    });

    const deferred = await standIn.waitFor(callbackOf(payload));
    expect(deferred.body).toEqual({ type: 5, data: { flags: 0 } });
    const patch = await standIn.waitFor(
      (call) =>
        call.method === "PATCH" &&
        call.path === `/webhooks/${APPLICATION_ID}/${payload.token}/messages/@original`,
    );
    expect(patch.body.content).toBe("BERT: pre-training of deep bidirectional transformers");
    expect(standIn.calls.indexOf(patch)).toBeGreaterThan(standIn.calls.indexOf(deferred));
    expect(edited.content).toBe("BERT: pre-training of deep bidirectional transformers");
    expect(edited.author.id).toBe(BOT_USER_ID);
    expect(edited.createdTimestamp).toBeLessThanOrEqual(Date.now());
  });

  it("records an ephemeral reply with flags 64, and a follow-up through the webhook", async () => {
    await start();
    const client = await readyClient();
    const payload = standIn.slashCommand({});
    const interaction = await nextCommand(client, payload.id);

    await interaction.reply({ flags: MessageFlags.Ephemeral, content: "Which paper?" });
    const followUp = await interaction.followUp({ content: "Try /paper query:bert" });

    const call = await standIn.waitFor(callbackOf(payload));
    expect(call.body.type).toBe(4);
    expect(call.body.data.flags).toBe(64);
    expect(call.body.data.content).toBe("Which paper?");
    expect(interaction.ephemeral).toBe(true);
    expect(followUp.content).toBe("Try /paper query:bert");
  });

  it("carries the member's permissions as a string bitfield, @everyone's unless told", async () => {
    await start();
    const client = await readyClient();
    const plain = await nextCommand(client, standIn.slashCommand({}).id);
    expect(plain.memberPermissions?.has(PermissionFlagsBits.ManageChannels)).toBe(false);
    expect(plain.memberPermissions?.has(PermissionFlagsBits.UseApplicationCommands)).toBe(true);
    const payload = standIn.slashCommand({ permissions: PermissionFlagsBits.ManageGuild });
    expect(payload.member.permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    const manager = await nextCommand(client, payload.id);
    expect(manager.memberPermissions?.has(PermissionFlagsBits.ManageGuild)).toBe(true);
    expect(manager.memberPermissions?.has(PermissionFlagsBits.ManageChannels)).toBe(false);
  });

  it("answers reply({ withResponse: true }) with the message Discord made", async () => {
    await start();
    const client = await readyClient();
    const payload = standIn.slashCommand({ query: "gpt" });
    const interaction = await nextCommand(client, payload.id);

    const response = await interaction.reply({ content: "GPT", withResponse: true });

    expect(response.interaction.id).toBe(payload.id);
    expect(response.resource?.message?.content).toBe("GPT");
    const call = await standIn.waitFor(callbackOf(payload));
    expect(call.query).toEqual({ with_response: "true" });
  });

  it("refuses a second acknowledgement (40060) and an unknown interaction (10062), as Discord does", async () => {
    await start();
    const client = await readyClient();
    const payload = standIn.slashCommand({ query: "bert" });
    const interaction = await nextCommand(client, payload.id);
    await interaction.reply({ content: "BERT" });

    // discord.js itself refuses a second reply(), so go around it to the route.
    const again = client.rest.post(Routes.interactionCallback(payload.id, payload.token), {
      body: { type: 4, data: { content: "again" } },
      auth: false,
    });
    await expect(again).rejects.toMatchObject({ status: 400, code: 40060 });
    const unknown = client.rest.post(Routes.interactionCallback(snowflake(), "made-up"), {
      body: { type: 4, data: { content: "?" } },
      auth: false,
    });
    await expect(unknown).rejects.toMatchObject({ status: 404, code: 10062 });
    expect(standIn.calls.filter(callbackOf(payload))).toHaveLength(2);
  });

  it("refuses an initial response after the deadline with 10062 Unknown interaction", async () => {
    await start({ interactionDeadlineMs: 50 });
    const client = await readyClient();
    const payload = standIn.slashCommand({ query: "late" });
    const interaction = await nextCommand(client, payload.id);
    // Being late is the point: the bot took longer than the deadline to answer.
    await new Promise((resolve) => setTimeout(resolve, 80));

    const error = await interaction.reply({ content: "too late" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 404, code: 10062 });
  });
});

describe("message components", () => {
  /** A message the bot posted in the channel with one button on it. */
  async function messageWithButton(client: Client<true>, customId: string): Promise<Message> {
    const channel = await client.channels.fetch(CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error("the channel is not sendable");
    return channel.send({
      content: "Was this helpful?",
      components: [
        { type: 1, components: [{ type: 2, style: 2, label: "Helpful", custom_id: customId }] },
      ],
    });
  }

  /** The next component interaction (by `payload.id`) the client receives. */
  async function nextClick(client: Client, id: string): Promise<ButtonInteraction> {
    const [interaction] = await nextEvent(client, Events.InteractionCreate, (i) => i.id === id);
    if (!interaction.isButton()) throw new Error(`expected a button, got ${interaction.type}`);
    return interaction;
  }

  it("delivers a button click with its custom_id and message, and records an ephemeral reply", async () => {
    await start();
    const client = await readyClient();
    const message = await messageWithButton(client, "vote:yes");
    expect(standIn.message(message.id)?.components).toHaveLength(1);

    const payload = standIn.clickComponent({ messageId: message.id, customId: "vote:yes" });
    const interaction = await nextClick(client, payload.id);
    expect(interaction.customId).toBe("vote:yes");
    expect(interaction.message.id).toBe(message.id);
    expect(interaction.user.id).toBe(USER_ID);
    await interaction.reply({ content: "Thanks.", flags: MessageFlags.Ephemeral });

    const call = await standIn.waitFor(callbackOf(payload));
    expect(call.body).toMatchObject({ type: 4, data: { content: "Thanks.", flags: 64 } });
    // The ephemeral answer is stored, but only the voter sees it: nothing is echoed.
    expect(standIn.lastMessageIn(CHANNEL_ID)?.interaction_metadata).toMatchObject({
      type: 3,
      interacted_message_id: message.id,
    });
  });

  it("takes update() as type 7, editing the clicked message, and refuses autocomplete's 8", async () => {
    await start();
    const client = await readyClient();
    const message = await messageWithButton(client, "vote:no");
    const interaction = await nextClick(
      client,
      standIn.clickComponent({ messageId: message.id, customId: "vote:no" }).id,
    );
    await interaction.update({ content: "Voted.", components: [] });
    expect(standIn.message(message.id)).toMatchObject({ content: "Voted.", components: [] });

    // discord.js has no respond() on a button, so go around it to the route.
    const other = standIn.clickComponent({ messageId: message.id, customId: "vote:no" });
    const choices = client.rest.post(Routes.interactionCallback(other.id, other.token), {
      body: { type: 8, data: { choices: [] } },
      auth: false,
    });
    await expect(choices).rejects.toMatchObject({ status: 400, code: 50035 });
  });
});

describe("autocomplete", () => {
  it("delivers the focused query and records respond() as type 8 with the choices", async () => {
    await start();
    const client = await readyClient();
    const payload = standIn.autocomplete({ query: "atten" });
    const [interaction] = await nextEvent(
      client,
      Events.InteractionCreate,
      (i) => i.id === payload.id,
    );
    if (!interaction.isAutocomplete()) throw new Error("expected autocomplete");
    const autocomplete: AutocompleteInteraction = interaction;

    expect(autocomplete.commandName).toBe("paper");
    expect(autocomplete.options.getFocused()).toBe("atten");
    await autocomplete.respond([{ name: "Attention Is All You Need", value: "attention" }]);

    const call = await standIn.waitFor(callbackOf(payload));
    expect(call.body.type).toBe(8);
    expect(call.body.data.choices).toEqual([
      { name: "Attention Is All You Need", value: "attention" },
    ]);
  });

  it("refuses more than 25 choices, as Discord does", async () => {
    await start();
    const client = await readyClient();
    const payload = standIn.autocomplete({ query: "a" });
    const [interaction] = await nextEvent(
      client,
      Events.InteractionCreate,
      (i) => i.id === payload.id,
    );
    if (!interaction.isAutocomplete()) throw new Error("expected autocomplete");
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `paper ${i}`, value: `p${i}` }));
    await expect(interaction.respond(choices)).rejects.toMatchObject({ status: 400, code: 50035 });
  });
});

describe("messages and threads", () => {
  it("delivers a mention, starts a thread on it, answers in the thread and hears the thread", async () => {
    await start();
    const client = await readyClient();
    const sent = standIn.messageCreate({ content: "what is attention?" });
    const message = await nextMessage(client, sent.id);

    expect(message.content).toBe(`<@${BOT_USER_ID}> what is attention?`);
    expect(message.mentions.users.has(BOT_USER_ID)).toBe(true);
    expect(message.author.bot).toBe(false);
    expect(message.inGuild()).toBe(true);

    const thread: ThreadChannel = await message.startThread({ name: "what is attention?" });
    const created = await standIn.waitFor(
      (call) =>
        call.method === "POST" &&
        call.path === `/channels/${CHANNEL_ID}/messages/${message.id}/threads`,
    );
    expect(created.body.name).toBe("what is attention?");
    expect(thread.isThread()).toBe(true);
    // Discord gives a thread started from a message the message's id.
    expect(thread.id).toBe(message.id);
    expect(thread.parentId).toBe(CHANNEL_ID);
    expect(client.channels.cache.get(thread.id)).toBe(thread);

    const answer = await thread.send({
      content: "Attention weighs every token against every other.",
    });
    const posted = await standIn.waitFor((call) => call.path === `/channels/${thread.id}/messages`);
    expect(posted.body.content).toBe("Attention weighs every token against every other.");
    expect(answer.channelId).toBe(thread.id);

    const later = standIn.messageCreate({ content: "and multi-head?", channelId: thread.id });
    const followUp = await nextMessage(client, later.id);
    expect(followUp.channel.isThread()).toBe(true);
    expect(followUp.channelId).toBe(thread.id);
    expect(followUp.content).toContain("and multi-head?");
  });

  it("sends THREAD_CREATE for a thread the bot starts, and echoes the bot's own messages", async () => {
    await start();
    const client = await readyClient();
    const raw: Array<{
      t: string;
      d: { id?: string; newly_created?: boolean; author?: { id: string } };
    }> = [];
    client.on(Events.Raw, (packet: (typeof raw)[number]) => raw.push(packet));
    const sent = standIn.messageCreate({ content: "bert?" });
    const message = await nextMessage(client, sent.id);

    const thread = await message.startThread({ name: "bert?" });
    // The echo may come over the gateway before the REST answer does, as on Discord.
    const own = await thread.send("BERT.");

    await vi.waitFor(() => {
      expect(raw.find((p) => p.t === "THREAD_CREATE")?.d).toMatchObject({
        id: thread.id,
        newly_created: true,
      });
      expect(raw.find((p) => p.t === "MESSAGE_CREATE" && p.d.id === own.id)?.d.author?.id).toBe(
        BOT_USER_ID,
      );
    });
  });

  it("blanks a message that does not mention the bot without the MessageContent intent", async () => {
    await start();
    const client = await readyClient();
    const quiet = standIn.messageCreate({ content: "just chatting", mentionBot: false });
    const message = await nextMessage(client, quiet.id);
    expect(message.content).toBe("");
    expect(message.mentions.users.has(BOT_USER_ID)).toBe(false);

    const everyone = standIn.messageCreate({
      content: "meeting now",
      mentionEveryone: true,
      mentionBot: false,
    });
    const announcement = await nextMessage(client, everyone.id);
    expect(announcement.mentions.everyone).toBe(true);
    expect(announcement.mentions.users.has(BOT_USER_ID)).toBe(false);

    const fromBot = standIn.messageCreate({ content: "beep", authorBot: true });
    expect((await nextMessage(client, fromBot.id)).author.bot).toBe(true);
  });

  it("keeps content for any message when the client has the MessageContent intent", async () => {
    await start();
    const client = await readyClient({ intents: [...INTENTS, GatewayIntentBits.MessageContent] });
    const quiet = standIn.messageCreate({ content: "just chatting", mentionBot: false });
    expect((await nextMessage(client, quiet.id)).content).toBe("just chatting");
  });

  it("announces a thread a member starts, so the client caches it", async () => {
    await start();
    const client = await readyClient();
    const created = nextEvent(client, Events.ThreadCreate);
    const model = standIn.createThreadChannel({ name: "reading list" });
    const [thread, newlyCreated] = await created;
    expect(thread.id).toBe(model.id);
    expect(thread.name).toBe("reading list");
    expect(newlyCreated).toBe(true);
    expect(client.channels.cache.get(model.id)?.isThread()).toBe(true);
  });

  it("keeps a private thread from the bot: no THREAD_CREATE, not in its cache", async () => {
    await start();
    const client = await readyClient();
    const hidden = standIn.createThreadChannel({ name: "mods only", private: true });
    expect(hidden.type).toBe(ChannelType.PrivateThread);
    // A public thread made after it arrives; the private one never did.
    const created = nextEvent(client, Events.ThreadCreate);
    const open = standIn.createThreadChannel({ name: "open" });
    expect((await created)[0].id).toBe(open.id);
    expect(client.channels.cache.has(hidden.id)).toBe(false);
    expect(standIn.channel(hidden.id)?.type).toBe(ChannelType.PrivateThread);
  });
});

describe("reconnects", () => {
  it("resumes after a dropped connection and delivers what was dispatched while away", async () => {
    await start();
    const client = await readyClient();
    const resumed = nextEvent(client, Events.ShardResume);

    standIn.dropConnection(4000);
    // Dispatched while the client is away: Discord replays it on RESUME.
    const payload = standIn.slashCommand({ query: "while away" });
    const arrived = nextCommand(client, payload.id);
    await resumed;
    const interaction = await arrived;
    await interaction.reply({ content: "still here" });

    expect(standIn.resumes).toBe(1);
    expect(standIn.identifies).toHaveLength(1);
    expect(standIn.connections).toBe(2);
    const call = await standIn.waitFor(callbackOf(payload));
    expect(call.body.data.content).toBe("still here");
  });

  it("resumes after op 7 RECONNECT", async () => {
    await start();
    const client = await readyClient();
    const resumed = nextEvent(client, Events.ShardResume);
    standIn.requestReconnect();
    await resumed;
    const payload = standIn.slashCommand({ query: "after reconnect" });
    await (await nextCommand(client, payload.id)).reply({ content: "ok" });
    expect(standIn.resumes).toBe(1);
    await standIn.waitFor(callbackOf(payload));
  });

  it("re-identifies when the resume is refused with INVALID_SESSION, and keeps working", async () => {
    await start();
    // discord.js spaces IDENTIFYs 5 s apart (plus jitter); that is its rate limit to keep, not
    // the stand-in's, so this client skips the wait.
    const client = await readyClient({
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
    });
    const readyAgain = nextEvent(client, Events.ShardReady);
    standIn.rejectNextResume();
    standIn.dropConnection();
    await readyAgain;

    expect(standIn.resumes).toBe(1);
    expect(standIn.identifies).toHaveLength(2);
    const payload = standIn.slashCommand({ query: "new session" });
    await (await nextCommand(client, payload.id)).reply({ content: "fresh" });
    await standIn.waitFor(callbackOf(payload));
  });
});

describe("REST", () => {
  it("answers invalid JSON with 400 (50109), as Discord does", async () => {
    await start();
    const response = await fetch(`${standIn.restUrl}/v10/channels/${CHANNEL_ID}/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${standIn.token}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 50109 });
  });

  it("answers 401 without the bot token and 404 for an unknown route", async () => {
    await start();
    const me = `${standIn.restUrl}/v10/users/@me`;
    const bare = await fetch(me);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual({ message: "401: Unauthorized", code: 0 });
    expect((await fetch(me, { headers: { authorization: "Bot wrong" } })).status).toBe(401);
    const ok = await fetch(me, { headers: { authorization: `Bot ${standIn.token}` } });
    expect(((await ok.json()) as { id: string }).id).toBe(BOT_USER_ID);
    const missing = await fetch(`${standIn.restUrl}/v10/nowhere`, {
      headers: { authorization: `Bot ${standIn.token}` },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: "404: Not Found", code: 0 });
    expect(standIn.calls.map((call) => call.auth ?? "none")).toEqual([
      "none",
      "Bot wrong",
      `Bot ${standIn.token}`,
      `Bot ${standIn.token}`,
    ]);
  });

  it("fails the next matching call as told, which discord.js surfaces as a DiscordAPIError", async () => {
    await start();
    const client = await readyClient();
    const channel = client.channels.cache.get(CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error("expected a sendable channel");
    standIn.failNext((call) => call.path === `/channels/${CHANNEL_ID}/messages`, 403, {
      message: "Missing Permissions",
      code: 50013,
    });

    const error = await channel.send("hello").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 403, code: 50013 });
    expect((await channel.send("hello again")).content).toBe("hello again");
  });

  it("lets discord.js retry a 500 and wait out a 429", async () => {
    await start();
    const client = await readyClient();
    const channel = client.channels.cache.get(CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error("expected a sendable channel");
    const posts = (call: { method: string; path: string }) =>
      call.method === "POST" && call.path === `/channels/${CHANNEL_ID}/messages`;

    standIn.failNext(posts, 500, { message: "500: Internal Server Error", code: 0 });
    await channel.send("survives a 500");
    expect(standIn.calls.filter(posts)).toHaveLength(2);

    standIn.failNext(posts, 429, {
      message: "You are being rate limited.",
      retry_after: 0.05,
      global: false,
    });
    await channel.send("survives a 429");
    expect(standIn.calls.filter(posts)).toHaveLength(4);
  });

  it("answers a repeated nonce with enforce_nonce with the first message, as Discord does", async () => {
    await start();
    const rest = new REST({ api: standIn.restUrl, retries: 0 }).setToken(standIn.token);
    const route = Routes.channelMessages(CHANNEL_ID);
    const send = (body: Record<string, unknown>) =>
      rest.post(route, { body }) as Promise<{ id: string; nonce?: string }>;

    const first = await send({ content: "digest", nonce: "n-1", enforce_nonce: true });
    expect(first.nonce).toBe("n-1");
    expect((await send({ content: "digest", nonce: "n-1", enforce_nonce: true })).id).toBe(
      first.id,
    );
    // Without enforce_nonce a nonce only labels the message: a second one is created.
    expect((await send({ content: "digest", nonce: "n-1" })).id).not.toBe(first.id);
    expect((await send({ content: "other", nonce: "n-2", enforce_nonce: true })).id).not.toBe(
      first.id,
    );
    expect(standIn.messagesIn(CHANNEL_ID)).toHaveLength(3);
    const tooLong = await send({ content: "x", nonce: "n".repeat(26) }).catch((e: unknown) => e);
    expect(tooLong).toMatchObject({ status: 400, code: 50035 });
  });

  it("loses an answer after handling the call, or drops the connection, when told", async () => {
    await start();
    const rest = new REST({ api: standIn.restUrl, retries: 0 }).setToken(standIn.token);
    const posts = (call: { method: string; path: string }) =>
      call.method === "POST" && call.path === `/channels/${CHANNEL_ID}/messages`;
    const send = (content: string) =>
      rest.post(Routes.channelMessages(CHANNEL_ID), { body: { content } });

    standIn.failNext(
      posts,
      500,
      { message: "500: Internal Server Error", code: 0 },
      {
        afterEffects: true,
      },
    );
    await expect(send("made, then 500")).rejects.toMatchObject({ status: 500 });
    expect(standIn.lastMessageIn(CHANNEL_ID)?.content).toBe("made, then 500");

    standIn.dropNext(posts, { afterEffects: true });
    await expect(send("made, then dropped")).rejects.toThrow();
    expect(standIn.lastMessageIn(CHANNEL_ID)?.content).toBe("made, then dropped");

    standIn.dropNext(posts);
    await expect(send("never made")).rejects.toThrow();
    expect(standIn.messagesIn(CHANNEL_ID).map((m) => m.content)).toEqual([
      "made, then 500",
      "made, then dropped",
    ]);
  });

  it("enforces Discord's message limits: 2000 characters, and no empty messages", async () => {
    await start();
    const client = await readyClient();
    const channel = client.channels.cache.get(CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error("expected a sendable channel");

    const tooLong = await channel.send("x".repeat(2001)).catch((e: unknown) => e);
    expect(tooLong).toMatchObject({ status: 400, code: 50035 });
    expect((tooLong as DiscordAPIError).rawError).toMatchObject({
      errors: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } },
    });
    const longEmbed = await channel
      .send({ embeds: [{ description: "y".repeat(4097) }] })
      .catch((e: unknown) => e);
    expect(longEmbed).toMatchObject({ status: 400, code: 50035 });
    expect(await channel.send("x".repeat(2000))).toBeDefined();
  });

  it("parses multipart uploads: payload_json becomes the body, files are listed", async () => {
    await start();
    const client = await readyClient();
    const channel = client.channels.cache.get(CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error("expected a sendable channel");

    const sent = await channel.send({
      content: "the figure",
      files: [{ attachment: Buffer.from("a,b\n1,2\n"), name: "table.csv" }],
    });
    const call = await standIn.waitFor((c) => c.path === `/channels/${CHANNEL_ID}/messages`);
    expect(call.body.content).toBe("the figure");
    expect(call.files).toMatchObject([{ field: "files[0]", filename: "table.csv", size: 8 }]);
    expect(sent.attachments.first()?.name).toBe("table.csv");
  });

  it("holds a response for delayMs, to mimic a slow platform", async () => {
    await start({ delayMs: (call) => (call.path.endsWith("/callback") ? 150 : 0) });
    const client = await readyClient();
    const payload = standIn.slashCommand({ query: "slow" });
    const interaction = await nextCommand(client, payload.id);
    const started = Date.now();
    await interaction.reply({ content: "eventually" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("registers commands in bulk and hands back ids, application_id and version", async () => {
    await start();
    const client = await readyClient();
    const body = [{ name: "paper", description: "Ask about a paper", type: 1, options: [] }];
    const global = (await client.rest.put(Routes.applicationCommands(APPLICATION_ID), {
      body,
    })) as Array<Record<string, unknown>>;
    expect(global[0]).toMatchObject({ name: "paper", application_id: APPLICATION_ID });
    expect(global[0]?.id).toMatch(/^\d+$/);
    const guild = (await client.rest.put(
      Routes.applicationGuildCommands(APPLICATION_ID, GUILD_ID),
      {
        body,
      },
    )) as Array<Record<string, unknown>>;
    expect(guild[0]).toMatchObject({ name: "paper", guild_id: GUILD_ID });
    // Interactions now name the registered command.
    const payload = standIn.slashCommand({ query: "x" });
    expect(payload.data.id).toBe(guild[0]?.id);
  });
});

describe("close", () => {
  it("stops both servers and leaves no sockets open", async () => {
    await start();
    const client = await readyClient();
    await client.destroy();
    await standIn.close();

    await expect(fetch(`${standIn.restUrl}/v10/gateway`)).rejects.toThrow();
    const socket = new WebSocket(standIn.gatewayUrl);
    await new Promise((resolve) => socket.once("error", resolve));
    await vi.waitFor(() => {
      const tcp = process.getActiveResourcesInfo().filter((kind) => kind.startsWith("TCP"));
      expect(tcp).toEqual([]);
    });
  });
});
