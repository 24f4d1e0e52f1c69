/**
 * A deterministic synthetic corpus for measuring paperbot at scale: N papers made from the real
 * summaries' sentences, vocabulary and figure links, each with a distinct title, aliases and arXiv
 * id, written as ordinary corpus files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCorpus } from "../src/corpus/loadCorpus.ts";
import { formatPaperFile } from "../src/corpus/paperFile.ts";
import { nameKey } from "../src/text/names.ts";
import { splitSentences } from "../src/text/sentences.ts";
import type { Paper, PaperMeta } from "../src/types.ts";

/** A seeded pseudo-random source (mulberry32): the same seed gives the same corpus. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** Makes a {@link Random} from a seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick };
}

/** A generated paper: its metadata and summary, and the file text written for it. */
export interface SyntheticPaper {
  /** The paper's metadata. */
  meta: PaperMeta;
  /** Its summary, with figure links where they stand. */
  summary: string;
  /** The sentences it was made of, for questions about it. */
  sentences: string[];
}

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "ze", "pi", "sa", "do", "fu", "gra"];
/** Words that start many real titles, so prefixes are shared as in a real archive. */
const TITLE_OPENERS = ["Learning", "Towards", "On", "Deep", "Efficient", "Scalable", "Robust"];

/** What the generator draws from: the real corpus's sentences, words, figures and authors. */
interface Material {
  sentences: string[];
  words: string[];
  figures: string[];
  authors: string[];
}

function materialOf(papers: readonly Paper[]): Material {
  const words = new Set<string>();
  const sentences: string[] = [];
  for (const paper of papers) {
    for (const sentence of splitSentences(paper.summary)) {
      sentences.push(sentence);
      for (const word of sentence.match(/\b[a-z]{5,}\b/g) ?? []) words.add(word);
    }
  }
  return {
    sentences,
    words: [...words].sort(),
    figures: papers.flatMap((p) => p.figures),
    authors: papers.flatMap((p) => p.authors),
  };
}

/** A made-up word (a method, dataset or jargon term) so the vocabulary grows with the corpus. */
function inventedWord(random: Random): string {
  let word = "";
  for (let i = random.int(2, 4); i > 0; i--) word += random.pick(SYLLABLES);
  return word;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Share of a sentence's longer words swapped for another word. */
const SWAP_RATE = 0.15;
/** Share of swapped words that are new jargon, so the vocabulary keeps growing with the corpus. */
const NEW_WORD_RATE = 0.1;

/**
 * A sentence of the real corpus with some words swapped for others, known or newly invented, so
 * that 10,000 summaries do not all say the same nine papers' words. New words join `pool`: the
 * vocabulary grows with the corpus, and the first N papers are the same whatever N is asked.
 */
function varySentence(sentence: string, random: Random, pool: string[]): string {
  return sentence.replace(/\b[a-z]{5,}\b/g, (word) => {
    if (random.next() >= SWAP_RATE) return word;
    if (random.next() >= NEW_WORD_RATE) return random.pick(pool);
    const invented = inventedWord(random);
    pool.push(invented);
    return invented;
  });
}

/**
 * Generates `count` papers from the real corpus in `sourceDir`: the same ones for the same seed, and
 * the first N of a longer run are the N of a shorter one.
 */
export function generatePapers(count: number, sourceDir: string, seed = 1): SyntheticPaper[] {
  const random = seededRandom(seed);
  const material = materialOf(loadCorpus(sourceDir).papers);
  const pool = [...material.words];
  const usedNames = new Set<string>();
  const claim = (name: string): boolean => {
    const key = nameKey(name);
    if (usedNames.has(key)) return false;
    usedNames.add(key);
    return true;
  };
  const papers: SyntheticPaper[] = [];
  for (let n = 0; n < count; n++) {
    let alias = "";
    do
      alias = `${inventedWord(random).toUpperCase()}${random.next() < 0.3 ? `-${random.int(2, 9)}` : ""}`;
    while (!claim(alias));
    let title = "";
    do {
      const topic = Array.from({ length: random.int(3, 6) }, () => random.pick(pool)).join(" ");
      title = `${random.pick(TITLE_OPENERS)} ${capitalize(topic)} with ${alias}`;
      if (random.next() < 0.5) title = `${alias}: ${capitalize(topic)}`;
    } while (!claim(title));
    const id = `${nameKey(alias)}-${n}`;
    claim(id);
    const arxiv = `${String(15 + (n % 10)).padStart(2, "0")}${String(1 + (n % 12)).padStart(2, "0")}.${String(10000 + n).padStart(5, "0")}`;
    claim(arxiv);
    const sentences = Array.from({ length: random.int(8, 30) }, () =>
      varySentence(random.pick(material.sentences), random, pool),
    );
    // Summaries introduce their paper by name early, as the real ones do.
    sentences[0] = `${alias} ${sentences[0]?.charAt(0).toLowerCase()}${sentences[0]?.slice(1)}`;
    const parts: string[] = [];
    for (const sentence of sentences) {
      parts.push(sentence);
      if (random.next() < 0.08) parts.push(random.pick(material.figures));
    }
    papers.push({
      meta: {
        id,
        title,
        authors: Array.from({ length: random.int(1, 5) }, () => random.pick(material.authors)),
        year: random.int(2015, 2026),
        venue: random.pick(["NeurIPS", "ICML", "ICLR", "CVPR"]),
        arxiv,
        url: `https://arxiv.org/abs/${arxiv}`,
        aliases: [alias],
        added: "2026-11-27",
      },
      summary: parts.join(" "),
      sentences,
    });
  }
  return papers;
}

/** Writes generated papers to `dir` as corpus files, `<id>.md` each. */
export function writePapers(papers: readonly SyntheticPaper[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const { meta, summary } of papers) {
    writeFileSync(join(dir, `${meta.id}.md`), formatPaperFile(meta, summary));
  }
}
