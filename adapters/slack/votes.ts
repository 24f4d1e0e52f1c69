/**
 * The "Helpful" / "Not helpful" buttons under an answer, as Bolt hears them: Slack posts a
 * `block_actions` payload to the same `/slack/events` endpoint (HTTP mode) or sends it over the
 * socket (Socket Mode), and Bolt routes both here. The vote is counted and the voter alone is told
 * what happened; the shared answer is never edited, so no one learns who voted.
 */
import { createHash } from "node:crypto";
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { ChatLogger as Logger } from "../../src/logger.ts";
import type { AdapterCore } from "../../src/pipeline/context.ts";
import { voteOn } from "../../src/pipeline/feedback.ts";
import { RecentKeys } from "../recentKeys.ts";
import { VOTE_HELPFUL_ACTION, VOTE_UNHELPFUL_ACTION } from "./render.ts";

/**
 * Told when the very same click arrives again (a replayed request): it was counted the first time.
 * Ends as the store's "unchanged" does, so the voter reads the same outcome either way.
 */
export const REPLAYED_VOTE = "That click was already counted; nothing changed.";

/** A click on one of our buttons, as Bolt hands it over. */
type VoteClick = BlockAction<ButtonAction>;

/**
 * What makes a click this click and no other: the whole payload. Slack gives every click its own
 * `trigger_id` and `action_ts`, so only a replay of the same request has the same hash; hashed, so
 * what is kept in memory holds no user id.
 */
function clickKey(body: VoteClick): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("base64url");
}

/**
 * Tells the voter alone: through the click's response URL as an ephemeral message that leaves the
 * answer as it was (`replace_original: false`; without it Slack would replace the shared answer),
 * or, should a payload come without a response URL, with `chat.postEphemeral` in the answer's
 * thread. https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
async function tellVoter(
  app: App,
  body: VoteClick,
  respond: RespondFn | undefined,
  text: string,
): Promise<void> {
  if (respond) {
    await respond({ response_type: "ephemeral", replace_original: false, text });
    return;
  }
  const channel = body.channel?.id ?? body.container.channel_id;
  if (typeof channel !== "string") return;
  const thread = body.message?.thread_ts ?? body.message?.ts;
  await app.client.chat.postEphemeral({
    channel,
    user: body.user.id,
    text,
    ...(typeof thread === "string" ? { thread_ts: thread } : {}),
  });
}

/**
 * Listens for clicks on the vote buttons. Each is acknowledged first (Slack shows the person an
 * error after 3 seconds: https://docs.slack.dev/tools/bolt-js/concepts/acknowledge), then counted
 * (one vote per person per answer; the store keeps only a salted hash of who), then told to the
 * voter alone. A button whose answer is not on record (past the retention period, forged) takes
 * no vote and says so; a database that fails is told as such, and logged; the same request twice is counted once.
 */
export function listenForVotes(app: App, core: AdapterCore, log: Logger): void {
  // The signature check refuses a request more than five minutes old, so an hour of remembered
  // clicks covers every replay that could get through. The store alone would count a replay once
  // too, but a replayed older click would undo the voter's later change of mind.
  const seen = new RecentKeys();
  const buttons: Array<[string, boolean]> = [
    [VOTE_HELPFUL_ACTION, true],
    [VOTE_UNHELPFUL_ACTION, false],
  ];
  for (const [actionId, helpful] of buttons) {
    app.action<VoteClick>(
      { type: "block_actions", action_id: actionId },
      async ({ ack, body, action, respond }) => {
        await ack();
        const fresh = seen.add(clickKey(body));
        const message = fresh
          ? voteOn(
              core,
              { answerId: action.value ?? "", platform: "slack", voter: body.user.id, helpful },
              log,
            ).message
          : REPLAYED_VOTE;
        if (!fresh) log.info({ helpful }, "ignored a repeated vote request");
        try {
          await tellVoter(app, body, respond, message);
        } catch (error) {
          // The vote stands; only the thanks did not arrive.
          log.warn({ err: error }, "could not tell the voter their vote was counted");
        }
      },
    );
  }
}
