import { escapeRegExp } from "../text/escapeRegExp.ts";
import { BOLD_HEADING, HEADING } from "../text/markdownBlocks.ts";
import { STOP_WORDS } from "../text/stopwords.ts";
import { findTermWords, foldText, processTerm, type WordSpan, wordPieces } from "../text/terms.ts";
import { isCommonWord, isEnglishForm, isLabName, misspeltEnglish } from "../text/wordRarity.ts";
import type { Paper, Passage } from "../types.ts";

/**
 * Words that set another work beside the one a line of notes is about: "vs BYOL", "Successor:
 * FQF", "cf. YOLOv2", "later fixed in StyleGAN3", "(Yang et al. 2019)", "followed by MagicBrush",
 * "reused in CornerNet", "ancestor of PRMs ("Let's Verify Step by Step", Lightman et al. 2023)",
 * "Lineage: SE -> SK -> ResNeSt", "(same group as T2T-ViT, LV-ViT)", "in the spirit of
 * AmoebaNet", "CFG (Ho & Salimans, same period)": a bracket of two authors' names cites without a
 * year too. And the works a paper led to: "quickly superseded: Hyena ..., Mamba w/ selective
 * scans", "this framing drove Hyena (same lab), based, Mamba", "influenced", "paved the way for"
 * (notes15 dev outside declined 77% -> 82%: "mamba selective scan - how is the parallel scan
 * implemented?" against the H3 notes; no right answer lost on any set).
 */
