import { processTerm, tokenize } from "../text/terms.ts";

/**
 * BM25 parameters, as MiniSearch uses them (k1, b, and BM25+'s lower bound d), so rankings are
 * the ones paperbot was tuned with.
 */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** Terms listed between two steps of {@link TermIndex.toDataInSteps}. */
const TERMS_PER_STEP = 2000;
/** Postings entries copied between two steps of {@link TermIndex.toDataInSteps}. */
const ENTRIES_PER_STEP = 200_000;

/** Notes in `groups` the best score of each group among `count` scored documents. */
function noteGroupBest(
  docs: Int32Array,
  scores: Float64Array,
  count: number,
  groups: GroupBest,
): void {
  const { of, best, matched } = groups;
  for (let i = 0; i < count; i++) {
    const group = of[docs[i] as number] ?? -1;
    if (group < 0) continue;
    const score = scores[i] as number;
    const before = best[group] as number;
    if (before === 0) matched.push(group);
    if (score > before) best[group] = score;
  }
}

/** Document numbers must fit in 23 bits, beside 8 bits of term count, in a positive 32-bit entry. */
const MAX_DOCUMENTS = 2 ** 23;

/** One matching document of a query, in the shape the retriever reads (MiniSearch's). */
export interface TermHit {
  /** The document's number. */
  id: number;
  /** BM25 summed over query terms and fields, times the number of query terms matched. */
  score: number;
  /** Query terms the document matched. */
  terms: string[];
  /** For each matched term, the fields it was found in. */
  match: Record<string, string[]>;
}

/**
 * The documents a query matched, with their scores, in no particular order. `docs` and `scores`
 * are views of the index's scratch space: read them before the index's next query.
 */
export interface QueryScores {
  /** Matching document numbers. */
  docs: Int32Array;
  /** Score of each, aligned with `docs`. */
  scores: Float64Array;
  /** The query's terms, distinct, for {@link TermIndex.hit}. */
  terms: readonly string[];
}

/**
 * Per-group best scores a query fills in as it scores (a paper's best passage, say), sparing the
 * caller a pass over every matching document.
 */
export interface GroupBest {
  /** The group of each document number; negative for none. */
  of: ArrayLike<number>;
  /** Best score per group, all 0 before the query. */
  best: Float64Array;
  /** Groups in the order they first matched. */
  matched: number[];
}

/**
 * Postings of one term in one field, document ascending: each entry is the document number times
 * 256 plus how often the term occurs in it (capped at 255, where BM25 has long saturated).
 */
interface Postings {
  /** Holds the entries from `start`: the term's own array, or a snapshot's shared one. */
  data: Int32Array;
  /** Where the entries start in `data`. */
  start: number;
  /** Whether `data` is a snapshot's shared array, never to be written. */
  shared: boolean;
  /** Entries used (dead documents included until the next snapshot). */
  size: number;
  /** Live documents that have the term: BM25's document frequency. */
  df: number;
}

/** A term index as a snapshot stores it: plain data and one typed array. */
export interface TermIndexData {
  fields: string[];
  documentCount: number;
  capacity: number;
  totalLength: number[];
  terms: string[];
  /** Entry count per (term, field), term-major. */
  sizes: Int32Array;
  /** Document numbers that are live. */
  live: Int32Array;
  /** Field length per (document, field), document-major. */
  lengths: Int32Array;
  /** All postings, in the order of `terms` then fields. */
  postings: Int32Array;
}

/** The index terms of a field's text, as MiniSearch counts them: raw tokens, then their terms. */
function analyze(text: string): { length: number; terms: string[] } {
  const tokens = tokenize(text);
  const terms: string[] = [];
  for (const token of tokens) for (const term of processTerm(token)) terms.push(term);
  return { length: new Set(tokens).size, terms };
}

/**
 * A compact full-text index with MiniSearch's scoring (BM25+ per field, times the number of query
 * terms matched), over documents numbered by the caller. Postings are typed arrays (a tenth of the
 * memory of MiniSearch's maps at 100,000 passages), a query sums scores into flat arrays rather
 * than building an object per match, and hits are made only for the documents asked for.
 */
