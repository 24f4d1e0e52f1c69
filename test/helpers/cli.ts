import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { runCli } from "../../app/cli/main.ts";

/** Where CLI runs in tests keep index snapshots, so tests never write into the checkout's data/. */
const SNAPSHOT_DIR = mkdtempSync(join(tmpdir(), "paperbot-cli-snapshots-"));

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with the given arguments, standard input and environment. */
export async function runPaperbot(
  args: string[],
  options: { stdin?: string | Buffer; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => {
    out += chunk;
  });
  stderr.on("data", (chunk) => {
    err += chunk;
  });
  const code = await runCli(args, {
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout,
    stderr,
    // The database too: a test never writes into the checkout's data/.
    env: {
      INDEX_SNAPSHOT_DIR: SNAPSHOT_DIR,
      DATABASE_PATH: join(SNAPSHOT_DIR, "paperbot.db"),
      ...options.env,
    },
  });
  return { code, stdout: out, stderr: err };
}
