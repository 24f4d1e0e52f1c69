/**
 * The "Helpful" / "Not helpful" buttons under an answer on Discord: one action row of two
 * buttons whose `custom_id` carries the vote and the recorded answer's id, and the reading of a
 * clicked button's `custom_id` back. Pure: no network, unit-tested.
 * Buttons: https://discord.com/developers/docs/components/reference#button
 */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import {
  type FeedbackHandle,
  HELPFUL_LABEL,
  UNHELPFUL_LABEL,
} from "../../src/feedback/feedback.ts";

/**
 * A `custom_id` holds 1 to 100 characters; Discord refuses the whole message over a longer one.
 * https://discord.com/developers/docs/components/reference#anatomy-of-a-component
 */
export const CUSTOM_ID_MAX = 100;

/**
 * What every paperbot vote button's `custom_id` starts with. The app's own prefix, so a button
 * that is not a vote (another version's, a forged one) is told apart rather than misread.
 */
export const VOTE_PREFIX = "paperbot:vote:";

/** An answer id as the store makes them (base64url), with room to spare under the 100 limit. */
const ANSWER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A vote a button carries. */
export interface ButtonVote {
  answerId: string;
  helpful: boolean;
}

/**
 * Told, privately, to whoever clicks a button paperbot cannot read: not ours, or malformed.
 * Answered rather than left alone, or Discord shows the clicker "This interaction failed".
 */
export const NOT_A_VOTE_BUTTON =
  "That button is not one of paperbot's vote buttons, or is no longer on record; nothing was counted.";

/**
 * The `custom_id` of a vote button: `paperbot:vote:1:<answer id>` (helpful) or `:0:` (not).
 * Throws when the answer id is not one the store makes, as it would not fit or not read back.
 */
export function voteCustomId(answerId: string, helpful: boolean): string {
  if (!ANSWER_ID.test(answerId)) throw new Error("an answer id must be 1-64 base64url characters");
  return `${VOTE_PREFIX}${helpful ? 1 : 0}:${answerId}`;
}

/** The vote a button's `custom_id` carries, or undefined when it is not a paperbot vote. */
export function parseVoteCustomId(customId: string): ButtonVote | undefined {
  if (!customId.startsWith(VOTE_PREFIX)) return undefined;
  const [way, answerId = "", ...rest] = customId.slice(VOTE_PREFIX.length).split(":");
  if (rest.length > 0 || (way !== "0" && way !== "1") || !ANSWER_ID.test(answerId)) {
    return undefined;
  }
  return { answerId, helpful: way === "1" };
}

/**
 * The vote buttons under an answer: one action row, "Helpful" then "Not helpful". Both grey
 * (Secondary), so neither answer looks like the expected one. None for an answer id that would
 * not fit a `custom_id`: the answer goes out without buttons rather than not at all.
 * https://discord.com/developers/docs/components/reference#action-row
 */
export function voteButtons(
  handle: FeedbackHandle,
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  if (!ANSWER_ID.test(handle.answerId)) return [];
  const button = (helpful: boolean): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: helpful ? HELPFUL_LABEL : UNHELPFUL_LABEL,
    custom_id: voteCustomId(handle.answerId, helpful),
  });
  return [{ type: ComponentType.ActionRow, components: [button(true), button(false)] }];
}
