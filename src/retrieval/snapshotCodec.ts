import { resolve } from "node:path";
import type { CorpusFileEntry, CorpusFiles } from "../corpus/corpusFiles.ts";
import { NameTable } from "../lookup/nameTable.ts";
import { Speller } from "../text/spelling.ts";
import type { CorpusProblem, Paper, Passage } from "../types.ts";
import type { PaperIndex } from "./buildIndex.ts";
import { codeFingerprint } from "./codeFingerprint.ts";
import { splitPassages } from "./passages.ts";
import { TermIndex, type TermIndexData } from "./termIndex.ts";

/** Version of the snapshot file's layout; the code fingerprint covers everything else. */
export const SNAPSHOT_FORMAT = 2;

/** A whole snapshot made by another version of paperbot: expected after an upgrade, not a fault. */
export class OutdatedSnapshotError extends Error {
  override name = "OutdatedSnapshotError";
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

/** A byte range of the binary part: offset and length. */
type Range = [number, number];

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

/** A term index in the header: its typed arrays are in the binary part. */
type SavedTermIndex = Omit<TermIndexData, "lengths" | "postings" | "sizes" | "live"> & {
  lengths: Range;
  postings: Range;
  sizes: Range;
  live: Range;
};

/** A paper in the header: its summary is UTF-8 in the binary part. */
type SavedPaper = Omit<Paper, "summary"> & { summary: Range };

/** A paper's passages: its id, the id of its first passage, and how many it has. */
type SavedPassages = [paperId: string, firstId: number, count: number];

/** The JSON header of a snapshot file. */
interface SnapshotHeader {
  format: number;
  code: string;
  corpusDir: string;
  files: Array<[string, SavedFile]>;
  papers: SavedPaper[];
  passages: SavedPassages[];
  paperIds: Array<string | null>;
  passageSearch: SavedTermIndex;
  paperSearch: SavedTermIndex;
  speller: Array<[string, number]>;
}

/**
 * A piece of the binary part: bytes, or a paper whose summary's bytes are made when written (so a
 * snapshot being written holds no second copy of the summaries).
 */
export type BinaryPiece = Buffer | Paper;

/** The binary part as it is laid out: integer arrays first (4-byte aligned), then texts. */
class BinaryLayout {
  readonly pieces: BinaryPiece[] = [];
  private offset = 0;

  ints(array: Int32Array): Range {
    return this.add(
      Buffer.from(array.buffer, array.byteOffset, array.byteLength),
      array.byteLength,
    );
  }

  summary(paper: Paper): Range {
    const stored = storedSummaries.get(paper);
    return this.add(paper, stored ? stored.end - stored.start : Buffer.byteLength(paper.summary));
  }

  private add(piece: BinaryPiece, length: number): Range {
    this.pieces.push(piece);
    const range: Range = [this.offset, length];
    this.offset += length;
    return range;
  }
}

/** Where the summary of a paper read from a snapshot is: its UTF-8 bytes, copied as they are. */
const storedSummaries = new WeakMap<Paper, { bytes: Buffer; start: number; end: number }>();

/** The UTF-8 bytes of a binary piece (a view of a snapshot's bytes when it has them). */
export function pieceBytes(piece: BinaryPiece): Buffer {
  if (Buffer.isBuffer(piece)) return piece;
  const stored = storedSummaries.get(piece);
  return stored
    ? stored.bytes.subarray(stored.start, stored.end)
    : Buffer.from(piece.summary, "utf8");
}

/** Items serialized between two steps of {@link snapshotParts}. */
const ITEMS_PER_STEP = 500;

/**
 * The JSON header as it is made: UTF-8 chunks of at most {@link ITEMS_PER_STEP} list items, so
 * no step makes (and no write needs) one string of the whole header.
 */
class HeaderChunks {
  readonly chunks: Buffer[] = [];
  length = 0;

