import { findMentions, unknownAuthorOf } from "../lookup/findMentions.ts";
import type { Mention } from "../lookup/mention.ts";
import { ARXIV_ID_IN_TEXT, parseArxivId } from "../text/arxivId.ts";
import { DOI_IN_TEXT, findDois } from "../text/doi.ts";
import { foldText, processTerm, termsOf } from "../text/terms.ts";
import { PREFIXES } from "../text/wordRarity.ts";
import { askedTerms, askingPartStart } from "./askedPart.ts";
import { PAPER_FIELDS, type PaperIndex, paperNameTerms, SUMMARY_FIELD } from "./buildIndex.ts";
import { passagesCite } from "./citedAuthor.ts";
import { namesWithinCitedWork } from "./citedOnly.ts";
import { corpusLacks, weighQuery } from "./confidence.ts";
import { PAPER_FIELD_BOOST } from "./paperIndex.ts";
import { namesOnlyAsReference } from "./references.ts";
import { firstCompared } from "./topicLabel.ts";
import { questionSubject, type WorkAsked, workAsked } from "./workAsked.ts";

/** Longest query read; the rest is ignored, since nobody asks a question that long. */
export const MAX_QUERY_CHARS = 1000;

/** A question made ready for matching. */
export interface PreparedQuery {
  /** The question as asked (at most {@link MAX_QUERY_CHARS}), which mentions' offsets index. */
  raw: string;
  /** Text to match: names spelled as the corpus does, typos corrected, links and ids removed. */
  text: string;
  /** Its index terms. */
  terms: string[];
  /** How much each term says about the topic (see `weighQuery`). */
  weights: Map<string, number>;
  /** Papers the question names, by name, arXiv id or author. */
  mentions: Mention[];
  /** False when the question only names or describes a paper ("what is BEAR?", "1906.00949"). */
  asksMore: boolean;
  /**
   * The weights of what the question asks beyond the papers it names: its terms less those that
   * only name or describe them. What a named paper's passage must cover to answer confidently
   * ("dropconnect vs dropout: what does dropconnect drop?" names Dropout and asks about DropConnect).
   */
  residualWeights: Map<string, number>;
  /**
   * The most specific term of each name the question uses ("worldmodel" of "world models",
   * "resnet" of "ResNets"): a passage says a name when it says that, not when it says "models".
   */
  nameWords: string[];
  /**
   * The terms of what the question asks when it first describes its paper ("that net that eats
   * raw point sets - how does it handle any order?": "handle", "order"), else undefined (see
   * `askedTerms`).
   */
  asked?: ReadonlySet<string>;
  /**
   * Papers the question names only to place the one it asks about ("the BERT variant that masks
   * spans" is not about BERT; see `namesOnlyAsReference`), which are not in {@link mentions}.
   */
  referred: string[];
  /**
   * Papers the question names only inside the name of another work their summaries only cite
   * ("bayesian segnet"; see `namesWithinCitedWork`): such a summary covers none of the question.
   */
  withinCited: string[];
  /**
   * The terms of the question's grammatical subject (see `questionSubject`), or of the first of
   * two works it opens by comparing (see `firstCompared`: "wanda vs sparsegpt on 2:4 sparsity, who
   * wins?" is asked of Wanda's notes first, which the SparseGPT notes' results match as well), or
   * none. Measured on every set: notes15 dev first 98% -> 99%, and together: notes3 blind +1.
   */
  subject: readonly string[];
  /**
   * The weights of the words that could name a work: {@link weights} less the words of papers'
   * venues ("NeurIPS 2020" names where a paper appeared, not a work a summary cites).
   */
  workWeights: Map<string, number>;
  /** The work the question asks about by name (see `workAsked`), if any. */
  work?: WorkAsked;
  /**
   * An arXiv id or DOI the question gives that no paper of the corpus has: the question asks
   * about a paper the group has not summarized ("2106.09685: which weight matrices get
   * adapted?"), whichever summary matches its other words.
   */
  unknownId?: string;
  /**
   * An author the question names a paper by ("Dabney et al.") that no paper of the corpus is by,
   * nor of the year it gives (see `unknownAuthorOf`), and that no summary writes.
   */
  unknownAuthor?: string;
}

/**
 * Words that ask what a paper is, not something in it: "what did Peters et al. propose?", "the
 * main idea of BEAR", "how does MixMatch work?", "tl;dr VQ-VAE-2", "what did Kingma and Dhariwal
 * add?". Beside a paper's name they ask for its introduction, as the name alone does.
 */
