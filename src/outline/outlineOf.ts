/**
 * Builds the message outline of every reply, with all the wording the platforms share. A new reply
 * kind is a new case here (and in the `Reply` union); platforms need no change unless their layout
 * has something special to say about it.
 */
import type { CardReply } from "../answer/card.ts";
import {
  ADDED_OPENING,
  ALREADY_ADDED_OPENING,
  COMPARE_NOTE,
  fromThreadNote,
  listSummary,
  MORE_HEADING,
  movedOnNote,
  NOT_FOUND_HINT,
  nearestHeading,
  RELATED_HEADING,
  summarySourceNote,
} from "../answer/phrases.ts";
import type { AnswerReply, NotFoundReply, Reply } from "../answer/reply.ts";
import { DIGEST_THREAD_HINT, type Digest, MAX_ADDED, MAX_ASKED } from "../digest/digest.ts";
import {
  ADDED_HEADING,
  ASKED_HEADING,
  abstractOnlyMark,
  digestHeading,
  NO_FEATURED,
  QUESTIONS_HEADING,
  questionCount,
} from "../digest/digestPhrases.ts";
import type { Paper } from "../types.ts";
import type { Block, Inline, Outline, PaperBlock } from "./outline.ts";
import { plainWords, withCode } from "./outline.ts";

/** A card as a paper block: the summary, and the key figure. */
function cardBlock(reply: CardReply): PaperBlock {
  const { paper } = reply;
  return {
    type: "paper",
    paper,
    role: "card",
    body: [reply.summary],
    ...(reply.figure
      ? { figure: { url: reply.figure, alt: `Key figure of ${paper.title}`, label: "Key figure" } }
      : {}),
  };
}

function answerBlocks(reply: AnswerReply): Block[] {
  const { paper } = reply;
  const blocks: Block[] = [
    {
      type: "paper",
      paper,
      role: "passage",
      ...(reply.section ? { section: reply.section } : {}),
      body: reply.passage,
      ...(reply.more ? { more: { heading: MORE_HEADING, body: reply.more } } : {}),
      ...(reply.figure
        ? { figure: { url: reply.figure, alt: `Figure from ${paper.title}`, label: "Figure" } }
        : {}),
    },
  ];
  if (reply.related.length > 0) {
    blocks.push({
      type: "list",
      heading: RELATED_HEADING,
      style: "bullets",
      items: reply.related.map((r) => [{ paper: r.paper }, ": ", r.snippet]),
    });
  }
  if (reply.notCoveredBy) {
    blocks.push({ type: "note", content: [movedOnNote(reply.notCoveredBy, paper)] });
  }
  blocks.push(...sourceNote(paper));
  if (reply.fromThread) blocks.push({ type: "note", content: [fromThreadNote(paper)] });
  return blocks;
}

/** "Summary from the abstract" under a paper whose summary is its abstract; nothing otherwise. */
function sourceNote(paper: Paper): Block[] {
  const note = summarySourceNote(paper);
  return note ? [{ type: "note", content: [note] }] : [];
}

/** The opening sentence of a "not found": no such name, not in the thread's paper, or not at all. */
function notFoundOpening(reply: NotFoundReply): Inline[] {
  if (reply.asked === "name") {
    return ["No paper in our summaries is called ", { quote: reply.question }, "."];
  }
  if (reply.unknownId) {
    return ["None of our paper summaries is of ", { code: reply.unknownId }, "."];
  }
  if (reply.unknownAuthor) {
    return [`None of our paper summaries is of a paper by ${reply.unknownAuthor}`];
  }
  if (reply.threadPaper) {
    return ["The summary of ", { paper: reply.threadPaper }, " doesn't cover that."];
  }
  return ["I couldn't find that in our paper summaries."];
}

function notFoundBlocks(reply: NotFoundReply): Block[] {
  const blocks: Block[] = [{ type: "text", content: notFoundOpening(reply) }];
  if (reply.nearest.length > 0) {
    blocks.push({
      type: "list",
      heading: nearestHeading(reply),
      style: "bullets",
      items: reply.nearest.map((paper) => [{ paper }]),
    });
  }
  blocks.push({ type: "note", content: withCode(NOT_FOUND_HINT) });
  return blocks;
}

/**
 * A digest's blocks: its heading, the featured paper's card and questions (or why there is none),
 * the papers added and the papers asked about most, and how to take part.
 */
