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
}