  add(json: string): void {
    const bytes = Buffer.from(json, "utf8");
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  /** Adds a list's JSON in steps: the bytes `JSON.stringify(items.map(toJson))` gives. */
  *list<T>(items: readonly T[], toJson: (item: T) => unknown): Generator<void, void> {
    let parts: string[] = [];
    let opened = false;
    const flush = (last: boolean): void => {
      const separator = !opened ? "[" : parts.length > 0 ? "," : "";
      this.add(`${separator}${parts.join(",")}${last ? "]" : ""}`);
      opened = true;
      parts = [];
    };
    for (const item of items) {
      parts.push(JSON.stringify(toJson(item)) ?? "null");
      if (parts.length === ITEMS_PER_STEP) {
        flush(false);
        yield;
      }
    }
    flush(true);
  }

  /** Adds an object's JSON in steps, its long lists with {@link list}: what `JSON.stringify` gives. */
  *object(value: object): Generator<void, void> {
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      this.add(`${first ? "{" : ","}${JSON.stringify(key)}:`);
      first = false;
      if (Array.isArray(item) && item.length > ITEMS_PER_STEP) yield* this.list(item, (x) => x);
      else this.add(JSON.stringify(item));
    }
    this.add(first ? "{}" : "}");
  }
}

/**
 * A paper as the header keeps it, its summary a range of the binary part: `{ ...paper, summary }`
 * without reading a stored summary (a spread would decode it).
 */
function savedPaper(paper: Paper, summary: Range): SavedPaper {
  const saved: Record<string, unknown> = {};
  for (const key of Object.keys(paper)) {
    saved[key] = key === "summary" ? summary : paper[key as keyof Paper];
  }
  return saved as unknown as SavedPaper;
}

/**
 * Works out a snapshot of an index and its files in steps, so a caller can spread the work over
 * many turns of the event loop (see `runInSlices`): the snapshot's bytes are its pieces' (see
 * {@link pieceBytes}) one after the other, as {@link serializeSnapshot} joins them. The index
 * must not be updated until they are written: they include views of the index's arrays.
 */
export function* snapshotParts(
  corpusDir: string,
  state: IndexState,
): Generator<void, BinaryPiece[]> {
  const { index, files } = state;
  const binary = new BinaryLayout();
  function* saveTerms(terms: TermIndex): Generator<void, SavedTermIndex> {
    const { lengths, postings, sizes, live, ...rest } = yield* terms.toDataInSteps();
    return {
      ...rest,
      lengths: binary.ints(lengths),
      postings: binary.ints(postings),
      sizes: binary.ints(sizes),
      live: binary.ints(live),
    };
  }
  const passageSearch = yield* saveTerms(index.passageSearch);
  yield;
  const paperSearch = yield* saveTerms(index.paperSearch);
  yield;
  // The header key by key, in the order of SnapshotHeader: the bytes JSON.stringify would give
  // the header as one object.
  const header = new HeaderChunks();
  header.add(`{"format":${SNAPSHOT_FORMAT}`);
  header.add(`,"code":${JSON.stringify(codeFingerprint())}`);
  header.add(`,"corpusDir":${JSON.stringify(resolve(corpusDir))}`);
  header.add(',"files":');
  yield* header.list([...files], ([file, { paper, ...entry }]): [string, SavedFile] => {
    const indexed = paper && index.papers.get(paper.id) === paper;
    return [file, indexed ? { ...entry, paperId: paper.id } : { ...entry, paper }];
  });
  header.add(',"papers":');
  yield* header.list([...index.papers.values()], (paper) =>
    savedPaper(paper, binary.summary(paper)),
  );
  header.add(',"passages":');
  yield* header.list(
    [...index.passagesByPaper],
    ([paperId, own]): SavedPassages => [paperId, own[0]?.id ?? 0, own.length],
  );
  header.add(',"paperIds":');
  yield* header.list(index.paperIds, (id) => id ?? null);
  header.add(',"passageSearch":');
  yield* header.object(passageSearch);
  header.add(',"paperSearch":');
  yield* header.object(paperSearch);
  header.add(',"speller":');
  yield* header.list(index.speller.entries(), (entry) => entry);
  header.add("}");
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, "latin1");
  prefix.writeUInt32LE(header.length, 4);
  // The binary part starts on a 4-byte boundary so its integers can be viewed in place.
  const padding = Buffer.alloc((4 - ((8 + header.length) % 4)) % 4);
  return [prefix, ...header.chunks, padding, ...binary.pieces];
}