export function digestBlocks(digest: Digest): Block[] {
  const { featured } = digest;
  const blocks: Block[] = [{ type: "heading", text: digestHeading(digest) }];
  if (featured) {
    blocks.push(cardBlock(featured.card));
    if (featured.questions.length > 0) {
      blocks.push({
        type: "list",
        heading: QUESTIONS_HEADING,
        style: "numbers",
        items: featured.questions.map((q) => [q]),
        compact: true,
      });
    }
  } else {
    blocks.push({ type: "text", content: [NO_FEATURED] });
  }
  const total = Math.max(digest.addedTotal, digest.added.length);
  if (total > 0) {
    blocks.push({
      type: "list",
      heading: ADDED_HEADING,
      style: "bullets",
      items: digest.added
        .slice(0, MAX_ADDED)
        .map((p) => [{ paper: p }, ` · ${p.year}${abstractOnlyMark(p)}`]),
      total,
      compact: true,
    });
  }
  if (digest.mostAsked.length > 0) {
    blocks.push({
      type: "list",
      heading: ASKED_HEADING,
      style: "bullets",
      items: digest.mostAsked
        .slice(0, MAX_ASKED)
        .map((a) => [{ paper: a.paper }, ` — ${questionCount(a.count)}`]),
      compact: true,
    });
  }
  if (featured) blocks.push({ type: "note", content: [DIGEST_THREAD_HINT], threadOnly: true });
  return blocks;
}

/** A digest as the message posted to a channel. */
export function digestOutline(digest: Digest): Outline {
  const title = digest.featured ? `: ${digest.featured.card.paper.title}` : "";
  return {
    audience: "channel",
    tone: "digest",
    fallback: `${digestHeading(digest)}${title}`,
    blocks: digestBlocks(digest),
  };
}

/** The outline of a reply: what every platform shows, before it escapes, fits and serializes it. */
export function outlineOf(reply: Reply): Outline {
  const outline = outlineWithoutFeedback(reply);
  const feedback = "feedback" in reply ? reply.feedback : undefined;
  return feedback ? { ...outline, feedback } : outline;
}

function outlineWithoutFeedback(reply: Reply): Outline {
  const { audience } = reply;
  switch (reply.kind) {
    case "card":
      return {
        audience,
        tone: "answer",
        fallback: `${reply.paper.title}: ${reply.summary}`,
        blocks: [cardBlock(reply), ...sourceNote(reply.paper)],
      };
    case "answer":
      return {
        audience,
        tone: "answer",
        fallback: `${reply.paper.title}: ${plainWords(reply.passage)}`,
        blocks: answerBlocks(reply),
      };
    case "papers":
      return {
        audience,
        tone: "answer",
        fallback: `${reply.total} papers cover ${reply.topic}`,
        blocks: [
          {
            type: "text",
            content: [`${reply.total} papers in our summaries cover `, { quote: reply.topic }, ":"],
          },
          {
            type: "list",
            style: "bullets",
            items: reply.papers.map((r) => [{ paper: r.paper }, ": ", r.snippet]),
            ...(reply.total > reply.papers.length ? { total: reply.total } : {}),
          },
        ],
      };
    case "compare":
      return {
        audience,
        tone: "answer",
        fallback: reply.sides.map((s) => s.paper.title).join(" vs "),
        blocks: [
          ...reply.sides.map(
            (side): PaperBlock => ({
              type: "paper",
              paper: side.paper,
              role: "passage",
              ...(side.section ? { section: side.section } : {}),
              body: side.passage,
              ...(side.figure
                ? {
                    figure: {
                      url: side.figure,
                      alt: `Figure from ${side.paper.title}`,
                      label: "Figure",
                    },
                  }
                : {}),
            }),
          ),
          { type: "note", content: [COMPARE_NOTE] },
        ],
      };
    case "notFound":
      return {
        audience,
        tone: "notFound",
        fallback: reply.asked === "name" ? "No paper by that name." : "Not in our summaries.",
        blocks: notFoundBlocks(reply),
      };
    case "list":
      return {
        audience,
        tone: "info",
        title: "Papers in our summaries",
        fallback: `${reply.total} papers`,
        blocks: [
          {
            type: "list",
            style: "bullets",
            items: reply.papers.map((p) => [
              { paper: p },
              ...(p.aliases.length > 0 ? [` (${p.aliases.join(", ")})`] : []),
              ` · ${p.year}`,
            ]),
          },
          { type: "note", content: listSummary(reply) },
        ],
      };
    case "help":
      return {
        audience,
        tone: "info",
        fallback: "How to use paperbot",
        blocks: [
          {
            type: "text",
            content: [{ strong: "paperbot" }, ` answers from ${reply.paperCount} paper summaries.`],
          },
          { type: "commands", commands: reply.commands },
        ],
      };
    case "error":
      return { audience, tone: "error", fallback: reply.message, blocks: [text(reply.message)] };
    case "notice":
      return { audience, tone: "notice", fallback: reply.message, blocks: [text(reply.message)] };
    case "added": {
      const opening = reply.already ? ALREADY_ADDED_OPENING : ADDED_OPENING;
      return {
        audience,
        tone: "answer",
        fallback: `${opening} ${reply.card.paper.title}`,
        blocks: [text(opening), cardBlock(reply.card), ...sourceNote(reply.card.paper)],
      };
    }
    case "digest":
      // The note first, so the preview is not mistaken for the posted digest.
      return {
        audience,
        tone: "digest",
        fallback: reply.note,
        blocks: [{ type: "note", content: withCode(reply.note) }, ...digestBlocks(reply.digest)],
      };
  }
}

/** One of our own sentences, its commands as code. */
function text(message: string): Block {
  return { type: "text", content: withCode(message) };
}
