/**
 * A progress bar on stderr: redrawn in place on a terminal, a line per tenth when piped (so a log
 * file shows progress without a thousand carriage returns).
 */
export interface ProgressBar {
  /** Marks `done` of `total` steps done. */
  update(done: number): void;
  /** Ends the bar with a final line. */
  finish(note?: string): void;
}

const WIDTH = 30;

/** Starts a bar labelled `label` over `total` steps. */
export function progressBar(label: string, total: number, stream = process.stderr): ProgressBar {
  const started = performance.now();
  let lastTenth = -1;
  const line = (done: number): string => {
    const share = total === 0 ? 1 : done / total;
    const filled = Math.round(share * WIDTH);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `${label.padEnd(34)} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${done}/${total} ${seconds}s`;
  };
  return {
    update(done) {
      if (stream.isTTY) {
        stream.write(`\r${line(done)}`);
        return;
      }
      const tenth = Math.floor((10 * done) / Math.max(1, total));
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${line(done)}\n`);
      }
    },
    finish(note = "") {
      stream.write(`${stream.isTTY ? "\r" : ""}${line(total)}${note ? ` ${note}` : ""}\n`);
    },
  };
}