/**
 * Turns an index and its files into snapshot bytes: "PBIX", the length of a JSON header, the
 * header (paper metadata, files, vocabulary), then a binary part with the postings as raw 32-bit
 * integers and the summaries as UTF-8. Nothing in the binary part is parsed at load: postings are
 * viewed in place, summaries decoded when read, and passages cut again from them when shown.
 */
export function serializeSnapshot(corpusDir: string, state: IndexState): Buffer {
  const steps = snapshotParts(corpusDir, state);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return Buffer.concat(step.value.map(pieceBytes));
}

/** A view of the integers in `range` of the binary part (a copy only if misaligned). */
function intsAt(binary: Buffer, [offset, length]: Range): Int32Array {
  if (offset + length > binary.length || length % 4 !== 0) throw new Error("the file is truncated");
  const start = binary.byteOffset + offset;
  if (start % 4 === 0) return new Int32Array(binary.buffer, start, length / 4);
  return new Int32Array(binary.buffer.slice(start, start + length));
}

/** Passages cut again from recently shown papers' summaries, so a card's few reads cut once. */
const recentCuts = new Map<Paper, Passage[]>();
/** Papers whose cut passages are kept. */
const RECENT_CUTS = 64;

function cutAgain(paper: Paper): Passage[] {
  let cut = recentCuts.get(paper);
  if (!cut) {
    cut = splitPassages(paper.id, paper.summary);
    if (recentCuts.size >= RECENT_CUTS) recentCuts.delete(recentCuts.keys().next().value as Paper);
    recentCuts.set(paper, cut);
  }
  return cut;
}

/**
 * A passage of a loaded snapshot: its text and figures are cut again from the paper's summary when
 * read (only shown passages are), so 112,000 passages of a 10,000-paper corpus hold no text.
 */
class StoredPassage implements Passage {
  constructor(
    readonly id: number,
    private readonly paper: Paper,
    readonly ordinal: number,
  ) {}

  get paperId(): string {
    return this.paper.id;
  }

  get text(): string {
    return cutAgain(this.paper)[this.ordinal]?.text ?? "";
  }

  get figures(): string[] {
    return cutAgain(this.paper)[this.ordinal]?.figures ?? [];
  }

  get headings(): readonly string[] | undefined {
    return cutAgain(this.paper)[this.ordinal]?.headings;
  }

  /** The passage as plain data (getters on a prototype are not serialized by themselves). */
  toJSON(): Passage {
    const { id, paperId, ordinal, text, figures, headings } = this;
    return { id, paperId, ordinal, text, figures, ...(headings ? { headings } : {}) };
  }
}

/**
 * The `summary` of a paper read from a snapshot: decoded from its UTF-8 bytes when asked for, so a
 * 10,000-paper corpus keeps its summaries compact and decodes only the few that are shown. One
 * getter shared by every paper, not a closure each: papers then share V8's hidden classes and keep
 * fast properties (a closure per paper put each in dictionary mode, about 1 KB a paper).
 */
const STORED_SUMMARY: PropertyDescriptor = {
  get(this: Paper): string {
    const stored = storedSummaries.get(this);
    return stored ? stored.bytes.toString("utf8", stored.start, stored.end) : "";
  },
  enumerable: true,
};

