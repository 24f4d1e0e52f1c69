/** How many threads are remembered at most; the least recently used is forgotten first. */
export const THREAD_MEMORY_SIZE = 10_000;
/** How long a quiet thread keeps its paper: two weeks, a reading group's usual cycle. */
export const THREAD_MEMORY_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Which paper each chat thread is about: kept in the process ({@link ThreadMemory}) or in the
 * database, where it outlives a restart and is shared with `paperbot digest run`.
 */
export interface ThreadPapers {
  /** The paper a thread is about, if the bot answered about one there recently. */
  paperOf(thread: string): string | undefined;
  /** Records that the bot just answered about (or posted a digest of) `paperId` in `thread`. */
  remember(thread: string, paperId: string): void;
}

interface Entry {
  paperId: string;
  at: number;
}

/**
 * Which paper each chat thread is about, so a follow-up ("what datasets did they use?") stays on
 * it. Bounded in size and age: a bot in a busy workspace must not grow without end.
 */
export class ThreadMemory implements ThreadPapers {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly size = THREAD_MEMORY_SIZE,
    private readonly ttlMs = THREAD_MEMORY_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The paper a thread is about, if the bot answered about one there recently. */
  paperOf(thread: string): string | undefined {
    const entry = this.#entries.get(thread);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.#entries.delete(thread);
      return undefined;
    }
    // A follow-up is use: move the thread to the most recently used end.
    this.#entries.delete(thread);
    this.#entries.set(thread, entry);
    return entry.paperId;
  }

  /** Records that the bot just answered about `paperId` in `thread`. */
  remember(thread: string, paperId: string): void {
    // Re-inserting moves the key to the end: Map order is then least recently used first.
    this.#entries.delete(thread);
    this.#entries.set(thread, { paperId, at: this.now() });
    if (this.#entries.size > this.size) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  /** How many threads are remembered. */
  get count(): number {
    return this.#entries.size;
  }
}
