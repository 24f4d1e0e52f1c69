/**
 * Votes on answers over Slack's HTTP endpoint (#16): the real Bolt app answers a mention with the
 * Helpful / Not helpful buttons, then takes signed `block_actions` payloads for them on the same
 * `/slack/events` endpoint, counts them in a real SQLite database and tells the voter alone.
 * Slack is the loopback stand-in.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VOTE_HELPFUL_ACTION, VOTE_UNHELPFUL_ACTION } from "../../../adapters/slack/render.ts";
import { REPLAYED_VOTE } from "../../../adapters/slack/votes.ts";
import { HELPFUL_LABEL, UNHELPFUL_LABEL, VOTE_FAILED } from "../../../src/feedback/feedback.ts";
import { type DigestStore, openStore } from "../../../store/openStore.ts";
import { databaseFiles, filesContaining } from "../../helpers/databaseFiles.ts";
import {
  type SlackTestBot,
  startSlackTestBot,
  TEST_SIGNING_SECRET,
} from "../../helpers/slackBot.ts";
import {
  BOT_USER_ID,
  blockActionsPayload,
  interactionBody,
  type PostedButton,
  postedButtons,
  type SlackCall,
  slackSignature,
} from "../../helpers/slackStandIn.ts";
import { until } from "../../helpers/socketModeStandIn.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

/** Who asks and who votes: ids that must never reach the database's files. */
const ASKER = "UASKER7Q2XK";
const VOTER = "UVOTER9M4ZP";
const OTHER_VOTER = "UOTHER3H8WD";
/** Someone a question mentions by name. */
const MENTIONED = "UGRACE5T1LB";

let bot: SlackTestBot;
let store: DigestStore;
const databasePath = join(tempDir("slack-votes"), "paperbot.db");
/** How long each click took to be acknowledged (ms), for the report below. */
const ackTimes: number[] = [];
let events = 0;
let clicks = 0;

beforeAll(async () => {
  store = openStore(databasePath);
  bot = await startSlackTestBot({ core: { feedback: store.feedback } });
});
afterAll(async () => {
  await bot.close();
  store.close();
});

/** An answer the bot posted in a thread, with its buttons. */
interface PostedAnswer {
  call: SlackCall;
  ts: string;
  /** The thread it was posted in, if any. */
  threadTs?: string;
  helpful: PostedButton;
  unhelpful: PostedButton;
}

/** Asks by mention and returns the answer the bot posted, with its two buttons. */
async function ask(question: string): Promise<PostedAnswer> {
  events += 1;
  const ts = `1720000${events}.000100`;
  const from = bot.standIn.calls.length;
  const response = await bot.mention({
    eventId: `EvVote${events}`,
    ts,
    user: ASKER,
    text: `<@${BOT_USER_ID}> ${question}`,
  });
  expect(response.status).toBe(200);
  const call = await bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
  const [helpful, unhelpful] = postedButtons(call);
  if (!helpful || !unhelpful)
    throw new Error(`no vote buttons under: ${JSON.stringify(call.body)}`);
  // The answer's own ts: any, as the bot never reads it back.
  return { call, ts: `1730000${events}.000200`, threadTs: ts, helpful, unhelpful };
}

/** A click's payload on `button` under `answer` by `user`, with a response URL of its own. */
function clickOn(answer: PostedAnswer, button: PostedButton, user: string) {
  clicks += 1;
  const responsePath = `/response/vote-${clicks}`;
  const payload = blockActionsPayload({
    button,
    user,
    responseUrl: bot.standIn.responseUrl(`vote-${clicks}`),
    messageTs: answer.ts,
    ...(answer.threadTs ? { threadTs: answer.threadTs } : {}),
    blocks: answer.call.body.blocks as unknown[],
  });
  return { payload, responsePath };
}

/** Posts a click, correctly signed; returns the HTTP status and what the voter was told. */
async function click(answer: PostedAnswer, button: PostedButton, user: string) {
  const { payload, responsePath } = clickOn(answer, button, user);
  const began = performance.now();
  const response = await bot.interact(payload);
  ackTimes.push(performance.now() - began);
  const told = await bot.standIn.waitFor(
    (c) => c.method === "response_url" && c.path === responsePath,
  );
  return { status: response.status, told };
}

