import { digestToPlainText } from "../digest/renderDigestText.ts";
import type { Paper, TextSegment } from "../types.ts";
import {
  listSummary,
  MORE_HEADING,
  movedOnNote,
  NOT_FOUND_HINT,
  nearestHeading,
  notFoundOpening,
  summarySourceNote,
  venueLine,
} from "./phrases.ts";
import type { Reply } from "./reply.ts";

/** Options of {@link toPlainText}. */
export interface TextOptions {
  /** Wraps a highlighted query term (default: leaves it as it is). */
  mark?: (text: string) => string;
}

/** "A, B, C" or "A, B, C et al." for longer author lists. */
export function shortAuthors(authors: readonly string[], max = 3): string {
  return authors.length > max ? `${authors.slice(0, max).join(", ")} et al.` : authors.join(", ");
}

function citation(paper: Paper): string {
  return `${shortAuthors(paper.authors)} · ${paper.venue} ${paper.year} · ${paper.url}`;
}

function render(segments: readonly TextSegment[], mark: (text: string) => string): string {
  return segments.map((s) => (s.highlight ? mark(s.text) : s.text)).join("");
}

/** A reply as plain text: what the console and the CLI print. */
export function toPlainText(reply: Reply, options: TextOptions = {}): string {
  const mark = options.mark ?? ((text: string) => text);
  switch (reply.kind) {
    case "card": {
      const { paper } = reply;
      const lines = [paper.title, paper.authors.join(", "), `${venueLine(paper)} · ${paper.url}`];
      if (paper.aliases.length > 0) lines.push(`Also known as: ${paper.aliases.join(", ")}`);
      lines.push("", reply.summary);
      if (reply.figure) lines.push("", `Key figure: ${reply.figure}`);
      const note = summarySourceNote(paper);
      if (note) lines.push("", `(${note})`);
      return lines.join("\n");
    }
    case "answer": {
      const lines = [
        reply.paper.title,
        citation(reply.paper),
        "",
        ...(reply.section ? [`  § ${reply.section}`] : []),
        `  ${render(reply.passage, mark).replace(/\n/g, "\n  ")}`,
      ];
      if (reply.more)
        lines.push(
          "",
          `  ${MORE_HEADING}:`,
          `  ${render(reply.more, mark).replace(/\n/g, "\n  ")}`,
        );
      if (reply.figure) lines.push("", `  Figure: ${reply.figure}`);
      if (reply.related.length > 0) {
        lines.push("", "Also relevant:");
        for (const r of reply.related) lines.push(`  • ${r.paper.title}: ${r.snippet}`);
      }
      if (reply.notCoveredBy) lines.push("", `(${movedOnNote(reply.notCoveredBy, reply.paper)})`);
      const note = summarySourceNote(reply.paper);
      if (note) lines.push("", `(${note})`);
      if (reply.fromThread) {
        lines.push(
          "",
          `(Answered from ${reply.paper.title}, this conversation's paper. Name another paper to switch.)`,
        );
      }
      return lines.join("\n");
    }
    case "notFound": {
      const lines = [notFoundOpening(reply, { paper: (p) => p.title, question: (q) => `"${q}"` })];
      if (reply.nearest.length > 0) {
        lines.push(`${nearestHeading(reply)}:`);
        for (const paper of reply.nearest) lines.push(`  • ${paper.title} (${paper.id})`);
      }
      lines.push(NOT_FOUND_HINT);
      return lines.join("\n");
    }
    case "list": {
      const lines = reply.papers.map((p) => {
        const aliases = p.aliases.length > 0 ? ` (${p.aliases.join(", ")})` : "";
        return `  • ${p.title}${aliases} · ${p.year}`;
      });
      const more = listSummary(reply, (command) => command, ";");
      return [...lines, more].join("\n");
    }
    case "help": {
      const width = Math.max(...reply.commands.map((c) => c.usage.length));
      return [
        `paperbot answers from ${reply.paperCount} paper summaries.`,
        ...reply.commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.description}`),
      ].join("\n");
    }
    case "error":
      return `Sorry: ${reply.message}`;
    case "notice":
      // Backticks stay: on a terminal they still read as "type this".
      return reply.message;
    case "digest":
      return `${reply.note}\n\n${digestToPlainText(reply.digest)}`;
  }
}
