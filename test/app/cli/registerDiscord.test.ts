import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitePermissions } from "../../../adapters/discord/invite.ts";
import { runPaperbot } from "../../helpers/cli.ts";
import { type DiscordStandIn, startDiscordStandIn } from "../../helpers/discordStandIn.ts";

let standIn: DiscordStandIn;
beforeAll(async () => {
  standIn = await startDiscordStandIn();
});
afterAll(async () => {
  await standIn.close();
});

const env = () => ({
  DISCORD_TOKEN: standIn.token,
  DISCORD_APP_ID: standIn.applicationId,
  DISCORD_API_URL: standIn.restUrl,
});

describe("paperbot register-discord (npm run register:discord)", () => {
  it("registers /paper in the development server and prints the invite link", async () => {
    const from = standIn.calls.length;
    const run = await runPaperbot(["register-discord"], {
      env: { ...env(), DISCORD_GUILD_ID: standIn.guildId },
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const call = standIn.calls
      .slice(from)
      .find((c) => c.method === "PUT" && c.path.endsWith("/commands"));
    expect(call?.path).toBe(
      `/applications/${standIn.applicationId}/guilds/${standIn.guildId}/commands`,
    );
    expect(call?.auth).toBe(`Bot ${standIn.token}`);
    expect(call?.body[0]).toMatchObject({ name: "paper", options: [{ name: "query" }] });
    expect(run.stdout).toContain(`Registered /paper in server ${standIn.guildId}.`);
    expect(run.stdout).toContain(
      `https://discord.com/oauth2/authorize?client_id=${standIn.applicationId}&scope=bot+applications.commands&permissions=${invitePermissions()}`,
    );
  });

  it("registers globally without DISCORD_GUILD_ID", async () => {
    const from = standIn.calls.length;
    const run = await runPaperbot(["register-discord"], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("globally");
    const call = standIn.calls.slice(from).find((c) => c.method === "PUT");
    expect(call?.path).toBe(`/applications/${standIn.applicationId}/commands`);
  });

  it("says what is missing, and never prints a refused token", async () => {
    const missing = await runPaperbot(["register-discord"], { env: {} });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/set DISCORD_TOKEN and DISCORD_APP_ID/);
    const wrong = "MTA4MDQyOTI0MzI2OTI1MTA3Mg.Gwrong.this-token-is-not-the-one-the-stand-in-takes";
    const refused = await runPaperbot(["register-discord"], {
      env: { ...env(), DISCORD_TOKEN: wrong },
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Discord did not register the commands: .*401/);
    expect(refused.stderr + refused.stdout).not.toContain(wrong);
  });
});
