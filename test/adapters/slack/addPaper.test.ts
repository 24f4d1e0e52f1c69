/**
 * `/paper add` and "@paperbot add URL" through the real Bolt app over HTTP against the Slack
 * stand-in, importing from a local arXiv stand-in into a temporary corpus (#17). Who may add comes
 * from the stand-in's users.info and conversations.info, and from SLACK_CORPUS_EDITORS.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThreadMemory } from "../../../src/answer/threadMemory.ts";
import { type AddingCorpus, openAddingCorpus } from "../../helpers/addingCorpus.ts";
import { type SlackTestBot, startSlackTestBot } from "../../helpers/slackBot.ts";
import { BOT_USER_ID, type SlackCall, visibleText } from "../../helpers/slackStandIn.ts";

const ADMIN = "UADMIN";
const MEMBER = "UMEMBER";
/** Listed in SLACK_CORPUS_EDITORS; a plain member otherwise. */
const EDITOR = "UEDITOR";
const CHANNEL = "C0READING";

let corpus: AddingCorpus;
let bot: SlackTestBot;
let mentions = 0;

beforeAll(async () => {
  corpus = await openAddingCorpus();
  bot = await startSlackTestBot({
    core: { source: corpus.index, memory: new ThreadMemory(), corpus: corpus.desk },
    standIn: { users: { [ADMIN]: { is_admin: true } } },
    settings: { corpusEditors: [EDITOR] },
  });
});
afterAll(async () => {
  await bot.close();
  await corpus.close();
});

/** Runs `/paper TEXT` in the channel as `user`; the reply on the response URL, and the ack's time. */
async function slash(text: string, user: string): Promise<{ reply: SlackCall; ackMs: number }> {
  const from = bot.standIn.calls.length;
  const began = performance.now();
  const { response } = await bot.command(text, { channel: CHANNEL, user });
  const ackMs = performance.now() - began;
  expect(response.status).toBe(200);
  const reply = await bot.standIn.waitFor((c) => c.method === "response_url", 5000, from);
  return { reply, ackMs };
}

/** Mentions the bot with `text` as `user`; the first message it then sends. */
async function mention(text: string, user: string): Promise<SlackCall> {
  const from = bot.standIn.calls.length;
  mentions += 1;
  const response = await bot.mention({
    text: `<@${BOT_USER_ID}> ${text}`,
    eventId: `Ev-add-${mentions}`,
    ts: `1700000${mentions}.000100`,
    channel: CHANNEL,
    user,
  });
  expect(response.status).toBe(200);
  return bot.standIn.waitFor(
    (c) => c.method === "chat.postMessage" || c.method === "chat.postEphemeral",
    5000,
    from,
  );
}

describe("/paper add on Slack", () => {
  it("lets a workspace admin add a paper: acknowledged at once, its card in the channel", async () => {
    const before = corpus.files();
    const { reply, ackMs } = await slash("add https://arxiv.org/abs/1706.03762", ADMIN);
    // Slack allows 3 s for the acknowledgement; the card follows on the response URL.
    expect(ackMs).toBeLessThan(3000);
    expect(reply.body.response_type).toBe("in_channel");
    expect(visibleText(reply)).toContain("Added to our papers");
    expect(visibleText(reply)).toContain("Attention Is All You Need");
    expect(corpus.files()).toEqual([...before, "attention-all-you-need.md"].sort());
  });

  it("answers a question about the new paper straight away", async () => {
    const answer = await mention(
      "which architecture is based solely on attention mechanisms, dispensing with recurrence?",
      MEMBER,
    );
    expect(answer.method).toBe("chat.postMessage");
    expect(visibleText(answer)).toContain("Attention Is All You Need");
  });

  it("refuses a plain member privately and politely, asking arXiv nothing and writing nothing", async () => {
    const before = corpus.files();
    const requests = corpus.standIn.requests.length;
    const { reply } = await slash("add 1404.7828", MEMBER);
    expect(reply.body.response_type).toBe("ephemeral");
    expect(visibleText(reply)).toContain(
      "Sorry, only the workspace's admins or the channel's creator, or the group's corpus editors, can add papers",
    );
    expect(corpus.standIn.requests).toHaveLength(requests);
    expect(corpus.files()).toEqual(before);
  });

  it("lets a corpus editor add by mentioning the bot with an arXiv link", async () => {
    const reply = await mention("add <https://arxiv.org/abs/1404.7828v4>", EDITOR);
    expect(reply.method).toBe("chat.postMessage");
    expect(visibleText(reply)).toContain("Deep Learning in Neural Networks: An Overview");
    expect(corpus.index.current().papers.size).toBe(11);
  });

  it("answers a paper the corpus has with its card, saying so", async () => {
    const before = corpus.files();
    const { reply } = await slash("add 1905.02249", ADMIN);
    expect(visibleText(reply)).toContain("We have this paper already; nothing was added.");
    expect(visibleText(reply)).toContain("MixMatch");
    expect(corpus.files()).toEqual(before);
  });

  it("tells the asker alone about an unknown id and an unreachable arXiv, writing nothing", async () => {
    const before = corpus.files();
    const unknown = await slash("add 2101.99999", ADMIN);
    expect(unknown.reply.body.response_type).toBe("ephemeral");
    expect(visibleText(unknown.reply)).toContain("arXiv has no paper by that id");
    corpus.standIn.mode = "error-500";
    try {
      const down = await slash("add 1101.0001", ADMIN);
      expect(down.reply.body.response_type).toBe("ephemeral");
      expect(visibleText(down.reply)).toContain("arXiv did not answer in time");
    } finally {
      corpus.standIn.mode = "feed";
    }
    expect(corpus.files()).toEqual(before);
  });
});
