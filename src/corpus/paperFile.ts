import { stringify } from "yaml";
import type { PaperMeta } from "../types.ts";
import { frontMatterFields } from "./validatePaper.ts";

/** Writes a paper as a corpus file: YAML front matter in the documented field order, then the summary. */
export function formatPaperFile(meta: PaperMeta, summary: string): string {
  const ordered = frontMatterFields(meta);
  // lineWidth 0: never fold long titles across lines, so a diff shows one changed line.
  const yaml = stringify(ordered, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${summary.trim()}\n`;
}
