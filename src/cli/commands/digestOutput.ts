/** What `paperbot digest` prints, and the retry loop of `digest run`. */
import type { DigestOutcome, DigestPreview, DigestService } from "../../digest/digestService.ts";
import { digestToPlainText } from "../../digest/renderDigestText.ts";
import { type CliIO, writeLine } from "../io.ts";

/** A preview as text, or as the JSON payload the platform would be sent. */
export async function renderPreview(
  preview: DigestPreview,
  platform: "text" | "slack" | "discord",
): Promise<string> {
  if (platform === "slack") {
    const { toSlackDigest } = await import("../../../adapters/slack/renderDigest.ts");
    return JSON.stringify(toSlackDigest(preview.digest), null, 2);
  }
  if (platform === "discord") {
    const { toDiscordDigest } = await import("../../../adapters/discord/renderDigest.ts");
    return JSON.stringify(toDiscordDigest(preview.digest), null, 2);
  }
  return `${preview.note}\n\n${digestToPlainText(preview.digest)}`;
}

function describeOutcome(o: DigestOutcome): string {
  const where = `${o.platform} ${o.channelId}`;
  switch (o.outcome) {
    case "posted":
      return `posted    ${where} (message ${o.messageId})`;
    case "retrying":
      return `failed    ${where}: ${o.reason} (attempt ${o.attempt}; retry at ${new Date(o.nextAttemptAt).toISOString()})`;
    case "abandoned":
      return `gave up   ${where}: ${o.reason} (after ${o.attempt} attempts)`;
    case "skipped":
      return `skipped   ${where} (already posted or being posted)`;
  }
}

/** The time `digest run` reads and waits on: the machine's, or a test's fake clock. */
export interface RunClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: RunClock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Posts what is due, then stays to retry failures whose backoff ends within `windowMs`; exits 1
 * when a digest is still not posted (the next run, or the bot, retries it). `clock` must be the
 * one the service runs on, so a test can let a 30 s backoff pass at once.
 */
export async function runUntilSettled(
  digest: DigestService,
  io: CliIO,
  windowMs: number,
  clock: RunClock = REAL_CLOCK,
): Promise<number> {
  const period = digest.schedule.periodAt(clock.now());
  if (!period) {
    writeLine(io.stdout, "No digest is due: the schedule has not started yet.");
    return 0;
  }
  const deadline = clock.now() + windowMs;
  const last = new Map<string, DigestOutcome>();
  for (;;) {
    for (const outcome of await digest.runDue()) {
      const key = `${outcome.platform}:${outcome.channelId}`;
      // A retry that was not due yet is "skipped" in this round; keep its failure on record.
      if (outcome.outcome !== "skipped" || !last.has(key)) last.set(key, outcome);
      if (outcome.outcome !== "skipped") writeLine(io.stdout, describeOutcome(outcome));
    }
    const retry = digest.nextRetryAt();
    if (retry === undefined || retry > deadline) break;
    await clock.sleep(Math.max(0, retry - clock.now()));
  }
  const outcomes = [...last.values()];
  if (outcomes.length === 0) {
    writeLine(
      io.stdout,
      "No channel is subscribed to the digest on the platforms configured here.",
    );
  }
  const unposted = outcomes.filter((o) => o.outcome === "retrying" || o.outcome === "abandoned");
  const label = digest.schedule.dateLabel(period);
  const posted = outcomes.filter((o) => o.outcome === "posted").length;
  writeLine(io.stdout, `Digest of ${label}: ${posted} posted now, ${unposted.length} not posted.`);
  return unposted.length > 0 ? 1 : 0;
}

/** Subscriptions, and the most recent digests with their state. */
export function printStatus(digest: DigestService, io: CliIO): void {
  const subscriptions = digest.store.subscriptions.list();
  writeLine(io.stdout, `Subscribed channels (${subscriptions.length}):`);
  for (const s of subscriptions)
    writeLine(
      io.stdout,
      `  ${s.platform} ${s.channelId} (${s.source === "config" ? "configuration" : "command"})`,
    );
  const next = digest.schedule.nextAfter(Date.now());
  if (next) writeLine(io.stdout, `Next digest: ${digest.schedule.whenLabel(next)}`);
  const recent = digest.store.ledger.recent(20);
  writeLine(io.stdout, `Recent digests (${recent.length}):`);
  for (const r of recent) {
    const error = r.lastError ? `: ${r.lastError}` : "";
    writeLine(
      io.stdout,
      `  ${r.period} ${r.platform} ${r.channelId} ${r.status} (attempts ${r.attempts}, paper ${r.paperId ?? "none"})${error}`,
    );
  }
}
