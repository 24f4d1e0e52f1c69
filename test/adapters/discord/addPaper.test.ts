/**
 * `/paper add` through the real discord.js client against the Discord stand-in, importing from a
 * local arXiv stand-in into a temporary corpus (#17). Who may add comes from the member's
 * permissions in the interaction, as for `/paper digest subscribe`, and DISCORD_CORPUS_EDITORS.
 */
import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThreadMemory } from "../../../src/answer/threadMemory.ts";
import { type AddingCorpus, openAddingCorpus } from "../../helpers/addingCorpus.ts";
import {
  type DiscordTestBot,
  EPHEMERAL,
  messageOf,
  startDiscordTestBot,
  visibleText,
} from "../../helpers/discordBot.ts";
import type { RestCall } from "../../helpers/discordStandIn.ts";
import { guardLoopback, type LoopbackGuard } from "../../helpers/socketModeStandIn.ts";

/** Listed in DISCORD_CORPUS_EDITORS; no Manage permission. */
const EDITOR_ID = "599890832916873299";

let guard: LoopbackGuard;
let corpus: AddingCorpus;
let bot: DiscordTestBot;

beforeAll(async () => {
  guard = guardLoopback();
  corpus = await openAddingCorpus();
  bot = await startDiscordTestBot({
    core: { source: corpus.index, memory: new ThreadMemory(), corpus: corpus.desk },
    settings: { corpusEditors: [EDITOR_ID] },
  });
});
afterAll(async () => {
  await bot.close();
  await corpus.close();
  guard.release();
  expect(guard.hosts.filter((host) => host !== "127.0.0.1")).toEqual([]);
});

const ephemeral = (call: RestCall) => ((messageOf(call).flags ?? 0) & EPHEMERAL) !== 0;

/** Runs `/paper query:<query>`; the first response, and the edit or follow-up that settles it. */
async function paper(
  query: string,
  options: { permissions?: bigint; userId?: string } = {},
): Promise<{ first: RestCall; final: RestCall }> {
  const from = bot.standIn.calls.length;
  const interaction = bot.standIn.slashCommand({ query, ...options });
  const first = await bot.standIn.waitFor(
    (c) => c.path.startsWith(`/interactions/${interaction.id}/`),
    3000,
    from,
  );
  if (first.body.type !== 5) return { first, final: first };
  const final = await bot.standIn.waitFor(
    (c) =>
      c.path.includes(`/${interaction.token}`) &&
      (c.method === "PATCH" || (c.method === "POST" && !c.path.startsWith("/interactions/"))),
    5000,
    from,
  );
  return { first, final };
}

describe("/paper add on Discord", () => {
  it("lets someone who manages the channel add a paper: deferred, then its card edited in", async () => {
    const before = corpus.files();
    const { first, final } = await paper("add https://arxiv.org/abs/1706.03762", {
      permissions: PermissionFlagsBits.ManageChannels,
    });
    expect(first.body.type).toBe(5);
    expect(final.method).toBe("PATCH");
    expect(visibleText(final)).toContain("Added to our papers");
    expect(visibleText(final)).toContain("Attention Is All You Need");
    expect(corpus.files()).toEqual([...before, "attention-all-you-need.md"].sort());
  });

  it("refuses a member at once, privately, asking arXiv nothing and writing nothing", async () => {
    const before = corpus.files();
    const requests = corpus.standIn.requests.length;
    const { first } = await paper("add 1404.7828");
    expect(first.body.type).toBe(4);
    expect(ephemeral(first)).toBe(true);
    expect(visibleText(first)).toContain("Sorry, only people who can manage this channel");
    expect(corpus.standIn.requests).toHaveLength(requests);
    expect(corpus.files()).toEqual(before);
  });

  it("lets a corpus editor add without managing the channel", async () => {
    const { final } = await paper("add 1404.7828", { userId: EDITOR_ID });
    expect(visibleText(final)).toContain("Deep Learning in Neural Networks: An Overview");
  });

  it("tells the asker alone about a duplicate's card and an unknown id", async () => {
    const manager = { permissions: PermissionFlagsBits.ManageGuild };
    const duplicate = await paper("add 1905.02249", manager);
    expect(visibleText(duplicate.final)).toContain("We have this paper already");
    const before = corpus.files();
    const unknown = await paper("add 2101.99999", manager);
    expect(ephemeral(unknown.final)).toBe(true);
    expect(visibleText(unknown.final)).toContain("arXiv has no paper by that id");
    expect(corpus.files()).toEqual(before);
  });
});
