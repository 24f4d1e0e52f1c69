import type { Paper } from "../types.ts";

/** A paper named inside a question, and where. */
export interface Mention {
  /** The paper named. */
  paper: Paper;
  /** How it was named. */
  by: "name" | "arxiv" | "doi" | "author";
  /** For `name`: the paper's name as the corpus writes it (the question may have misspelled it). */
  canonical?: string;
  /** Offset of the first naming character in the question. */
  start: number;
  /** Offset just past the naming words. */
  end: number;
}
