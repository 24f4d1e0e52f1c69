import type { Digest } from "../../src/digest/digest.ts";
import type { DigestPublisher, PostedDigest } from "../../src/digest/publisher.ts";
import type { Outline } from "../../src/outline/outline.ts";
import type { DigestPlatform } from "../../store/subscriptions.ts";

/** One digest the fake publisher was asked to post. */
export interface FakePost {
  channelId: string;
  digest: Digest;
  nonce: string;
  /** Whether it "reached" the channel. */
  ok: boolean;
}

/** One message the fake publisher was asked to post in a digest's thread. */
export interface FakeThreadPost {
  channelId: string;
  threadId: string;
  message: Outline;
  nonce: string;
  /** Whether it "reached" the thread. */
  ok: boolean;
}

/**
 * A publisher that posts nowhere: it records each digest and can be told to fail or hang, for
 * tests of the service's claiming, retrying and isolation between channels.
 */
export class FakePublisher implements DigestPublisher {
  readonly posts: FakePost[] = [];
  /** Channels whose next posts fail, with how many failures are left. */
  readonly failures = new Map<string, number>();
  /** Channels whose posts never answer. */
  readonly hanging = new Set<string>();
  /** The messages posted in digests' threads (the open questions). */
  readonly threadPosts: FakeThreadPost[] = [];
  /** Channels whose thread posts fail, with the error each failure says. */
  readonly threadFailures = new Map<string, string>();
  /** Channels whose thread posts never answer. */
  readonly threadHanging = new Set<string>();
  #next = 1;

  constructor(readonly platform: DigestPlatform = "slack") {}

  /** Only the posts that went through. */
  get delivered(): FakePost[] {
    return this.posts.filter((p) => p.ok);
  }

  async scopeOf(): Promise<string> {
    return this.platform === "slack" ? "slack" : "discord:guild";
  }

  async post(channelId: string, digest: Digest, nonce: string): Promise<PostedDigest> {
    const failuresLeft = this.failures.get(channelId) ?? 0;
    const ok = failuresLeft === 0 && !this.hanging.has(channelId);
    this.posts.push({ channelId, digest, nonce, ok });
    if (this.hanging.has(channelId)) return new Promise(() => {});
    if (failuresLeft > 0) {
      this.failures.set(channelId, failuresLeft - 1);
      throw new Error("channel_not_found");
    }
    const messageId = `m${this.#next++}`;
    return {
      messageId,
      threadKey: `${this.platform}:thread:${channelId}:${messageId}`,
      threadId: `t-${messageId}`,
    };
  }

  async postInThread(
    channelId: string,
    threadId: string,
    message: Outline,
    nonce: string,
  ): Promise<string> {
    const failure = this.threadFailures.get(channelId);
    const failing = failure !== undefined;
    const hanging = this.threadHanging.has(channelId);
    this.threadPosts.push({ channelId, threadId, message, nonce, ok: !failing && !hanging });
    if (hanging) return new Promise(() => {});
    if (failing) throw new Error(failure);
    return `m${this.#next++}`;
  }
}
