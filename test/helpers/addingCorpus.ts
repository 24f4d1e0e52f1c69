/**
 * A corpus that `/paper add` can write to: a temporary copy of the nine papers, its live index
 * (re-indexed in this thread, not watched: the desk's refresh is what brings a new file in), and
 * a corpus desk that asks a local arXiv stand-in, never the network.
 */
import { readdirSync } from "node:fs";
import { arxivCorpusDesk } from "../../src/pipeline/addPaper.ts";
import type { CorpusDesk } from "../../src/pipeline/context.ts";
import { type CorpusIndex, openCorpusIndex } from "../../src/retrieval/openCorpusIndex.ts";
import { type ArxivStandIn, type ArxivStandInMode, startArxivStandIn } from "./arxivStandIn.ts";
import { tempCorpus } from "./tempCorpus.ts";

/** The date every paper added in these tests carries. */
export const ADDED_ON = "2026-12-07";

/** A corpus open for adding, with the stand-in it imports from. */
export interface AddingCorpus {
  dir: string;
  index: CorpusIndex;
  desk: CorpusDesk;
  standIn: ArxivStandIn;
  /** Every file name in the corpus directory, hidden ones too: nothing half-written may be left. */
  files(): string[];
  close(): Promise<void>;
}

/** Opens a fresh corpus (the nine papers plus `synthetic` generated ones) and a stand-in. */
export async function openAddingCorpus(
  options: { mode?: ArxivStandInMode; timeoutMs?: number; synthetic?: number } = {},
): Promise<AddingCorpus> {
  const standIn = await startArxivStandIn(options.mode);
  const dir = tempCorpus(options.synthetic ?? 0);
  const index = openCorpusIndex({ corpusDir: dir, snapshotDir: null });
  const desk = arxivCorpusDesk({
    corpusDir: dir,
    apiUrl: standIn.url,
    timeoutMs: options.timeoutMs ?? 5000,
    // arXiv's pacing (one request every 3 s) is the client's own test's business: not waited here.
    sleep: async () => {},
    today: () => ADDED_ON,
    refresh: () => index.refresh(),
  });
  return {
    dir,
    index,
    desk,
    standIn,
    files: () => readdirSync(dir).sort(),
    async close() {
      await index.close();
      await standIn.close();
    },
  };
}
