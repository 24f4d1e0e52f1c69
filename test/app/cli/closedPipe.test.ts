/**
 * A reader that goes away: `paperbot search --json | head -1` (#14: an unhandled EPIPE crashed
 * the CLI with a stack trace and left the database's -wal and -shm files behind).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../app/cli/main.ts";
import { CORPUS_DIR } from "../../helpers/corpus.ts";
import { tempDir } from "../../helpers/tempCorpus.ts";

const BIN = fileURLToPath(new URL("../../../app/cli/paperbot.mjs", import.meta.url));

/** Standard output whose reader takes one line and closes the pipe, as `head -1` does. */
function headOne(): Writable & { lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      if (lines.length > 0) {
        callback(Object.assign(new Error("write EPIPE"), { code: "EPIPE", syscall: "write" }));
        return;
      }
      lines.push(String(chunk));
      callback();
    },
  });
  return Object.assign(stream, { lines });
}

/** Runs the real command with its standard output closed by the reader after `keep` bytes. */
function runClosingAfter(args: string[], stdin: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  child.stdout.once("data", () => child.stdout.destroy());
  child.stdin.on("error", () => {});
  child.stdin.end(stdin);
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stderr })),
  );
}

describe("a closed output pipe", () => {
  it("ends search quietly, with no more lines read and exit 0", async () => {
    const stdout = headOne();
    const stderr = new PassThrough();
    let err = "";
    stderr.on("data", (chunk) => {
      err += chunk;
    });
    let read = 0;
    const stdin = Readable.from(
      (function* () {
        for (; read < 500; read += 1) yield "what is BEAR?\n";
      })(),
    );
    const code = await runCli(["search", "--json"], {
      stdin,
      stdout,
      stderr,
      env: { CORPUS_DIR, INDEX_SNAPSHOT_DIR: "off" },
    });
    expect(code).toBe(0);
    expect(stdout.lines).toHaveLength(1);
    expect(err).toBe("");
    // It stopped reading: no one is left to answer.
    expect(read).toBeLessThan(50);
  });

  it("ends the real command quietly and closes the database (no -wal or -shm left)", async () => {
    const dir = tempDir("closed-pipe");
    const env = {
      CORPUS_DIR,
      INDEX_SNAPSHOT_DIR: "off",
      DATABASE_PATH: join(dir, "paperbot.db"),
      DIGEST_CRON: "0 9 * * 1",
    };
    // Both at once: each is a whole process start.
    const [search, status] = await Promise.all([
      runClosingAfter(["search", "--json"], "what is BEAR?\n".repeat(20_000), env),
      runClosingAfter(["digest", "status"], "", env),
    ]);
    expect(search).toEqual({ code: 0, stderr: "" });
    expect(status).toEqual({ code: 0, stderr: "" });
    expect(existsSync(join(dir, "paperbot.db"))).toBe(true);
    expect(readdirSync(dir).filter((name) => /-(wal|shm)$/.test(name))).toEqual([]);
  }, 30_000);
});