export class TermIndex {
  private readonly vocabulary = new Map<string, Array<Postings | undefined>>();
  private lengths: Int32Array;
  private live: Uint8Array;
  private readonly totalLength: number[];
  private count = 0;
  // Scratch space reused by every query (queries run one at a time). Nothing is allocated per
  // query: at 100,000 passages a common word matches tens of thousands, and fresh arrays for
  // their scores were a measurable share of scoring, in allocation and garbage collection.
  /** Each document's BM25 sum while a query runs, then its score until the next query. */
  private sums: Float64Array;
  private matched: Uint16Array;
  private lastTerm: Int32Array;
  /** The documents the last query matched, in the order they first matched. */
  private touched: Int32Array;
  /** How many of `touched` are the last query's. */
  private lastCount = 0;
  /** The last query's scores, aligned with `touched`. */
  private scoresOut: Float64Array;
  /** {@link lengthNorms} until the documents change. */
  private norms: Float64Array | undefined;
  /** Documents removed since the index was built or restored, whose postings remain. */
  private removed = 0;

  constructor(
    readonly fields: readonly string[],
    capacity = 1024,
  ) {
    this.totalLength = fields.map(() => 0);
    this.lengths = new Int32Array(capacity * fields.length);
    this.live = new Uint8Array(capacity);
    this.sums = new Float64Array(capacity);
    this.matched = new Uint16Array(capacity);
    this.lastTerm = new Int32Array(capacity).fill(-1);
    this.touched = new Int32Array(capacity);
    this.scoresOut = new Float64Array(capacity);
  }

  /** How many documents are indexed. */
  get documentCount(): number {
    return this.count;
  }

  /** Whether document `doc` is indexed. */
  has(doc: number): boolean {
    return this.live[doc] === 1;
  }

  /** Live documents that have `term` in field number `field`. */
  documentFrequency(term: string, field = 0): number {
    return this.vocabulary.get(term)?.[field]?.df ?? 0;
  }

  private grow(doc: number): void {
    let capacity = this.live.length;
    if (doc < capacity) return;
    while (capacity <= doc) capacity *= 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(
      old: T,
      make: (n: number) => T,
      per = 1,
    ): T => {
      const next = make(capacity * per);
      next.set(old);
      return next;
    };
    this.lengths = grown(this.lengths, (n) => new Int32Array(n), this.fields.length);
    this.live = grown(this.live, (n) => new Uint8Array(n));
    this.sums = new Float64Array(capacity);
    this.matched = new Uint16Array(capacity);
    this.lastTerm = new Int32Array(capacity).fill(-1);
    this.touched = new Int32Array(capacity);
    this.scoresOut = new Float64Array(capacity);
    this.lastCount = 0;
  }

