/**
 * Samples the event loop's delay: how late a 10 ms timer fires, again and again. `stop` counts the
 * timer still waiting too, so a block that ends just before it (a synchronous update) is seen.
 */
export function sampleDelay(everyMs = 10): { stop(): number[] } {
  const delays: number[] = [];
  let due = performance.now() + everyMs;
  const tick = (): void => {
    const now = performance.now();
    delays.push(Math.max(0, now - due));
    due = now + everyMs;
    timer = setTimeout(tick, everyMs);
  };
  let timer = setTimeout(tick, everyMs);
  return {
    stop() {
      clearTimeout(timer);
      delays.push(Math.max(0, performance.now() - due));
      return delays;
    },
  };
}
