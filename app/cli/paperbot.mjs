#!/usr/bin/env node
// The `paperbot` command. It runs the TypeScript sources through tsx, so that `npx paperbot`
// works right after `npm ci`, with no build step and no stale build to forget.
import { config } from "dotenv";
import { register } from "tsx/esm/api";

// Settings from ./.env when there is one; variables already set in the environment win.
// quiet: dotenv would otherwise announce itself on stdout, into `search --json` output.
config({ quiet: true });
register();
const { runCli } = await import("./main.ts");
process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
