/**
 * Who may change which Slack channels get the digest. Slack tells a slash command nothing about
 * the user's rights, so the Web API is asked: workspace admins and owners (users.info), and the
 * channel's creator (conversations.info). Needs the users:read, channels:read and groups:read
 * scopes. Slack's "channel managers" are not exposed to apps outside Enterprise Grid.
 */
import type { webApi } from "@slack/bolt";

/**
 * Whether `userId` may subscribe or unsubscribe `channelId`. A failed lookup (a missing scope)
 * throws, so the asker hears something went wrong rather than that they lack the right.
 */
export async function canManageChannel(
  client: webApi.WebClient,
  userId: string,
  channelId: string,
): Promise<boolean> {
  const { user } = await client.users.info({ user: userId });
  if (user?.is_admin || user?.is_owner || user?.is_primary_owner) return true;
  const { channel } = await client.conversations.info({ channel: channelId });
  return channel?.creator === userId;
}
