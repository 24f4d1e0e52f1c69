import { staticIndexSource } from "../../../src/retrieval/indexSource.ts";
import { parseCommandArgs } from "../args.ts";
import { loadBotRuntime } from "../botRuntime.ts";
import { loadIndex } from "../corpusOption.ts";
import { type CliIO, UsageError, writeLine } from "../io.ts";

const USAGE = `paperbot digest preview [--platform text|NAME] [--corpus DIR]
       paperbot digest run [--corpus DIR]
       paperbot digest status`;

/**
 * `paperbot digest`: `preview` prints the next digest (as text, or as a platform's
 * payload); `run` tries every digest owed now once and exits, non-zero while one is still owed,
 * for cron (safe beside the running bot: each digest is claimed in the database first);
 * `status` lists subscriptions and recent digests.
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
  const { PLATFORMS } = await import("../../platforms.ts");
  const formats = ["text", ...PLATFORMS.map((p) => p.name)];
  if (!formats.includes(platform)) {
    const names = `${formats.slice(0, -1).join(", ")} or ${formats.at(-1)}`;
    throw new UsageError(`--platform is ${names}, not '${platform}'`);
  }
  if (values.platform !== undefined && action !== "preview") {
    throw new UsageError(`--platform is for 'digest preview'\nusage: ${USAGE}`);
  }
  const runtime = await loadBotRuntime(io, values.corpus ? { corpusDir: values.corpus } : {});
  if (typeof runtime === "number") return runtime;
  const { config, logger } = runtime;
  const { openDigest } = await import("../../runBot.ts");
  const { PaperbotError } = await import("../../../src/errors.ts");
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
        renderPreview(
          digest.preview(),
          PLATFORMS.find((p) => p.name === platform),
        ),
      );
      return 0;
    }
    const { printStatus, runOnce } = await import("./digestOutput.ts");
    if (action === "status") {
      printStatus(digest, io);
      return 0;
    }
    return await runOnce(digest, io);
  } finally {
    digest.store.close();
  }
}
