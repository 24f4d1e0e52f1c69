/**
 * `/paper add ID|URL` (#17), the same on every platform: who may add, the import through the
 * corpus desk, and the new paper's card once the live index answers about it. Every refusal is
 * one line to the asker alone, and nothing is written for it.
 */
import { basename } from "node:path";
import type { Reply } from "../answer/reply.ts";
import { paperCardReply } from "../answer/respond.ts";
import { PaperbotError } from "../errors.ts";
import type { RefusedPaper } from "../import/addPapers.ts";
import type { ArxivClientOptions } from "../import/arxivClient.ts";
import type { Paper } from "../types.ts";
import type { AdapterCore, CorpusDesk } from "./context.ts";
import type { ChatPlace } from "./digestCommands.ts";

/**
 * How long the reply waits for the live index to answer about a new paper. A refresh re-indexes
 * only the changed file (well under a second at 10,000 papers); this bounds a stuck one.
 */
export const INDEX_WAIT_MS = 10_000;

/** How to write an arXiv id or link, in every line that asks for one. */
const EXAMPLE = "`/paper add 1706.03762` or `/paper add https://arxiv.org/abs/1706.03762`";

const NOTHING_ADDED = "Nothing was added.";

const asker = (message: string): Reply => ({ kind: "error", audience: "asker", message });

/** What the asker is told about a paper the import refused, by its refusal code. */
export function refusalLine(refused: RefusedPaper): string {
  switch (refused.reason) {
    case "not-arxiv":
      return `That is not an arXiv id or link: give one like ${EXAMPLE}. ${NOTHING_ADDED}`;
    case "unknown":
      return `arXiv has no paper by that id: check it and try again. ${NOTHING_ADDED}`;
    case "withdrawn":
      return `arXiv lists that paper as withdrawn. ${NOTHING_ADDED}`;
    case "duplicate":
      return `Another import added that paper a moment ago: try again to see its card. ${NOTHING_ADDED}`;
    case "incomplete":
    case "invalid":
      return `arXiv's record of that paper lacks what a summary needs (${refused.message}). ${NOTHING_ADDED}`;
  }
}

/** What the asker is told when arXiv cannot be asked: `SOURCE_UNAVAILABLE`, `SOURCE_MALFORMED`. */
function sourceLine(error: PaperbotError): string | undefined {
  if (error.code === "SOURCE_UNAVAILABLE") {
    return `arXiv did not answer in time: try again in a few minutes. ${NOTHING_ADDED}`;
  }
  if (error.code === "SOURCE_MALFORMED") {
    return `arXiv answered with something that is not a paper record: try again later. ${NOTHING_ADDED}`;
  }
  return undefined;
}

/**
 * The paper `match` picks in the index that answers now; if it has none yet, after the index has
 * read the corpus directory (waiting at most {@link INDEX_WAIT_MS}).
 */
async function indexedPaper(
  core: AdapterCore,
  desk: CorpusDesk,
  match: (paper: Paper) => boolean,
): Promise<Paper | undefined> {
  const find = () => [...core.source.current().papers.values()].find(match);
  const found = find();
  if (found) return found;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, INDEX_WAIT_MS);
  });
  try {
    await Promise.race([desk.refresh(), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return find();
}

/** A paper's card over the line that says it was added, or was there already. */
function addedReply(core: AdapterCore, paper: Paper, already: boolean): Reply {
  return {
    kind: "added",
    audience: "channel",
    card: paperCardReply(core.source.current(), paper),
    already,
  };
}

/**
 * The reply to `/paper add SOURCE`. Where a place is given (a chat platform), the asker must manage
 * the channel or be a corpus editor; without one (the console, the operator's terminal) anyone may.
 * `acknowledge` is called once the request is accepted, before arXiv is asked.
 */
export async function addPaperReply(
  core: AdapterCore,
  source: string,
  place: ChatPlace | undefined,
  acknowledge?: () => Promise<void>,
): Promise<Reply> {
  const desk = core.corpus;
  if (!desk) {
    return asker(
      "Adding papers is not set up on this bot: an operator can run `paperbot import arxiv ID`.",
    );
  }
  if (!source) return asker(`Give the paper's arXiv id or link: ${EXAMPLE}.`);
  if (place && !(place.corpusEditor || (await place.canManage?.()))) {
    const who = place.managers ?? "people who manage this channel";
    return asker(
      `Sorry, only ${who}, or the group's corpus editors, can add papers: ask one of them to add it.`,
    );
  }
  await acknowledge?.();
  let report: Awaited<ReturnType<CorpusDesk["importArxiv"]>>;
  try {
    report = await desk.importArxiv(source);
  } catch (error) {
    const line = error instanceof PaperbotError ? sourceLine(error) : undefined;
    if (line) return asker(line);
    throw error;
  }
  const [added] = report.added;
  if (added) {
    const paper = await indexedPaper(core, desk, (p) => p.id === added.meta.id);
    if (paper) return addedReply(core, paper, false);
    return {
      kind: "notice",
      audience: "channel",
      message: `Added ${added.meta.title} as ${basename(added.file)}; it will be in answers in a moment.`,
    };
  }
  const [refused] = report.refused;
  if (!refused) throw new Error("importArxiv reported neither an added nor a refused paper");
  const { file } = refused;
  if (refused.reason === "duplicate" && file) {
    const name = basename(file);
    const paper = await indexedPaper(core, desk, (p) => basename(p.file) === name);
    if (paper) return addedReply(core, paper, true);
    return asker(
      `We have this paper already in ${name}, but that file is not answered from (\`paperbot check\` says why). ${NOTHING_ADDED}`,
    );
  }
  return asker(refusalLine(refused));
}

/** What {@link arxivCorpusDesk} writes to and asks. */
export interface ArxivCorpusDeskOptions extends ArxivClientOptions {
  /** The corpus directory (`CORPUS_DIR`) the live index follows. */
  corpusDir: string;
  /** Brings the live index up to date with the directory (the corpus index's `refresh`). */
  refresh(): Promise<void>;
  /** Today's date, `YYYY-MM-DD`, for the `added` field (default: today in UTC). */
  today?: () => string;
}

/** The corpus desk over a corpus directory: imports from arXiv with the CLI's own import. */
export function arxivCorpusDesk(options: ArxivCorpusDeskOptions): CorpusDesk {
  const { corpusDir, refresh, today, ...client } = options;
  return {
    async importArxiv(source) {
      // Loaded when first used: the feed's XML parser is for adding papers only.
      const { importArxiv } = await import("../import/importArxiv.ts");
      return importArxiv([source], {
        ...client,
        corpusDir,
        added: today?.() ?? new Date().toISOString().slice(0, 10),
      });
    },
    refresh,
  };
}
