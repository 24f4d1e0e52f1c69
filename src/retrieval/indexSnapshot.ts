import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CorpusFileEntry, CorpusFiles } from "../corpus/corpusFiles.ts";
import { hashText } from "../corpus/corpusFiles.ts";
import { NameTable } from "../lookup/nameTable.ts";
import { Speller } from "../text/spelling.ts";
import type { CorpusProblem, Paper, Passage } from "../types.ts";
import { nameTermsOf, type PaperIndex } from "./buildIndex.ts";
import { codeFingerprint } from "./codeFingerprint.ts";
import { TermIndex, type TermIndexData } from "./termIndex.ts";

/** Version of the snapshot file's layout; the code fingerprint covers everything else. */
export const SNAPSHOT_FORMAT = 1;

/** A corpus file as a snapshot keeps it: its paper by id when the index has it. */
interface SavedFile {
  size: number;
  mtimeMs: number;
  hash: string;
  keyLines: Record<string, number>;
  problems: CorpusProblem[];
  /** Id of its paper in the index. */
  paperId?: string;
  /** Its paper when the index left it out (it clashes with another file's names). */
  paper?: Paper;
}

/** A term index in the header: its typed arrays are stored after it, as byte ranges. */
type SavedTermIndex = Omit<TermIndexData, "lengths" | "postings"> & {
  lengths: [number, number];
  postings: [number, number];
};

/** A paper's passages: their joined text once, and each passage's place in it. */
interface SavedPassages {
  paperId: string;
  firstId: number;
  text: string;
  spans: number[];
  figures: string[][];
}

/** The JSON header of a snapshot file. */
interface SnapshotHeader {
  format: number;
  code: string;
  corpusDir: string;
  files: Array<[string, SavedFile]>;
  papers: Paper[];
  passages: SavedPassages[];
  paperIds: Array<string | null>;
  passageSearch: SavedTermIndex;
  paperSearch: SavedTermIndex;
  speller: Array<[string, number]>;
}

/** First bytes of a snapshot file. */
const MAGIC = "PBIX";

/** An index and the corpus files it was built from, as a snapshot gives them back. */
export interface IndexState {
  /** The index. */
  index: PaperIndex;
  /** The files it was built from. */
  files: CorpusFiles;
}

/** Where the snapshot of a corpus directory is kept: one file per corpus, named by its path. */
export function snapshotPath(snapshotDir: string, corpusDir: string): string {
  return join(snapshotDir, `index-${hashText(resolve(corpusDir)).slice(0, 16)}.snapshot`);
}

/**
 * Turns an index and its files into snapshot bytes: "PBIX", the length of a JSON header, the header
 * (papers, passages, files, vocabulary), then the postings as raw 32-bit integers, which load as
 * views without parsing.
 */
export function serializeSnapshot(corpusDir: string, state: IndexState): Buffer {
  const { index, files } = state;
  const arrays: Int32Array[] = [];
  let offset = 0;
  const place = (array: Int32Array): [number, number] => {
    arrays.push(array);
    const range: [number, number] = [offset, array.length];
    offset += array.byteLength;
    return range;
  };
  const saveTerms = (terms: TermIndex): SavedTermIndex => {
    const { lengths, postings, ...rest } = terms.toData();
    return { ...rest, lengths: place(lengths), postings: place(postings) };
  };
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    code: codeFingerprint(),
    corpusDir: resolve(corpusDir),
    files: [...files].map(([file, { paper, ...entry }]) => {
      const indexed = paper && index.papers.get(paper.id) === paper;
      return [file, indexed ? { ...entry, paperId: paper.id } : { ...entry, paper }];
    }),
    papers: [...index.papers.values()],
    passages: [...index.passagesByPaper].map(([paperId, own]) => {
      const { text = "", spans = [] } = index.passageTexts.get(paperId) ?? {};
      const figures = own.map((passage) => passage.figures);
      return { paperId, firstId: own[0]?.id ?? 0, text, spans, figures };
    }),
    paperIds: index.paperIds.map((id) => id ?? null),
    passageSearch: saveTerms(index.passageSearch),
    paperSearch: saveTerms(index.paperSearch),
    speller: index.speller.entries(),
  };
  const json = Buffer.from(JSON.stringify(header));
  // The binary part starts on a 4-byte boundary so it can be viewed as Int32Array in place.
  const headerBytes = Math.ceil((8 + json.length) / 4) * 4;
  const out = Buffer.alloc(headerBytes + offset);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  let at = headerBytes;
  for (const array of arrays) {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, at);
    at += array.byteLength;
  }
  return out;
}

