/**
 * The digest, end to end and platform-neutral: which digests are due, claiming them, composing
 * and posting them through the platforms' publishers, retrying failures; and what the
 * `/paper digest` commands do. The adapters and the CLI drive it; it never imports a platform.
 */
import { createHash } from "node:crypto";
import { hostname } from "node:os";
import { composeDigest } from "../../src/digest/composeDigest.ts";
import type { Digest } from "../../src/digest/digest.ts";
import { MAX_OPEN_QUESTIONS, openQuestionsOutline } from "../../src/digest/openQuestions.ts";
import {
  type DigestPublisher,
  POST_TIMEOUT_MS,
  type PostedDigest,
} from "../../src/digest/publisher.ts";
import { type CoreLogger, silentLogger } from "../../src/logger.ts";
import type { PaperIndex } from "../../src/retrieval/buildIndex.ts";
import type { IndexSource } from "../../src/retrieval/indexSource.ts";
import { type DigestKey, type DigestRecord, retryAt } from "../../store/ledger.ts";
import type { DigestStore } from "../../store/openStore.ts";
import { type DigestPlatform, isDueFor, type Subscription } from "../../store/subscriptions.ts";
import type { DigestSchedule } from "./schedule.ts";

/** What happened to one channel's digest in a run. */
export type DigestOutcome = DigestKey &
  (
    | { outcome: "posted"; attempt: number; messageId: string }
    | { outcome: "retrying"; attempt: number; reason: string; nextAttemptAt: number }
    | { outcome: "abandoned"; attempt: number; reason: string }
    | { outcome: "skipped" }
  );

/** What a digest service is made of. */
export interface DigestServiceOptions {
  store: DigestStore;
  source: IndexSource;
  schedule: DigestSchedule;
  /** The platforms this process can post to; subscriptions of others are left for another. */
  publishers: readonly DigestPublisher[];
  logger?: CoreLogger;
  /** The clock (ms); tests pass a fake one. */
  now?: () => number;
  /** Removes secrets from an error's text before it is stored or logged. */
  redact?: (text: string) => string;
  /** Longest wait for one post (default {@link POST_TIMEOUT_MS}). */
  postTimeoutMs?: number;
  /**
   * Whether each digest's thread also gets the questions the summaries could not answer since
   * the channel's last digest (`DIGEST_OPEN_QUESTIONS=on`; off by default).
   */
  openQuestions?: boolean;
}

/** A digest just posted, and what it was composed for: what its open questions are drawn from. */
interface SentDigest {
  publisher: DigestPublisher;
  posted: PostedDigest;
  /** The channel's workspace. */
  scope: string;
  /** Where "since the last digest" started (ms). */
  since: number;
  featuredId: string | undefined;
}

/** A preview of a channel's next digest, and a line saying when and where it will go. */
export interface DigestPreview {
  digest: Digest;
  note: string;
}

/** The target of a preview: the channel it was asked in. */
export interface PreviewTarget {
  platform: DigestPlatform;
  channelId: string;
  scope: string;
}

function timeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * The same string for every attempt of one digest (or of one `part` of it, such as its open
 * questions), short enough for any platform's nonce.
 */
function nonceOf(key: DigestKey, part = ""): string {
  const suffix = part ? `:${part}` : "";
  const hash = createHash("sha256").update(
    `${key.platform}:${key.channelId}:${key.period}${suffix}`,
  );
  return hash.digest("base64url").slice(0, 25);
}

/** See the file comment. */
export class DigestService {
  readonly store: DigestStore;
  readonly schedule: DigestSchedule;
  readonly #source: IndexSource;
  readonly #publishers: Map<DigestPlatform, DigestPublisher>;
  readonly #log: CoreLogger;
  readonly #now: () => number;
  readonly #redact: (text: string) => string;
  readonly #postTimeoutMs: number;
  readonly #openQuestions: boolean;
  /** Who claims digests: shown in the ledger, so two processes' claims can be told apart. */
  readonly #owner = `${hostname()}:${process.pid}`;
  /** The index the reading queue was last synced with. */
  #syncedIndex: PaperIndex | undefined;

