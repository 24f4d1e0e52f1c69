import { type Document, isAlias, isMap, isSeq, LineCounter, parseDocument, visit } from "yaml";

/** A problem in a corpus file, at a 1-based line. */
export interface LineProblem {
  /** 1-based line number. */
  line: number;
  /** What is wrong. */
  message: string;
}

/** A corpus file split into its parsed front matter and its body. */
export interface ParsedFile {
  /** The front matter fields (empty when the front matter is broken). */
  fields: Record<string, unknown>;
  /** 1-based line of each top-level key, and of each list item as `key.index`, to point problems at. */
  keyLines: Record<string, number>;
  /** The Markdown body after the closing `---`. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** Problems with the front matter itself (syntax, not content). */
  problems: LineProblem[];
}

const FENCE = /^---\s*$/;

/** Splits a Markdown file into YAML front matter and body, with line numbers for every problem. */
export function parseFrontMatter(source: string): ParsedFile {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  const empty = { fields: {}, keyLines: {}, body: "", bodyLine: 1 };
  if (!FENCE.test(lines[0] ?? "")) {
    return {
      ...empty,
      problems: [
        { line: 1, message: "missing front matter: the file must start with a '---' line" },
      ],
    };
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) {
    return {
      ...empty,
      problems: [{ line: 1, message: "front matter is not closed by a '---' line" }],
    };
  }
  const body = lines.slice(close + 1).join("\n");
  // A file that ends on its closing `---` has no body line: point at the fence's own line.
  const bodyLine = Math.min(close + 2, lines.length);
  const lineCounter = new LineCounter();
  const doc = parseDocument(lines.slice(1, close).join("\n"), {
    lineCounter,
    uniqueKeys: true,
    // Its warnings (a key that is a list, say) would go to the process's stderr; a corpus file's
    // trouble is reported as problems, and an odd extra key does no harm.
    logLevel: "error",
  });
  const problems: LineProblem[] = doc.errors.map((error) => ({
    // +1: the YAML starts on the file's second line.
    line: (error.linePos?.[0].line ?? 1) + 1,
    // The YAML library's own "at line N" counts from the front matter; ours counts in the file.
    message: `bad front matter: ${(error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}`,
  }));
  if (problems.length > 0) return { fields: {}, keyLines: {}, body, bodyLine, problems };
  if (!isMap(doc.contents)) {
    return {
      fields: {},
      keyLines: {},
      body,
      bodyLine,
      problems: [{ line: 2, message: "front matter must be a list of 'key: value' fields" }],
    };
  }
  const keyLines: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (key && typeof key.value === "string" && key.range) {
      keyLines[key.value] = lineCounter.linePos(key.range[0]).line + 1;
      if (isSeq(pair.value)) {
        pair.value.items.forEach((item, i) => {
          const range = (item as { range?: [number, number, number] }).range;
          if (range) keyLines[`${key.value}.${i}`] = lineCounter.linePos(range[0]).line + 1;
        });
      }
    }
  }
  let fields: Record<string, unknown>;
  try {
    fields = doc.toJS() as Record<string, unknown>;
  } catch (error) {
    // The YAML library refuses to expand an alias bomb (nested `&a` / `*a`), throwing where it
    // gives up: that is this file's problem, never the caller's.
    const line = firstAliasLine(doc, lineCounter) ?? 2;
    const why = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    const message = /alias/i.test(why)
      ? "bad front matter: its aliases (*name) expand to too much; write the values out"
      : `bad front matter: ${why}`;
    return { fields: {}, keyLines: {}, body, bodyLine, problems: [{ line, message }] };
  }
  return { fields, keyLines, body, bodyLine, problems };
}

/** 1-based file line of the first alias (`*name`) of the front matter, if it has one. */
function firstAliasLine(doc: Document, lineCounter: LineCounter): number | undefined {
  let line: number | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node) && node.range) {
      line = lineCounter.linePos(node.range[0]).line + 1;
      return visit.BREAK;
    }
    return undefined;
  });
  return line;
}
