import type { Timers } from "../../app/digest/scheduler.ts";

interface Pending {
  at: number;
  run: () => void;
  id: number;
}

/**
 * A clock and timers that move only when a test says so: the digest schedule is tested over
 * months in milliseconds, and never depends on the machine's clock or speed.
 */
export class FakeClock implements Timers {
  #now: number;
  #pending: Pending[] = [];
  #nextId = 1;

  constructor(start: string | number) {
    this.#now = typeof start === "number" ? start : Date.parse(start);
  }

  /** The current time (ms). */
  readonly now = (): number => this.#now;

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.#nextId++;
    this.#pending.push({ at: this.#now + ms, run, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#pending = this.#pending.filter((p) => p.id !== handle);
  }

  /** When the earliest timer fires, if one is set. */
  get nextTimerAt(): number | undefined {
    return this.#pending.reduce<number | undefined>(
      (min, p) => (min === undefined || p.at < min ? p.at : min),
      undefined,
    );
  }

  /**
   * Moves the clock to `to` (ms or ISO), firing due timers in order; `settle` runs after each
   * (a scheduler's `idle()`) so the work a timer starts finishes before time moves on.
   */
  async advanceTo(
    to: string | number,
    settle: () => Promise<void> = async () => {},
  ): Promise<void> {
    const target = typeof to === "number" ? to : Date.parse(to);
    for (;;) {
      const due = this.#pending
        .filter((p) => p.at <= target)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#pending = this.#pending.filter((p) => p !== due);
      this.#now = Math.max(this.#now, due.at);
      due.run();
      await settle();
    }
    this.#now = Math.max(this.#now, target);
  }

  /** Moves the clock by `ms`; see {@link advanceTo}. */
  advance(ms: number, settle?: () => Promise<void>): Promise<void> {
    return this.advanceTo(this.#now + ms, settle);
  }
}
