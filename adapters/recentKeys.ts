/**
 * A bounded set of recently seen keys. Platforms deliver an event again when they think it was
 * lost (Slack retries after 3 seconds): a key seen before means the event is already handled.
 */
export class RecentKeys {
  readonly #seen = new Map<string, number>();

  constructor(
    private readonly size = 10_000,
    /** Slack retries for about 5 minutes; an hour is ample. */
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records `key`; returns false when it was already seen (within the time to live). */
  add(key: string): boolean {
    const at = this.#seen.get(key);
    const now = this.now();
    if (at !== undefined && now - at <= this.ttlMs) return false;
    this.#seen.delete(key);
    this.#seen.set(key, now);
    if (this.#seen.size > this.size) {
      const oldest = this.#seen.keys().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
    return true;
  }
}
