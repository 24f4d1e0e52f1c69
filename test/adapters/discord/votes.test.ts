/**
 * Votes on Discord, end to end: the real discord.js client against the loopback Discord, with
 * answers and votes kept in a real SQLite file as `paperbot start` keeps them. An answer (in a
 * mention's thread, or to `/paper`) carries the two buttons; a click is counted once per person,
 * told to the voter alone, and nothing anyone clicks puts a raw user id in the database.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIMessage } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_A_VOTE_BUTTON, voteCustomId } from "../../../adapters/discord/voteButtons.ts";
import { HELPFUL_LABEL, UNHELPFUL_LABEL, VOTE_FAILED } from "../../../src/feedback/feedback.ts";
import { type DigestStore, openStore } from "../../../store/openStore.ts";
import {
  type DiscordTestBot,
  EPHEMERAL,
  isCallback,
  postsTo,
  startDiscordTestBot,
} from "../../helpers/discordBot.ts";
import { CHANNEL_ID, type RestCall, USER_ID } from "../../helpers/discordStandIn.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

/** A second member, `user` + its last four digits in the stand-in's model. */
const OTHER_USER_ID = "912345678901234567";
const BEAR_QUESTION = "how does BEAR avoid out-of-distribution actions?";

let bot: DiscordTestBot;
let store: DigestStore;
let databasePath: string;
/** How long each vote took from the click to Discord's receiving the answer (ms). */
const acknowledged: number[] = [];

beforeAll(async () => {
  databasePath = join(tempDir("discord-votes"), "paperbot.db");
  store = openStore(databasePath, { feedback: { retentionDays: 90, recordQuestions: true } });
  bot = await startDiscordTestBot({ core: { feedback: store.feedback } });
});
afterAll(async () => {
  await bot.close();
  store.close();
});

/** The vote buttons' custom_ids on a message, by label. */
function buttonsOf(message: APIMessage | undefined): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const row of message?.components ?? []) {
    if (!("components" in row)) continue;
    for (const part of row.components) {
      if ("custom_id" in part && "label" in part && part.label) ids[part.label] = part.custom_id;
    }
  }
  return ids;
}

/** Asks by mention; resolves with the bot's answer as the stand-in holds it, and its thread. */
async function askByMention(question: string): Promise<{ thread: string; answer: APIMessage }> {
  const from = bot.standIn.calls.length;
  const message = bot.standIn.messageCreate({ content: question });
  // Discord gives a thread started from a message that message's id.
  const call = await bot.standIn.waitFor(postsTo(message.id), 3000, from);
  expect(call.body.allowed_mentions).toEqual({ parse: [] });
  const answer = bot.standIn.lastMessageIn(message.id);
  if (!answer) throw new Error("the stand-in holds no answer");
  return { thread: message.id, answer };
}

/**
 * Clicks a component on a message; resolves with the callback and how long it took from the
 * click to the callback's arrival at the stand-in (ms).
 */
async function click(
  messageId: string,
  customId: string,
  options: { userId?: string; componentType?: number } = {},
): Promise<{ call: RestCall; ms: number; payload: { id: string } }> {
  const began = performance.now();
  const payload = bot.standIn.clickComponent({ messageId, customId, ...options });
  const call = await bot.standIn.waitFor(isCallback(payload.id));
  return { call, ms: call.at - began, payload };
}

/** The votes the database holds: every column of every row. */
function votes(): Array<Record<string, unknown>> {
  return store.db.prepare("SELECT * FROM votes ORDER BY at").all() as Array<
    Record<string, unknown>
  >;
}

/** The public (not ephemeral) messages in a channel or thread. */
function publicMessages(channel: string, of: DiscordTestBot = bot): APIMessage[] {
  return of.standIn.messagesIn(channel).filter((m) => ((m.flags ?? 0) & EPHEMERAL) === 0);
}

