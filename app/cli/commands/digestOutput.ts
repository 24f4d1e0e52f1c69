/** What `paperbot digest` prints, and what `digest run` reports. */
import { hostname } from "node:os";
import { POST_TIMEOUT_MS } from "../../../src/digest/publisher.ts";
import { digestToPlainText } from "../../../src/outline/plainText.ts";
import type { DigestKey, DigestRecord } from "../../../store/ledger.ts";
import type { AnyPlatform } from "../../config.ts";
import type { DigestOutcome, DigestPreview, DigestService } from "../../digest/digestService.ts";
import { type CliIO, writeLine } from "../io.ts";

/** A preview as text, or as the JSON payload a platform would be sent. */
export function renderPreview(preview: DigestPreview, platform?: AnyPlatform): string {
  if (platform) return JSON.stringify(platform.digest.render(preview.digest), null, 2);
  return `${preview.note}\n\n${digestToPlainText(preview.digest)}`;
}

function describeOutcome(o: DigestOutcome): string {
  const where = `${o.platform} ${o.channelId}`;
  switch (o.outcome) {
    case "posted":
      return `posted    ${where} (message ${o.messageId})`;
    case "retrying":
      return `failed    ${where}: ${o.reason} (attempt ${o.attempt}; the next run or the bot retries from ${new Date(o.nextAttemptAt).toISOString()})`;
    case "abandoned":
      return `gave up   ${where}: ${o.reason} (after ${o.attempt} attempts)`;
    case "skipped":
      return `skipped   ${where} (already posted or being posted)`;
  }
}

/** Whether a claim's owner (`host:pid`) is a process of this machine that no longer runs. */
function ownerIsGone(owner: string): boolean {
  const at = owner.lastIndexOf(":");
  const pid = Number(owner.slice(at + 1));
  if (owner.slice(0, at) !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** A line for a digest this run did not try: why, and who will. */
function describeUntried(key: DigestKey, record: DigestRecord): string | undefined {
  const where = `${key.platform} ${key.channelId}`;
  switch (record.status) {
    case "posted":
      return undefined;
    case "sending": {
      const since = new Date(record.claimedAt).toISOString();
      const gone = ownerIsGone(record.claimedBy) ? " (no longer running)" : "";
      return `sending   ${where}: claimed at ${since} by ${record.claimedBy}${gone}, never finished. If that process was stopped mid-post, the digest may or may not be in the channel: look there; it is not sent again this period`;
    }
    case "failed":
      return `failed    ${where}: ${record.lastError ?? "unknown reason"} (attempt ${record.attempts}; the next run or the bot retries from ${new Date(record.nextAttemptAt ?? 0).toISOString()})`;
    case "abandoned":
      return `gave up   ${where}: ${record.lastError ?? "unknown reason"} (after ${record.attempts} attempts)`;
  }
}

/** The clock `digest run` reads and waits on: the machine's, or a test's fake one. */
export interface RunClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: RunClock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * How long a claim can be in `sending` while its process still posts: the channel's scope and
 * the post, each bounded by the post timeout. A claim older than that was left by a process
 * that stopped.
 */
export const LIVE_CLAIM_MS = 2 * POST_TIMEOUT_MS + 5_000;

/**
 * The standing after waiting for digests another live process is posting right now (a second
 * cron host, the bot): they end posted or failed within {@link LIVE_CLAIM_MS}, and are not owed
 * until then. A claim that old, or of a process of this machine that is gone, is not waited on.
 */
async function settleClaims(digest: DigestService, clock: RunClock) {
  for (;;) {
    const standing = digest.standing();
    const live = standing?.channels.filter(
      ({ record }) =>
        record?.status === "sending" &&
        clock.now() - record.claimedAt < LIVE_CLAIM_MS &&
        !ownerIsGone(record.claimedBy),
    );
    if (!live || live.length === 0) return standing;
    await clock.sleep(250);
  }
}

/**
 * `paperbot digest run`, made for cron: tries each digest of the current period that is owed
 * and due once, reports every channel's standing, and exits. 0 when every channel has this
 * period's digest; 1 while one is still owed (failed, waiting for its retry, given up, or left
 * `sending` by a process that stopped), for cron to report. Retries are left to the next run
 * or to the running bot: the ledger's backoff decides when. A digest another process is posting
 * at this moment is waited for (see {@link settleClaims}).
 */
export async function runOnce(
  digest: DigestService,
  io: CliIO,
  clock: RunClock = REAL_CLOCK,
): Promise<number> {
  const before = digest.standing();
  if (!before) {
    writeLine(io.stdout, "No digest is due: the schedule has not started yet.");
    return 0;
  }
  let posted = 0;
  const reported = new Set<string>();
  for (const outcome of await digest.runDue()) {
    if (outcome.outcome === "skipped") continue;
    if (outcome.outcome === "posted") posted += 1;
    reported.add(`${outcome.platform}:${outcome.channelId}`);
    writeLine(io.stdout, describeOutcome(outcome));
  }
  const after = (await settleClaims(digest, clock)) ?? before;
  let owed = 0;
  for (const { key, record } of after.channels) {
    if (record?.status === "posted") continue;
    owed += 1;
    if (reported.has(`${key.platform}:${key.channelId}`)) continue;
    const line = record
      ? describeUntried(key, record)
      : `not sent  ${key.platform} ${key.channelId}: not tried yet`;
    if (line) writeLine(io.stdout, line);
  }
  if (after.channels.length === 0) {
    writeLine(
      io.stdout,
      "No channel is subscribed to the digest on the platforms configured here.",
    );
  }
  const label = digest.schedule.dateLabel(after.period);
  writeLine(io.stdout, `Digest of ${label}: ${posted} posted now, ${owed} not posted.`);
  return owed > 0 ? 1 : 0;
}

/** What became of a digest's open questions (DIGEST_OPEN_QUESTIONS=on), or "" when never tried. */
function describeOpenQuestions(record: DigestRecord): string {
  const count = record.openQuestionsCount ?? 0;
  const questions = `${count} open question${count === 1 ? "" : "s"}`;
  switch (record.openQuestions) {
    case null:
      return "";
    case "none":
      return "; no open questions to post";
    case "sending":
      return "; open questions being posted, or left unfinished by a process that stopped (never sent again)";
    case "posted":
      return `; ${questions} posted in its thread`;
    case "failed":
      return `; ${questions} not posted: ${record.openQuestionsError ?? "unknown reason"}`;
  }
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
      `  ${r.period} ${r.platform} ${r.channelId} ${r.status} (attempts ${r.attempts}, paper ${r.paperId ?? "none"})${error}${describeOpenQuestions(r)}`,
    );
  }
}
