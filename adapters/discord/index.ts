/**
 * Discord, as one platform object: its configuration and secrets, the discord.js adapter, the
 * digest publisher, the embed renderers, its channel ids, and `paperbot register-discord`.
 */
import { definePlatform } from "../../src/platform/platform.ts";
import {
  DISCORD_TOKEN_PATTERNS,
  type DiscordConfig,
  readDiscordConfig,
  SNOWFLAKE,
} from "./config.ts";
import { createDiscordDigestPublisher, discordRest } from "./digestPublisher.ts";
import { createDiscordAdapter } from "./discordAdapter.ts";
import { inviteUrl } from "./invite.ts";
import { registerCommands } from "./registerCommands.ts";
import { toDiscordDigest, toDiscordMessage } from "./render.ts";

/** Discord. */
export const discord = definePlatform<DiscordConfig, "discord">({
  name: "discord",
  title: "Discord",
  settings: {
    read: readDiscordConfig,
    enabledBy: "DISCORD_TOKEN",
    secretVariables: ["DISCORD_TOKEN"],
    secretsOf: (config) => [config.token],
    tokenPatterns: DISCORD_TOKEN_PATTERNS,
  },
  // Channel ids are snowflakes.
  ids: { channel: SNOWFLAKE, channelExample: "1234567890123456789" },
  createAdapter: createDiscordAdapter,
  render: toDiscordMessage,
  digest: {
    publisher: (config, logger) => createDiscordDigestPublisher(discordRest(config), logger),
    render: toDiscordDigest,
  },
  commands: [
    {
      name: "register-discord",
      summary: "register /paper with Discord, print the invite link",
      /**
       * `paperbot register-discord` (what `npm run register:discord` runs): registers `/paper`
       * for DISCORD_APP_ID, in DISCORD_GUILD_ID only when set, and prints the invite link.
       */
      async run({ config, print, warn }) {
        if (!config) {
          warn(
            "paperbot: set DISCORD_TOKEN and DISCORD_APP_ID (in .env or the environment) to register the commands.",
          );
          return 2;
        }
        try {
          const done = await registerCommands(config);
          const where =
            done.scope === "global"
              ? "globally (in every server the bot is in)"
              : `in server ${done.scope.guildId}`;
          print(`Registered ${done.names.map((n) => `/${n}`).join(", ")} ${where}.`);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          warn(`paperbot: Discord did not register the commands: ${reason}`);
          return 1;
        }
        print(`Invite the bot to a server with:\n  ${inviteUrl(config.applicationId)}`);
        return 0;
      },
    },
  ],
});