const CITING =
  /\b(?:vs\.?|versus|cf\.?|unlike|successors?|supersed(?:ed|es)|influenced|drove|paved the way(?: for)?|follow[\s-]?ups?|followed|later|predecessors?|precursors?|ancestors?|descendants?|concurrent|reused|inspired|same (?:group|lab|team|authors)|in the spirit of|et al\.?|(?:related|lineage)(?=\s*:)|(?:gains?|improves?|improvements?)\s+over|baselines?(?=\s*[:(]))(?:\W|$)|\(\s*\p{Lu}[\p{L}-]+[^()]*\d{4}\s*\)|\(\s*\p{Lu}[\p{L}'-]+\s*(?:&|\band\b)\s*\p{Lu}[\p{L}'-]+/iu;

/** Every word that sets another work beside a line's paper, wherever it stands in the line. */
const CITING_ALL = new RegExp(CITING.source, "giu");

/** A word written as borrowed from a work: "EfficientNet-style", "PixelCNN-like". */
const BORROWED_FROM = /^\S*?-(?:style|like)\b/i;

/**
 * True when a line sets the word at `start` beside its paper as another work, by one of its citing
 * words (see {@link CITING}), or by a "-style" or "-like" joined to it ("EfficientNet-style head";
 * notes11 blind outside declined 70% -> 74%, 42 cross-corpus questions more declined, no right
 * answer lost):
 * - after a "vs" ("vs BYOL"; not the "half-step FFNs" of "half-step FFNs vs single FFN", an
 *   ablation's two designs, nor the "LibriSpeech" of "LibriSpeech WER: 2.1 vs 2.6");
 * - anywhere in a line that a citing word opens ("- Follow-ups: Auto-DeepLab, ... SegFormer");
 * - just before a citing word or a bracketed citation ("AdaIN later enabled...", "DeepNorm (Wang
 *   et al. 2022)");
 * - inside a bracketed citation, or after a citing word in the clause it opens ("fixed later by
 *   QARepVGG"), but not past the clause: "big drop w/ post-training INT8; fixed later by
 *   QARepVGG" cites QARepVGG, not INT8, and "From Kakao Enterprise (same group later did
 *   Glow-TTS, VITS)" cites VITS, not Kakao.
 */
export function citesAt(line: string, start: number): boolean {
  // "EfficientNet-style head", "BERT-like masking": the work a design is borrowed from.
  if (BORROWED_FROM.test(line.slice(start))) return true;
  for (const cue of line.matchAll(CITING_ALL)) {
    const at = cue.index ?? 0;
    const end = at + cue[0].length;
    if (/^(?:vs|versus)/i.test(cue[0])) {
      if (at < start) return true;
      continue;
    }
    // "NVIDIA / Caltech / Stanford et al.: a framework for..." says who wrote the paper itself.
    if (/^et al/i.test(cue[0]) && labBefore(line, at)) continue;
    const bracketed = cue[0].startsWith("(");
    if (!bracketed && !bracketedWith(line, at, start)) continue;
    if (start < at) {
      const between = line.slice(start, at);
      if (!/[;.]\s/.test(between) && between.trim().split(/\s+/).length - 1 <= WORDS_BEFORE_CUE)
        return true;
      continue;
    }
    if (bracketed) {
      if (start < end) return true;
      continue;
    }
    if (/^[\s\-*+>]*(?:\*\*)?$/.test(line.slice(0, at))) return true;
    if (start < clauseEnd(line, end)) return true;
  }
  return false;
}

/**
 * True when the word just before `at` is a lab's or a university's name: "NVIDIA / Caltech /
 * Stanford et al.: a framework for open-ended agents in Minecraft" says who wrote the paper, and
 * cites nothing (notes15 dev first 96% -> 97%: the MineDojo notes had read as only citing
 * Minecraft; no other set moved).
 */
function labBefore(line: string, at: number): boolean {
  const word = /([\p{L}-]+)\W*$/u.exec(line.slice(0, at))?.[1];
  return word !== undefined && isLabName(foldText(word).toLowerCase());
}

/** What separates the items of a list in a line of notes: commas, slashes, "and", dashes. */
const LIST_SEPARATOR = /[,;/]|\band\b|—|\s-\s/g;

/** A word written as a work's name: two capitals or more ("BigGAN", "DDPM", "ProGAN"). */
const NAME_WORD = /^\p{Lu}[\p{L}\d.+-]*\p{Lu}[\p{L}\d.+-]*$/u;

/** Most words of a list item that is one name ("StyleGAN", "latent diffusion"). */
const LIST_ITEM_WORDS = 2;

/**
 * True when the word at `start` is an item of a list of works: an item of a word or two, beside
 * an item that ends or starts with a name ("ProGAN, StyleGAN, BigGAN, DDPM all headline FID-50k",
 * "simplified to minibatch stddev in ProGAN / StyleGAN", "previous fixes (BCQ, BEAR, BRAC)"; a
 * bracket bounds the item it opens or closes, though it separates no items). Such a line names
 * the works it lists in passing, whatever it is about.
 */
function amongNames(line: string, start: number): boolean {
  const items = listItems(line, LIST_SEPARATOR);
  const at = items.findIndex((item) => start >= item.from && start < item.to);
  const words = (i: number) => {
    const item = items[i];
    if (!item) return [];
    let text = line.slice(item.from, item.to);
    // The name's own item starts after a bracket it is in and ends at the bracket's close: in
    // "family (PPO, IMPALA/V-trace, MPO, TRPO) each miss some", PPO is an item of one word.
    if (i === at) {
      // Only brackets around the name: in "mixed): better than BEAR / BRAC" the ")" closes
      // something before it.
      const name = start - item.from;
      const close = text.indexOf(")", name);
      if (close >= 0) text = text.slice(0, close);
      const open = text.lastIndexOf("(", name);
      if (open >= 0) text = text.slice(open + 1);
    }
    return text.trim().split(/\s+/);
  };
  if (at < 0 || words(at).length > LIST_ITEM_WORDS) return false;
  const before = words(at - 1).at(-1);
  const after = words(at + 1)[0];
  return [before, after].some((word) => word !== undefined && NAME_WORD.test(bareWord(word)));
}

/** Where each item of a list in `line` starts and ends, between the matches of `separator`. */
export function listItems(line: string, separator: RegExp): { from: number; to: number }[] {
  const items: { from: number; to: number }[] = [];
  let from = 0;
  for (const match of line.matchAll(separator)) {
    const at = match.index ?? 0;
    items.push({ from, to: at });
    from = at + match[0].length;
  }
  items.push({ from, to: line.length });
  return items;
}

/** A word without the brackets, quotes and marks around it: "BCQ" of "(BCQ" in "(BCQ, BEAR, BRAC)". */
function bareWord(word: string): string {
  return word.replace(/^[(["'“‘*_`]+|[)\]"'”’*_`:;.]+$/gu, "");
}

/** Most words between a name and the citing word after it: "AdaIN later", "FQF (Yang et al.". */
const WORDS_BEFORE_CUE = 2;

/**
 * Where the clause that starts at `from` ends: at a ";", a " - ", a full stop, or a bracket it did
 * not open; else at the line's end.
 */
function clauseEnd(line: string, from: number): number {
  let depth = 0;
  for (let i = from; i < line.length; i++) {
    const char = line[i];
    if (char === "(" || char === "[") depth++;
    else if (char === ")" || char === "]") {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (char === ";" || (char === "." && line[i + 1] === " "))) return i;
    else if (depth === 0 && / [-–—] /.test(line.slice(i - 1, i + 2))) return i;
  }
  return line.length;
}

/** False when the word at `cue` stands inside brackets that the word at `start` is outside of. */
function bracketedWith(line: string, cue: number, start: number): boolean {
  const open = line.lastIndexOf("(", cue);
  if (open < 0) return true;
  const close = line.indexOf(")", open);
  if (close >= 0 && close < cue) return true;
  return start > open && (close < 0 || start < close);
}

/**
 * A question that asks for a comparison or a relation, which a citing line may well answer: "the
 * SAC predecessor" is the paper whose notes name SAC as its successor; "why did the graph conv
 * encoder lose to rdf2vec on MUTAG?" asks about R-GCN's results against a baseline of its table.
 */
const RELATING =
  /\b(?:vs\.?|versus|differ\w*|difference|compar\w*|relat\w*|better|worse|than|unlike|instead|beat\w*|outperform\w*|predecessors?|successors?|precursors?|follow[\s-]?ups?|(?:lose|loses|lost|losing) (?:to|against))\b/i;

/** What joins the parts of a compound name ("Instant-NGP", "VQ-VAE"), which its joined term lacks. */
const COMPOUND_JOINS = /[-_/.]/g;

/** A character beyond ASCII: a line that may need folding before it is searched. */
const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * Share of the weightiest word's weight a word needs to be among a question's weightiest: "byol -
 * why doesn't it collapse... the predictor or the momentum target?" is about BYOL, which weighs
 * 0.85 of "predictor" (several summaries cite it). At 0.8 notes3 dev declined one outside
 * question more and no set lost an answer; at 0.7 notes dev lost one.
 */
const NEAR_WEIGHTIEST = 0.8;

/**
 * Share of the question's weightiest word's weight a word that is no English word needs to be read
 * as a name it asks about: "x3d progressive expansion: which axes...?" is about X3D, which the
 * SlowFast notes name as a follow-up, though "axes", which no summary writes, weighs more. At 0.7
 * notes8 dev declined one outside question more and no set lost an answer; at 0.6 no dev set
 * moved further (seven more cross-corpus questions declined).
 */
const NAME_SHARE = 0.7;

/** Most times a summary may write a name and still only cite it: more, and it is about it. */
export const MAX_CITATIONS = 3;

/** Longest line read as a line of notes (a bullet, a label): a prose paragraph cites in passing. */
export const NOTE_LINE_CHARS = 300;

/** A line of a summary that writes a term, with its words and the words that are the term. */
interface LineUsing {
  line: string;
  words: WordSpan[];
  uses: WordSpan[];
}

/**
 * Each line of `summary` that writes `term` (an index term: "dreamer" of "Dreamer's"). The name of
 * each section a line opens goes to `onSection` before that line is looked at.
 */
function* linesUsing(
  summary: string,
  term: string,
  onSection?: (name: string) => void,
): Generator<LineUsing> {
  // Lines that cannot hold the term are skipped before tokenizing: a stem starts its word, but
  // for a last "y" made "i" ("accuraci" in "accuracy"). Cut shorter, a short name's stem would be
  // in every line ("ga" of "gan").
  const stem = term.length > 3 && term.endsWith("i") ? term.slice(0, -1) : term;
  // A compound's joined term ("instantngp") is in a line only with its joins taken out. Lines are
  // read so only when the summary does not write the term plainly, as it does most terms.
  const joined = !summary.toLowerCase().includes(stem);
  const plain = (text: string) => (joined ? text.replace(COMPOUND_JOINS, "") : text);
  for (const line of summary.split("\n")) {
    if (onSection) {
      const section = sectionName(line);
      if (section !== undefined) onSection(section);
    }
    // Accents are folded ("Nyström" to "nystrom") only in lines that have any: folding every
    // line cost a tenth of a question's time.
    if (
      !plain(line.toLowerCase()).includes(stem) &&
      !(NON_ASCII.test(line) && plain(foldText(line)).includes(stem))
    )
      continue;
    const words = findTermWords(line);
    const uses = words.filter(
      (span) => plain(foldText(span.word)).includes(stem) && termsOfWord(span.word).includes(term),
    );
    if (uses.length > 0) yield { line, words, uses };
  }
}

/**
 * True when a summary writes `term` only as the name of a work its lines set beside the paper.
 * `listed`: a name among other names ("ProGAN, StyleGAN, BigGAN", "ProGAN / StyleGAN") counts as
 * set beside the paper too (see {@link amongNames}).
 */
function onlyCites(summary: string, term: string, english = false, listed = false): boolean {
  let found = false;
  let citingSection = false;
  const inSection = (section: string) => {
    citingSection = CITING_SECTION.test(section);
  };
  for (const { line, words, uses } of linesUsing(summary, term, inSection)) {
    found = true;
    if (line.length > NOTE_LINE_CHARS) return false;
    const cites = (span: WordSpan) =>
      citesAt(line, span.start) || (listed && amongNames(line, span.start));
    // A table's rows set the methods compared beside the paper ("| DeepFool | ~1.8 |" in the C&W
    // notes' results): a name only there and in citing lines is a baseline, not the paper's own.
    if (!citingSection && !TABLE_ROW.test(line) && !uses.every(cites)) return false;
    // In a section of other works a line may open with one: "- Nyströmformer: another low-rank...".
    if (!uses.every((span) => writtenAsName(span, citingSection ? undefined : words[0])))
      return false;
    // An English word ("Mae", "Lion") names a work only where it is written as an acronym.
    if (english && !uses.every((span) => span.word === span.word.toUpperCase())) return false;
  }
  return found;
}

/**
 * Acronyms for kinds of model, task, field, operation or hardware ("the gnn where...", "multi-hop
 * QA", "LLMs", "the nas paper that...", "without an svd"): a question that writes one asks about
 * a kind of work, never about a work a summary cites, even where a summary lists it beside names
 * ("HotpotQA (multi-hop QA)") or after a citing word ("later predictor-based NAS"). With "nas"
 * and "svd", notes13 dev right answers declined went 2% -> 0%. "kv" (key and value, as in "KV
 * cache" or "KV heads") is a part of attention, not a work the Gemma notes' table of settings
 * compares: notes15 dev first 97% -> 98%, right answers declined 1% -> 0%. "mcts" (Monte Carlo
 * tree search) is a kind of planner, not the work the Gumbel MuZero notes cite beside it ("view
 * of MCTS (Grill et al. 2020)"): notes16 dev first 94% -> 96%.
 */
const KIND_ACRONYMS: ReadonlySet<string> = new Set([
  ...["qa", "nlp", "cv", "rl", "ssl", "nmt", "asr", "tts", "ood", "iid", "sota", "api", "apis"],
  ...["gnn", "gnns", "cnn", "cnns", "rnn", "rnns", "lstm", "lstms", "mlp", "mlps"],
  ...["llm", "llms", "lm", "lms", "vlm", "vlms", "gpu", "gpus", "tpu", "tpus"],
  ...["nas", "svd", "kv", "mcts"],
]);

/** A row of a Markdown table. */
const TABLE_ROW = /^\s*\|/;

/**
 * Section names that gather other works: "vs others", "Neighbours", "Related work", "Follow-ups",
 * "Later / lineage".
 */
const CITING_SECTION =
  /\b(?:vs\.?|versus|neighbou?rs?|related|others|follow[\s-]?ups?|successors?|predecessors?|prior work|comparisons?|lineage|later work)\b/i;

/** True when a question asks for a comparison or a relation ("vs", "differ", "better than"). */
export function asksToCompare(question: string): boolean {
  return RELATING.test(question);
}

/**
 * True for a passage of a section that sets other works beside the paper ("Follow-ups / context",
 * "vs others", "Related work"; see {@link CITING_SECTION}). Unless a question compares (see
 * {@link asksToCompare}), such a passage only names the works it names in passing ("fantastically
 * ordered prompts picks orders by entropy probing, but for contextual calibration where were the
 * biggest gains?"), while the section on the paper's own findings answers it.
 */
export function setsOthersBeside(passage: Passage): boolean {
  return (passage.headings ?? []).some((heading) => CITING_SECTION.test(heading));
}

/**
 * The name of the section a line opens, as notes write one: a Markdown heading, a bold line
 * ("**vs others**"), a short label ("Related:"), a short top-level bullet ("- Neighbours").
 */
function sectionName(line: string): string | undefined {
  return (
    HEADING.exec(line)?.[2] ??
    BOLD_HEADING.exec(line)?.[1] ??
    /^(?:[-*+]\s+)?([^\s:.,;][^:.,;]{0,39}):?\s*$/.exec(line)?.[1]
  );
}

/**
 * Written as a name: "FQF", "StyleGAN3", "Meng" in "Meng et al.", but not a word that is
 * capitalized only because it opens the line ("Transductive: ...").
 */
function writtenAsName(span: WordSpan, first: WordSpan | undefined): boolean {
  return /\p{Lu}|\d/u.test(span.word.slice(1)) || (/^\p{Lu}/u.test(span.word) && span !== first);
}

/**
 * True when a question is about a work a paper's summary only cites: one of its weightiest words
 * (see {@link NEAR_WEIGHTIEST}), figures aside, is a name (no English word, unless the summary
 * writes it as an acronym: "MAE") that the summary writes only in short lines setting it beside
 * the paper ("Successor: FQF (Yang et al. 2019) learns which taus to use"), and the question asks
 * for no comparison. "how is FQF's fraction proposal network trained?" is about FQF, which the
 * group has not summarized; the IQN notes that name it do not answer it. `fewWrite`: whether no
 * more than {@link MAX_CITATIONS} summaries of the corpus write the name; then a line that lists
 * it among other names ("ProGAN, StyleGAN, BigGAN") cites it too, while "MLP" in "BN, LayerNorm,
 * ResNet-style MLP", which many summaries write, stays a word of the paper's own.
 */
export function asksAboutCitedWork(
  question: string,
  weights: ReadonlyMap<string, number>,
  paper: Paper,
  summaryCount: (term: string) => number,
  fewWrite: (term: string) => boolean = () => false,
): boolean {
  // A summary read from a snapshot is decoded at each read: read it once, and only if needed.
  let summary: string | undefined;
  for (const { term, english, acronym } of namesAsked(question, weights)) {
    // Read from the index first: most summaries say the word not at all, or too often to only
    // cite it; only the rest are read line by line.
    const count = summaryCount(term);
    if (count === 0 || count > MAX_CITATIONS) continue;
    summary ??= paper.summary;
    if (onlyCitesAsked(summary, { term, english, acronym }, fewWrite(term))) return true;
  }
  return false;
}

/**
 * {@link onlyCites} for a name a question asks about. An English word names a work only as an
 * acronym ("MAE"), one the summary must write so: a summary without it is not read line by line.
 */
function onlyCitesAsked(
  summary: string,
  { term, english, acronym }: AskedName,
  listed: boolean,
): boolean {
  return (!english || summary.includes(acronym)) && onlyCites(summary, term, english, listed);
}

/** A question's weightiest word that could name a work, as an index term. */
interface AskedName {
  term: string;
  /** Whether the word is also English: it names a work only where written as an acronym. */
  english: boolean;
  /** The word in capitals, as an acronym is written. */
  acronym: string;
}

/**
 * What a question writes before works it gives as examples: "on standard nlp evals like mmlu /
 * lambada", "such as SQuAD and TriviaQA". They say what kind of thing is asked about, not which
 * work: "does rlhf cost you on evals like mmlu / lambada?" is about the RLHF paper whose notes
 * list them among its benchmarks.
 */
const EXAMPLE_BEFORE =
  /\b(?:like|such as|e\.?g\.?|including|incl\.?)\s+(?:[\p{L}\d-]+\s*(?:,|\/|&|\band\b|\bor\b)\s*)*$/iu;

/** How many characters before a word {@link EXAMPLE_BEFORE} reads: a short list of examples. */
const EXAMPLE_REACH = 60;

/** {@link namesAsked} of each weighed question: worked out once, for every paper returned. */
const askedNames = new WeakMap<ReadonlyMap<string, number>, AskedName[]>();

/**
 * Each word of a question with each of its index terms that weighs at least `share` of its
 * weightiest term (figures aside: "75%" says what is asked of a name, not what is asked about).
 */
function* weightyTerms(
  question: string,
  weights: ReadonlyMap<string, number>,
  share: number,
): Generator<{
  word: string;
  folded: string;
  term: string;
  weight: number;
  max: number;
  start: number;
}> {
  let max = 0;
  for (const [term, weight] of weights) if (!/^\d/.test(term)) max = Math.max(max, weight);
  for (const { word: whole, start } of findTermWords(question)) {
    if (EXAMPLE_BEFORE.test(question.slice(Math.max(0, start - EXAMPLE_REACH), start))) continue;
    for (const word of [whole, ...joinedOf(whole)]) {
      const folded = word.toLowerCase();
      for (const term of processTerm(word)) {
        const weight = weights.get(term) ?? 0;
        if (weight >= share * max) yield { word, folded, term, weight, max, start };
      }
    }
  }
}

/**
 * A compound's joined spelling as a name a question asks about ("instantngp" of "Instant-NGP",
 * as the index has it), unless its last part is an English word: "DETR-style" and "BPE-dropout"
 * describe by a work's name, and their parts are weighed as words. Its other parts are not names
 * of their own: the "hinton" of "that hinton-group paper", the "gpt" of "gpt-2".
 */
function joinedOf(word: string): string[] {
  const pieces = wordPieces(word);
  const last = pieces.at(-2)?.toLowerCase() ?? "";
  const joined = pieces.at(-1);
  return pieces.length > 2 && joined !== undefined && !isEnglishForm(last) ? [joined] : [];
}

/**
 * The index terms by which one word names a work: a compound's joined spelling and its leading
 * parts ("instantngp" of "Instant-NGP", "chinchilla" of "Chinchilla-70B"), but not its last part,
 * which says what kind of thing the work is: "GPR-GNN later learns the weights" cites GPR-GNN, not
 * the GNN a question describes ("the gnn where an mlp predicts per node...").
 */
function termsOfWord(word: string): string[] {
  const pieces = wordPieces(word);
  // A compound's pieces are its parts, then their joined spelling.
  const naming = pieces.length > 2 ? [...pieces.slice(0, -2), ...pieces.slice(-1)] : pieces;
  return naming.flatMap((piece) => processTerm(piece));
}

/** The weightiest words of a question, figures aside, that could name a work; none if it compares. */
function namesAsked(question: string, weights: ReadonlyMap<string, number>): AskedName[] {
  let names = askedNames.get(weights);
  if (names) return names;
  names = [];
  if (!RELATING.test(question)) {
    // "How do Anchors (the rule-based explanations) measure precision?": an English word a
    // question in sentence case capitalizes mid-sentence is a name, as in a summary's lines.
    const cased = sentenceCased(question);
    for (const { word, folded, term, weight, max, start } of weightyTerms(
      question,
      weights,
      NAME_SHARE,
    )) {
      // A figure ("50x", "2016") is no name, however a summary writes it.
      if (/^\d/.test(folded) || misspeltEnglish(folded)) continue;
      if (KIND_ACRONYMS.has(folded)) continue;
      // A lab or a university says where a paper is from ("the nyu weight-masking regularizer"),
      // however a summary lists it ("(NYU, LeCun/Fergus group)").
      if (isLabName(folded)) continue;
      const english = isEnglishForm(folded) && !(cased && capitalizedInside(question, word, start));
      if (english && weight < NEAR_WEIGHTIEST * max) continue;
      names.push({ term, english, acronym: word.toUpperCase() });
    }
  }
  askedNames.set(weights, names);
  return names;
}

/** True when most words of a question start in lower case: then a capital marks a name. */
function sentenceCased(question: string): boolean {
  const words = question.match(/\p{L}+/gu) ?? [];
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return lower >= words.length / 2;
}

/**
 * True when a word at `start` is capitalized ("Anchors") where a sentence does not start: after
 * another word, not after a full stop, a colon, a bracket, a dash or a quote.
 */
function capitalizedInside(question: string, word: string, start: number): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word) || start === 0) return false;
  const before = question.slice(0, start).trimEnd();
  return before.length > 0 && !/[.?!:;([\-–—"']$/.test(before);
}

/** {@link asksAboutWorkNoneCovers} of each weighed question, worked out once for every paper. */
const noneCovers = new WeakMap<ReadonlyMap<string, number>, boolean>();

/**
 * True when one of a question's weightiest words is a name that the corpus knows only as a work
 * its summaries cite: every summary that writes it (one to {@link MAX_CITATIONS}) only sets it
 * beside its own paper ("DeepNet / DeepNorm (Wang et al. 2022)" in the ReZero notes). No paper
 * then covers the question: "deepnorm: how are the residual scaling constants picked?" is about
 * DeepNorm, which the group has not summarized, whichever paper matches its other words.
 */
export function asksAboutWorkNoneCovers(
  question: string,
  weights: ReadonlyMap<string, number>,
  papersWriting: (term: string, most: number) => Paper[] | undefined,
): boolean {
  let answer = noneCovers.get(weights);
  if (answer !== undefined) return answer;
  answer = namesAsked(question, weights).some((name) => {
    const papers = papersWriting(name.term, MAX_CITATIONS);
    if (!papers || papers.length === 0) return false;
    // Written by so few summaries, a name in a list of names is one more work listed.
    return papers.every((paper) => onlyCitesAsked(paper.summary, name, true));
  });
  noneCovers.set(weights, answer);
  return answer;
}

/** True when `summary` writes `term`, and writes it only as a name ("Dreamer", "Whisper's"). */
function writesOnlyAsName(summary: string, term: string): boolean {
  let found = false;
  for (const { words, uses } of linesUsing(summary, term)) {
    found = true;
    // A word that opens a line is capitalized whatever it is: "Whisper" there is no name.
    const first = words.find((span) => /\p{L}/u.test(span.word));
    if (!uses.every((span) => writtenAsName(span, first))) return false;
  }
  return found;
}

/**
 * Share of the question's weightiest word's weight a name needs for {@link asksAboutNameItLacks}:
 * "in dreamer how do they backprop through the imagined trajectories?" asks about Dreamer, which
 * weighs 0.75 of "backpropagate". From 0 to 0.7 the dev sets gave the same figures.
 */
const LACKED_NAME_SHARE = 0.5;

/**
 * Most summaries that may write a name for {@link asksAboutNameItLacks} to read them all: a name
 * more write (thousands, for a common word at 10,000 papers) is left alone. From 3 to 10 the dev
 * sets gave the same figures.
 */
const LACKED_NAME_SUMMARIES = 5;

/**
 * True when a question asks about a work that a paper never names: one of its weightier words is
 * an everyday English word (see `isCommonWord`) that this paper's title, names and summary lack,
 * and that the few summaries that write it write only capitalized, as a work's name ("Whisper is
 * a notable non-user", "PlaNet / Dreamer: latent dynamics from pixels"). "in dreamer how do they
 * backprop through the imagined latent trajectories?" is about Dreamer, which the group has not
 * summarized; the Agent57 notes that match its other words do not cover it. A word that is a name
 * to begin with ("OpenAI", "Romanian", "TPUs") is left out: a question may well ask a paper about
 * a lab, a language or hardware its summary does not name.
 */
export function asksAboutNameItLacks(
  question: string,
  weights: ReadonlyMap<string, number>,
  paperHas: (term: string) => boolean,
  papersWriting: (term: string, most: number) => Paper[] | undefined,
): boolean {
  return worksNamedOnlyElsewhere(question, weights, papersWriting).some((term) => !paperHas(term));
}

/** {@link worksNamedOnlyElsewhere} of each weighed question, worked out once for every paper. */
const unsummarizedWorks = new WeakMap<ReadonlyMap<string, number>, string[]>();

/**
 * The terms of a question's weightier everyday words that the few summaries writing them write
 * only as a work's name (see {@link asksAboutNameItLacks}); none if the question compares. They
 * are the same for every paper returned, so the summaries are read once.
 */
function worksNamedOnlyElsewhere(
  question: string,
  weights: ReadonlyMap<string, number>,
  papersWriting: (term: string, most: number) => Paper[] | undefined,
): string[] {
  let terms = unsummarizedWorks.get(weights);
  if (terms) return terms;
  terms = [];
  if (!RELATING.test(question)) {
    for (const { folded, term } of weightyTerms(question, weights, LACKED_NAME_SHARE)) {
      if (!isCommonWord(folded)) continue;
      const papers = papersWriting(term, LACKED_NAME_SUMMARIES);
      if (papers?.length && papers.every((paper) => writesOnlyAsName(paper.summary, term)))
        terms.push(term);
    }
  }
  unsummarizedWorks.set(weights, terms);
  return terms;
}

/** The word just before `start` in a question, with only spaces or a hyphen between. */
function wordBefore(question: string, start: number): string | undefined {
  return /(?:^|[^\p{L}\p{N}])(\p{L}[\p{L}\p{N}]{2,})[\s-]+$/u.exec(question.slice(0, start))?.[1];
}

/**
 * True when a question writes a paper's name (`name`, at `start`) as the end of another work's
 * name that the paper's summary only cites: "bayesian segnet - how many MC dropout samples?"
 * against SegNet's notes' "Follow-ups: **Bayesian SegNet** (Kendall et al.) — MC dropout". The
 * question is about the follow-up, which the group has not summarized. A word before the name
 * that the summary never writes beside it ("how does segnet...", "the original segnet") says
 * nothing of the kind.
 */
export function namesWithinCitedWork(
  question: string,
  start: number,
  name: string,
  paper: Paper,
): boolean {
  const modifier = wordBefore(question, start);
  if (modifier === undefined || STOP_WORDS.has(modifier.toLowerCase())) return false;
  // Read only now: a summary read from a snapshot is decoded at each read.
  const summary = paper.summary;
  const compound = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(modifier)}[\\s-]+${escapeRegExp(name)}(?![\\p{L}\\p{N}])`,
    "iu",
  );
  let found = false;
  let citingSection = false;
  for (const line of summary.split("\n")) {
    const section = sectionName(line);
    if (section !== undefined) citingSection = CITING_SECTION.test(section);
    const at = compound.exec(line)?.index;
    if (at === undefined) continue;
    found = true;
    if (!citingSection && !citesAt(line, at)) return false;
  }
  return found;
}
