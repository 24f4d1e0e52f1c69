import type { PaperMeta } from "../types.ts";
import type { LineProblem, ParsedFile } from "./frontMatter.ts";

/** Fields every corpus file must have, in the order they are written. */
export const PAPER_FIELDS = [
  "id",
  "title",
  "authors",
  "year",
  "venue",
  "arxiv",
  "url",
  "aliases",
  "added",
] as const satisfies readonly (keyof PaperMeta)[];

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** New-style (2007+) and old-style arXiv identifiers, without a version suffix. */
export const ARXIV_ID_PATTERN = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a well-formed paper id: lower-case letters, digits and single hyphens. */
export function isPaperId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && DATE_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
}

type Check = (value: unknown) => string | null;

const nonEmptyString: Check = (v) =>
  typeof v === "string" && v.trim().length > 0 ? null : "must be a non-empty text";
const stringList =
  (minItems: number): Check =>
  (v) => {
    if (!Array.isArray(v)) return "must be a list";
    if (v.length < minItems) return `must list at least ${minItems}`;
    return v.every((item) => typeof item === "string" && item.trim().length > 0)
      ? null
      : "must be a list of non-empty texts";
  };

const CHECKS: Record<(typeof PAPER_FIELDS)[number], Check> = {
  id: (v) =>
    isPaperId(v) ? null : "must be lower-case letters, digits and single hyphens, like 'vq-vae-2'",
  title: nonEmptyString,
  authors: stringList(1),
  year: (v) =>
    typeof v === "number" && Number.isInteger(v) && v >= 1900 && v <= 2100
      ? null
      : "must be a year like 2019",
  venue: nonEmptyString,
  arxiv: (v) =>
    typeof v === "string" && ARXIV_ID_PATTERN.test(v)
      ? null
      : 'must be an arXiv id in quotes, like "1905.02249"',
  url: (v) =>
    typeof v === "string" && /^https?:\/\/\S+$/.test(v) ? null : "must be an http(s) URL",
  aliases: stringList(0),
  added: (v) => (isIsoDate(v) ? null : "must be a date like 2026-11-27"),
};

/**
 * Checks the fields and body of one parsed corpus file. Returns its metadata when it is valid,
 * and every problem found either way.
 */
export function validatePaper(parsed: ParsedFile): { meta?: PaperMeta; problems: LineProblem[] } {
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  const problems: LineProblem[] = [];
  for (const field of PAPER_FIELDS) {
    const value = parsed.fields[field];
    if (value === undefined || value === null) {
      problems.push({ line: 1, message: `missing field '${field}'` });
      continue;
    }
    const complaint = CHECKS[field](value);
    if (complaint)
      problems.push({ line: parsed.keyLines[field] ?? 1, message: `'${field}' ${complaint}` });
  }
  if (parsed.body.trim().length === 0) {
    problems.push({
      line: parsed.bodyLine,
      message: "empty summary: write the summary below the front matter",
    });
  }
  if (problems.length > 0) return { problems };
  return {
    meta: Object.fromEntries(
      PAPER_FIELDS.map((f) => [f, parsed.fields[f]]),
    ) as unknown as PaperMeta,
    problems,
  };
}
