import { arxivCorpusDesk } from "../../../src/pipeline/addPaper.ts";
import { openCorpusIndex } from "../../../src/retrieval/openCorpusIndex.ts";
import { parseCommandArgs } from "../args.ts";
import { loadBotRuntime } from "../botRuntime.ts";
import { snapshotDir } from "../corpusOption.ts";
import { type CliIO, UsageError } from "../io.ts";
import { terminalMark } from "../terminalMark.ts";

const USAGE = "paperbot start [--corpus DIR] [--log-format json|pretty]";

/**
 * `paperbot start` (what `npm start` runs): the chat platforms whose tokens are set, else
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
  const runtime = await loadBotRuntime(io, {
    ...(values.corpus ? { corpusDir: values.corpus } : {}),
    ...(logFormat ? { logFormat } : {}),
  });
  if (typeof runtime === "number") return runtime;
  const { config, logger } = runtime;
  const { runBot } = await import("../../runBot.ts");
  // The live index: from the snapshot when the corpus is unchanged, then following the corpus
  // directory, so an added, changed or removed summary is answered from without a restart.
  const corpus = openCorpusIndex({
    corpusDir: config.corpusDir,
    snapshotDir: snapshotDir(io.env, (message) =>
      logger.warn({ variable: "INDEX_SNAPSHOT_DIR" }, message),
    ),
    watch: true,
    logger,
  });
  const mark = terminalMark(io);
  try {
    return await runBot({
      config,
      logger,
      source: corpus,
      // `/paper add` writes to the directory the index follows, and waits for it to refresh.
      corpus: arxivCorpusDesk({
        corpusDir: config.corpusDir,
        ...config.arxiv,
        refresh: () => corpus.refresh(),
      }),
      console: { input: io.stdin, output: io.stdout, ...(mark ? { mark } : {}) },
    });
  } finally {
    await corpus.close();
  }
}