const OVERVIEW_WORDS = [
  "propose",
  "introduce",
  "idea",
  "contribution",
  "main",
  "summary",
  "summarize",
  "tldr",
  "tl",
  "dr",
  "gist",
  "overview",
  "core",
  "key",
  "paper",
  "approach",
  "work",
  "basically",
  "explain",
  "add",
  "contribute",
  "present",
  "invent",
  "novel",
];
let overviewTerms: ReadonlySet<string> | undefined;

/** The index terms of {@link OVERVIEW_WORDS}, worked out once. */
function overviewTermSet(): ReadonlySet<string> {
  overviewTerms ??= new Set(OVERVIEW_WORDS.flatMap((word) => termsOf(word)));
  return overviewTerms;
}

/** Links, arXiv ids and DOIs identify a paper (found as mentions); their words match nothing useful. */
function withoutIdentifiers(text: string): string {
  return text
    .replace(/\b(?:https?:\/\/)?(?:www\.)?arxiv\.org\/\S*/gi, " ")
    .replace(/\b(?:https?:\/\/)?(?:dx\.)?doi\.org\/\S*/gi, " ")
    .replace(/\bdoi:\s*/gi, " ")
    .replace(DOI_IN_TEXT, " ")
    .replace(ARXIV_ID_IN_TEXT, " ");
}

/** Rewrites the question with each mention replaced: a name by its canonical spelling, else kept or dropped. */
function rewriteMentions(
  query: string,
  mentions: readonly Mention[],
  replace: (m: Mention) => string,
): string {
  let text = "";
  let cursor = 0;
  for (const mention of mentions) {
    if (mention.start < cursor) continue;
    text += query.slice(cursor, mention.start) + replace(mention);
    cursor = mention.end;
  }
  return text + query.slice(cursor);
}

/** Shortest word read as a prefix and a word ("upweight"): shorter ones are names as often. */
const MIN_PREFIXED_LENGTH = 7;
/** Shortest rest of such a word that is read as the word it was made from. */
const MIN_UNPREFIXED_LENGTH = 5;

/** True when some passage has every term of `word`. */
function passagesHave(index: PaperIndex, word: string): boolean {
  const terms = processTerm(word);
  return terms.length > 0 && terms.every((t) => index.passageSearch.documentFrequency(t) > 0);
}

/**
 * The question with each word the corpus lacks, made by a prefix from one its summaries have,
 * read as that word: "decorrelates" as "correlates", "upweight" as "weight". What the question
 * asks of the word is nearer a summary that says it than none. Each such word counts as corrected
 * (it earns a little less than an exact match). A word any title writes stays: "deconstructing"
 * names the paper that "Deconstructing Lottery Tickets" is.
 */
function withoutPrefixes(
  index: PaperIndex,
  text: string,
  corrections: Map<string, string>,
): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const folded = foldText(word);
    if (folded.length < MIN_PREFIXED_LENGTH || !corpusLacks(index, folded)) return word;
    for (const prefix of PREFIXES) {
      const rest = folded.slice(prefix.length);
      if (!folded.startsWith(prefix) || rest.length < MIN_UNPREFIXED_LENGTH) continue;
      if (!passagesHave(index, rest)) continue;
      corrections.set(folded, rest);
      return rest;
    }
    return word;
  });
}

/**
 * Words before a name that place the question in that paper: "...from ORQA - what goes wrong in
 * REALM if you skip it?". Such a name is the paper asked about, wherever the question names it.
 */
const IN_NAMED = /\bin\s+(?:the\s+)?$/i;

/**
 * The paper whose title, names, authors and summary best match a text, as the paper-level half of
 * ranking scores them; undefined when none matches. A question's opening description ("the amazon
 * gluoncv paper that pushed vanilla resnet-50 from ~75 to ~79 top-1") picks out a paper so.
 */
function bestMatchFor(index: PaperIndex, text: string): string | undefined {
  const { docs, scores } = index.paperSearch.score(termsOf(text), PAPER_FIELD_BOOST);
  let best: number | undefined;
  for (let i = 0; i < docs.length; i++) {
    if (best === undefined || (scores[i] as number) > (scores[best] as number)) best = i;
  }
  return best === undefined ? undefined : index.paperIds[docs[best] as number];
}

/**
 * Share of the corpus's summaries that must write a word for it to be an everyday word of these
 * notes (see {@link namesByEverydayWord}). At a tenth or a fifth, notes dev gained a right answer
 * and no set lost one; at a twentieth, notes9 blind lost two.
 */
