import { describe, expect, it, vi } from "vitest";
import { keepWithinRetention } from "../../app/feedbackRetention.ts";
import { testLogger } from "../helpers/testLogger.ts";

describe("keepWithinRetention", () => {
  it("clears expired text at once and on every interval, and stops when told", async () => {
    vi.useFakeTimers();
    try {
      const { logger, lines } = await testLogger("info");
      const prune = vi.fn(() => 2);
      const stop = keepWithinRetention({ prune }, logger, 1000);
      expect(prune).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(2500);
      expect(prune).toHaveBeenCalledTimes(3);
      stop();
      vi.advanceTimersByTime(5000);
      expect(prune).toHaveBeenCalledTimes(3);
      expect(lines.join("\n")).toContain("cleared question text past its retention period");
    } finally {
      vi.useRealTimers();
    }
  });

  it("logs a failing prune and keeps going", async () => {
    const { logger, lines } = await testLogger("info");
    const stop = keepWithinRetention(
      {
        prune: () => {
          throw new Error("database is locked");
        },
      },
      logger,
    );
    stop();
    expect(lines.join("\n")).toContain("could not clear question text");
  });
});
