import { Worker } from "node:worker_threads";
import type { IndexWorkerData, IndexWorkerReply, IndexWorkerRequest } from "./indexWorker.ts";

/** The worker's entry point: a plain module that loads the TypeScript sources through tsx. */
export const INDEX_WORKER_SCRIPT = new URL("./indexWorker.mjs", import.meta.url);

/**
 * How long a request may wait for its answer before the worker is taken for hung and stopped: far
 * more than reading a 10,000-paper corpus from scratch takes.
 */
export const REQUEST_TIMEOUT_MS = 5 * 60_000;

/** Size of the worker's young generation (V8's new space), in MB. */
export const WORKER_YOUNG_GENERATION_MB = 4;

/** The worker stopped (crashed, or could not start): its requests will never be answered. */
export class IndexWorkerStoppedError extends Error {
  override name = "IndexWorkerStoppedError";
}

/** The main thread's handle on the index worker. */
export interface IndexWorkerClient {
  /** Asks the worker to read the corpus; resolves to what changed (or why it could not read it). */
  refresh(): Promise<IndexWorkerReply>;
  /** Stops the worker. */
  close(): Promise<void>;
}

/**
 * Starts the index worker. `onStopped` is called once if it stops by itself (an uncaught error, an
 * exit, a failure to load); every request still open then rejects with an
 * {@link IndexWorkerStoppedError}, and so does every later one.
 */
export function startIndexWorker(
  data: IndexWorkerData,
  onStopped: (error: Error) => void,
  script: URL = INDEX_WORKER_SCRIPT,
): IndexWorkerClient {
  // A small young generation: the worker's garbage is a scan's, and the default's room for it
  // would be most of the worker's memory (about 25 MB at 10,000 papers).
  const worker = new Worker(script, {
    workerData: data,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  // The worker never keeps the process alive: the bot's own servers do, and a CLI may just end.
  worker.unref();
  const open = new Map<
    number,
    { resolve: (reply: IndexWorkerReply) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  let stopped: Error | undefined;
  let closing = false;

  const stop = (error: Error): void => {
    if (stopped) return;
    stopped = new IndexWorkerStoppedError(`index worker stopped: ${error.message}`, {
      cause: error,
    });
    for (const { reject } of open.values()) reject(stopped);
    open.clear();
    if (!closing) onStopped(stopped);
  };
  worker.on("message", (reply: IndexWorkerReply) => {
    const request = open.get(reply.id);
    open.delete(reply.id);
    request?.resolve(reply);
  });
  worker.on("error", stop);
  worker.on("messageerror", stop);
  worker.on("exit", (code) => stop(new Error(`it exited with code ${code}`)));

  const ask = (type: IndexWorkerRequest["type"]): Promise<IndexWorkerReply> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<IndexWorkerReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop(new Error(`no answer to '${type}' in ${REQUEST_TIMEOUT_MS / 1000} s`));
        void worker.terminate();
      }, REQUEST_TIMEOUT_MS);
      timer.unref();
      open.set(id, {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      worker.postMessage({ type, id } satisfies IndexWorkerRequest);
    });
  };

  return {
    refresh: () => ask("refresh"),
    async close() {
      closing = true;
      await worker.terminate();
      stop(new Error("it was closed"));
    },
  };
}
