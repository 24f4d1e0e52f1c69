/**
 * fast-check's settings for every property test: a property, with its shrinking, gets at most
 * 30 s and fails rather than running on. Shrinking a rare counterexample of a large reply took
 * ten minutes once; the seed fast-check prints reproduces it (`{ seed, path }`).
 */
import fc from "fast-check";

fc.configureGlobal({ interruptAfterTimeLimit: 30_000, markInterruptAsFailure: true });
