// One of several threads that open fresh databases in step with each other (see
// openRace.test.ts). Plain JavaScript, so the thread can load the TypeScript store through tsx.
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { openDatabase } = await import("../../store/database.ts");
const { dir, rounds, threads, arrivals } = workerData;
const arrived = new Int32Array(arrivals);
const failures = [];
for (let round = 0; round < rounds; round += 1) {
  // A barrier per round: every thread opens the round's new file at the same moment.
  if (Atomics.add(arrived, round, 1) + 1 === threads) Atomics.notify(arrived, round);
  else
    while (Atomics.load(arrived, round) < threads)
      Atomics.wait(arrived, round, Atomics.load(arrived, round), 1000);
  try {
    openDatabase(join(dir, `${round}.db`)).close();
  } catch (error) {
    failures.push(`round ${round}: ${error.message}`);
  }
}
parentPort.postMessage(failures);
