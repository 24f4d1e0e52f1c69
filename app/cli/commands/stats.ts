import { loadCorpus } from "../../../src/corpus/loadCorpus.ts";
import type { FeedbackStats } from "../../../store/feedback.ts";
import { parseCommandArgs, parseDays } from "../args.ts";
import { type FeedbackReading, isoDay, openFeedbackReading } from "../feedbackReader.ts";
import { type CliIO, UsageError, writeLine } from "../io.ts";
import { jsonLine } from "../jsonLine.ts";

const USAGE = "paperbot stats [--json] [--days N]";
const DAY_MS = 24 * 60 * 60 * 1000;
/** The widest bar of the weekly chart, in characters. */
const BAR_WIDTH = 30;

/** One week of the report: every week of the window is there, a quiet one with zeros. */
export interface WeekRow {
  /** The week's Monday (UTC), `YYYY-MM-DD`. */
  week: string;
  questions: number;
  answered: number;
  declined: number;
  /** The window cuts this week: it began before the window, or it is not over yet. */
  partial: boolean;
}

/** What `paperbot stats --json` prints, as one object. */
export interface StatsReport {
  since: string;
  until: string;
  days: number;
  questions: number;
  answered: number;
  declined: number;
  /** answered / questions, from 0 to 1; null with no question. */
  answeredShare: number | null;
  votes: { helpful: number; unhelpful: number };
  weeks: WeekRow[];
  votesPerPaper: Array<{
    paperId: string;
    title: string | null;
    helpful: number;
    unhelpful: number;
  }>;
  mostAsked: Array<{ paperId: string; title: string | null; count: number }>;
}

/**
 * `paperbot stats`: questions per week, the share answered confidently, votes per paper and the
 * most-asked papers, over the last `--days` (default: the retention period): the numbers an
 * organizer puts on a slide. `--json` prints them as one object. Safe beside the running bot.
 */
export async function statsCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: "boolean" }, days: { type: "string" } },
    USAGE,
  );
  if (positionals.length > 0) {
    throw new UsageError(`unexpected '${positionals[0]}'\nusage: ${USAGE}`);
  }
  const reading = await openFeedbackReading(io, parseDays(values.days));
  if (typeof reading === "number") return reading;
  let stats: FeedbackStats;
  try {
    stats = reading.store.feedback.stats(reading.since);
  } finally {
    reading.store.close();
  }
  const report = statsReport(stats, reading, paperTitles(reading.config.corpusDir));
  writeLine(io.stdout, values.json ? jsonLine(report) : statsText(report).join("\n"));
  return 0;
}

/**
 * The corpus's titles by paper id, to name the papers; none when the corpus cannot be read (the
 * ids are shown alone). Broken files are left out, as everywhere.
 */
function paperTitles(corpusDir: string): Map<string, string> {
  try {
    return new Map(loadCorpus(corpusDir).papers.map((paper) => [paper.id, paper.title]));
  } catch {
    return new Map();
  }
}

/** The Monday (UTC, ms) of the week `at` falls in. */
function mondayOf(at: number): number {
  const day = Math.floor(at / DAY_MS);
  // Day 0, 1 January 1970, was a Thursday: three days after a Monday.
  return (day - ((((day + 3) % 7) + 7) % 7)) * DAY_MS;
}

/** The figures, with every week of the window and the papers' titles. */
export function statsReport(
  stats: FeedbackStats,
  window: Pick<FeedbackReading, "since" | "until" | "days">,
  titles: ReadonlyMap<string, string>,
): StatsReport {
  const counted = new Map(stats.weeks.map((week) => [week.week, week]));
  const weeks: WeekRow[] = [];
  const current = mondayOf(window.until);
  for (let monday = mondayOf(window.since); monday <= current; monday += 7 * DAY_MS) {
    const week = isoDay(monday);
    const found = counted.get(week);
    weeks.push({
      week,
      questions: found?.questions ?? 0,
      answered: found?.answered ?? 0,
      declined: found?.declined ?? 0,
      partial: monday < window.since || monday === current,
    });
  }
  const title = (paperId: string) => titles.get(paperId) ?? null;
  return {
    since: new Date(window.since).toISOString(),
    until: new Date(window.until).toISOString(),
    days: window.days,
    questions: stats.questions,
    answered: stats.answered,
    declined: stats.declined,
    answeredShare: stats.questions === 0 ? null : stats.answered / stats.questions,
    votes: stats.votesInAll,
    weeks,
    votesPerPaper: stats.votes.map(({ paperId, helpful, unhelpful }) => ({
      paperId,
      title: title(paperId),
      helpful,
      unhelpful,
    })),
    mostAsked: stats.mostAsked.map(({ paperId, count }) => ({
      paperId,
      title: title(paperId),
      count,
    })),
  };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "-" : `${Math.round((100 * part) / whole)}%`;
}

function paperName(paper: { paperId: string; title: string | null }): string {
  return paper.title ? `${paper.title} (${paper.paperId})` : paper.paperId;
}

/** The report as lines a person can read, or paste into a slide. */
export function statsText(report: StatsReport): string[] {
  const lines = [
    `paperbot, ${report.since.slice(0, 10)} to ${report.until.slice(0, 10)} (the last ${report.days} days)`,
    "",
    `Questions: ${report.questions}, answered confidently ${report.answered} (${percent(report.answered, report.questions)}), declined ${report.declined} ("not in our summaries")`,
    `Votes on answers: ${report.votes.helpful} helpful, ${report.votes.unhelpful} not helpful`,
    "",
    "Questions per week (weeks start on Monday, UTC; * part of a week)",
  ];
  const most = Math.max(1, ...report.weeks.map((week) => week.questions));
  for (const week of report.weeks) {
    const bar = "█".repeat(Math.round((BAR_WIDTH * week.questions) / most));
    const label = `${week.week}${week.partial ? "*" : " "}`;
    const answered =
      week.questions === 0 ? "" : `  ${percent(week.answered, week.questions)} answered`;
    lines.push(
      `  ${label} ${String(week.questions).padStart(5)}  ${bar.padEnd(BAR_WIDTH)}${answered}`.trimEnd(),
    );
  }
  lines.push("", "Most-asked papers (answers given from each)");
  if (report.mostAsked.length === 0) lines.push("  none yet");
  report.mostAsked.forEach((paper, i) => {
    lines.push(`  ${String(i + 1).padStart(2)}. ${paperName(paper)}: ${paper.count}`);
  });
  lines.push("", "Votes per paper (helpful / not helpful)");
  if (report.votesPerPaper.length === 0) lines.push("  none yet");
  for (const paper of report.votesPerPaper) {
    lines.push(`  ${paperName(paper)}: ${paper.helpful} / ${paper.unhelpful}`);
  }
  return lines;
}
