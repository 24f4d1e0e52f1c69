import { staticIndexSource } from "../../retrieval/indexSource.ts";
import { parseCommandArgs } from "../args.ts";
import { loadBotRuntime } from "../botRuntime.ts";
import { loadIndex } from "../corpusOption.ts";
import { type CliIO, UsageError, writeLine } from "../io.ts";

const USAGE = `paperbot digest preview [--platform text|slack|discord] [--corpus DIR]
       paperbot digest run [--corpus DIR]
       paperbot digest status`;

/** How long `digest run` stays to retry a failed post before leaving it to the next run. */
export const RUN_RETRY_WINDOW_MS = 5 * 60 * 1000;

const PLATFORMS = ["text", "slack", "discord"] as const;

/**
 * `paperbot digest`: `preview` prints the next digest (as text, or as the Slack or Discord
 * payload); `run` posts every digest due now and exits, for cron-style deployments (safe beside
 * the running bot: each digest is claimed in the database first); `status` lists subscriptions
 * and recent digests.
 */
export async function digestCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { platform: { type: "string" }, corpus: { type: "string" } },
    USAGE,
  );
  const [action, ...rest] = positionals;
  if (!action || !["preview", "run", "status"].includes(action) || rest.length > 0) {
    throw new UsageError(`usage: ${USAGE}`);
  }
  const platform = values.platform ?? "text";
  if (!(PLATFORMS as readonly string[]).includes(platform)) {
    throw new UsageError(`--platform is text, slack or discord, not '${platform}'`);
  }
  if (values.platform !== undefined && action !== "preview") {
    throw new UsageError(`--platform is for 'digest preview'\nusage: ${USAGE}`);
  }
  const runtime = await loadBotRuntime(io, values.corpus ? { corpusDir: values.corpus } : {});
  if (typeof runtime === "number") return runtime;
  const { config, logger } = runtime;
  const { openDigest } = await import("../../../adapters/runBot.ts");
  const { PaperbotError } = await import("../../errors.ts");
  const source = staticIndexSource(loadIndex(config.corpusDir, io));
  let digest: Awaited<ReturnType<typeof openDigest>>;
  try {
    digest = openDigest(config, logger, source);
  } catch (error) {
    if (!(error instanceof PaperbotError)) throw error;
    writeLine(io.stderr, error.message);
    return 1;
  }
  try {
    if (action === "preview") {
      const { renderPreview } = await import("./digestOutput.ts");
      writeLine(
        io.stdout,
        await renderPreview(digest.preview(), platform as (typeof PLATFORMS)[number]),
      );
      return 0;
    }
    const { printStatus, runUntilSettled } = await import("./digestOutput.ts");
    if (action === "status") {
      printStatus(digest, io);
      return 0;
    }
    return await runUntilSettled(digest, io, RUN_RETRY_WINDOW_MS);
  } finally {
    digest.store.close();
  }
}
