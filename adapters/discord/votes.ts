/**
 * A click on a vote button under an answer: counted (one vote per person per answer, a second
 * click changing it) and acknowledged with a message only the voter sees, so the channel gets no
 * new message. Discord allows 3 s for the first response; counting is one local SQLite write.
 * https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
 */
import { type MessageComponentInteraction, MessageFlags } from "discord.js";
import type { ChatLogger as Logger } from "../../src/logger.ts";
import type { AdapterCore } from "../../src/pipeline/context.ts";
import { voteOn } from "../../src/pipeline/feedback.ts";
import { NOT_A_VOTE_BUTTON, parseVoteCustomId } from "./voteButtons.ts";

/** What the vote handler uses. */
export interface VoteContext {
  core: AdapterCore;
  log: Logger;
}

/**
 * Counts the vote a button carries and tells the voter, privately, what it did. A component
 * that is not a paperbot vote button (a select menu, another version's button, a forged
 * `custom_id`) stores nothing and is told so, rather than left to fail on the voter's screen.
 * The voter is passed on as the platform's user id only for the store to hash; it is not logged.
 */
export async function handleVoteButton(
  interaction: MessageComponentInteraction,
  { core, log }: VoteContext,
): Promise<void> {
  const vote = interaction.isButton() ? parseVoteCustomId(interaction.customId) : undefined;
  const fields = { interaction: interaction.id, channel: interaction.channelId };
  let content = NOT_A_VOTE_BUTTON;
  if (vote) {
    const voter = interaction.user.id;
    content = voteOn(core, { ...vote, platform: "discord", voter }, log.child(fields)).message;
  } else {
    log.info({ ...fields, componentType: interaction.componentType }, "not a vote button");
  }
  // An ephemeral reply: the voter sees it, the channel does not.
  // https://discord.com/developers/docs/resources/message#message-object-message-flags
  await interaction.reply({
    content,
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}
