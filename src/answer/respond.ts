import { lookupPaper } from "../lookup/lookupPaper.ts";
import type { PaperIndex } from "../retrieval/buildIndex.ts";
import { CONFIDENCE_THRESHOLD, MAX_QUERY_CHARS, search } from "../retrieval/search.ts";
import { findWords } from "../text/terms.ts";
import type { Paper, SearchResponse, SearchResult } from "../types.ts";
import { compareReply, papersReply } from "./corpusReplies.ts";
import { sectionPath, snippetOf } from "./excerpts.ts";
import { COMMAND_FORMS, parseRequest } from "./grammar.ts";
import { paperCard } from "./paperCard.ts";
import { questionShape } from "./questionShape.ts";
import { readableSegments, readableText } from "./readable.ts";
import type { AnswerReply, CardReply, Reply } from "./reply.ts";
import type { ThreadPapers } from "./threadMemory.ts";

/** One thing a person said to the bot. */
export interface BotRequest {
  /** The text after `/paper` or after the mention of the bot. */
  text: string;
  /** A key naming the chat thread it came from, if any: follow-ups there stay on its paper. */
  thread?: string;
}

/** What {@link respond} may use besides the index. */
export interface RespondContext {
  /** Which paper each thread is about; without it, every question stands alone. */
  memory?: ThreadPapers;
  /** Random number in [0, 1) for `/paper random` (tests pass a fixed one). */
  random?: () => number;
}

/** Most papers `/paper list` shows; the rest are counted. */
export const LIST_LIMIT = 20;
/** Most other papers offered beside an answer. */
export const MAX_RELATED = 2;
/** How many papers a "did you mean" offers. */
const MAX_SUGGESTIONS = 3;
/** A miss this short, with no question mark, was probably meant as a name: suggest names. */
const MAX_NAME_WORDS = 4;

/**
 * A request on its way to a reply: `ready` when it needed no search (help, the list, a name, a
 * request turned down), else `search`, whose `run()` does the passage search. Platforms with a
 * short acknowledgement window (Discord) acknowledge a `search` first and answer after.
 */
export type PlannedReply =
  | { kind: "ready"; reply: Reply }
  | { kind: "search"; question: string; run: () => Reply };

/**
 * Does the cheap part of answering a request: the grammar, the limits and the name look-up. The
 * passage search, whose cost grows with the corpus, is left in the returned `run()`.
 */
export function planReply(
  index: PaperIndex,
  request: BotRequest,
  context: RespondContext = {},
): PlannedReply {
  const ready = (reply: Reply): PlannedReply => ({ kind: "ready", reply });
  const parsed = parseRequest(request.text);
  if (parsed.kind === "help") {
    return ready({
      kind: "help",
      audience: "asker",
      commands: [...COMMAND_FORMS],
      paperCount: index.papers.size,
    });
  }
  if (index.papers.size === 0) {
    return ready({
      kind: "error",
      audience: "asker",
      message: "No papers are loaded yet: add summaries to the corpus and try again.",
    });
  }
  if (parsed.kind === "digest") {
    // The chat adapters answer these from the database before planning; this is everywhere else.
    return ready({
      kind: "error",
      audience: "asker",
      message:
        "The digest is a slash command: run `/paper digest` in a channel, or `paperbot digest preview`.",
    });
  }
  if (parsed.kind === "add") {
    // The pipeline answers these when the bot can write its corpus; this is everywhere else.
    return ready({
      kind: "error",
      audience: "asker",
      message: "Adding papers is not set up here: run `paperbot import arxiv ID` instead.",
    });
  }
  if (parsed.kind === "list") return ready(listReply(index));
  if (parsed.kind === "random") {
    const papers = [...index.papers.values()];
    const pick = papers[Math.floor((context.random ?? Math.random)() * papers.length)];
    return ready(cardReply(index, pick ?? (papers[0] as Paper), request, context));
  }
  const { text } = parsed;
  if (text.length > MAX_QUERY_CHARS) {
    return ready({
      kind: "error",
      audience: "asker",
      message: `That is ${text.length} characters; please ask in at most ${MAX_QUERY_CHARS}.`,
    });
  }
  const lookup = lookupPaper(index.names, text);
  if (lookup.paper) return ready(cardReply(index, lookup.paper, request, context));
  const shape = questionShape(text);
  // "who wrote MixMatch?" is answered by its card: authors, venue and year, then what it does.
  const authored =
    shape.kind === "authors" ? lookupPaper(index.names, shape.subject).paper : undefined;
  if (authored) return ready(cardReply(index, authored, request, context));
  const answer = () =>
    questionReply(index, text, lookup.suggestions, request, {
      ...context,
      corpusWide: shape.kind === "corpus",
    });
  // "which papers use MMD?" lists every paper that does; "BEAR vs BCQ" sets the two side by side.
  // Each falls back to an ordinary answer when there is no list or pair to show.
  const shaped =
    shape.kind === "corpus"
      ? () => papersReply(index, text, shape.topic)
      : shape.kind === "compare"
        ? () => compareReply(index, text)
        : () => undefined;
  return { kind: "search", question: text, run: () => shaped() ?? answer() };
}

