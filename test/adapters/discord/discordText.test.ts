import { describe, expect, it } from "vitest";
import { fromDiscordText, mentionsUser } from "../../../adapters/discord/discordText.ts";

const BOT = "111111111111111111";

describe("fromDiscordText", () => {
  it("drops the bot's own mention and names the other mentions", () => {
    const names = { user: (id: string) => (id === "222" ? "ada" : undefined), role: () => "mods" };
    expect(fromDiscordText(`<@${BOT}> what did <@222> and <@&333> ask?`, BOT, names)).toBe(
      "what did @ada and @mods ask?",
    );
    expect(fromDiscordText(`<@!${BOT}>   how   does BEAR work?`, BOT)).toBe("how does BEAR work?");
    expect(fromDiscordText("ask <@444> in <#555>", BOT)).toBe("ask @user in #channel");
  });

  it("reads custom emoji, timestamps and backslash escapes as the person meant them", () => {
    expect(fromDiscordText("why <:thinking:123> \\*VQ\\-VAE\\*? \\_", BOT)).toBe(
      "why :thinking: *VQ-VAE*? _",
    );
    expect(fromDiscordText("since <t:1574812800:R>", BOT)).toBe("since 2019-11-27");
  });
});

describe("mentionsUser", () => {
  it("finds both mention forms, and not a bare id", () => {
    expect(mentionsUser(`hi <@${BOT}>`, BOT)).toBe(true);
    expect(mentionsUser(`hi <@!${BOT}>`, BOT)).toBe(true);
    expect(mentionsUser(`hi ${BOT} <@&${BOT}>`, BOT)).toBe(false);
  });
});
