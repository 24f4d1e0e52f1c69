import { existsSync } from "node:fs";
import { basename } from "node:path";
import { parseFrontMatter } from "../corpus/frontMatter.ts";
import { listCorpusFiles, readCorpusFile } from "../corpus/loadCorpus.ts";
import { canonicalArxivId } from "../text/arxivId.ts";
import { doiKey } from "../text/doi.ts";
import { nameKey } from "../text/names.ts";

/** What makes a paper the same as one already in the corpus. */
export interface PaperIdentity {
  /** Its id. */
  id: string;
  /** Its title. */
  title: string;
  /** Its arXiv id, if any. */
  arxiv?: string;
  /** Its DOI, if any. */
  doi?: string;
  /** Its aliases. */
  aliases: readonly string[];
}

/** Which paper already holds one of a new paper's identifiers. */
export interface DuplicateOf {
  /** The file that has it. */
  file: string;
  /** What they share, for people: "arXiv id 1905.02249", "DOI 10.1/x", "title". */
  by: string;
}

/**
 * The identifiers the corpus's papers use (arXiv ids, DOIs, ids, and names: titles and aliases,
 * compared as the corpus compares them), each with the file that has it. New papers are added as
 * they are planned, so a batch cannot hold the same paper twice.
 */
export class CorpusIdentities {
  private readonly arxiv = new Map<string, string>();
  private readonly dois = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly ids = new Set<string>();

  /**
   * Reads the identifiers of every corpus file in `dir` (none when it does not exist yet). A file
   * that fails validation still counts with whatever identifiers it has: a broken copy of a
   * paper is still that paper.
   */
  static ofDirectory(dir: string): CorpusIdentities {
    const identities = new CorpusIdentities();
    if (!existsSync(dir)) return identities;
    for (const file of listCorpusFiles(dir)) {
      identities.ids.add(basename(file, ".md"));
      const read = readCorpusFile(file);
      if ("problem" in read) continue;
      const { fields } = parseFrontMatter(read.text);
      const str = (value: unknown) => (typeof value === "string" ? value : undefined);
      const aliases = Array.isArray(fields.aliases)
        ? fields.aliases.filter((a) => typeof a === "string")
        : [];
      identities.add(file, {
        id: str(fields.id) ?? basename(file, ".md"),
        title: str(fields.title) ?? "",
        arxiv: str(fields.arxiv),
        doi: str(fields.doi),
        aliases,
      });
    }
    return identities;
  }

  /** Records a paper's identifiers as `file`'s (a first holder keeps an identifier). */
  add(file: string, paper: PaperIdentity): void {
    const keep = (map: Map<string, string>, key: string) => {
      if (key && !map.has(key)) map.set(key, file);
    };
    this.ids.add(paper.id);
    if (paper.arxiv) keep(this.arxiv, canonicalArxivId(paper.arxiv));
    if (paper.doi) keep(this.dois, doiKey(paper.doi));
    for (const name of [paper.id, paper.title, ...paper.aliases]) keep(this.names, nameKey(name));
  }

  /** The file that already has this arXiv id, if one does. */
  withArxivId(id: string): string | undefined {
    return this.arxiv.get(canonicalArxivId(id));
  }

  /** The corpus file a new paper duplicates, and by what: arXiv id, DOI or title. */
  duplicateOf(paper: Omit<PaperIdentity, "id" | "aliases">): DuplicateOf | undefined {
    const byArxiv = paper.arxiv ? this.withArxivId(paper.arxiv) : undefined;
    if (byArxiv) return { file: byArxiv, by: `arXiv id ${canonicalArxivId(paper.arxiv ?? "")}` };
    const byDoi = paper.doi ? this.dois.get(doiKey(paper.doi)) : undefined;
    if (byDoi) return { file: byDoi, by: `DOI ${paper.doi}` };
    const byTitle = this.names.get(nameKey(paper.title));
    return byTitle ? { file: byTitle, by: "title" } : undefined;
  }

  /**
   * An id no paper has and no name of the corpus reads as (a file `<id>.md` would be free):
   * `base`, else `base-2`, `base-3`...
   */
  freeId(base: string): string {
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (!this.ids.has(id) && !this.names.has(nameKey(id))) return id;
    }
  }
}
