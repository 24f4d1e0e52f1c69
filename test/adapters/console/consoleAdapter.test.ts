import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createConsoleAdapter } from "../../../adapters/console/consoleAdapter.ts";
import { createLogger, memoryDestination } from "../../../app/logger.ts";
import { ThreadMemory } from "../../../src/answer/threadMemory.ts";
import { staticIndexSource } from "../../../src/retrieval/indexSource.ts";
import { corpusIndex } from "../../helpers/corpus.ts";
import { type ContractHarness, describeAdapterContract, type SeenReply } from "../contract.ts";

/** Drives the console adapter through a pipe, one line at a time. */
async function startConsoleHarness(): Promise<ContractHarness> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk) => {
    printed += chunk;
  });
  const { stream } = memoryDestination();
  const logger = await createLogger({
    level: "warn",
    format: "json",
    secrets: [],
    destination: stream,
  });
  const adapter = createConsoleAdapter({
    core: { source: staticIndexSource(corpusIndex()), memory: new ThreadMemory() },
    config: { input, output },
    logger,
  });
  await adapter.start();
  const send = async (line: string): Promise<SeenReply> => {
    const before = printed.length;
    input.write(`${line}\n`);
    while (printed.length === before) await new Promise((resolve) => setTimeout(resolve, 5));
    const text = printed.slice(before);
    const images = [...text.matchAll(/(?:Key figure|Figure): (\S+)/g)].map((m) => m[1] ?? "");
    return { text, images, private: false };
  };
  return {
    privateReplies: false,
    command: (text) => send(`/paper ${text}`),
    // The console session is one conversation: every line is in the same thread.
    mention: async (text) => ({ ...(await send(`@paperbot ${text}`)), thread: "console" }),
    async close() {
      input.end();
      await adapter.stop();
    },
  };
}

describeAdapterContract("console", startConsoleHarness);

describe("leaving the console", () => {
  it("ends the session on /quit or exit, after answering what came before", async () => {
    for (const leave of ["/quit", "exit", "/EXIT"]) {
      const input = new PassThrough();
      const output = new PassThrough();
      let printed = "";
      output.on("data", (chunk) => {
        printed += chunk;
      });
      const adapter = createConsoleAdapter({
        core: { source: staticIndexSource(corpusIndex()), memory: new ThreadMemory() },
        config: { input, output },
        logger: await createLogger({
          level: "warn",
          format: "json",
          secrets: [],
          destination: memoryDestination().stream,
        }),
      });
      await adapter.start();
      input.write(`/paper bear\n${leave}\nhow does kubernetes autoscale pods?\n`);
      await adapter.done;
      expect(printed, leave).toContain("Bootstrapping Error Reduction");
      // Nothing after it is answered: the question would have been declined in print.
      expect(printed, leave).not.toMatch(/doesn't cover|not covered|Nearest papers/);
    }
  });
});