function votesOn(answerId: string): Array<{ voter: string; helpful: number }> {
  return store.db
    .prepare<[string], { voter: string; helpful: number }>(
      "SELECT voter, helpful FROM votes WHERE answer_id = ? ORDER BY voter",
    )
    .all(answerId);
}

const totalVotes = () =>
  store.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM votes").get()?.n ?? 0;

describe("Slack vote buttons over HTTP (#16)", () => {
  it("posts an answer with Helpful and Not helpful buttons carrying a recorded answer's id", async () => {
    const answer = await ask("how does BEAR avoid out-of-distribution actions?");
    expect(answer.helpful).toMatchObject({
      action_id: VOTE_HELPFUL_ACTION,
      text: { text: HELPFUL_LABEL },
    });
    expect(answer.unhelpful).toMatchObject({
      action_id: VOTE_UNHELPFUL_ACTION,
      text: { text: UNHELPFUL_LABEL },
    });
    expect(answer.helpful.value).toBe(answer.unhelpful.value);
    const row = store.db
      .prepare<[string], { kind: string; platform: string; paper_id: string; question: string }>(
        "SELECT kind, platform, paper_id, question FROM answers WHERE id = ?",
      )
      .get(answer.helpful.value);
    expect(row).toEqual({
      kind: "answered",
      platform: "slack",
      paper_id: "bear",
      question: "how does BEAR avoid out-of-distribution actions?",
    });
  });

  it("counts a signed click: 200 at once, one vote stored, the thanks to the voter alone", async () => {
    const answer = await ask("what does MixMatch sharpen?");
    const from = bot.standIn.calls.length;
    const { status, told } = await click(answer, answer.helpful, VOTER);
    expect(status).toBe(200);
    expect(told.body).toEqual({
      response_type: "ephemeral",
      replace_original: false,
      text: "Thanks, noted as helpful.",
    });
    const votes = votesOn(answer.helpful.value);
    expect(votes).toHaveLength(1);
    expect(votes[0]?.helpful).toBe(1);
    expect(votes[0]?.voter).not.toContain(VOTER);
    // Nothing new in the channel, and the shared answer is not edited.
    expect(bot.standIn.calls.slice(from).map((c) => c.method)).toEqual(["response_url"]);
  });

  it("changes the vote on a second click the other way; another person's vote is their own", async () => {
    const answer = await ask("what does VQ-VAE-2 generate?");
    await click(answer, answer.helpful, VOTER);
    const changed = await click(answer, answer.unhelpful, VOTER);
    expect(changed.status).toBe(200);
    expect(changed.told.body.text).toBe("Changed your vote to not helpful.");
    expect(votesOn(answer.helpful.value).map((v) => v.helpful)).toEqual([0]);
    const again = await click(answer, answer.unhelpful, VOTER);
    expect(again.told.body.text).toMatch(/already marked this not helpful; nothing changed/);
    await click(answer, answer.helpful, OTHER_VOTER);
    expect(
      votesOn(answer.helpful.value)
        .map((v) => v.helpful)
        .sort(),
    ).toEqual([0, 1]);
  });

  it("stores a replayed request once, and a replay of an older click undoes no later change", async () => {
    const answer = await ask("how does BEAR use an ensemble of Q-functions?");
    const first = clickOn(answer, answer.helpful, VOTER);
    const body = interactionBody(first.payload);
    const headers = {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignature(TEST_SIGNING_SECRET, body),
    };
    expect((await bot.post(body, headers)).status).toBe(200);
    await bot.standIn.waitFor((c) => c.method === "response_url" && c.path === first.responsePath);
    const before = totalVotes();
    // The same bytes and headers again, inside the five minutes the signature is good for.
    expect((await bot.post(body, headers)).status).toBe(200);
    const replies = () =>
      bot.standIn.calls.filter((c) => c.method === "response_url" && c.path === first.responsePath);
    await bot.standIn.waitFor(() => replies().length === 2);
    expect(replies()[1]?.body.text).toBe(REPLAYED_VOTE);
    expect(totalVotes()).toBe(before);
    expect(votesOn(answer.helpful.value).map((v) => v.helpful)).toEqual([1]);
    // The voter changes their mind; the old "Helpful" request, replayed, must not undo it.
    await click(answer, answer.unhelpful, VOTER);
    expect((await bot.post(body, headers)).status).toBe(200);
    await bot.standIn.waitFor(() => replies().length === 3);
    expect(votesOn(answer.helpful.value).map((v) => v.helpful)).toEqual([0]);
  });

  it("refuses a forged or stale signature with 401 and stores nothing", async () => {
    const answer = await ask("what is the MixMatch loss?");
    const from = bot.standIn.calls.length;
    const before = totalVotes();
    const forged = clickOn(answer, answer.helpful, VOTER);
    const forgedBody = interactionBody(forged.payload);
    const forgedResponse = await bot.post(forgedBody, {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignature("not-the-signing-secret", forgedBody),
    });
    expect(forgedResponse.status).toBe(401);
    const stale = clickOn(answer, answer.helpful, VOTER);
    const staleBody = interactionBody(stale.payload);
    const staleResponse = await bot.post(staleBody, {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignature(TEST_SIGNING_SECRET, staleBody, Math.floor(Date.now() / 1000) - 10 * 60),
    });
    expect(staleResponse.status).toBe(401);
    const unsigned = await bot.interact(stale.payload, {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(unsigned.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(totalVotes()).toBe(before);
    expect(votesOn(answer.helpful.value)).toEqual([]);
    expect(bot.standIn.calls.slice(from)).toEqual([]);
  });

  it("takes no vote on an answer not on record, and tells the voter so", async () => {
    const answer = await ask("how does BEAR avoid out-of-distribution actions?");
    const before = totalVotes();
    for (const value of ["pruned-or-never-was", "", "x".repeat(2000)]) {
      const { status, told } = await click(answer, { ...answer.helpful, value }, VOTER);
      expect(status).toBe(200);
      expect(told.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
      expect(told.body.text).toMatch(/no longer on record/);
    }
    expect(totalVotes()).toBe(before);
  });

  it("keeps the vote when the thanks cannot be delivered (an expired response URL)", async () => {
    const answer = await ask("what does MixMatch do with unlabeled data?");
    const seenLogs = bot.logs.length;
    bot.standIn.failNext("response_url", "expired_url");
    const { status } = await click(answer, answer.helpful, VOTER);
    expect(status).toBe(200);
    expect(votesOn(answer.helpful.value).map((v) => v.helpful)).toEqual([1]);
    const warned = await until(
      () => bot.logs.slice(seenLogs).find((l) => l.includes("could not tell the voter")),
      "the failed thanks to be logged",
    );
    expect(JSON.parse(warned).level).toBe(40);
  });

  it("tells the voter with chat.postEphemeral in the answer's thread when a click has no response URL", async () => {
    const answer = await ask("how does VQ-VAE-2 use a hierarchy of codes?");
    const { payload } = clickOn(answer, answer.helpful, VOTER);
    const { response_url: _, ...withoutUrl } = payload;
    const from = bot.standIn.calls.length;
    expect((await bot.interact(withoutUrl)).status).toBe(200);
    const told = await bot.standIn.waitFor((c) => c.method === "chat.postEphemeral", 3000, from);
    expect(told.body).toMatchObject({
      channel: "C1",
      user: VOTER,
      thread_ts: answer.threadTs,
      text: "Thanks, noted as helpful.",
    });
    expect(votesOn(answer.helpful.value)).toHaveLength(1);
  });

  it("answers /paper with the buttons too, and counts a click on them", async () => {
    const { responseUrl } = await bot.command("how does MixMatch mix labeled and unlabeled data?", {
      user: ASKER,
    });
    const path = new URL(responseUrl).pathname;
    const answered = await bot.standIn.waitFor(
      (c) => c.method === "response_url" && c.path === path,
    );
    expect(answered.body.response_type).toBe("in_channel");
    const [helpful, unhelpful] = postedButtons(answered);
    if (!helpful || !unhelpful) throw new Error("no buttons under the /paper answer");
    // A command's answer stands in the channel, not in a thread.
    const answer = { call: answered, ts: "1720009999.000100", helpful, unhelpful };
    const { told } = await click(answer, unhelpful, VOTER);
    expect(told.body.text).toMatch(/^Thanks, noted as not helpful/);
    expect(votesOn(helpful.value).map((v) => v.helpful)).toEqual([0]);
  });

  it("records a question the summaries do not cover as declined, with no buttons", async () => {
    events += 1;
    const from = bot.standIn.calls.length;
    await bot.mention({
      eventId: `EvVote${events}`,
      ts: `1720000${events}.000100`,
      user: ASKER,
      text: `<@${BOT_USER_ID}> what do the summaries say about zebra husbandry?`,
    });
    const call = await bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
    expect(postedButtons(call)).toEqual([]);
    const declined = store.db
      .prepare<[], { question: string; platform: string }>(
        "SELECT question, platform FROM answers WHERE kind = 'declined'",
      )
      .all();
    expect(declined).toContainEqual({
      question: "what do the summaries say about zebra husbandry?",
      platform: "slack",
    });
  });

  it("stores a question that mentions someone with no id or name of theirs", async () => {
    const answer = await ask(`<@${MENTIONED}|grace> says BEAR uses an ensemble, how?`);
    const row = store.db
      .prepare<[string], { question: string }>("SELECT question FROM answers WHERE id = ?")
      .get(answer.helpful.value);
    expect(row?.question).toBe("@someone says BEAR uses an ensemble, how?");
  });

  it("keeps the last of many quick clicks, one vote per person", async () => {
    const answer = await ask("what does VQ-VAE-2 generate at 1024 pixels?");
    for (let n = 0; n < 60; n++) {
      const { status } = await click(
        answer,
        n % 2 === 0 ? answer.helpful : answer.unhelpful,
        VOTER,
      );
      expect(status).toBe(200);
    }
    // The 60th click (n = 59) was "Not helpful".
    expect(votesOn(answer.helpful.value).map((v) => v.helpful)).toEqual([0]);
  });

  it("acknowledges every click well within Slack's 3 seconds", () => {
    const sorted = [...ackTimes].sort((a, b) => a - b);
    expect(sorted.length).toBeGreaterThanOrEqual(60);
    // Slack's limit; the bench (`npm run bench:chat`) holds it to 100 ms at p99.
    const p99 = sorted[Math.ceil(sorted.length * 0.99) - 1] ?? Number.POSITIVE_INFINITY;
    expect(p99).toBeLessThan(3000);
  });

  it("logs no voter's id above debug level", () => {
    const above = bot.logs.filter((line) => JSON.parse(line).level > 20);
    expect(above.some((line) => line.includes("vote on an answer"))).toBe(true);
    for (const line of above) {
      for (const id of [VOTER, OTHER_VOTER]) expect(line).not.toContain(id);
    }
  });

  it("keeps no raw user id anywhere in the database's files, WAL included", () => {
    expect(databaseFiles(databasePath)).toContain(`${databasePath}-wal`);
    for (const id of [ASKER, VOTER, OTHER_VOTER, MENTIONED, "grace"]) {
      expect(filesContaining(databasePath, id)).toEqual([]);
    }
    // The scan does find what is there: the questions asked are.
    expect(filesContaining(databasePath, "zebra husbandry")).not.toEqual([]);
  });
});

describe("Slack vote buttons when the database fails (#16)", () => {
  it("tells the voter alone that the vote was not recorded, and logs the failure", async () => {
    const failing = await startSlackTestBot({
      core: {
        feedback: {
          record: () => "answer-of-a-failing-db",
          vote: () => {
            throw new Error("SQLITE_IOERR: disk I/O error");
          },
        },
      },
    });
    try {
      const from = failing.standIn.calls.length;
      await failing.mention({
        eventId: "EvVoteFail",
        ts: "1729999999.000100",
        user: ASKER,
        text: `<@${BOT_USER_ID}> how does BEAR avoid out-of-distribution actions?`,
      });
      const call = await failing.standIn.waitFor(
        (c) => c.method === "chat.postMessage",
        3000,
        from,
      );
      const [helpful] = postedButtons(call);
      if (!helpful) throw new Error("no vote buttons under the answer");
      const payload = blockActionsPayload({
        button: helpful,
        user: VOTER,
        responseUrl: failing.standIn.responseUrl("vote-fail"),
        messageTs: "1729999999.000200",
        threadTs: "1729999999.000100",
      });
      expect((await failing.interact(payload)).status).toBe(200);
      const told = await failing.standIn.waitFor(
        (c) => c.method === "response_url" && c.path === "/response/vote-fail",
      );
      expect(told.body).toEqual({
        response_type: "ephemeral",
        replace_original: false,
        text: VOTE_FAILED,
      });
      expect(failing.logs.some((l) => l.includes("could not record a vote"))).toBe(true);
    } finally {
      await failing.close();
    }
  });
});
