import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatePapers, writePapers } from "../../bench/syntheticCorpus.ts";
import type { CoreLogger } from "../../src/logger.ts";
import type { PaperIndex } from "../../src/retrieval/buildIndex.ts";
import { search } from "../../src/retrieval/search.ts";
import { CORPUS_DIR, FIXTURES_DIR } from "./corpus.ts";

/** A fresh temporary directory. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `paperbot-${label}-`));
}

/** Seed of the generated papers in temporary corpora. */
export const SYNTHETIC_SEED = 7;

/**
 * A temporary corpus: the nine real papers, plus `synthetic` generated ones (the benchmark's
 * generator, seeded, so every run gets the same papers).
 */
export function tempCorpus(synthetic = 0): string {
  const dir = tempDir("corpus");
  cpSync(CORPUS_DIR, dir, { recursive: true });
  if (synthetic > 0) writePapers(generatePapers(synthetic, CORPUS_DIR, SYNTHETIC_SEED), dir);
  return dir;
}

/** The shared-eval questions: what the answers of two indexes are compared on. */
export const EVAL_QUESTIONS: string[] = readFileSync(join(FIXTURES_DIR, "questions.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { q: string }).q);

/**
 * Search responses as comparable data: lazily read texts included, passage ids left out (they are
 * positions in one index, and an updated index numbers new passages after the old).
 */
export function answersOf(index: PaperIndex, questions: readonly string[]): unknown[] {
  return questions.map((q) =>
    JSON.parse(
      JSON.stringify(search(index, q), (key, value) =>
        key === "id" && typeof value === "number" ? undefined : value,
      ),
    ),
  );
}

/** A logger that remembers what it was told. */
export function recordingLogger(): CoreLogger & { lines: string[] } {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (obj: object, msg?: string): void => {
      lines.push(`${level}: ${msg ?? ""} ${JSON.stringify(obj)}`);
    };
  return { lines, info: record("info"), warn: record("warn"), error: record("error") };
}