  /**
   * Indexes document `doc` (a number higher than any indexed before, so postings stay sorted)
   * with one text per field.
   */
  add(doc: number, texts: readonly string[]): void {
    if (doc >= MAX_DOCUMENTS) throw new Error(`TermIndex: more than ${MAX_DOCUMENTS} documents`);
    if (this.live[doc] === 1) throw new Error(`TermIndex: document ${doc} is already indexed`);
    this.grow(doc);
    this.fields.forEach((_, field) => {
      const { length, terms } = analyze(texts[field] ?? "");
      this.lengths[doc * this.fields.length + field] = length;
      this.totalLength[field] = (this.totalLength[field] ?? 0) + length;
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) this.append(term, field, doc, count);
    });
    this.live[doc] = 1;
    this.count++;
    this.norms = undefined;
  }

  private append(term: string, field: number, doc: number, count: number): void {
    let byField = this.vocabulary.get(term);
    if (!byField) {
      byField = new Array(this.fields.length);
      this.vocabulary.set(term, byField);
    }
    let postings = byField[field];
    if (!postings) {
      postings = { data: new Int32Array(1), start: 0, shared: false, size: 0, df: 0 };
      byField[field] = postings;
    }
    const { start, size } = postings;
    const last = size > 0 ? (postings.data[start + size - 1] ?? -1) >> 8 : -1;
    if (doc <= last) throw new Error(`TermIndex: document ${doc} added out of order`);
    // A snapshot's shared array is never written: the first new entry copies the term's own.
    if (postings.shared || size + 1 > postings.data.length) {
      const grown = new Int32Array(Math.max(2, size * 2));
      grown.set(postings.data.subarray(start, start + size));
      postings.data = grown;
      postings.start = 0;
      postings.shared = false;
    }
    postings.data[postings.size] = doc * 256 + Math.min(count, 255);
    postings.size++;
    postings.df++;
  }

  /**
   * Takes document `doc` out, given the texts it was indexed with. Its postings stay until the
   * next snapshot, skipped as dead, so removal costs no more than the document's own terms.
   */
  remove(doc: number, texts: readonly string[]): void {
    if (this.live[doc] !== 1) return;
    this.fields.forEach((_, field) => {
      const { terms } = analyze(texts[field] ?? "");
      for (const term of new Set(terms)) {
        const postings = this.vocabulary.get(term)?.[field];
        if (postings) postings.df--;
      }
      this.totalLength[field] =
        (this.totalLength[field] ?? 0) - (this.lengths[doc * this.fields.length + field] ?? 0);
    });
    this.live[doc] = 0;
    this.count--;
    this.removed++;
    this.norms = undefined;
  }

  /**
   * Scores every live document against the query's terms (repeats count again, as in MiniSearch),
   * with an optional boost per field.
   */
  score(
    queryTerms: readonly string[],
    boosts?: Readonly<Record<string, number>>,
    groups?: GroupBest,
  ): QueryScores {
    // The last query's scores, left in `sums`, are cleared before this one's are summed there.
    for (let i = 0; i < this.lastCount; i++) this.sums[this.touched[i] as number] = 0;
    this.lastCount = 0;
    const fieldBoost = this.fields.map((field) => boosts?.[field] ?? 1);
    // A repeated query term counts again in the score, not in the number of terms matched.
    const repeats = new Map<string, number>();
    for (const term of queryTerms) repeats.set(term, (repeats.get(term) ?? 0) + 1);
    const distinct = [...repeats.keys()];
    const n = this.count;
    const fieldCount = this.fields.length;
    // Locals, not fields, in the loop below: it runs once per posting, up to millions a query.
    const { live, lastTerm, matched, sums, touched } = this;
    const norms = this.lengthNorms();
    const { k, d } = BM25;
    // Only removals leave postings of dead documents (until the next snapshot drops them).
    const anyDead = this.removed > 0;
    let touchedCount = 0;
    for (const [termNumber, term] of distinct.entries()) {
      const times = repeats.get(term) ?? 1;
      const byField = this.vocabulary.get(term);
      if (!byField) continue;
      for (let field = 0; field < fieldCount; field++) {
        const postings = byField[field];
        if (!postings || postings.df === 0) continue;
        const idf = Math.log(1 + (n - postings.df + 0.5) / (postings.df + 0.5));
        const weight = (fieldBoost[field] ?? 1) * times * idf;
        const { data, start, size } = postings;
        for (let i = start; i < start + size; i++) {
          const entry = data[i] as number;
          const doc = entry >> 8;
          if (anyDead && live[doc] !== 1) continue;
          const tf = entry & 255;
          const score =
            weight * (d + (tf * (k + 1)) / (tf + (norms[doc * fieldCount + field] as number)));
          // A document is in a term's postings once per field: with one field, every entry is
          // a new term for its document, and no note of the last term is needed.
          if (fieldCount === 1 || lastTerm[doc] !== termNumber) {
            if (matched[doc] === 0) touched[touchedCount++] = doc;
            matched[doc] = (matched[doc] as number) + 1;
            if (fieldCount > 1) lastTerm[doc] = termNumber;
          }
          sums[doc] = (sums[doc] as number) + score;
        }
      }
    }
    this.finish(touchedCount, groups);
    this.lastCount = touchedCount;
    return {
      docs: touched.subarray(0, touchedCount),
      scores: this.scoresOut.subarray(0, touchedCount),
      terms: distinct,
    };
  }

  /**
   * Turns the sums of the `count` documents a query matched into scores (times the number of
   * query terms matched), and notes each group's best. A function of its own, so the engine
   * optimizes this loop apart from the summing one.
   */
  private finish(count: number, groups: GroupBest | undefined): void {
    const { sums, matched, lastTerm, touched } = this;
    const multiField = this.fields.length > 1;
    // Each score is left in `sums` for lastScore, and cleared at the start of the next query.
    const scores = this.scoresOut;
    for (let i = 0; i < count; i++) {
      const doc = touched[i] as number;
      const score = (sums[doc] as number) * (matched[doc] as number);
      scores[i] = score;
      sums[doc] = score;
      matched[doc] = 0;
      if (multiField) lastTerm[doc] = -1;
    }
    if (groups) noteGroupBest(touched, scores, count, groups);
  }

  /**
   * BM25's length normalization of each (document, field), `k * (1 - b + b * length / average)`,
   * worked out once for every query until a document is added or removed: it saves a division and
   * two multiplications per posting in the scoring loop.
   */
  private lengthNorms(): Float64Array {
    if (this.norms) return this.norms;
    const { k, b } = BM25;
    const fieldCount = this.fields.length;
    const norms = new Float64Array(this.lengths.length);
    for (let field = 0; field < fieldCount; field++) {
      const average = (this.totalLength[field] ?? 0) / this.count;
      for (let at = field; at < norms.length; at += fieldCount) {
        norms[at] = k * (1 - b + (b * (this.lengths[at] as number)) / average);
      }
    }
    this.norms = norms;
    return norms;
  }

  /** A document's score in the last query (0 when it did not match); valid until the next one. */
  lastScore(doc: number): number {
    return this.sums[doc] ?? 0;
  }

  /** The postings entry of `doc`, or -1 when it has none. */
  private entryOf(postings: Postings | undefined, doc: number): number {
    if (!postings) return -1;
    let low = postings.start;
    let high = postings.start + postings.size - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const entry = postings.data[mid] as number;
      const at = entry >> 8;
      if (at === doc) return entry;
      if (at < doc) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** The live documents that have `term` in field number `field`, ascending. */
  documentsWith(term: string, field = 0): number[] {
    const postings = this.vocabulary.get(term)?.[field];
    const docs: number[] = [];
    for (let i = postings?.start ?? 0; postings && i < postings.start + postings.size; i++) {
      const doc = (postings.data[i] as number) >> 8;
      if (this.live[doc] === 1) docs.push(doc);
    }
    return docs;
  }

  /** How often `term` occurs in field number `field` of document `doc` (0 when it does not). */
  termCount(term: string, doc: number, field = 0): number {
    const entry = this.entryOf(this.vocabulary.get(term)?.[field], doc);
    return entry < 0 ? 0 : entry & 255;
  }

  /** The hit of one scored document: which query terms it matched, in which fields. */
  hit(result: QueryScores, doc: number, score: number): TermHit {
    const match: Record<string, string[]> = {};
    for (const term of result.terms) {
      const byField = this.vocabulary.get(term);
      const fields = this.fields.filter((_, field) => this.entryOf(byField?.[field], doc) >= 0);
      if (fields.length > 0) match[term] = fields;
    }
    return { id: doc, score, terms: Object.keys(match), match };
  }

  /** The index as plain data for a snapshot, without dead documents' postings. */
  toData(): TermIndexData {
    const steps = this.toDataInSteps();
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * {@link toData} in steps of a few thousand terms, for a caller that spreads it over turns of
   * the event loop (the postings of 100,000 passages take about 100 ms to gather). The index must
   * not change until it returns, nor its `lengths` until they are written.
   */
  *toDataInSteps(): Generator<void, TermIndexData> {
    const terms: string[] = [];
    const sizes: number[] = [];
    let total = 0;
    for (const [term, byField] of this.vocabulary) {
      if (!byField.some((p) => p && p.df > 0)) continue;
      terms.push(term);
      for (let field = 0; field < this.fields.length; field++) {
        const df = byField[field]?.df ?? 0;
        sizes.push(df);
        total += df;
      }
      if (terms.length % TERMS_PER_STEP === 0) yield;
    }
    const postings = new Int32Array(total);
    let at = 0;
    let copied = 0;
    for (const term of terms) {
      const byField = this.vocabulary.get(term) ?? [];
      for (let field = 0; field < this.fields.length; field++) {
        const p = byField[field];
        for (let i = p?.start ?? 0; p && i < p.start + p.size; i++) {
          const entry = p.data[i] as number;
          if (this.live[entry >> 8] === 1) postings[at++] = entry;
        }
        copied += p?.size ?? 0;
      }
      if (copied >= ENTRIES_PER_STEP) {
        copied = 0;
        yield;
      }
    }
    const live: number[] = [];
    this.live.forEach((alive, doc) => {
      if (alive === 1) live.push(doc);
    });
    return {
      fields: [...this.fields],
      documentCount: this.count,
      capacity: this.live.length,
      totalLength: [...this.totalLength],
      terms,
      sizes: Int32Array.from(sizes),
      live: Int32Array.from(live),
      lengths: this.lengths,
      postings,
    };
  }

  /** An index back from {@link toData}; its postings are views of `data.postings`, not copies. */
  static fromData(data: TermIndexData): TermIndex {
    const index = new TermIndex(data.fields, data.capacity);
    index.lengths.set(data.lengths.subarray(0, index.lengths.length));
    data.totalLength.forEach((length, field) => {
      index.totalLength[field] = length;
    });
    for (const doc of data.live) index.live[doc] = 1;
    index.count = data.documentCount;
    let at = 0;
    data.terms.forEach((term, t) => {
      // Sized at once: an empty array's first write reserves 17 slots, 12 MB over 10,000 papers.
      const byField = new Array<Postings | undefined>(data.fields.length);
      for (let field = 0; field < data.fields.length; field++) {
        const size = data.sizes[t * data.fields.length + field] ?? 0;
        if (size > 0)
          byField[field] = { data: data.postings, start: at, shared: true, size, df: size };
        at += size;
      }
      index.vocabulary.set(term, byField);
    });
    return index;
  }
}
