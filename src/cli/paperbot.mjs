#!/usr/bin/env node
// The `paperbot` command. It runs the TypeScript sources through tsx, so that `npx paperbot`
// works right after `npm ci`, with no build step and no stale build to forget.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("./main.ts");
process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
