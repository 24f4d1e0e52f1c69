import type { StateDatabase } from "./database.ts";

/**
 * The chat platform a channel is on: a registered platform's name, kept as plain text so that a
 * new platform needs no schema change.
 */
export type DigestPlatform = string;

/** A channel that gets the digest. */
export interface Subscription {
  platform: DigestPlatform;
  channelId: string;
  /** `config`: listed in `DIGEST_*_CHANNELS`; `command`: `/paper digest subscribe`. */
  source: "config" | "command";
  /** When it subscribed (ms); 0 for configured channels. */
  subscribedAt: number;
}

interface Row {
  platform: DigestPlatform;
  channel_id: string;
  source: "config" | "command";
  subscribed_at: number;
}

const fromRow = (row: Row): Subscription => ({
  platform: row.platform,
  channelId: row.channel_id,
  source: row.source,
  subscribedAt: row.subscribed_at,
});

/** What `/paper digest unsubscribe` found. */
export type UnsubscribeResult = "removed" | "configured" | "absent";

/**
 * The channels that get the digest: those the configuration lists and those subscribed by
 * command. A configured channel is due from the current period on; a channel subscribed by
 * command from the next one, so subscribing on a Wednesday does not post last Monday's digest.
 */
export class Subscriptions {
  readonly #db: StateDatabase;
  readonly #now: () => number;

  constructor(db: StateDatabase, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  /** Makes the configured channels of `platform` exactly `channelIds`. */
  syncConfigured(platform: DigestPlatform, channelIds: readonly string[]): void {
    const run = this.#db.transaction(() => {
      this.#db
        .prepare<[string]>("DELETE FROM subscriptions WHERE platform = ? AND source = 'config'")
        .run(platform);
      const upsert = this.#db.prepare<[string, string]>(
        `INSERT INTO subscriptions (platform, channel_id, source, subscribed_at)
         VALUES (?, ?, 'config', 0)
         ON CONFLICT (platform, channel_id) DO UPDATE SET source = 'config', subscribed_at = 0`,
      );
      for (const id of new Set(channelIds)) upsert.run(platform, id);
    });
    run.immediate();
  }

  /** Subscribes a channel by command; false when it already gets the digest. */
  subscribe(platform: DigestPlatform, channelId: string): boolean {
    const result = this.#db
      .prepare<[string, string, number]>(
        `INSERT INTO subscriptions (platform, channel_id, source, subscribed_at)
         VALUES (?, ?, 'command', ?) ON CONFLICT (platform, channel_id) DO NOTHING`,
      )
      .run(platform, channelId, this.#now());
    return result.changes === 1;
  }

  /** Unsubscribes a channel subscribed by command; a configured one stays (the config rules). */
  unsubscribe(platform: DigestPlatform, channelId: string): UnsubscribeResult {
    const current = this.get(platform, channelId);
    if (!current) return "absent";
    if (current.source === "config") return "configured";
    this.#db
      .prepare<[string, string]>("DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?")
      .run(platform, channelId);
    return "removed";
  }

  /** One channel's subscription, if it has one. */
  get(platform: DigestPlatform, channelId: string): Subscription | undefined {
    const row = this.#db
      .prepare<[string, string], Row>(
        "SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?",
      )
      .get(platform, channelId);
    return row ? fromRow(row) : undefined;
  }

  /** Every subscription, configured ones first. */
  list(): Subscription[] {
    return this.#db
      .prepare<[], Row>("SELECT * FROM subscriptions ORDER BY source DESC, platform, channel_id")
      .all()
      .map(fromRow);
  }
}

/** Whether a subscription gets the digest of the period starting at `period`. */
export function isDueFor(subscription: Subscription, period: Date): boolean {
  return subscription.source === "config" || subscription.subscribedAt <= period.getTime();
}