  constructor(options: DigestServiceOptions) {
    this.store = options.store;
    this.schedule = options.schedule;
    this.#source = options.source;
    this.#publishers = new Map(options.publishers.map((p) => [p.platform, p]));
    this.#log = options.logger ?? silentLogger;
    this.#now = options.now ?? Date.now;
    this.#redact = options.redact ?? ((text) => text);
    this.#postTimeoutMs = options.postTimeoutMs ?? POST_TIMEOUT_MS;
    this.#openQuestions = options.openQuestions ?? false;
  }

  /**
   * Adds papers new to the corpus to the reading queue, oldest `added` date first. Done once per
   * index: a live corpus swaps in a new index object when a file changes.
   */
  syncQueue(): string[] {
    const index = this.#source.current();
    if (index === this.#syncedIndex) return [];
    this.#syncedIndex = index;
    const papers = [...index.papers.values()].sort(
      (a, b) => a.added.localeCompare(b.added) || a.id.localeCompare(b.id),
    );
    return this.store.queue.sync(papers.map((p) => p.id));
  }

  /**
   * Posts every digest due now, each channel on its own (one failing or slow channel never
   * holds up another), and resolves with what happened to each.
   */
  async runDue(): Promise<DigestOutcome[]> {
    const period = this.schedule.periodAt(this.#now());
    if (!period) return [];
    this.syncQueue();
    const due = this.#dueIn(period);
    return Promise.all(due.map((s) => this.#postOne(s.platform, s.channelId, period)));
  }

  /**
   * Where the digest of the current period stands for every channel this process posts to: its
   * ledger record, none when it was never tried. What `paperbot digest run` reports and exits on.
   */
  standing(): { period: Date; channels: { key: DigestKey; record?: DigestRecord }[] } | undefined {
    const period = this.schedule.periodAt(this.#now());
    if (!period) return undefined;
    const channels = this.#dueIn(period).map((s) => {
      const key: DigestKey = {
        platform: s.platform,
        channelId: s.channelId,
        period: period.toISOString(),
      };
      const record = this.store.ledger.get(key);
      return record ? { key, record } : { key };
    });
    return { period, channels };
  }

  /** The subscriptions this process posts the digest of `period` to. */
  #dueIn(period: Date): Subscription[] {
    return this.store.subscriptions
      .list()
      .filter((s) => this.#publishers.has(s.platform) && isDueFor(s, period));
  }

  /**
   * When this service next retries a failed digest of the current period, if it will. Only the
   * channels {@link runDue} posts to count: a failed digest of a channel unsubscribed since, or
   * of a platform this process has no connection to, is never retried here, and waiting on its
   * past retry time would wake at once, again and again (the scheduler spinning for the rest of
   * the period, `paperbot digest run` never exiting).
   */
  nextRetryAt(): number | undefined {
    const period = this.schedule.periodAt(this.#now());
    if (!period) return undefined;
    const times = this.#dueIn(period).flatMap((s) => {
      const key = { platform: s.platform, channelId: s.channelId, period: period.toISOString() };
      const record = this.store.ledger.get(key);
      return record?.status === "failed" && record.nextAttemptAt !== null
        ? [record.nextAttemptAt]
        : [];
    });
    return times.length > 0 ? Math.min(...times) : undefined;
  }

  /** When this service next has something to do: the next period, or a retry due sooner. */
  nextWakeAt(): number | undefined {
    const next = this.schedule.nextAfter(this.#now())?.getTime();
    const times = [next, this.nextRetryAt()].filter((t): t is number => t !== undefined);
    return times.length > 0 ? Math.min(...times) : undefined;
  }

  async #postOne(
    platform: DigestPlatform,
    channelId: string,
    period: Date,
  ): Promise<DigestOutcome> {
    const key: DigestKey = { platform, channelId, period: period.toISOString() };
    const { ledger, queue } = this.store;
    const attempt = ledger.claim(key, this.#owner, this.#now());
    if (attempt === undefined) return { ...key, outcome: "skipped" };
    const log = { platform, channel: channelId, period: key.period, attempt };
    let sent: SentDigest;
    try {
      const publisher = this.#publishers.get(platform);
      if (!publisher) throw new Error(`no ${platform} connection in this process`);
      const index = this.#source.current();
      const featuredId = queue.pickFor(key.period, new Set(index.papers.keys()));
      ledger.setPaper(key, featuredId ?? null);
      const scope = await timeout(publisher.scopeOf(channelId), this.#postTimeoutMs);
      const since = this.#since(period, key);
      const digest = composeDigest(index, this.store, {
        period,
        dateLabel: this.schedule.dateLabel(period),
        featuredId,
        since,
        scope,
      });
      const posted = await timeout(
        publisher.post(channelId, digest, nonceOf(key)),
        this.#postTimeoutMs,
      );
      ledger.posted(key, posted.messageId, this.#now());
      if (posted.threadKey && featuredId) this.store.threads.remember(posted.threadKey, featuredId);
      this.#log.info(
        { ...log, paper: featuredId, messageId: posted.messageId },
        "posted the digest",
      );
      sent = { publisher, posted, scope, since, featuredId };
    } catch (error) {
      const reason = this.#redact((error as Error)?.message ?? String(error));
      const nextAttemptAt = retryAt(attempt, this.#now());
      ledger.failed(key, reason, nextAttemptAt);
      if (nextAttemptAt === undefined) {
        this.#log.error({ ...log, reason }, "posting the digest failed; giving up for this period");
        return { ...key, outcome: "abandoned", attempt, reason };
      }
      const retryIn = Math.round((nextAttemptAt - this.#now()) / 1000);
      this.#log.warn(
        { ...log, reason, retryInSeconds: retryIn },
        "posting the digest failed; will retry",
      );
      return { ...key, outcome: "retrying", attempt, reason, nextAttemptAt };
    }
    // Outside the digest's try: whatever happens to its open questions, the digest stays posted.
    await this.#postOpenQuestions(key, sent, log);
    return { ...key, outcome: "posted", attempt, messageId: sent.posted.messageId };
  }

  /**
   * Posts a just-posted digest's open questions in its thread (with `DIGEST_OPEN_QUESTIONS=on`):
   * up to three questions asked in the channel's workspace since its last digest that the
   * summaries could not answer, about the featured paper or about no paper in particular, most
   * asked first. Nothing when there are none. Claimed in the ledger first, so they go out at most
   * once per digest. Never throws: a failure is logged and recorded, and not retried, since the
   * digest stands without them and a retry after a lost answer could post them twice.
   */
  async #postOpenQuestions(
    key: DigestKey,
    sent: SentDigest,
    log: Record<string, unknown>,
  ): Promise<void> {
    const { publisher, posted } = sent;
    if (!this.#openQuestions || !publisher.postInThread) return;
    if (!posted.threadId) {
      this.#log.warn(log, "the digest opened no thread, so its open questions are not posted");
      return;
    }
    let count = 0;
    try {
      const { ledger, feedback } = this.store;
      if (!ledger.claimOpenQuestions(key)) return;
      const questions = feedback.openQuestions(
        sent.scope,
        sent.since,
        sent.featuredId,
        MAX_OPEN_QUESTIONS,
      );
      const message = openQuestionsOutline(questions);
      if (!message) {
        ledger.settleOpenQuestions(key, "none", 0);
        this.#log.info(log, "no open questions since the last digest: none posted");
        return;
      }
      count = message.blocks.reduce((n, b) => n + (b.type === "list" ? b.items.length : 0), 0);
      const messageId = await timeout(
        publisher.postInThread(key.channelId, posted.threadId, message, nonceOf(key, "open")),
        this.#postTimeoutMs,
      );
      ledger.settleOpenQuestions(key, "posted", count);
      this.#log.info(
        { ...log, questions: count, messageId },
        "posted the open questions in the digest's thread",
      );
    } catch (error) {
      const reason = this.#redact((error as Error)?.message ?? String(error));
      try {
        this.store.ledger.settleOpenQuestions(key, "failed", count, reason);
      } catch {
        // The database failing as well: the log line below is the only record.
      }
      this.#log.warn(
        { ...log, reason },
        "posting the digest's open questions failed; the digest is posted, they are not retried",
      );
    }
  }

  /**
   * Where "since the last digest" starts: the channel's last post, else (or with no channel) the
   * start of the period before.
   */
  #since(period: Date, channel?: { platform: DigestPlatform; channelId: string }): number {
    const last = channel && this.store.ledger.lastPostedAt(channel.platform, channel.channelId);
    return last ?? this.schedule.periodBefore(period)?.getTime() ?? 0;
  }

  /**
   * The digest a channel gets next (or, with no channel, the next digest anywhere), composed
   * without claiming or choosing anything.
   */
  preview(target?: PreviewTarget): DigestPreview {
    this.syncQueue();
    const now = this.#now();
    const index = this.#source.current();
    const subscription = target && this.store.subscriptions.get(target.platform, target.channelId);
    const current = this.schedule.periodAt(now);
    // A subscribed channel whose digest for this period has not gone out yet gets that one next.
    const pending =
      subscription &&
      current &&
      isDueFor(subscription, current) &&
      this.store.ledger.get({ ...target, period: current.toISOString() })?.status !== "posted";
    const period = pending ? current : (this.schedule.nextAfter(now) ?? current ?? new Date(now));
    const iso = period.toISOString();
    const present = new Set(index.papers.keys());
    const chosen = this.store.queue.featuredFor(iso);
    const featuredId = chosen && present.has(chosen) ? chosen : this.store.queue.peek(present);
    const digest = composeDigest(index, this.store, {
      period,
      dateLabel: this.schedule.dateLabel(period),
      featuredId,
      since: this.#since(period, target),
      scope: target?.scope,
    });
    const note = pending
      ? `Preview, only you can see it: this channel's digest of ${this.schedule.dateLabel(period)} is due and goes out shortly.`
      : this.#previewNote(target, subscription !== undefined, period);
    return { digest, note };
  }

  #previewNote(target: PreviewTarget | undefined, subscribed: boolean, period: Date): string {
    const when = this.schedule.whenLabel(period);
    if (!target) return `Preview of the next digest, due ${when}.`;
    if (subscribed) return `Preview, only you can see it: this channel gets it ${when}.`;
    return `Preview, only you can see it. This channel is not subscribed: \`/paper digest subscribe\` posts the digest here, next ${when}.`;
  }

  /** `/paper digest subscribe` in a channel (permission already checked): what to tell the asker. */
  subscribe(platform: DigestPlatform, channelId: string): string {
    const added = this.store.subscriptions.subscribe(platform, channelId);
    const next = this.schedule.nextAfter(this.#now());
    const when = next
      ? `the next is ${this.schedule.whenLabel(next)}`
      : "but the schedule has no next date";
    return added
      ? `Subscribed: this channel gets the reading-group digest; ${when}. \`/paper digest\` previews it.`
      : `This channel already gets the digest; ${when}.`;
  }

  /** `/paper digest unsubscribe` in a channel (permission already checked). */
  unsubscribe(platform: DigestPlatform, channelId: string): string {
    switch (this.store.subscriptions.unsubscribe(platform, channelId)) {
      case "removed":
        return "Unsubscribed: this channel gets no more digests.";
      case "configured":
        return `This channel gets the digest through the bot's configuration (DIGEST_${platform.toUpperCase()}_CHANNELS); whoever runs the bot can remove it there.`;
      case "absent":
        return "This channel is not subscribed to the digest.";
    }
  }
}