/**
 * Answers one request with the platform-neutral reply: help, the list, a card, an answer, or "not
 * in our summaries". It never throws on what a person typed; adapters only render the result.
 */
export function respond(
  index: PaperIndex,
  request: BotRequest,
  context: RespondContext = {},
): Reply {
  const plan = planReply(index, request, context);
  return plan.kind === "ready" ? plan.reply : plan.run();
}

function listReply(index: PaperIndex): Reply {
  const papers = [...index.papers.values()].sort(
    (a, b) => b.added.localeCompare(a.added) || a.title.localeCompare(b.title),
  );
  return {
    kind: "list",
    audience: "channel",
    papers: papers.slice(0, LIST_LIMIT),
    total: papers.length,
  };
}

/** Other results worth offering beside the answer: those that would be confident answers too. */
export function relatedResults(response: SearchResponse): SearchResult[] {
  return response.results.slice(1).filter((r) => r.coverage >= CONFIDENCE_THRESHOLD);
}

function cardReply(
  index: PaperIndex,
  paper: Paper,
  request: BotRequest,
  context: RespondContext,
): CardReply {
  if (request.thread) context.memory?.remember(request.thread, paper.id);
  return paperCardReply(index, paper);
}

/** The card of one paper, as `/paper NAME` shows it. */
export function paperCardReply(index: PaperIndex, paper: Paper): CardReply {
  const card = paperCard(index, paper);
  return {
    kind: "card",
    audience: "channel",
    paper,
    summary: readableText(card.summary),
    ...(card.figure ? { figure: card.figure } : {}),
  };
}

function questionReply(
  index: PaperIndex,
  question: string,
  nameSuggestions: readonly Paper[],
  request: BotRequest,
  context: RespondContext & { corpusWide: boolean },
): Reply {
  // A question about the whole corpus is not about the thread's paper.
  const focus =
    request.thread && !context.corpusWide ? context.memory?.paperOf(request.thread) : undefined;
  const response = search(index, question, focus ? { focus } : {});
  const [best] = response.results;
  if (response.confident && best) {
    if (request.thread) context.memory?.remember(request.thread, best.paper.id);
    return answerReply(response, focus);
  }
  // The thread's paper does not cover it: another paper that does answers, and the thread
  // moves to it, saying so.
  const open = focus ? search(index, question) : undefined;
  const [other] = open?.results ?? [];
  if (open?.confident && other && other.paper.id !== focus) {
    if (request.thread) context.memory?.remember(request.thread, other.paper.id);
    const threadPaper = focus ? index.papers.get(focus) : undefined;
    return {
      ...answerReply(open, undefined),
      ...(threadPaper ? { notCoveredBy: threadPaper } : {}),
    };
  }
  const threadPaper = focus ? index.papers.get(focus) : undefined;
  // A short miss that is a few edits from a name was meant as one ("fixmatch"): offer names.
  if (!threadPaper && nameSuggestions.length > 0 && looksLikeName(question)) {
    const nearest = new Set([...nameSuggestions, ...response.results.map((r) => r.paper)]);
    // No paper by that name is an error of the request, and errors go to the asker alone.
    return {
      kind: "notFound",
      audience: "asker",
      question,
      asked: "name",
      nearest: [...nearest].slice(0, MAX_SUGGESTIONS),
    };
  }
  return {
    kind: "notFound",
    audience: "channel",
    question,
    asked: "question",
    ...(threadPaper ? { threadPaper } : {}),
    ...(response.unknownId ? { unknownId: response.unknownId } : {}),
    ...(response.unknownAuthor ? { unknownAuthor: response.unknownAuthor } : {}),
    nearest: response.results.map((r) => r.paper).filter((p) => p !== threadPaper),
  };
}

function answerReply(response: SearchResponse, focus: string | undefined): AnswerReply {
  const [best] = response.results;
  if (!best) throw new Error("answerReply needs a result");
  const related = relatedResults(response).slice(0, MAX_RELATED);
  const [figure] = best.passage.figures;
  return {
    kind: "answer",
    audience: "channel",
    question: response.query,
    paper: best.paper,
    passage: readableSegments(best.highlighted),
    ...(best.passage.headings?.length ? { section: sectionPath(best.passage.headings) } : {}),
    ...(figure ? { figure } : {}),
    ...(best.more ? { more: readableSegments(best.more.highlighted) } : {}),
    related: related.map((r) => ({
      paper: r.paper,
      snippet: snippetOf(r.passage.text),
    })),
    fromThread: focus === best.paper.id,
  };
}

function looksLikeName(text: string): boolean {
  return !text.includes("?") && findWords(text).length <= MAX_NAME_WORDS;
}