const EVERYDAY_SHARE = 0.2;

/**
 * Fewest summaries that must write a word for it to be an everyday word of these notes: in a
 * corpus of nine, two summaries citing BEAR are no sign that "bear" is everyday.
 */
const EVERYDAY_SUMMARIES = 5;

/**
 * True when a question names a paper only by one lower-case word that the paper's alias writes in
 * capitals ("base" for BASE layers), and that the corpus's summaries write so often that it is
 * one of their everyday words: "how is the refiner applied to the base output?" says "base" as a
 * word. A rarer one still names its paper however it is cased ("how does bear avoid OOD
 * actions?"), as does the alias typed as it is written ("BASE").
 */
function namesByEverydayWord(index: PaperIndex, query: string, mention: Mention): boolean {
  const { by, canonical, start, end } = mention;
  if (by !== "name" || canonical === undefined || canonical !== canonical.toUpperCase())
    return false;
  const raw = query.slice(start, end);
  if (raw !== raw.toLowerCase() || /\s/.test(raw)) return false;
  const [term, ...more] = processTerm(raw);
  if (term === undefined || more.length > 0) return false;
  const writing = index.paperSearch.documentFrequency(term, SUMMARY_FIELD);
  return writing >= EVERYDAY_SUMMARIES && writing >= EVERYDAY_SHARE * index.paperIds.length;
}

/** Finds the papers a question names and turns it into weighted terms. */
export function prepareQuery(index: PaperIndex, rawQuery: string): PreparedQuery {
  const query = rawQuery.slice(0, MAX_QUERY_CHARS);
  // A name given only to place the paper asked about ("the BERT variant that...") names no
  // paper of the question: its words stay words, and that paper is not the answer.
  const found = findMentions(index.names, query).filter(
    (m) => !namesByEverydayWord(index, query, m),
  );
  // So is a name the question only asks about once it has described its paper unnamed: "the
  // trick that averages late SGD checkpoints - what do you do about batchnorm afterwards?"
  const asking = askingPartStart(query);
  const describedUnnamed = asking !== undefined && found.every((m) => m.start >= asking);
  // Unless the description picks out the named paper itself: "the amazon gluoncv paper that
  // pushed vanilla resnet-50 to ~79 top-1 - what exactly is the resnet-d change?" is Bag of
  // Tricks, named then by its ResNet-D.
  const described = describedUnnamed ? bestMatchFor(index, query.slice(0, asking)) : undefined;
  const afterAnother = (m: Mention) => found.some((o) => o.start < m.start && o.paper !== m.paper);
  let mentions = found.filter(
    (m) =>
      !namesOnlyAsReference(query, m, afterAnother(m)) &&
      !(
        describedUnnamed &&
        m.by === "name" &&
        !IN_NAMED.test(query.slice(0, m.start)) &&
        m.paper.id !== described
      ),
  );
  // A name inside another work's name that the paper's summary only cites ("bayesian segnet")
  // names that work, not the paper.
  const withinCited = mentions
    .filter(
      (m) =>
        m.by === "name" &&
        namesWithinCitedWork(query, m.start, query.slice(m.start, m.end), m.paper),
    )
    .map((m) => m.paper.id);
  if (withinCited.length > 0) mentions = mentions.filter((m) => !withinCited.includes(m.paper.id));
  const referred = found.filter((m) => !mentions.includes(m)).map((m) => m.paper.id);
  // "mix match" and "mixmtach" are matched as "MixMatch", so passages that name it count.
  const canonical = rewriteMentions(query, mentions, (m) =>
    m.by === "name" ? ` ${m.canonical} ` : query.slice(m.start, m.end),
  );
  const spelled = index.speller.correct(withoutIdentifiers(canonical));
  const corrections = spelled.corrections;
  const text = withoutPrefixes(index, spelled.text, corrections);
  // Words that only describe a named paper ("the Razavi et al. image generation paper" repeats
  // its title) ask nothing beyond it.
  // Its year too: "Peters et al. 2018".
  const describing = new Set(
    mentions.flatMap((m) => [...paperNameTerms(index, m.paper), String(m.paper.year)]),
  );
  const overview = overviewTermSet();
  const residual = rewriteMentions(query, mentions, () => " ");
  const weights = weighQuery(index, text, new Set(corrections.values()));
  const asked = askedTerms(text);
  const subject = questionSubject(query);
  const work = workAsked(subject, (term) => isAuthorTerm(index, term));
  const residualTerms = new Set(
    termsOf(withoutIdentifiers(residual)).filter(
      (term) => !describing.has(term) && !(mentions.length > 0 && overview.has(term)),
    ),
  );
  return {
    raw: query,
    text,
    terms: termsOf(text),
    weights,
    mentions,
    asksMore: residualTerms.size > 0,
    residualWeights: new Map([...weights].filter(([term]) => residualTerms.has(term))),
    workWeights: withoutVenueWords(index, weights),
    nameWords: mentions.flatMap((m) => heaviestTerm(query.slice(m.start, m.end), weights) ?? []),
    ...(asked ? { asked } : {}),
    referred,
    withinCited,
    subject: subject ? processTerm(subject.word) : termsOf(firstCompared(query) ?? ""),
    ...(work ? { work } : {}),
    ...unknownIdOf(query, found),
    ...unknownAuthorField(index, query),
  };
}