/**
 * Reads snapshot bytes back into an index. Throws when they are not a whole snapshot of this
 * corpus made by this code: such a snapshot must be rebuilt, not trusted.
 */
export function deserializeSnapshot(corpusDir: string, bytes: Buffer): IndexState {
  const { headerLength, binaryStart } = readPrefix(bytes);
  if (binaryStart > bytes.length) throw new Error("the file is truncated");
  return decodeSnapshot(
    corpusDir,
    bytes.toString("utf8", 8, 8 + headerLength),
    bytes.subarray(binaryStart),
  );
}

/** Where a snapshot's header ends and its binary part starts, from its first 8 bytes. */
export function readPrefix(prefix: Buffer): { headerLength: number; binaryStart: number } {
  if (prefix.length < 8 || prefix.toString("latin1", 0, 4) !== MAGIC) {
    throw new Error("not a snapshot");
  }
  const headerLength = prefix.readUInt32LE(4);
  return { headerLength, binaryStart: 8 + headerLength + ((4 - ((8 + headerLength) % 4)) % 4) };
}

/** Rebuilds an index from a snapshot's header text and binary part (see {@link deserializeSnapshot}). */
export function decodeSnapshot(corpusDir: string, header: string, binary: Buffer): IndexState {
  const data = JSON.parse(header) as Partial<SnapshotHeader>;
  if (data.format !== SNAPSHOT_FORMAT) {
    throw new OutdatedSnapshotError(`format ${data.format} is not ${SNAPSHOT_FORMAT}`);
  }
  if (data.code !== codeFingerprint())
    throw new OutdatedSnapshotError("made by other indexing code");
  if (data.corpusDir !== resolve(corpusDir)) throw new Error(`made for ${data.corpusDir}`);
  if (!data.passageSearch || !data.paperSearch) throw new Error("an index is missing");
  const loadTerms = ({ lengths, postings, sizes, live, ...rest }: SavedTermIndex): TermIndex =>
    TermIndex.fromData({
      ...rest,
      lengths: intsAt(binary, lengths),
      postings: intsAt(binary, postings),
      sizes: intsAt(binary, sizes),
      live: intsAt(binary, live),
    });
  const papers: Paper[] = (data.papers ?? []).map(({ summary: [at, length], ...paper }) => {
    if (at + length > binary.length) throw new Error("the file is truncated");
    // A fresh copy: JSON.parse's objects took the accessor only by leaving fast mode.
    const stored = Object.defineProperty({ ...paper }, "summary", STORED_SUMMARY) as Paper;
    storedSummaries.set(stored, { bytes: binary, start: at, end: at + length });
    return stored;
  });
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const passages: Passage[] = [];
  const passagePapers: number[] = [];
  const passagesByPaper = new Map<string, Passage[]>();
  for (const [paperId, firstId, count] of data.passages ?? []) {
    const paper = byId.get(paperId);
    if (!paper) throw new Error(`paper '${paperId}' is missing`);
    const own = Array.from(
      { length: count },
      (_, ordinal) => new StoredPassage(firstId + ordinal, paper, ordinal),
    );
    for (const passage of own) passages[passage.id] = passage;
    passagesByPaper.set(paperId, own);
  }
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
  for (let id = 0; id < passages.length; id++) passagePapers.push(-1);
  for (const [paperId, own] of passagesByPaper) {
    const number = paperNumbers.get(paperId) ?? -1;
    for (const passage of own) passagePapers[passage.id] = number;
  }
  const index: PaperIndex = {
    papers: byId,
    passages,
    passagePapers,
    passagesByPaper,
    passageSearch: loadTerms(data.passageSearch),
    paperSearch: loadTerms(data.paperSearch),
    paperNumbers,
    paperIds,
    names: new NameTable(papers),
    speller: Speller.fromEntries(data.speller ?? []),
    nameTerms: new Map(),
    overviews: new Map(),
    sentences: new Map(),
  };
  return { index, files };
}
