import { parseCommandArgs } from "../args.ts";
import { type CliIO, writeLine } from "../io.ts";

const USAGE = "paperbot register-discord";

/**
 * `paperbot register-discord` (what `npm run register:discord` runs): registers `/paper` with
 * Discord for DISCORD_APP_ID, in DISCORD_GUILD_ID only when set, and prints the invite link.
 */
export async function registerDiscordCommand(args: string[], io: CliIO): Promise<number> {
  parseCommandArgs(args, {}, USAGE);
  // discord.js loads only here, so the other commands start fast.
  const { ConfigError, loadConfig } = await import("../../config.ts");
  const { registerCommands } = await import("../../../adapters/discord/registerCommands.ts");
  const { inviteUrl } = await import("../../../adapters/discord/invite.ts");
  let discord: ReturnType<typeof loadConfig>["discord"];
  try {
    discord = loadConfig(io.env).discord;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeLine(io.stderr, error.message);
    return 2;
  }
  if (!discord) {
    writeLine(
      io.stderr,
      "paperbot: set DISCORD_TOKEN and DISCORD_APP_ID (in .env or the environment) to register the commands.",
    );
    return 2;
  }
  try {
    const done = await registerCommands(discord);
    const where =
      done.scope === "global"
        ? "globally (in every server the bot is in)"
        : `in server ${done.scope.guildId}`;
    writeLine(io.stdout, `Registered ${done.names.map((n) => `/${n}`).join(", ")} ${where}.`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    writeLine(io.stderr, `paperbot: Discord did not register the commands: ${reason}`);
    return 1;
  }
  writeLine(io.stdout, `Invite the bot to a server with:\n  ${inviteUrl(discord.applicationId)}`);
  return 0;
}
