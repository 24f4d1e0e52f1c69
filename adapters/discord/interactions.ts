/**
 * Interactions on Discord: `/paper` (autocomplete choices, and the command itself, answered at
 * once when no search is needed and deferred then edited when one is: Discord allows 3 s for the
 * first response) and clicks on the vote buttons under answers (votes.ts).
 * https://discord.com/developers/docs/interactions/receiving-and-responding
 */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
  PermissionFlagsBits,
} from "discord.js";
import type { Reply } from "../../src/answer/reply.ts";
import type { ChatLogger as Logger } from "../../src/logger.ts";
import { MAX_AUTOCOMPLETE_CHOICES, suggestPapers } from "../../src/lookup/suggestPapers.ts";
import type { AdapterCore } from "../../src/pipeline/context.ts";
import type { ChatPlace } from "../../src/pipeline/digestCommands.ts";
import { handle, INTERNAL_ERROR } from "../../src/pipeline/handle.ts";
import type { RecentKeys } from "../recentKeys.ts";
import { PAPER_COMMAND, paperChoices, QUERY_OPTION } from "./commands.ts";
import { discordScope } from "./digestPublisher.ts";
import { toDiscordMessage } from "./render.ts";
import { handleVoteButton } from "./votes.ts";

export { INTERNAL_ERROR };

/** Who may change which channels get the digest, in Discord's terms. */
const MANAGERS = "people who can manage this channel or the server";

/** What the interaction handlers use. */
export interface InteractionContext {
  core: AdapterCore;
  log: Logger;
  /** Users who may add papers besides the channel's managers (`DISCORD_CORPUS_EDITORS`). */
  corpusEditors?: readonly string[];
  /**
   * Interactions already handled: the gateway may deliver one again after a resume, and a second
   * answer would only fail (Discord takes one initial response per interaction).
   */
  seen?: RecentKeys;
}

/** The reply as an interaction response: ephemeral when only the asker should see it. */
function interactionReply(reply: Reply): InteractionReplyOptions {
  const message = toDiscordMessage(reply);
  return reply.audience === "asker" ? { ...message, flags: MessageFlags.Ephemeral } : message;
}

async function autocomplete(
  interaction: AutocompleteInteraction,
  { core }: InteractionContext,
): Promise<void> {
  if (interaction.commandName !== PAPER_COMMAND) return interaction.respond([]);
  const typed = interaction.options.getFocused();
  const suggestions = suggestPapers(core.source.current(), typed, MAX_AUTOCOMPLETE_CHOICES);
  await interaction.respond(paperChoices(suggestions));
}

/**
 * Where `/paper` was run. Subscribing is for people who can manage the channel or the server (the
 * permissions Discord computed for this channel); threads and DMs cannot subscribe.
 */
function place(
  interaction: ChatInputCommandInteraction,
  corpusEditors: readonly string[] = [],
): ChatPlace {
  // Under the Guilds intent every channel of a server is cached, but a thread only while it is
  // active and the bot may see it: a channel the bot does not know (a private thread it is not
  // in, an archived one) is a thread, and must not be taken for a channel.
  const { channel } = interaction;
  const inChannel = interaction.inGuild() && channel !== null && !channel.isThread();
  return {
    platform: "discord",
    channelId: inChannel ? interaction.channelId : undefined,
    scope: interaction.guildId ? discordScope(interaction.guildId) : undefined,
    managers: MANAGERS,
    canManage: async () =>
      interaction.memberPermissions?.any([
        PermissionFlagsBits.ManageChannels,
        PermissionFlagsBits.ManageGuild,
      ]) ?? false,
    corpusEditor: corpusEditors.includes(interaction.user.id),
  };
}

/**
 * `/paper`: answered at once when no search is needed; a question acknowledges first (Discord
 * shows "paperbot is thinking…") and edits the answer in, as the search's time grows with the
 * corpus. A command belongs to no thread, as on Slack: it never inherits a conversation's paper.
 */
async function command(
  interaction: ChatInputCommandInteraction,
  { core, log, corpusEditors }: InteractionContext,
): Promise<void> {
  if (interaction.commandName !== PAPER_COMMAND) {
    await interaction.reply({ content: "I only know /paper.", flags: MessageFlags.Ephemeral });
    return;
  }
  await handle(
    {
      via: "command",
      text: interaction.options.getString(QUERY_OPTION) ?? "",
      place: place(interaction, corpusEditors),
      label: "an interaction",
      fields: {
        interaction: interaction.id,
        guild: interaction.guildId,
        channel: interaction.channelId,
      },
      acknowledge: async () => {
        await interaction.deferReply();
      },
    },
    {
      core,
      log,
      transport: {
        async send(reply) {
          if (!interaction.deferred) await interaction.reply(interactionReply(reply));
          else if (reply.audience === "asker") {
            // A deferred reply is public; an asker-only answer replaces it as an ephemeral follow-up.
            await interaction.deleteReply();
            await interaction.followUp(interactionReply(reply));
          } else {
            await interaction.editReply(toDiscordMessage(reply));
          }
        },
        fail: () => tellAskerOfFailure(interaction),
      },
    },
  );
}

/** Tells the asker, privately, that answering failed, however far the response had got. */
async function tellAskerOfFailure(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return;
  const failure = { content: INTERNAL_ERROR, flags: MessageFlags.Ephemeral } as const;
  if (interaction.deferred && !interaction.replied) {
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(failure);
  } else if (interaction.replied) {
    await interaction.followUp(failure);
  } else {
    await interaction.reply(failure);
  }
}

/** Answers one interaction; a failure is logged in full and told to the asker in one line. */
export async function handleInteraction(
  interaction: Interaction,
  context: InteractionContext,
): Promise<void> {
  if (context.seen && !context.seen.add(interaction.id)) {
    context.log.info({ interaction: interaction.id }, "an interaction delivered again; ignored");
    return;
  }
  try {
    if (interaction.isAutocomplete()) await autocomplete(interaction, context);
    else if (interaction.isChatInputCommand()) await command(interaction, context);
    else if (interaction.isMessageComponent()) await handleVoteButton(interaction, context);
  } catch (error) {
    // The pipeline answers for the command itself; this catches autocomplete and the rest.
    context.log.error(
      { err: error, interaction: interaction.id, channel: interaction.channelId },
      "answering an interaction failed",
    );
    await tellAskerOfFailure(interaction).catch((e: unknown) =>
      context.log.error({ err: e }, "could not tell the asker about the failure"),
    );
  }
}
