import { terminalSafe } from "../../../src/display/terminalSafe.ts";
import { truncateAtWord } from "../../../src/display/truncate.ts";
import type { Gap, GapReport } from "../../../store/feedback.ts";
import { parseCommandArgs, parseDays } from "../args.ts";
import { type FeedbackReading, isoDay, openFeedbackReading } from "../feedbackReader.ts";
import { type CliIO, UsageError, writeLine } from "../io.ts";
import { jsonLine } from "../jsonLine.ts";

const USAGE = "paperbot gaps [--json] [--days N] [--export FILE]";

/** The longest question and passage shown in the list: one line each on a wide terminal. */
const QUESTION_SHOWN = 120;
const PASSAGE_SHOWN = 100;

/**
 * `paperbot gaps`: the questions paperbot declined and the answers voted not helpful, grouped
 * by normalized question, most frequent first; `--json` one object a line; `--export FILE` an
 * evaluation set for `npm run eval`, to be labelled by a person. Safe beside the running bot:
 * it only reads.
 */
export async function gapsCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: "boolean" }, days: { type: "string" }, export: { type: "string" } },
    USAGE,
  );
  if (positionals.length > 0) {
    throw new UsageError(`unexpected '${positionals[0]}'\nusage: ${USAGE}`);
  }
  if (values.json && values.export !== undefined) {
    throw new UsageError(`--export writes a file; --json prints the list: one or the other`);
  }
  if (values.export === "") throw new UsageError(`--export needs a file name\nusage: ${USAGE}`);
  const reading = await openFeedbackReading(io, parseDays(values.days));
  if (typeof reading === "number") return reading;
  try {
    const report = reading.store.feedback.gaps(reading.since);
    if (values.export !== undefined) {
      const { exportGaps } = await import("./gapsExport.ts");
      return exportGaps(values.export, report, io);
    }
    if (values.json) {
      for (const gap of report.gaps) writeLine(io.stdout, toJsonGap(gap));
      if (report.unrecorded > 0)
        writeLine(io.stderr, `paperbot gaps: ${unrecordedNote(report, reading)}`);
      return 0;
    }
    printGaps(report, reading, io);
    return 0;
  } finally {
    reading.store.close();
  }
}

/** The JSON line of one gap: exactly the five fields the README promises. */
export function toJsonGap(gap: Gap): string {
  return jsonLine({
    question: gap.question,
    kind: gap.kind,
    paperId: gap.paperId,
    count: gap.count,
    lastAt: new Date(gap.lastAt).toISOString(),
  });
}

/** Text someone typed, on one line, without what would disturb a terminal, cut to `max`. */
function shown(text: string, max: number): string {
  return truncateAtWord(terminalSafe(text).replace(/\s+/g, " ").trim(), max);
}

/** Why some gaps have no words to show. */
function unrecordedNote(report: GapReport, reading: FeedbackReading): string {
  const many =
    report.unrecorded === 1
      ? "1 more declined or voted-down question is"
      : `${report.unrecorded} more declined or voted-down questions are`;
  const why =
    reading.config.feedback?.recordQuestions === false
      ? "RECORD_QUESTIONS=off"
      : `words are kept FEEDBACK_RETENTION_DAYS=${reading.store.feedback.retentionDays} days, and not at all with RECORD_QUESTIONS=off`;
  return `${many} counted without the words asked (${why}).`;
}

/** One gap as two or three lines: count, kind and question; when and where; the passage shown. */
function gapLines(gap: Gap): string[] {
  const kind = gap.kind === "declined" ? "declined   " : "not helpful";
  const lines = [`${`${gap.count}×`.padStart(5)}  ${kind}  ${shown(gap.question, QUESTION_SHOWN)}`];
  const pad = " ".repeat(20);
  const last = `last asked ${isoDay(gap.lastAt)}`;
  if (gap.kind === "declined") {
    lines.push(`${pad}${last}${gap.paperId ? `, in a thread about ${gap.paperId}` : ""}`);
    return lines;
  }
  const where = gap.paperId ? `, answered from ${gap.paperId}` : ", answered with a list of papers";
  const section = gap.section ? ` (${shown(gap.section, 60)})` : "";
  lines.push(`${pad}${last}${where}${section}`);
  if (gap.passage) lines.push(`${pad}shown: "${shown(gap.passage, PASSAGE_SHOWN)}"`);
  return lines;
}

function printGaps(report: GapReport, reading: FeedbackReading, io: CliIO): void {
  const window = `since ${isoDay(reading.since)} (the last ${reading.days} days)`;
  if (report.gaps.length === 0) {
    writeLine(
      io.stdout,
      `No knowledge gaps ${window}: no question was declined and no answer was voted not helpful.`,
    );
  } else {
    const times = report.gaps.reduce((n, gap) => n + gap.count, 0);
    const questions = report.gaps.length === 1 ? "1 question" : `${report.gaps.length} questions`;
    writeLine(
      io.stdout,
      `Knowledge gaps ${window}: ${questions}, declined or voted not helpful ${times} times in all. Most frequent first; "×" counts askings declined, or not-helpful votes.`,
    );
    for (const gap of report.gaps) {
      writeLine(io.stdout);
      for (const line of gapLines(gap)) writeLine(io.stdout, line);
    }
  }
  if (report.unrecorded > 0) {
    writeLine(io.stdout);
    writeLine(io.stdout, unrecordedNote(report, reading));
  }
  if (report.gaps.length > 0) {
    writeLine(io.stdout);
    writeLine(
      io.stdout,
      "To turn them into test questions: paperbot gaps --export FILE, label them, then npm run eval -- FILE.",
    );
  }
}
