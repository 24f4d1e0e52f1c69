/**
 * The contract every chat adapter passes (console, Slack, and Discord in its own issue): the same
 * requests, the same answers, whatever the platform. Each adapter's test supplies a harness that
 * drives the real adapter and reads back what a person would see.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** What a person sees of one reply. */
export interface SeenReply {
  /** All visible text, flattened. */
  text: string;
  /** Image URLs shown. */
  images: string[];
  /** True when only the asker sees the reply. */
  private: boolean;
}

/** Drives one adapter as a person on its platform would. */
export interface ContractHarness {
  /** Sends `/paper TEXT` and returns the reply. */
  command(text: string): Promise<SeenReply>;
  /** Mentions the bot with `text`, in `thread` or a new one; returns the reply and its thread. */
  mention(text: string, thread?: string): Promise<SeenReply & { thread: string }>;
  /** Whether the platform can show a reply to the asker only (the console cannot). */
  readonly privateReplies: boolean;
  close(): Promise<void>;
}

const BEAR = "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction";
const MIXMATCH = "MixMatch: A Holistic Approach to Semi-Supervised Learning";

/** Registers the contract cases for one adapter. */
export function describeAdapterContract(name: string, start: () => Promise<ContractHarness>): void {
  describe(`adapter contract: ${name}`, () => {
    let harness: ContractHarness;
    beforeAll(async () => {
      harness = await start();
    });
    afterAll(async () => {
      await harness.close();
    });

    it("answers /paper mixmatch with the card: title, arXiv link, figure", async () => {
      const reply = await harness.command("mixmatch");
      expect(reply.text).toContain(MIXMATCH);
      expect(reply.text).toContain("https://arxiv.org/abs/1905.02249");
      expect(reply.images[0]).toMatch(/^https:\/\/i\.imgur\.com\//);
      expect(reply.private).toBe(false);
    });

    it("answers a mentioned question citing the paper, with the passage's figure", async () => {
      const reply = await harness.mention("how does BEAR avoid out-of-distribution actions?");
      expect(reply.text).toContain(BEAR);
      expect(reply.images).toHaveLength(1);
    });

    it("answers /paper in no thread: a command never inherits a conversation's paper", async () => {
      await harness.mention("what is MixMatch?");
      // Asked in the MixMatch thread this would be "not covered"; as a command it finds SmoothAdv.
      const reply = await harness.command("how are smoothed classifiers attacked?");
      expect(reply.text).toContain("Provably Robust Deep Learning via Adversarially Trained");
    });

    it("keeps a follow-up in the thread on its paper", async () => {
      const first = await harness.mention("what is MixMatch?");
      const followUp = await harness.mention("how do they sharpen the labels?", first.thread);
      expect(followUp.text).toContain(MIXMATCH);
    });

    it("says when the summaries do not cover a question", async () => {
      const reply = await harness.mention("what is the airspeed velocity of an unladen swallow?");
      expect(reply.text).toMatch(/couldn't find that|doesn't cover that/);
    });

    it("shows help, to the asker only where the platform allows", async () => {
      const reply = await harness.command("help");
      expect(reply.text).toContain("/paper list");
      expect(reply.private).toBe(harness.privateReplies);
    });

    it("tells the asker alone that no paper has that name, with the nearest (#14)", async () => {
      const reply = await harness.command("fixmatch");
      expect(reply.text).toContain(MIXMATCH);
      expect(reply.private).toBe(harness.privateReplies);
    });

    it("turns down an over-long question politely and keeps answering", async () => {
      const reply = await harness.command(`why ${"so ".repeat(600)}long?`);
      expect(reply.text).toMatch(/please ask in at most/);
      expect(reply.private).toBe(harness.privateReplies);
      expect((await harness.command("bear")).text).toContain(BEAR);
    });

    it("pings nobody, whatever the question contains", async () => {
      const reply = await harness.mention("@everyone @here <!channel> <!here> zebra grooming?");
      expect(reply.text).not.toMatch(/<!(channel|here|everyone)>/);
      expect(reply.text).not.toMatch(/@(everyone|here|channel)\b/);
    });
  });
}
