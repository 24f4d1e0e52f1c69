/**
 * `/paper digest`, `/paper digest subscribe` and `/paper digest unsubscribe`, the same on every
 * platform: the adapter says where the command was run and who may manage that channel.
 */
import type { DigestAction } from "../answer/grammar.ts";
import type { Reply } from "../answer/reply.ts";
import type { AdapterCore, DigestTarget } from "./context.ts";

/** Where a request was made, on a chat platform. */
export interface ChatPlace {
  /** The platform's name, as its `Platform` object has it. */
  platform: string;
  /** The channel; undefined in a direct message or a thread, where a digest cannot go. */
  channelId: string | undefined;
  /** The workspace (`slack`, `discord:<server>`) where answers are counted; undefined: nowhere. */
  scope: string | undefined;
  /** Who may subscribe a channel there, in words: "people who can manage this channel". */
  managers?: string;
  /**
   * Whether the asker may subscribe and unsubscribe this channel: someone who manages the channel
   * or the whole workspace or server. Asked only for those two actions (absent: no one may).
   */
  canManage?(): Promise<boolean>;
  /**
   * Whether the asker is one of the platform's corpus editors (`<PLATFORM>_CORPUS_EDITORS`), who
   * may add papers besides the people who can manage the channel.
   */
  corpusEditor?: boolean;
}

const asker = (message: string): Reply => ({ kind: "error", audience: "asker", message });

/** Why a bot without a database cannot answer digest commands. */
const NO_DIGEST = "The digest is not set up on this bot: it needs its database.";

/** The digest preview for a channel (or, with none, the next digest anywhere), or why there is none. */
export function digestPreviewReply(core: AdapterCore, target?: DigestTarget): Reply {
  if (!core.digest) return asker(NO_DIGEST);
  const preview = core.digest.preview(target);
  return { kind: "digest", audience: "asker", digest: preview.digest, note: preview.note };
}

/** A digest command away from any chat platform (the console): a preview, or where to subscribe. */
function nowhereReply(core: AdapterCore, action: DigestAction): Reply {
  if (action === "preview") return digestPreviewReply(core);
  const where = core.platformTitles?.length
    ? `${core.platformTitles.join(" and ")} channels`
    : "chat channels";
  return asker(`Digests are posted to ${where}: run \`/paper digest subscribe\` there.`);
}

/** The reply to a digest command; every one of them is shown to the asker only. */
export async function digestCommandReply(
  core: AdapterCore,
  action: DigestAction,
  place: ChatPlace | undefined,
): Promise<Reply> {
  if (!place) return nowhereReply(core, action);
  const { digest } = core;
  const { platform, channelId, scope } = place;
  if (action === "preview") {
    return digestPreviewReply(
      core,
      channelId && scope !== undefined ? { platform, channelId, scope } : undefined,
    );
  }
  if (!digest) return asker(NO_DIGEST);
  if (!channelId) {
    return asker(
      "Run `/paper digest subscribe` in the channel that should get the digest, not in a direct message or a thread.",
    );
  }
  if (!(await place.canManage?.())) {
    const who = place.managers ?? "people who manage this channel";
    return asker(`Only ${who} can change which channels get the digest.`);
  }
  const message =
    action === "subscribe"
      ? digest.subscribe(platform, channelId)
      : digest.unsubscribe(platform, channelId);
  return { kind: "notice", audience: "asker", message };
}
