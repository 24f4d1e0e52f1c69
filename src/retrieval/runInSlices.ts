/** Time one slice of {@link runInSlices} may take before it lets other work run. */
export const SLICE_MS = 8;

/**
 * Runs a generator's steps to the end in slices of about `sliceMs`, letting the event loop run
 * (timers, I/O, requests) between slices, and resolves to what the generator returns.
 */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs = SLICE_MS): Promise<T> {
  for (;;) {
    const until = performance.now() + sliceMs;
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() >= until) break;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
