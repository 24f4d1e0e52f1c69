import { isUtf8 } from "node:buffer";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { createError } from "../errors.ts";
import { canonicalArxivId } from "../text/arxivId.ts";
import { doiKey } from "../text/doi.ts";
import { findFigures } from "../text/figures.ts";
import { nameKey } from "../text/names.ts";
import type { Corpus, CorpusProblem, Paper } from "../types.ts";
import { parseFrontMatter } from "./frontMatter.ts";
import { withoutInlineHtml } from "./inlineHtml.ts";
import { withoutNoteFurniture } from "./noteFurniture.ts";
import { isPaperId, validatePaper } from "./validatePaper.ts";

/** What one corpus file gives when read on its own. */
export interface PaperFileReading {
  /** The paper, when the file is valid on its own. */
  paper?: Paper;
  /** Line of each front-matter key, to point cross-file problems at. */
  keyLines: Record<string, number>;
  /** Everything wrong with the file, each at a line. */
  problems: CorpusProblem[];
}

/**
 * Parses and validates one corpus file on its own (no cross-file checks). Never throws: whatever
 * goes wrong reading one file is that file's problem, so the other files keep loading.
 */
export function readPaperFile(file: string, source: string): PaperFileReading {
  try {
    return readPaperSource(file, source);
  } catch (error) {
    const why = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    return { keyLines: {}, problems: [{ file, line: 1, message: `cannot read the file: ${why}` }] };
  }
}

function readPaperSource(file: string, source: string): PaperFileReading {
  const parsed = parseFrontMatter(source);
  const { meta, problems } = validatePaper(parsed);
  const located = problems.map((p) => ({ file, ...p }));
  const misnamed = fileNameProblem(file, parsed.fields.id, parsed.keyLines.id);
  if (misnamed) located.push(misnamed);
  if (!meta || misnamed) return { keyLines: parsed.keyLines, problems: located };
  const summary = withoutNoteFurniture(withoutInlineHtml(parsed.body.trim()), meta);
  const figures = findFigures(summary).map((f) => f.url);
  return {
    paper: { ...meta, summary, file, figures },
    keyLines: parsed.keyLines,
    problems: located,
  };
}

/**
 * A file must be named after its paper's id (`<id>.md`), as the README documents: a copy under
 * another name is then the one reported, never the original, and `paper <id>` finds the file.
 */
function fileNameProblem(file: string, id: unknown, line = 1): CorpusProblem | undefined {
  // An id that is not a valid one is reported by validation already.
  if (typeof id !== "string" || !isPaperId(id)) return undefined;
  const name = basename(file);
  if (name === `${id}.md`) return undefined;
  return {
    file,
    line,
    message: `file name '${name}' does not match the id '${id}': name the file '${id}.md', or give the paper its own id`,
  };
}

/** A corpus file's text, or the problem that keeps it from being read as one. */
export type CorpusFileText =
  | { text: string; bytes: Buffer }
  | { problem: CorpusProblem; bytes?: Buffer };

/**
 * Reads a corpus file as UTF-8 text. A file that cannot be read, or is not UTF-8 (Latin-1 would
 * otherwise be served as "Caf\uFFFD"), gives a problem at the line of its first bad byte instead.
 */
export function readCorpusFile(file: string): CorpusFileText {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? ` (${String(error.code)})` : "";
    return { problem: { file, line: 1, message: `cannot read the file${code}` } };
  }
  if (isUtf8(bytes)) return { text: bytes.toString("utf8"), bytes };
  return {
    problem: {
      file,
      line: firstNonUtf8Line(bytes),
      message: "not UTF-8 text (a byte on this line is not): save the file as UTF-8",
    },
    bytes,
  };
}

/** 1-based line of the first byte that is not UTF-8; a newline byte is never part of a character. */
function firstNonUtf8Line(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    if (!isUtf8(bytes.subarray(start, end))) return line;
    if (newline < 0) break;
    line += 1;
    start = newline + 1;
  }
  return 1;
}

