/**
 * Votes, black box (#16): `paperbot start` runs as `npm start` runs it (a child process, tsx and
 * all) with Slack's variables pointing at the stand-in. A signed mention gets an answer with vote
 * buttons; a signed `block_actions` payload for one of them, posted to `/slack/events` as Slack
 * posts it, is counted in the database while the bot runs, and `paperbot gaps --json` on that same
 * database lists the answer voted down and the question the summaries did not cover (declined);
 * no raw user id reaches the database's files or the logs.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../../store/openStore.ts";
import { runPaperbot } from "../../helpers/cli.ts";
import { databaseFiles, filesContaining } from "../../helpers/databaseFiles.ts";
import { freePort } from "../../helpers/freePort.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../../helpers/slackBot.ts";
import {
  BOT_USER_ID,
  blockActionsPayload,
  interactionBody,
  mentionEventBody,
  postedButtons,
  type SlackStandIn,
  slackSignature,
  startSlackStandIn,
} from "../../helpers/slackStandIn.ts";
import { until } from "../../helpers/socketModeStandIn.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BIN = join(ROOT, "app/cli/paperbot.mjs");
const ASKER = "UASKERBB4K2";
const VOTER = "UVOTERBB7Q9";

let standIn: SlackStandIn;
let child: ChildProcess;
let output = "";
let port: number;
const databasePath = join(tempDir("start-votes"), "paperbot.db");

beforeAll(async () => {
  standIn = await startSlackStandIn();
  port = await freePort();
  child = spawn(process.execPath, [BIN, "start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      PORT: String(port),
      DATABASE_PATH: databasePath,
      INDEX_SNAPSHOT_DIR: tempDir("start-votes-snapshots"),
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
      // Nothing from the developer's environment or .env: the bundled corpus, Slack over HTTP.
      CORPUS_DIR: "",
      SLACK_APP_TOKEN: "",
      DISCORD_TOKEN: "",
      DISCORD_APP_ID: "",
      DISCORD_GUILD_ID: "",
      DIGEST_SLACK_CHANNELS: "",
      DIGEST_DISCORD_CHANNELS: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  await until(
    () => (output.includes("paperbot is ready") ? true : undefined),
    `paperbot start to be ready; it printed:\n${output}`,
    20_000,
  );
}, 30_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGTERM");
  await standIn.close();
});

/** Posts `body` to the running bot's `/slack/events`, signed as Slack signs it. */
function postSigned(body: string, contentType: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: "POST",
    body,
    headers: { "content-type": contentType, ...slackSignature(TEST_SIGNING_SECRET, body) },
  });
}

async function mention(text: string, eventId: string, ts: string) {
  const from = standIn.calls.length;
  const body = mentionEventBody({ eventId, ts, user: ASKER, text: `<@${BOT_USER_ID}> ${text}` });
  expect((await postSigned(body, "application/json")).status).toBe(200);
  return standIn.waitFor((c) => c.method === "chat.postMessage", 10_000, from);
}

describe("paperbot start on Slack, votes (#16)", () => {
  let answerId = "";

  it("counts a signed button click posted to /slack/events in the running bot's database", async () => {
    const answer = await mention(
      "how does BEAR avoid out-of-distribution actions?",
      "EvBB1",
      "1740000001.000100",
    );
    const [helpful] = postedButtons(answer);
    if (!helpful)
      throw new Error(`no vote buttons under the answer: ${JSON.stringify(answer.body)}`);
    answerId = helpful.value;
    const payload = blockActionsPayload({
      button: helpful,
      user: VOTER,
      responseUrl: standIn.responseUrl("bb-vote"),
      messageTs: "1740000001.000200",
      threadTs: "1740000001.000100",
      blocks: answer.body.blocks as unknown[],
    });
    const response = await postSigned(
      interactionBody(payload),
      "application/x-www-form-urlencoded",
    );
    expect(response.status).toBe(200);
    const told = await standIn.waitFor(
      (c) => c.method === "response_url" && c.path === "/response/bb-vote",
      10_000,
    );
    expect(told.body).toEqual({
      response_type: "ephemeral",
      replace_original: false,
      text: "Thanks, noted as helpful.",
    });
    // Read while the bot runs, as `paperbot gaps` would.
    const store = openStore(databasePath);
    try {
      const votes = store.db
        .prepare<[string], { helpful: number }>("SELECT helpful FROM votes WHERE answer_id = ?")
        .all(answerId);
      expect(votes).toEqual([{ helpful: 1 }]);
    } finally {
      store.close();
    }
  });

  it("lists, with paperbot gaps --json beside the running bot, a declined question and an answer voted down", async () => {
    const reply = await mention(
      "what do the summaries say about zebra husbandry?",
      "EvBB2",
      "1740000002.000100",
    );
    expect(postedButtons(reply)).toEqual([]);
    const answer = await mention("what does VQ-VAE-2 generate?", "EvBB3", "1740000003.000100");
    const [, unhelpful] = postedButtons(answer);
    if (!unhelpful) throw new Error("no vote buttons under the answer");
    const payload = blockActionsPayload({
      button: unhelpful,
      user: VOTER,
      responseUrl: standIn.responseUrl("bb-vote-down"),
      messageTs: "1740000003.000200",
      threadTs: "1740000003.000100",
    });
    const response = await postSigned(
      interactionBody(payload),
      "application/x-www-form-urlencoded",
    );
    expect(response.status).toBe(200);
    await standIn.waitFor(
      (c) => c.method === "response_url" && c.path === "/response/bb-vote-down",
      10_000,
    );
    const gaps = await runPaperbot(["gaps", "--json"], {
      env: { DATABASE_PATH: databasePath, FEEDBACK_RETENTION_DAYS: "", RECORD_QUESTIONS: "" },
    });
    expect(gaps.code, gaps.stderr).toBe(0);
    const lines = gaps.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual(
      expect.arrayContaining([
        {
          question: "what do the summaries say about zebra husbandry?",
          kind: "declined",
          paperId: null,
          count: 1,
          lastAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
        {
          question: "what does VQ-VAE-2 generate?",
          kind: "unhelpful",
          paperId: "vq-vae-2",
          count: 1,
          lastAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ]),
    );
    expect(lines).toHaveLength(2);
  });

  it("keeps no raw user id in the database's files, running or stopped, nor in its logs", async () => {
    expect(answerId).not.toBe("");
    expect(databaseFiles(databasePath).length).toBeGreaterThan(1);
    for (const id of [ASKER, VOTER]) expect(filesContaining(databasePath, id)).toEqual([]);
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) =>
      child.exitCode === null ? child.once("exit", resolve) : resolve(child.exitCode),
    );
    expect(code, output).toBe(0);
    for (const id of [ASKER, VOTER]) expect(filesContaining(databasePath, id)).toEqual([]);
    expect(output).toContain("vote on an answer");
    for (const secret of [VOTER, TEST_BOT_TOKEN, TEST_SIGNING_SECRET]) {
      expect(output).not.toContain(secret);
    }
  }, 15_000);
});
