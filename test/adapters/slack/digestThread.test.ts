/**
 * A question in the digest's thread stays on the featured paper, even when the digest was posted
 * by another process (`paperbot digest run` from cron) than the bot that answers: the thread's
 * paper travels through the database, not through memory.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DigestStore, openStore } from "../../../store/openStore.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { FakeClock } from "../../helpers/fakeClock.ts";
import { type SlackTestBot, startSlackTestBot } from "../../helpers/slackBot.ts";
import {
  DIGEST_DUE_AT,
  openSlackDigest,
  type SlackDigest,
  tempDatabasePath,
} from "../../helpers/slackDigest.ts";
import { BOT_USER_ID, visibleText } from "../../helpers/slackStandIn.ts";

const CHANNEL = "C0123ABCD";
/** What the answer says when it comes from the thread's paper. */
const FROM_THREAD = "this thread's paper";
/**
 * A follow-up that names no paper. Asked alone, the corpus answers it from another paper; only
 * the thread's memory puts it on the featured one. ("What are its main results?" finds nothing
 * in the featured summary, which never says "results": a retrieval matter, not the digest's.)
 */
const FOLLOW_UP = "what are the results of the experiments?";

let bot: SlackTestBot;
/** The bot's own connection to the database. */
let botStore: DigestStore;
/** The digest poster's: another store instance on the same file, as another process has. */
let poster: SlackDigest;
/** The digest's message ts: its thread's root. */
let digestTs: string;
let featuredTitle: string;

beforeAll(async () => {
  const path = tempDatabasePath();
  // One clock for both, so the thread memory's two-week expiry reads the same time.
  const clock = new FakeClock(DIGEST_DUE_AT);
  botStore = openStore(path, { now: clock.now });
  bot = await startSlackTestBot({
    core: { memory: botStore.threads, counts: botStore.counts },
  });
  poster = await openSlackDigest(bot.standIn.apiUrl, {
    databasePath: path,
    slackChannels: [CHANNEL],
    now: clock.now,
  });
  const [outcome] = await poster.digest.runDue();
  if (outcome?.outcome !== "posted") throw new Error(`digest not posted: ${outcome?.outcome}`);
  digestTs = outcome.messageId;
  const featured = poster.digest.store.ledger.recent(1)[0]?.paperId ?? "";
  featuredTitle = corpusIndex().papers.get(featured)?.title ?? "";
  expect(featuredTitle).not.toBe("");
  // The poster's process ends; only the database remembers the thread.
  poster.digest.store.close();
});
afterAll(async () => {
  await bot.close();
  botStore.close();
});

/** Mentions the bot with `question` (in `threadTs`'s thread); resolves with the answer posted. */
async function mention(question: string, eventId: string, ts: string, threadTs?: string) {
  const from = bot.standIn.calls.length;
  const response = await bot.mention({
    eventId,
    ts,
    channel: CHANNEL,
    text: `<@${BOT_USER_ID}> ${question}`,
    ...(threadTs ? { threadTs } : {}),
  });
  expect(response.status).toBe(200);
  return bot.standIn.waitFor((c) => c.method === "chat.postMessage", 3000, from);
}

describe("a mention in the digest's thread", () => {
  it("answers a follow-up that does not name the paper from the featured paper", async () => {
    const answer = await mention(FOLLOW_UP, "EvDigest1", "1800000001.000100", digestTs);
    expect(answer.body.thread_ts).toBe(digestTs);
    expect(answer.body.channel).toBe(CHANNEL);
    expect(visibleText(answer)).toContain(featuredTitle);
    expect(visibleText(answer)).toContain(FROM_THREAD);
  });

  it("does not answer the same question outside the thread from that paper", async () => {
    const answer = await mention(FOLLOW_UP, "EvDigest2", "1800000002.000100");
    expect(answer.body.thread_ts).toBe("1800000002.000100");
    expect(visibleText(answer)).not.toContain(FROM_THREAD);
  });
});
