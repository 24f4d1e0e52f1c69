/**
 * `/paper digest`, `/paper digest subscribe` and `/paper digest unsubscribe`, the same on every
 * platform: the adapters say where the command was run and who may manage that channel.
 */
import type { DigestAction } from "../src/answer/grammar.ts";
import type { Reply } from "../src/answer/reply.ts";
import type { DigestPlatform } from "../store/subscriptions.ts";
import type { AdapterCore } from "./types.ts";

/** Where a digest command was run. */
export interface DigestCommandContext {
  /** The platform (the console answers with {@link consoleDigestReply} instead). */
  platform: DigestPlatform;
  /** The channel; undefined in a direct message or a thread, where a digest cannot go. */
  channelId: string | undefined;
  /** The workspace (`slack`, `discord:<server>`), whose question counts the preview shows. */
  scope: string;
  /**
   * Whether the asker may subscribe and unsubscribe this channel: someone who manages the channel
   * or the whole workspace or server. Asked only for those two actions.
   */
  canManage(): Promise<boolean>;
}

const asker = (message: string): Reply => ({ kind: "error", audience: "asker", message });

/** Why a bot without a database cannot answer digest commands. */
const NO_DIGEST = "The digest is not set up on this bot: it needs its database.";

/** Why the terminal cannot subscribe. */
const NOT_A_CHANNEL_HERE =
  "Digests are posted to Slack and Discord channels: run `/paper digest subscribe` there.";

/** The digest preview for a channel (or, with none, the next digest anywhere), or why there is none. */
export function digestPreviewReply(
  core: AdapterCore,
  target?: { platform: DigestPlatform; channelId: string; scope: string },
): Reply {
  if (!core.digest) return asker(NO_DIGEST);
  const preview = core.digest.preview(target);
  return { kind: "digest", audience: "asker", digest: preview.digest, note: preview.note };
}

/** A digest command typed at the console: a preview, or why subscribing happens elsewhere. */
export function consoleDigestReply(core: AdapterCore, action: DigestAction): Reply {
  return action === "preview" ? digestPreviewReply(core) : asker(NOT_A_CHANNEL_HERE);
}

/** The reply to a digest command; every one of them is shown to the asker only. */
export async function digestCommandReply(
  core: AdapterCore,
  action: DigestAction,
  where: DigestCommandContext,
): Promise<Reply> {
  const { digest } = core;
  const { platform, channelId } = where;
  if (action === "preview") {
    return digestPreviewReply(
      core,
      channelId ? { platform, channelId, scope: where.scope } : undefined,
    );
  }
  if (!digest) return asker(NO_DIGEST);
  if (!channelId) {
    return asker(
      "Run `/paper digest subscribe` in the channel that should get the digest, not in a direct message or a thread.",
    );
  }
  if (!(await where.canManage())) {
    const who =
      platform === "slack"
        ? "the workspace's admins or the channel's creator"
        : "people who can manage this channel or the server";
    return asker(`Only ${who} can change which channels get the digest.`);
  }
  const message =
    action === "subscribe"
      ? digest.subscribe(platform, channelId)
      : digest.unsubscribe(platform, channelId);
  return { kind: "notice", audience: "asker", message };
}
