/** Entries sorted, or merged, in one step of {@link sortInSteps}. */
export const SORT_STEP = 4096;

/**
 * A stable sort in steps, for a caller that must not hold the thread for long: runs of `runLength`
 * entries sorted natively, then merged pairwise, yielding after each run and every `runLength`
 * merged entries. Returns a new array in the order `[...entries].sort(compare)` gives (both are
 * stable), without sorting 55,000 titles' tails in one go.
 */
export function* sortInSteps<T>(
  entries: readonly T[],
  compare: (a: T, b: T) => number,
  runLength = SORT_STEP,
): Generator<void, T[]> {
  let runs: T[][] = [];
  for (let start = 0; start < entries.length; start += runLength) {
    runs.push(entries.slice(start, start + runLength).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const left = runs[i] ?? [];
      const right = runs[i + 1];
      if (!right) {
        merged.push(left);
        continue;
      }
      const out: T[] = [];
      let l = 0;
      let r = 0;
      while (l < left.length && r < right.length) {
        // Ties go left: the earlier run holds the earlier entries, so the sort stays stable.
        if (compare(left[l] as T, right[r] as T) <= 0) out.push(left[l++] as T);
        else out.push(right[r++] as T);
        if (out.length % runLength === 0) yield;
      }
      while (l < left.length) out.push(left[l++] as T);
      while (r < right.length) out.push(right[r++] as T);
      merged.push(out);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}
