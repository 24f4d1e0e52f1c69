import type { Outline } from "../outline/outline.ts";
import type { Digest } from "./digest.ts";

/** Longest wait for one post: a platform that hangs must not hold the digest forever. */
export const POST_TIMEOUT_MS = 30_000;

/** A digest that reached its channel. */
export interface PostedDigest {
  /** The platform's id of the message (Slack `ts`, Discord message id). */
  messageId: string;
  /**
   * The thread-memory key of the discussion thread the digest opened, so questions asked there
   * stay on the featured paper.
   */
  threadKey?: string;
  /**
   * The platform's id of the discussion thread the digest opened, what {@link
   * DigestPublisher.postInThread} takes (Slack: the digest's `ts`; Discord: the thread's channel
   * id); absent when no thread could be opened.
   */
  threadId?: string;
}

/**
 * How the digest reaches one platform; the adapters implement it with their platform's client,
 * so the core never imports one.
 */
export interface DigestPublisher {
  /** The platform's name, as its `Platform` object and the database name it. */
  readonly platform: string;
  /**
   * The workspace a channel belongs to (`slack`, `discord:<server id>`): whose question counts
   * its digest shows. Question counts are recorded under the same names.
   */
  scopeOf(channelId: string): Promise<string>;
  /**
   * Posts the digest to a channel and opens its discussion thread. `nonce` is the same for every
   * attempt of one digest: a platform that can, uses it to drop a repeated send.
   */
  post(channelId: string, digest: Digest, nonce: string): Promise<PostedDigest>;
  /**
   * Posts one message in the discussion thread a digest opened (`threadId` from {@link post}), as
   * everyone in it sees it, pinging no one; resolves with the message's id. The digest's open
   * questions go this way. `nonce` as for {@link post}. A platform without threads leaves it out,
   * and its digests get no open questions.
   */
  postInThread?(
    channelId: string,
    threadId: string,
    message: Outline,
    nonce: string,
  ): Promise<string>;
}
