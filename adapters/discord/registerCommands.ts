/**
 * Registers `/paper` with Discord: to one server when `DISCORD_GUILD_ID` is set (it shows at
 * once, for development), else globally. Overwrites the application's commands with ours, so
 * running it again is safe. https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
 */
import { REST, type RESTPutAPIApplicationCommandsResult, Routes } from "discord.js";
import { commandDefinitions } from "./commands.ts";
import type { DiscordConfig } from "./config.ts";

/** What was registered, and where. */
export interface Registration {
  names: string[];
  scope: { guildId: string } | "global";
}

/** Sends the command definitions; rejects with Discord's reason (never the token) on failure. */
export async function registerCommands(config: DiscordConfig): Promise<Registration> {
  const rest = new REST({
    ...(config.apiUrl ? { api: config.apiUrl } : {}),
    retries: 1,
    timeout: 15_000,
  }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const result = (await rest.put(route, {
    body: commandDefinitions(),
  })) as RESTPutAPIApplicationCommandsResult;
  return {
    names: result.map((c) => c.name),
    scope: config.guildId ? { guildId: config.guildId } : "global",
  };
}
