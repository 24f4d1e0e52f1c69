import { DOI_PATTERN } from "../text/doi.ts";
import type { PaperMeta } from "../types.ts";
import type { LineProblem, ParsedFile } from "./frontMatter.ts";

/** Fields every corpus file must have. */
export const PAPER_FIELDS = [
  "id",
  "title",
  "authors",
  "year",
  "venue",
  "url",
  "aliases",
  "added",
] as const satisfies readonly (keyof PaperMeta)[];

/** Fields a corpus file may have: its identifiers, and `summary: abstract` for an abstract. */
export const OPTIONAL_FIELDS = ["arxiv", "doi", "summary"] as const;

/** Front-matter keys in the order they are written. */
export const FRONT_MATTER_ORDER = [
  "id",
  "title",
  "authors",
  "year",
  "venue",
  "arxiv",
  "doi",
  "url",
  "summary",
  "aliases",
  "added",
] as const;

/** The value of `summary` that marks a summary as the paper's abstract. */
export const ABSTRACT_SUMMARY = "abstract";

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

const CHECKS: Record<(typeof FRONT_MATTER_ORDER)[number], Check> = {
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
  doi: (v) =>
    typeof v === "string" && DOI_PATTERN.test(v)
      ? null
      : "must be a DOI without prefix or URL, like 10.1016/j.neunet.2014.09.003",
  summary: (v) =>
    v === ABSTRACT_SUMMARY
      ? null
      : `must be '${ABSTRACT_SUMMARY}' (the summary is the paper's abstract), or be left out`,
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
  for (const field of OPTIONAL_FIELDS) {
    const value = parsed.fields[field];
    if (value === undefined || value === null) continue;
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
  const { arxiv, doi, summary } = parsed.fields;
  const meta = Object.fromEntries(
    PAPER_FIELDS.map((f) => [f, parsed.fields[f]]),
  ) as unknown as PaperMeta;
  // Optional fields only when present, so a paper without them has no such keys at all.
  if (typeof arxiv === "string") meta.arxiv = arxiv;
  if (typeof doi === "string") meta.doi = doi;
  if (summary === ABSTRACT_SUMMARY) meta.summarySource = ABSTRACT_SUMMARY;
  return { meta, problems };
}

/** A paper's front-matter fields in the order they are written, its optional ones only when set. */
export function frontMatterFields(meta: PaperMeta): Record<string, unknown> {
  const values: Record<string, unknown> = { ...meta, summary: meta.summarySource };
  return Object.fromEntries(
    FRONT_MATTER_ORDER.flatMap((field) =>
      values[field] === undefined ? [] : [[field, values[field]]],
    ),
  );
}