/** Expects an ephemeral answer (type 4, flag 64) saying `content`, pinging no one. */
function expectToldPrivately(call: RestCall, content: string | RegExp): void {
  expect(call.body.type).toBe(4);
  expect(call.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(call.body.data.content).toMatch(content);
  expect(call.body.data.allowed_mentions).toEqual({ parse: [] });
  expect(call.body.data.components ?? []).toEqual([]);
}

describe("Discord vote buttons (discord.js against a loopback Discord, votes in SQLite)", () => {
  let thread: string;
  let answer: APIMessage;

  it("puts Helpful and Not helpful under an answer in a mention's thread", async () => {
    ({ thread, answer } = await askByMention(BEAR_QUESTION));
    expect(Object.keys(buttonsOf(answer))).toEqual([HELPFUL_LABEL, UNHELPFUL_LABEL]);
    const [row] = store.db
      .prepare("SELECT id, platform, kind, question, paper_id FROM answers")
      .all() as Array<Record<string, string>>;
    expect(row).toMatchObject({
      platform: "discord",
      kind: "answered",
      question: BEAR_QUESTION,
      paper_id: "bear",
    });
    expect(buttonsOf(answer)[HELPFUL_LABEL]).toBe(voteCustomId(row?.id ?? "", true));
  });

  it("counts a click on Helpful and thanks the voter privately, posting nothing in the thread", async () => {
    const before = publicMessages(thread).length;
    const { call, ms } = await click(answer.id, buttonsOf(answer)[HELPFUL_LABEL] ?? "");
    acknowledged.push(ms);
    expectToldPrivately(call, "Thanks, noted as helpful.");
    expect(ms).toBeLessThan(3000);
    expect(votes()).toHaveLength(1);
    expect(votes()[0]?.helpful).toBe(1);
    expect(publicMessages(thread)).toHaveLength(before);
  });

  it("changes the vote on Not helpful, and leaves it alone on the same click again", async () => {
    const changed = await click(answer.id, buttonsOf(answer)[UNHELPFUL_LABEL] ?? "");
    acknowledged.push(changed.ms);
    expectToldPrivately(changed.call, "Changed your vote to not helpful.");
    expect(votes().map((v) => v.helpful)).toEqual([0]);

    const again = await click(answer.id, buttonsOf(answer)[UNHELPFUL_LABEL] ?? "");
    acknowledged.push(again.ms);
    expectToldPrivately(again.call, /already marked this not helpful; nothing changed/);
    expect(votes().map((v) => v.helpful)).toEqual([0]);
  });

  it("counts another member's vote on its own", async () => {
    const { call, ms } = await click(answer.id, buttonsOf(answer)[HELPFUL_LABEL] ?? "", {
      userId: OTHER_USER_ID,
    });
    acknowledged.push(ms);
    expectToldPrivately(call, "Thanks, noted as helpful.");
    expect(votes().map((v) => v.helpful)).toEqual([0, 1]);
  });

  it("answers a click delivered twice once, storing nothing twice", async () => {
    const { payload } = await click(answer.id, buttonsOf(answer)[UNHELPFUL_LABEL] ?? "", {
      userId: OTHER_USER_ID,
    });
    const stored = votes();
    expect(stored.map((v) => v.helpful)).toEqual([0, 0]);
    // The gateway delivers the same interaction again (as after a resume).
    bot.standIn.dispatch("INTERACTION_CREATE", payload);
    for (let waited = 0; waited < 3000; waited += 10) {
      if (bot.logs.some((line) => line.includes("an interaction delivered again"))) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(bot.logs.some((line) => line.includes("an interaction delivered again"))).toBe(true);
    expect(bot.standIn.calls.filter(isCallback(payload.id))).toHaveLength(1);
    expect(votes()).toEqual(stored);
  });

  it("puts the buttons on a /paper answer too (deferred, then edited in), and counts its votes", async () => {
    const from = bot.standIn.calls.length;
    const interaction = bot.standIn.slashCommand({ query: BEAR_QUESTION });
    const deferred = await bot.standIn.waitFor(isCallback(interaction.id), 3000, from);
    expect(deferred.body.type).toBe(5);
    const edit = await bot.standIn.waitFor(
      (c) => c.method === "PATCH" && c.path.endsWith(`/${interaction.token}/messages/@original`),
      3000,
      from,
    );
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    const original = publicMessages(CHANNEL_ID).find(
      (m) => m.interaction_metadata?.id === interaction.id,
    );
    const buttons = buttonsOf(original);
    expect(Object.keys(buttons)).toEqual([HELPFUL_LABEL, UNHELPFUL_LABEL]);
    expect(buttons).not.toEqual(buttonsOf(answer));

    const { call, ms } = await click(original?.id ?? "", buttons[UNHELPFUL_LABEL] ?? "");
    acknowledged.push(ms);
    expectToldPrivately(call, /^Thanks, noted as not helpful/);
    expect(votes()).toHaveLength(3);
  });

  it("gives a declined question no buttons, and records it as declined", async () => {
    const declined = await askByMention("what is the capital of France?");
    expect(declined.answer.components ?? []).toEqual([]);
    const rows = store.db
      .prepare("SELECT question FROM answers WHERE kind = 'declined'")
      .all() as Array<{ question: string }>;
    expect(rows.map((r) => r.question)).toEqual(["what is the capital of France?"]);
  });

  it("stores a declined question with the people it mentions as @someone, never their ids", async () => {
    await askByMention(`<@${OTHER_USER_ID}> do you know the capital of Spain?`);
    const rows = store.db
      .prepare("SELECT question FROM answers WHERE question LIKE '%Spain%'")
      .all() as Array<{ question: string }>;
    expect(rows.map((r) => r.question)).toEqual(["@someone do you know the capital of Spain?"]);
  });

  it("tells a vote on an answer not on record that it did not count, storing nothing", async () => {
    const stored = votes();
    const unknown = voteCustomId("answerFromBefore", true);
    const { call } = await click(answer.id, unknown);
    expectToldPrivately(call, /no longer on record.*not counted/);
    expect(votes()).toEqual(stored);
  });

  it("answers a button that is not ours, or not a button, privately, storing nothing", async () => {
    const stored = votes();
    for (const [customId, componentType] of [
      ["someotherbot:approve:42", 2],
      ["paperbot:vote:2:whatever", 2],
      [buttonsOf(answer)[HELPFUL_LABEL] ?? "", 3],
    ] as const) {
      const { call } = await click(answer.id, customId, { componentType });
      expectToldPrivately(call, NOT_A_VOTE_BUTTON);
    }
    expect(votes()).toEqual(stored);
  });

  it("keeps no raw user id in the database files, nor in the logs", () => {
    const files = ["", "-wal", "-shm"]
      .map((suffix) => `${databasePath}${suffix}`)
      .filter((file) => existsSync(file));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const id of [USER_ID, OTHER_USER_ID]) {
        expect(bytes.includes(Buffer.from(id)), `${id} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(id, "utf16le")), `${id} in ${file}`).toBe(false);
      }
    }
    const logs = bot.logs.join("\n");
    for (const id of [USER_ID, OTHER_USER_ID]) expect(logs).not.toContain(id);
  });

  it("acknowledges every vote well within Discord's 3 s", () => {
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);
    // The platform's hard limit, not a speed target: the bench (`npm run bench:chat`) measures the p99.
    for (const ms of acknowledged) expect(ms).toBeLessThan(3000);
  });
});

describe("Discord vote buttons when the database fails", () => {
  let failing: DiscordTestBot;
  let memory: DigestStore;
  beforeAll(async () => {
    memory = openStore(":memory:");
    // Answers are recorded; counting a vote fails as a locked or full database would.
    const feedback = {
      record: memory.feedback.record.bind(memory.feedback),
      vote: () => {
        throw new Error("SQLITE_FULL: database or disk is full");
      },
    };
    failing = await startDiscordTestBot({ core: { feedback } });
  });
  afterAll(async () => {
    await failing.close();
    memory.close();
  });

  it("tells the voter privately that the vote was not recorded, and logs why", async () => {
    const from = failing.standIn.calls.length;
    const message = failing.standIn.messageCreate({ content: BEAR_QUESTION });
    await failing.standIn.waitFor(postsTo(message.id), 3000, from);
    const answer = failing.standIn.lastMessageIn(message.id);
    const payload = failing.standIn.clickComponent({
      messageId: answer?.id ?? "",
      customId: buttonsOf(answer)[HELPFUL_LABEL] ?? "",
    });
    const call = await failing.standIn.waitFor(isCallback(payload.id));
    expectToldPrivately(call, VOTE_FAILED);
    expect(failing.logs.some((line) => line.includes("SQLITE_FULL"))).toBe(true);
    expect(publicMessages(message.id, failing)).toHaveLength(1);
  });
});
