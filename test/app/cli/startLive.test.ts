import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../app/cli/main.ts";
import { CORPUS_DIR } from "../../helpers/corpus.ts";
import { tempCorpus, tempDir } from "../../helpers/tempCorpus.ts";

describe("paperbot start (live corpus)", () => {
  it("answers from a summary added while it runs, without a restart", async () => {
    const corpus = tempCorpus();
    rmSync(join(corpus, "mixmatch.md"));
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let printed = "";
    stdout.on("data", (chunk) => {
      printed += chunk;
    });
    const exit = runCli(["start", "--corpus", corpus], {
      stdin,
      stdout,
      stderr: new PassThrough(),
      env: {
        INDEX_SNAPSHOT_DIR: tempDir("live-snapshots"),
        DATABASE_PATH: join(tempDir("live-db"), "paperbot.db"),
      },
    });
    const ask = async (line: string, expected: string): Promise<void> => {
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        const before = printed.length;
        stdin.write(`${line}\n`);
        while (printed.length === before) await new Promise((resolve) => setTimeout(resolve, 10));
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (printed.slice(before).includes(expected)) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`no "${expected}" after "${line}":\n${printed}`);
    };
    await ask("/paper list", "8 papers");
    copyFileSync(join(CORPUS_DIR, "mixmatch.md"), join(corpus, "mixmatch.md"));
    await ask("/paper mixmatch", "MixMatch: A Holistic Approach to Semi-Supervised Learning");
    await ask("/paper list", "9 papers");
    stdin.end();
    expect(await exit).toBe(0);
  });
});
