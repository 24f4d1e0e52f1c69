// The index worker's entry point. It loads the TypeScript sources through tsx, as
// app/cli/paperbot.mjs does, so the worker runs the same way whether the bot was started by
// `node app/cli/paperbot.mjs`, by tsx or by vitest (a worker does not inherit the loader hooks
// its parent registered with tsx's API).
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { serveIndexWorker } = await import("./indexWorker.ts");
if (parentPort) serveIndexWorker(parentPort, workerData);
