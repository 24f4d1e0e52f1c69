import { readFileSync } from "node:fs";
import { PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import { commandDefinitions, paperChoices } from "../../../adapters/discord/commands.ts";
import { INTENTS } from "../../../adapters/discord/discordAdapter.ts";
import { BOT_PERMISSIONS, invitePermissions, inviteUrl } from "../../../adapters/discord/invite.ts";
import { suggestPapers } from "../../../src/lookup/suggestPapers.ts";
import { corpusIndex } from "../../helpers/corpus.ts";

describe("the /paper command definition", () => {
  it("is one chat command with an autocompleted query option, within Discord's limits", () => {
    const [paper, ...others] = commandDefinitions();
    expect(others).toEqual([]);
    expect(paper?.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
    expect(paper?.description?.length).toBeLessThanOrEqual(100);
    const [query] = paper?.options ?? [];
    expect(query).toMatchObject({ name: "query", type: 3, autocomplete: true });
    expect(query?.description.length).toBeLessThanOrEqual(100);
  });
});

describe("paperChoices", () => {
  const index = corpusIndex();

  it("offers MixMatch for 'mix' and VQ-VAE-2 for 'vq vae', valued by id", () => {
    expect(paperChoices(suggestPapers(index, "mix", 25))[0]).toEqual({
      name: "MixMatch · MixMatch: A Holistic Approach to Semi-Supervised Learning",
      value: "mixmatch",
    });
    expect(paperChoices(suggestPapers(index, "vq vae", 25))[0]?.value).toBe("vq-vae-2");
  });

  it("keeps names and values within 100 characters", () => {
    for (const choice of paperChoices(suggestPapers(index, "", 25))) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });
});

describe("what the bot asks a server for", () => {
  it("asks for no privileged intent", () => {
    const privileged = (1 << 1) | (1 << 8) | (1 << 15); // members, presences, message content
    expect(INTENTS.reduce((all, bit) => all | bit, 0) & privileged).toBe(0);
  });

  it("invites with exactly the five permissions it uses, never Administrator", () => {
    const granted = new PermissionsBitField(invitePermissions()).toArray();
    expect(granted.sort()).toEqual(Object.keys(BOT_PERMISSIONS).sort());
    const url = new URL(inviteUrl("123456789012345678"));
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    expect(url.searchParams.get("permissions")).toBe(invitePermissions().toString());
  });

  it("is what the README's invite link asks for", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const asked = [...readme.matchAll(/permissions=(\d+)/g)].map((m) => m[1]);
    expect(asked.length).toBeGreaterThan(0);
    for (const bits of asked) expect(bits).toBe(invitePermissions().toString());
  });
});
