import { openCorpusIndex } from "../../retrieval/openCorpusIndex.ts";
import { parseCommandArgs } from "../args.ts";
import { snapshotDir } from "../corpusOption.ts";
import { type CliIO, UsageError, writeLine } from "../io.ts";
import { terminalMark } from "../terminalMark.ts";

const USAGE = "paperbot start [--corpus DIR] [--log-format json|pretty]";

/**
 * `paperbot start` (what `npm start` runs): the Slack and Discord bots whose tokens are set, else
 * a console session that answers questions and `/paper` commands typed at the prompt or piped in.
 */
export async function startCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { corpus: { type: "string" }, "log-format": { type: "string" } },
    USAGE,
  );
  const logFormat = values["log-format"];
  if (logFormat !== undefined && logFormat !== "json" && logFormat !== "pretty") {
    throw new UsageError(`--log-format is json or pretty\nusage: ${USAGE}`);
  }
  // The chat runtime (Bolt, pino) loads only here, so the other commands start fast.
  const { ConfigError, loadConfig, secretsOf } = await import("../../../adapters/config.ts");
  const { createLogger } = await import("../../../adapters/logger.ts");
  const { runBot } = await import("../../../adapters/runBot.ts");
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(io.env, {
      ...(values.corpus ? { corpusDir: values.corpus } : {}),
      ...(logFormat ? { logFormat } : {}),
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeLine(io.stderr, error.message);
    return 2;
  }
  const logger = await createLogger({
    level: config.logLevel,
    format: config.logFormat,
    secrets: secretsOf(config),
    destination: io.stderr,
  });
  // The live index: from the snapshot when the corpus is unchanged, then following the corpus
  // directory, so an added, changed or removed summary is answered from without a restart.
  const corpus = openCorpusIndex({
    corpusDir: config.corpusDir,
    snapshotDir: snapshotDir(io.env),
    watch: true,
    logger,
  });
  const mark = terminalMark(io);
  try {
    return await runBot({
      config,
      logger,
      source: corpus,
      console: { input: io.stdin, output: io.stdout, ...(mark ? { mark } : {}) },
    });
  } finally {
    await corpus.close();
  }
}
