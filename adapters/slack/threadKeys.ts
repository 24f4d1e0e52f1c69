/** The workspace every Slack channel of this bot belongs to: one bot token, one workspace. */
export const SLACK_SCOPE = "slack";

/**
 * The thread-memory key of a Slack thread: the mention handler and the digest publisher build
 * the same one, so a question under a digest stays on its paper.
 */
export function slackThreadKey(teamId: string, channelId: string, threadTs: string): string {
  return `slack:${teamId}:${channelId}:${threadTs}`;
}
