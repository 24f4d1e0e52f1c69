/**
 * The test-only echo platform passes the shared adapter contract, run by the app itself (config,
 * registry-driven runBot, the core's pipeline and outline): a new platform is one folder.
 */
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { loadConfig } from "../../../app/config.ts";
import { runBot } from "../../../app/runBot.ts";
import { staticIndexSource } from "../../../src/retrieval/indexSource.ts";
import { describeAdapterContract } from "../../adapters/contract.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";
import { testLogger } from "../../helpers/testLogger.ts";
import { EchoServer } from "./echoServer.ts";
import { echo } from "./index.ts";

describeAdapterContract("echo (a test-only platform)", async () => {
  const server = new EchoServer(`contract-${process.pid}`);
  const env = {
    ECHO_TOKEN: "echo-abcdefgh1234",
    ECHO_SERVER: server.name,
    DIGEST_ECHO_CHANNELS: "reading-group",
    DATABASE_PATH: join(tempDir("echo-db"), "paperbot.db"),
  };
  const config = loadConfig(env, {}, [echo]);
  const { logger } = await testLogger("info", [env.ECHO_TOKEN]);
  let stop: (signal: string) => void = () => {};
  const stopSignal = new Promise<string>((resolve) => {
    stop = resolve;
  });
  const exit = runBot({
    config,
    platforms: [echo],
    logger,
    source: staticIndexSource(corpusIndex()),
    console: { input: new PassThrough(), output: new PassThrough() },
    stopSignal,
  });
  // Ready once the bot has connected to the service.
  for (let tries = 0; tries < 200; tries += 1) {
    const ready = await server.command("help").then(
      () => true,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    privateReplies: true,
    command: (text) => server.command(text),
    async mention(text, thread) {
      const reply = await server.mention(text, thread);
      return { ...reply, thread: reply.thread ?? "" };
    },
    async close() {
      stop("SIGTERM");
      await exit;
    },
  };
});