/**
 * `count` 32-bit integers at `byteOffset` of the binary part, copied out so that the file's
 * buffer, header text and all, can be freed once loaded.
 */
function int32Copy(binary: Buffer, [byteOffset, count]: [number, number]): Int32Array {
  if (byteOffset + count * 4 > binary.length) throw new Error("the file is truncated");
  const start = binary.byteOffset + byteOffset;
  return new Int32Array(binary.buffer.slice(start, start + count * 4));
}

/**
 * Reads snapshot bytes back into an index. Throws when they are not a whole snapshot of this
 * corpus made by this code: such a snapshot must be rebuilt, not trusted.
 */
export function deserializeSnapshot(corpusDir: string, bytes: Buffer): IndexState {
  if (bytes.length < 8 || bytes.toString("latin1", 0, 4) !== MAGIC)
    throw new Error("not a snapshot");
  const headerLength = bytes.readUInt32LE(4);
  if (8 + headerLength > bytes.length) throw new Error("the file is truncated");
  const data = JSON.parse(bytes.toString("utf8", 8, 8 + headerLength)) as Partial<SnapshotHeader>;
  if (data.format !== SNAPSHOT_FORMAT)
    throw new Error(`format ${data.format} is not ${SNAPSHOT_FORMAT}`);
  if (data.code !== codeFingerprint()) throw new Error("made by other indexing code");
  if (data.corpusDir !== resolve(corpusDir)) throw new Error(`made for ${data.corpusDir}`);
  if (!data.passageSearch || !data.paperSearch) throw new Error("an index is missing");
  const binary = bytes.subarray(Math.ceil((8 + headerLength) / 4) * 4);
  const loadTerms = ({ lengths, postings, ...rest }: SavedTermIndex): TermIndex =>
    TermIndex.fromData({
      ...rest,
      lengths: int32Copy(binary, lengths),
      postings: int32Copy(binary, postings),
    });
  const { papers = [], passages: saved = [] } = data;
  const passages: Passage[] = [];
  const passagesByPaper = new Map<string, Passage[]>();
  const passageTexts = new Map<string, { text: string; spans: number[] }>();
  for (const { paperId, firstId, text, spans, figures } of saved) {
    const own = figures.map((passageFigures, ordinal) => ({
      id: firstId + ordinal,
      paperId,
      ordinal,
      text: text.slice(spans[2 * ordinal], spans[2 * ordinal + 1]),
      figures: passageFigures,
    }));
    for (const passage of own) passages[passage.id] = passage;
    passagesByPaper.set(paperId, own);
    passageTexts.set(paperId, { text, spans });
  }
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const files: CorpusFiles = new Map();
  for (const [file, { paperId, paper, ...entry }] of data.files ?? []) {
    const restored: CorpusFileEntry = { ...entry, paper: paperId ? byId.get(paperId) : paper };
    if (paperId && !restored.paper) throw new Error(`paper '${paperId}' is missing`);
    files.set(file, restored);
  }
  const paperIds = (data.paperIds ?? []).map((id) => id ?? undefined);
  const paperNumbers = new Map<string, number>();
  paperIds.forEach((id, number) => {
    if (id !== undefined) paperNumbers.set(id, number);
  });
  const index: PaperIndex = {
    papers: byId,
    passages,
    passagesByPaper,
    passageTexts,
    passageSearch: loadTerms(data.passageSearch),
    paperSearch: loadTerms(data.paperSearch),
    paperNumbers,
    paperIds,
    names: new NameTable(papers),
    speller: Speller.fromEntries(data.speller ?? []),
    nameTerms: new Map(papers.map((paper) => [paper.id, nameTermsOf(paper)])),
    overviews: new Map(),
    sentences: new Map(),
  };
  return { index, files };
}

/** Reads the snapshot of a corpus, or says why there is none to use. */
export function readSnapshot(
  snapshotDir: string,
  corpusDir: string,
): { state: IndexState } | { missing: true } | { rejected: string } {
  let text: Buffer;
  try {
    text = readFileSync(snapshotPath(snapshotDir, corpusDir));
  } catch {
    return { missing: true };
  }
  try {
    return { state: deserializeSnapshot(corpusDir, text) };
  } catch (error) {
    return { rejected: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Writes a snapshot atomically: to a temporary file, then renamed over the old one, so a reader
 * (another process starting) never sees half a file. Throws when the directory is not writable.
 */
export function writeSnapshot(snapshotDir: string, corpusDir: string, state: IndexState): void {
  const path = snapshotPath(snapshotDir, corpusDir);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(snapshotDir, { recursive: true });
    writeFileSync(temporary, serializeSnapshot(corpusDir, state));
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