/** Lists the Markdown files of a corpus directory, sorted by name. */
export function listCorpusFiles(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error("not a directory");
    names = readdirSync(dir);
  } catch (cause) {
    throw createError(
      "CORPUS_NOT_FOUND",
      `corpus directory '${dir}' not found: pass --corpus DIR or set CORPUS_DIR`,
      { cause },
    );
  }
  return names
    .filter((name) => name.endsWith(".md") && !name.startsWith(".") && name !== "README.md")
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Cross-file checks: ids, arXiv ids, DOIs and names (id, title, aliases) must each belong to one
 * paper.
 * The later file of a clash is reported and left out.
 */
export function rejectClashes(
  loaded: Array<{ paper: Paper; keyLines: Record<string, number> }>,
  problems: CorpusProblem[],
): Paper[] {
  const owners = new Map<string, Paper>();
  const kept: Paper[] = [];
  for (const { paper, keyLines } of loaded) {
    const names = [
      { field: "id", key: `id:${paper.id}`, label: `id '${paper.id}'` },
      { field: "id", key: `name:${nameKey(paper.id)}`, label: `id '${paper.id}'` },
      ...(paper.arxiv
        ? [
            {
              field: "arxiv",
              key: `arxiv:${canonicalArxivId(paper.arxiv)}`,
              label: `arXiv id '${paper.arxiv}'`,
            },
          ]
        : []),
      ...(paper.doi
        ? [{ field: "doi", key: `doi:${doiKey(paper.doi)}`, label: `DOI '${paper.doi}'` }]
        : []),
      { field: "title", key: `name:${nameKey(paper.title)}`, label: `title '${paper.title}'` },
      ...paper.aliases.map((alias, i) => ({
        field: `aliases.${i}`,
        key: `name:${nameKey(alias)}`,
        label: `alias '${alias}'`,
      })),
    ];
    const clashes = new Map<string, number>();
    for (const { field, key, label } of names) {
      const owner = owners.get(key);
      if (owner && owner !== paper) {
        clashes.set(`duplicate ${label}: already used by ${owner.file}`, keyLines[field] ?? 1);
      }
    }
    if (clashes.size > 0) {
      for (const [message, line] of clashes) problems.push({ file: paper.file, line, message });
      continue;
    }
    for (const { key } of names) owners.set(key, paper);
    kept.push(paper);
  }
  return kept;
}

/**
 * Loads every `*.md` file of a corpus directory. A broken file does not stop the others: it is
 * left out and its problems are returned, each as `file:line: message`.
 */
export function loadCorpus(dir: string): Corpus {
  const problems: CorpusProblem[] = [];
  const sources: CorpusSource[] = [];
  for (const file of listCorpusFiles(dir)) {
    const read = readCorpusFile(file);
    if ("problem" in read) problems.push(read.problem);
    else sources.push({ file, source: read.text });
  }
  const checked = checkCorpusSources(sources);
  return { papers: checked.papers, problems: [...problems, ...checked.problems] };
}

/** A corpus file's path and text. */
export interface CorpusSource {
  /** Where the file is (or would be written). */
  file: string;
  /** Its text. */
  source: string;
}

/**
 * Validates corpus files given as text, each on its own and then against each other (ids and
 * names must each belong to one paper; the later file of a clash is left out).
 */
export function checkCorpusSources(sources: readonly CorpusSource[]): Corpus {
  const problems: CorpusProblem[] = [];
  const loaded: Array<{ paper: Paper; keyLines: Record<string, number> }> = [];
  for (const { file, source } of sources) {
    const { paper, keyLines, problems: fileProblems } = readPaperFile(file, source);
    problems.push(...fileProblems);
    if (paper) loaded.push({ paper, keyLines });
  }
  return { papers: rejectClashes(loaded, problems), problems };
}

/** Formats a problem the way compilers do, so editors can jump to it. */
export function formatProblem(problem: CorpusProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