/**
 * The first arXiv id (a real one: "2106.09685", not "1024.5000") or DOI a question writes that
 * names none of the papers found in it, as {@link PreparedQuery.unknownId}.
 */
function unknownIdOf(question: string, found: readonly Mention[]): { unknownId?: string } {
  const known = new Set(
    found.filter((m) => m.by === "arxiv" || m.by === "doi").map((m) => m.start),
  );
  const written = [
    ...[...question.matchAll(ARXIV_ID_IN_TEXT)]
      .filter((m) => parseArxivId(m[0]))
      .map((m) => ({ id: m[0], start: m.index })),
    ...findDois(question).map(({ doi, start }) => ({ id: doi, start })),
  ];
  const unknown = written.find(({ start }) => !known.has(start));
  return unknown ? { unknownId: unknown.id } : {};
}

/** The author no paper of the corpus has that the question names a paper by, as {@link PreparedQuery.unknownAuthor}. */
function unknownAuthorField(index: PaperIndex, question: string): { unknownAuthor?: string } {
  // A summary that writes the name cites that work ("randomized smoothing (Cohen et al.)"), and
  // may well answer how it relates: the smoothing paper that builds on it answers "randomized
  // smoothing from Cohen et al.". A name only in author lists counts as unwritten: "Lowe" of a
  // 2022 paper's authors says nothing of "lowe et al 2017"; nor does a summary that cites a Lowe
  // of 2012, or writes "Lowell" (see `passagesCite`).
  const unknown = unknownAuthorOf(
    index.names,
    question,
    (family, years) => !passagesCite(index, family, years),
  );
  return unknown ? { unknownAuthor: unknown } : {};
}

/** The term of `text` that weighs most in `weights`, if any weighs anything. */
function heaviestTerm(text: string, weights: ReadonlyMap<string, number>): string | undefined {
  let heaviest: string | undefined;
  for (const term of termsOf(text)) {
    if ((weights.get(term) ?? 0) > (weights.get(heaviest ?? "") ?? 0)) heaviest = term;
  }
  return heaviest;
}

/**
 * A topic made ready for matching as words alone, naming no paper: "which papers use batch
 * normalization?" asks for every paper that writes of it, not for the one it names.
 */
export function prepareTopic(index: PaperIndex, rawTopic: string): PreparedQuery {
  const raw = rawTopic.slice(0, MAX_QUERY_CHARS);
  const { text, corrections } = index.speller.correct(withoutIdentifiers(raw));
  const weights = weighQuery(index, text, new Set(corrections.values()));
  return {
    raw,
    text,
    terms: termsOf(text),
    weights,
    mentions: [],
    asksMore: true,
    residualWeights: weights,
    workWeights: withoutVenueWords(index, weights),
    nameWords: [],
    referred: [],
    withinCited: [],
    subject: [],
  };
}

/** The venue field of the paper index. */
const VENUE_FIELD = PAPER_FIELDS.indexOf("venue");

/** `weights` less the terms any paper's venue has (see {@link PreparedQuery.workWeights}). */
function withoutVenueWords(
  index: PaperIndex,
  weights: ReadonlyMap<string, number>,
): Map<string, number> {
  return new Map(
    [...weights].filter(([term]) => index.paperSearch.documentFrequency(term, VENUE_FIELD) === 0),
  );
}

/** The authors field of the paper index: a word any paper's authors have is a person's name. */
const AUTHORS_FIELD = PAPER_FIELDS.indexOf("authors");

/** True when any paper's author list has `term`. */
function isAuthorTerm(index: PaperIndex, term: string): boolean {
  return index.paperSearch.documentFrequency(term, AUTHORS_FIELD) > 0;
}
