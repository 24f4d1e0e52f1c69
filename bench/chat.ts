/**
 * Chat round trips on loopback: how long Discord and Slack wait for paperbot. The real adapters
 * (discord.js, Bolt in HTTP mode) answer the tests' loopback stand-ins, which run in a process of
 * their own (bench/chatPlatforms.ts) and time each request from the moment the platform sends it:
 * - Discord: autocomplete (INTERACTION_CREATE → choices, callback 8); `/paper NAME` (→ the reply,
 *   callback 4); `/paper QUESTION` (→ the deferral, callback 5, and → the answer, the PATCH of
 *   @original); a mention in the channel (MESSAGE_CREATE → the answer posted in its new thread).
 * - Slack: `/paper NAME` and `/paper QUESTION` (the signed POST → HTTP 200, and → the answer at
 *   the response URL).
 * - Votes (#16): a click on "Helpful" / "Not helpful" under an answer, by 50 people over 5 answers,
 *   first votes, changes and repeats mixed, counted in a real SQLite file: Discord (the component
 *   interaction → the ephemeral thanks, callback 4) and Slack (the signed `block_actions` POST →
 *   HTTP 200, and → the ephemeral thanks at the click's response URL). The target is a p99 of
 *   100 ms for the acknowledgement, printed under the table beside the other acknowledgements.
 * Beside each, the same run times the core alone, in-process, on the same texts: the part of the
 * wait that is paperbot's own work (the rest is the libraries, HTTP, WebSocket and JSON). One
 * request is in flight at a time, so the figures are latencies, not throughput.
 *
 * Corpora: the real one (its questions from test/fixtures/questions.jsonl) and synthetic ones
 * (bench/syntheticCorpus.ts; questions, names and prefixes from bench/benchQueries.ts), built in
 * a temporary directory with an index snapshot, first in a fresh process (timed), then loaded from
 * the snapshot as the bot starts. With --keep the directory stays and later runs reuse it.
 *
 * Usage: npm run bench:chat [-- --papers N ...] [--rounds N] [--seed N] [--keep]
 * (defaults: the real corpus and 10,000 synthetic papers, 200 rounds, seed 1; about 1.5 minutes)
 * Prints a Markdown table on stdout; progress goes to stderr.
 */
import { type ChildProcess, execFileSync, fork } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { paperChoices } from "../adapters/discord/commands.ts";
import { createDiscordAdapter } from "../adapters/discord/discordAdapter.ts";
import { createSlackAdapter } from "../adapters/slack/slackAdapter.ts";
import { createLogger } from "../app/logger.ts";
import { ThreadMemory } from "../src/answer/threadMemory.ts";
import { loadCorpus } from "../src/corpus/loadCorpus.ts";
import { suggestPapers } from "../src/lookup/suggestPapers.ts";
import { answerRequest, planRequest } from "../src/pipeline/answer.ts";
import type { AdapterCore } from "../src/pipeline/context.ts";
import { voteOn } from "../src/pipeline/feedback.ts";
import type { PaperIndex } from "../src/retrieval/buildIndex.ts";
import { loadCorpusIndex } from "../src/retrieval/loadCorpusIndex.ts";
import { splitSentences } from "../src/text/sentences.ts";
import { openStore } from "../store/openStore.ts";
import { benchQueries } from "./benchQueries.ts";
import type {
  FromPlatforms,
  PlatformsReady,
  RoundRequest,
  RoundResult,
  ToPlatforms,
} from "./chatPlatforms.ts";
import { percentiles } from "./percentiles.ts";
import { progressBar } from "./progressBar.ts";
import {
  generatePapers,
  type SyntheticPaper,
  seededRandom,
  writePapers,
} from "./syntheticCorpus.ts";

const { values } = parseArgs({
  options: {
    papers: { type: "string", multiple: true },
    rounds: { type: "string", default: "200" },
    seed: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
  },
});
const positive = (flag: string, text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`bench:chat: --${flag} wants a whole number ≥ 1, not "${text}"`);
  return n;
};
const sizes = (values.papers ?? ["10000"]).map((n) => positive("papers", n));
const rounds = positive("rounds", values.rounds);
const seed = Number(values.seed);
/** Rounds of each measure run before timing: JIT, connections and caches warm on both sides. */
const WARM_UP = 20;
/** Discord's and Slack's limit for the first response to an interaction or command. */
const ACK_LIMIT_MS = 3000;
/** Issue #16's target for acknowledging a click on a vote button, p99. */
const VOTE_ACK_TARGET_MS = 100;
/** How many people vote, each on a few answers, changing their mind now and then. */
const VOTERS = 50;
/** How many answers the votes are spread over. */
const VOTED_ANSWERS = 5;
const CORPUS_DIR = fileURLToPath(new URL("../corpus", import.meta.url));
const QUESTIONS_FILE = fileURLToPath(new URL("../test/fixtures/questions.jsonl", import.meta.url));

// ─── The platforms' process ───────────────────────────────────────────────────────────────────

/** The stand-ins in their own process, and a way to ask them to play one request. */
interface Platforms {
  ready: PlatformsReady;
  play(request: Omit<RoundRequest, "id">): Promise<RoundResult>;
  close(): Promise<void>;
}

async function startPlatforms(): Promise<Platforms> {
  const child: ChildProcess = fork(fileURLToPath(new URL("./chatPlatforms.ts", import.meta.url)), {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, (result: RoundResult) => void>();
  let onClosed: () => void = () => {};
  const ready = await new Promise<PlatformsReady>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the platforms' process exited (${code})`)));
    child.on("message", (message: FromPlatforms) => {
      if (message.type === "ready") resolve(message.ready);
      else if (message.type === "round") {
        pending.get(message.result.id)?.(message.result);
        pending.delete(message.result.id);
      } else onClosed();
    });
  });
  let next = 0;
  return {
    ready,
    play(request) {
      const id = ++next;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.send({ ...request, id } as ToPlatforms);
      });
    },
    async close() {
      if (child.exitCode !== null || !child.connected) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await new Promise<void>((resolve) => {
        onClosed = resolve;
        child.send({ kind: "close" } satisfies ToPlatforms);
      });
      await exited;
    },
  };
}

// ─── Corpora and their requests ───────────────────────────────────────────────────────────────

/** One corpus to measure on, and what people ask of it. */
interface Workload {
  label: string;
  index: PaperIndex;
  /** Autocomplete prefixes of names. */
  prefixes: string[];
  /** `/paper` texts that are names: answered at once. */
  names: string[];
  /** Questions: searched, hence deferred on Discord. */
  questions: string[];
  /** Lines about how the corpus was made and loaded. */
  notes: string[];
  /** Removes what was made on disk for it. */
  cleanUp(): void;
}

/** The real corpus as the generator's papers, so benchQueries draws names and prefixes from it. */
function realPapers(): SyntheticPaper[] {
  return loadCorpus(CORPUS_DIR).papers.map((paper) => ({
    meta: paper,
    summary: paper.summary,
    sentences: splitSentences(paper.summary),
  }));
}

function fixtureQuestions(): string[] {
  return readFileSync(QUESTIONS_FILE, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q: string }).q);
}

/** Seconds with one decimal. */
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function realWorkload(): Workload {
  const started = performance.now();
  const loaded = loadCorpusIndex({ corpusDir: CORPUS_DIR, snapshotDir: null });
  const queries = benchQueries(realPapers(), rounds + WARM_UP, seededRandom(seed + 1));
  const size = loaded.index.papers.size;
  return {
    label: `${size} (real)`,
    index: loaded.index,
    prefixes: queries.filter((q) => q.kind === "autocomplete").map((q) => q.text),
    names: queries.filter((q) => q.kind === "lookup").map((q) => q.text),
    questions: fixtureQuestions(),
    notes: [`real corpus: ${size} papers indexed in ${seconds(performance.now() - started)}`],
    cleanUp: () => {},
  };
}

/** What bench/startupProbe.ts reports of a fresh process's index load. */
interface Probe {
  indexMs: number;
  fromSnapshot: boolean;
}

function syntheticWorkload(papers: number): Workload {
  const label = `${papers.toLocaleString("en")}`;
  // A fixed name, so that a directory kept with --keep is found and reused by the next run.
  const root = join(tmpdir(), `paperbot-bench-chat-${papers}-seed${seed}`);
  const corpusDir = join(root, "corpus");
  const snapshotDir = join(root, "data");
  const made = join(root, "made.json");
  const reused = existsSync(made);
  const notes: string[] = [];
  const generating = progressBar(`${label} papers: generating corpus`, 1);
  const generated = generatePapers(papers, CORPUS_DIR, seed);
  if (!reused) {
    rmSync(root, { recursive: true, force: true });
    writePapers(generated, corpusDir);
  }
  generating.finish(reused ? `(reusing ${root})` : "");
  if (!reused) {
    const building = progressBar(`${label} papers: first index build`, 1);
    // In a fresh process, as the bot's first start: no snapshot yet, nothing cached.
    const output = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        fileURLToPath(new URL("./startupProbe.ts", import.meta.url)),
        "paperbot",
        corpusDir,
        snapshotDir,
      ],
      { encoding: "utf8", maxBuffer: 1 << 20 },
    );
    const probe = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as Probe;
    building.finish(`first build ${seconds(probe.indexMs)} (fresh process, snapshot saved)`);
    notes.push(`${label} papers: first index build ${seconds(probe.indexMs)} (fresh process)`);
    // Written last: a directory without it is half made, and the next run starts it again.
    writeFileSync(made, JSON.stringify({ papers, seed, firstBuildMs: probe.indexMs }));
  } else {
    const { firstBuildMs } = JSON.parse(readFileSync(made, "utf8")) as { firstBuildMs: number };
    const note = `first index build ${seconds(firstBuildMs)} when ${root} was made; reused`;
    process.stderr.write(`${label} papers: ${note}\n`);
    notes.push(`${label} papers: ${note}`);
  }
  const loading = progressBar(`${label} papers: loading from snapshot`, 1);
  const started = performance.now();
  const loaded = loadCorpusIndex({ corpusDir, snapshotDir });
  const loadMs = performance.now() - started;
  const how = loaded.fromSnapshot
    ? `from the snapshot in ${seconds(loadMs)}`
    : `rebuilt in ${seconds(loadMs)} (snapshot unusable)`;
  loading.finish(how);
  notes.push(`${label} papers: index loaded ${how}`);
  const queries = benchQueries(generated, rounds + WARM_UP, seededRandom(seed + 1));
  return {
    label,
    index: loaded.index,
    prefixes: queries.filter((q) => q.kind === "autocomplete").map((q) => q.text),
    names: queries.filter((q) => q.kind === "lookup").map((q) => q.text),
    questions: queries.filter((q) => q.kind === "question").map((q) => q.text),
    notes,
    cleanUp() {
      if (values.keep) process.stderr.write(`kept ${root}\n`);
      else if (!reused) rmSync(root, { recursive: true, force: true });
    },
  };
}

// ─── Timing ───────────────────────────────────────────────────────────────────────────────────

/** `count` texts from `texts`, in order, starting again from the first when they run out. */
function cycle(texts: readonly string[], count: number): string[] {
  if (texts.length === 0) throw new Error("bench:chat: no texts for a measure");
  return Array.from({ length: count }, (_, i) => texts[i % texts.length] as string);
}

/** Times `work` on each text in-process, after a warm-up on the first WARM_UP. */
function timeCore(texts: readonly string[], work: (text: string, i: number) => unknown): number[] {
  for (const [i, text] of texts.slice(0, WARM_UP).entries()) work(text, i);
  return texts.slice(WARM_UP).map((text, i) => {
    const started = performance.now();
    work(text, WARM_UP + i);
    return performance.now() - started;
  });
}

/** A platform measure's times, and its rounds that got no (or a failed) reply. */
interface Trips {
  ack: number[];
  answer: number[];
  failures: string[];
}

/**
 * discord.js (@discordjs/rest) holds every REST call beyond 50 a second, interaction callbacks
 * excepted, until the next second (Discord's global rate limit, enforced by the client itself).
 * Requests back to back would hit it every few dozen rounds and time the wait for the next
 * second, not paperbot; so Discord rounds are paced to stay under this many such calls a second.
 */
const DISCORD_CALLS_PER_SECOND = 40;

/**
 * Plays each text as a request, one at a time, after a warm-up, with a progress bar; a round
 * starts `restCalls` / {@link DISCORD_CALLS_PER_SECOND} seconds after the last one at the earliest.
 */
async function timeTrips(
  label: string,
  texts: readonly string[],
  request: (text: string) => Omit<RoundRequest, "id">,
  platforms: Platforms,
  restCalls = 0,
): Promise<Trips> {
  const trips: Trips = { ack: [], answer: [], failures: [] };
  const bar = progressBar(label, texts.length);
  const gapMs = (1000 * restCalls) / DISCORD_CALLS_PER_SECOND;
  let lastStart = Number.NEGATIVE_INFINITY;
  for (const [i, text] of texts.entries()) {
    const wait = lastStart + gapMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastStart = performance.now();
    const result = await platforms.play(request(text));
    if (result.error) trips.failures.push(`${result.error} ("${text}")`);
    if (i >= WARM_UP && !result.error) {
      if (result.ackMs !== undefined) trips.ack.push(result.ackMs);
      if (result.answerMs !== undefined) trips.answer.push(result.answerMs);
    }
    if (i % 10 === 0) bar.update(i);
  }
  bar.finish(trips.failures.length > 0 ? `${trips.failures.length} failed` : "");
  return trips;
}

/** Garbage collections in this (the bot's) process while `work` runs: how many, longest pause. */
async function watchingGc<T>(work: () => Promise<T>): Promise<{ result: T; gc: number[] }> {
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push(entry.duration);
  });
  observer.observe({ entryTypes: ["gc"] });
  try {
    return { result: await work(), gc: pauses };
  } finally {
    observer.disconnect();
  }
}

/** One line of the table. */
interface Row {
  platform: string;
  request: string;
  waitsFor: string;
  /** The core's own work within the wait, in-process; undefined when none of it is in the wait. */
  core?: number[];
  trip: number[];
  /** Whether this is a first response under the platforms' 3 s limit. */
  ack: boolean;
  /** Whether this acknowledges a vote: held to {@link VOTE_ACK_TARGET_MS} at the p99. */
  vote?: boolean;
}

async function measure(
  workload: Workload,
  core: AdapterCore,
  platforms: Platforms,
  slackUrl: string,
): Promise<{ rows: Row[]; failures: string[]; gc: number[] }> {
  const n = rounds + WARM_UP;
  // Sorted by what the bot will do with them, so each measure times what it says.
  const names = workload.names.filter((text) => planRequest(core, { text }).kind === "ready");
  const questions = workload.questions.filter(
    (text) => planRequest(core, { text }).kind === "search",
  );
  const dropped = workload.names.length - names.length;
  process.stderr.write(
    `${workload.label} papers: ${new Set(workload.prefixes).size} prefixes, ${new Set(names).size} names` +
      `${dropped > 0 ? ` (${dropped} drawn looked up nothing and were left out)` : ""}, ` +
      `${new Set(questions).size} questions (${workload.questions.length - questions.length} that name a paper left out)\n`,
  );
  const prefixTexts = cycle(workload.prefixes, n);
  const nameTexts = cycle(names, n);
  const questionTexts = cycle(questions, n);

  // Votes: VOTERS people click under VOTED_ANSWERS answers, either button: first votes, changes
  // and repeats mixed, as the store sees them. The answers are asked for once, untimed.
  // Only answers carry vote buttons: a question the corpus declines has none.
  const answered = questions
    .filter((text) => answerRequest(core, { text }).kind === "answer")
    .slice(0, VOTED_ANSWERS);
  const votes = Array.from({ length: n }, (_, i) => ({
    text: answered[i % answered.length] as string,
    voter: `${4_000_000_000_000_000 + (i % VOTERS)}`.padStart(18, "4"),
    helpful: (i * 7) % 3 !== 0,
  }));
  const votedAnswers = Array.from({ length: VOTED_ANSWERS }, (_, i) =>
    core.feedback?.record({
      kind: "answered",
      platform: "bench",
      question: questions[i % questions.length] as string,
      paperId: "bench",
    }),
  );

  const coreBar = progressBar(`${workload.label} papers: core alone`, 6);
  const index = workload.index;
  const coreTimes = {
    vote: timeCore(
      votes.map((v) => v.voter),
      (voter, i) =>
        voteOn(
          core,
          {
            answerId: votedAnswers[i % VOTED_ANSWERS] ?? "",
            platform: "bench",
            voter,
            helpful: votes[i]?.helpful ?? true,
          },
          logger,
        ),
    ),
    autocomplete: timeCore(prefixTexts, (text) => paperChoices(suggestPapers(index, text, 25))),
    name: timeCore(nameTexts, (text) => answerRequest(core, { text })),
    plan: timeCore(questionTexts, (text) => planRequest(core, { text })),
    question: timeCore(questionTexts, (text) => answerRequest(core, { text })),
    mention: timeCore(questionTexts, (text, i) =>
      answerRequest(core, { text, thread: `bench:${workload.label}:${i}` }),
    ),
  };
  coreBar.finish();

  const { result: trips, gc } = await watchingGc(async () => {
    const label = (what: string) => `${workload.label} papers: ${what}`;
    return {
      autocomplete: await timeTrips(
        label("Discord autocomplete"),
        prefixTexts,
        (text) => ({ kind: "autocomplete", text }),
        platforms,
      ),
      discordName: await timeTrips(
        label("Discord /paper NAME"),
        nameTexts,
        (text) => ({ kind: "discordCommand", text, expect: 4 }),
        platforms,
      ),
      discordQuestion: await timeTrips(
        label("Discord /paper QUESTION"),
        questionTexts,
        (text) => ({ kind: "discordCommand", text, expect: 5 }),
        platforms,
        1, // the edit of @original (the deferral is a callback)
      ),
      mention: await timeTrips(
        label("Discord mention"),
        questionTexts,
        (text) => ({ kind: "mention", text }),
        platforms,
        2, // starting the thread, posting the answer
      ),
      slackName: await timeTrips(
        label("Slack /paper NAME"),
        nameTexts,
        (text) => ({ kind: "slackCommand", text, url: slackUrl }),
        platforms,
      ),
      slackQuestion: await timeTrips(
        label("Slack /paper QUESTION"),
        questionTexts,
        (text) => ({ kind: "slackCommand", text, url: slackUrl }),
        platforms,
      ),
      discordVote: await timeTrips(
        label("Discord vote"),
        votes.map((_, i) => String(i)),
        (i) => ({ kind: "discordVote", ...(votes[Number(i)] as (typeof votes)[number]) }),
        platforms,
      ),
      slackVote: await timeTrips(
        label("Slack vote"),
        votes.map((_, i) => String(i)),
        (i) => ({
          kind: "slackVote",
          ...(votes[Number(i)] as (typeof votes)[number]),
          url: slackUrl,
        }),
        platforms,
      ),
    };
  });

  const rows: Row[] = [
    {
      platform: "Discord",
      request: "autocomplete",
      waitsFor: "choices (callback 8)",
      core: coreTimes.autocomplete,
      trip: trips.autocomplete.ack,
      ack: true,
    },
    {
      platform: "Discord",
      request: "`/paper NAME`",
      waitsFor: "reply (callback 4)",
      core: coreTimes.name,
      trip: trips.discordName.ack,
      ack: true,
    },
    {
      platform: "Discord",
      request: "`/paper QUESTION`",
      waitsFor: "deferral (callback 5)",
      core: coreTimes.plan,
      trip: trips.discordQuestion.ack,
      ack: true,
    },
    {
      platform: "Discord",
      request: "`/paper QUESTION`",
      waitsFor: "answer (PATCH @original)",
      core: coreTimes.question,
      trip: trips.discordQuestion.answer,
      ack: false,
    },
    {
      platform: "Discord",
      request: "mention",
      waitsFor: "answer in its thread",
      core: coreTimes.mention,
      trip: trips.mention.answer,
      ack: false,
    },
    {
      platform: "Slack",
      request: "`/paper NAME`",
      waitsFor: "HTTP 200",
      trip: trips.slackName.ack,
      ack: true,
    },
    {
      platform: "Slack",
      request: "`/paper NAME`",
      waitsFor: "answer at response URL",
      core: coreTimes.name,
      trip: trips.slackName.answer,
      ack: false,
    },
    {
      platform: "Slack",
      request: "`/paper QUESTION`",
      waitsFor: "HTTP 200",
      trip: trips.slackQuestion.ack,
      ack: true,
    },
    {
      platform: "Slack",
      request: "`/paper QUESTION`",
      waitsFor: "answer at response URL",
      core: coreTimes.question,
      trip: trips.slackQuestion.answer,
      ack: false,
    },
    {
      platform: "Discord",
      request: "vote button",
      waitsFor: "ephemeral thanks (callback 4)",
      core: coreTimes.vote,
      trip: trips.discordVote.ack,
      ack: true,
      vote: true,
    },
    {
      platform: "Slack",
      request: "vote button",
      waitsFor: "HTTP 200",
      trip: trips.slackVote.ack,
      ack: true,
      vote: true,
    },
    {
      platform: "Slack",
      request: "vote button",
      waitsFor: "ephemeral thanks at response URL",
      core: coreTimes.vote,
      trip: trips.slackVote.answer,
      ack: false,
    },
  ];
  const failures = Object.entries(trips).flatMap(([name, t]) =>
    t.failures.map((f) => `${workload.label} papers, ${name}: ${f}`),
  );
  return { rows, failures, gc };
}

// ─── The run ──────────────────────────────────────────────────────────────────────────────────

function format(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

const runStarted = performance.now();
const feedbackDir = mkdtempSync(join(tmpdir(), "paperbot-bench-chat-db-"));
const feedbackStore = openStore(join(feedbackDir, "paperbot.db"));
const platforms = await startPlatforms();
const { discord: discordSide, slack: slackSide } = platforms.ready;
// The index each request answers from: swapped for the next corpus between measures.
let current: PaperIndex | undefined;
const core: AdapterCore = {
  source: {
    current: () => {
      if (!current) throw new Error("bench:chat: no corpus loaded");
      return current;
    },
  },
  memory: new ThreadMemory(),
  // Answers and votes in a real SQLite file, as the bot keeps them: recording is in every answer.
  feedback: feedbackStore.feedback,
};
const logger = await createLogger({
  level: "silent",
  format: "json",
  secrets: [discordSide.token, slackSide.botToken, slackSide.signingSecret],
});
const discordBot = createDiscordAdapter({
  core,
  config: {
    token: discordSide.token,
    applicationId: discordSide.applicationId,
    guildId: discordSide.guildId,
    apiUrl: discordSide.restUrl,
  },
  logger,
});
const slackBot = createSlackAdapter({
  core,
  config: {
    mode: "http",
    botToken: slackSide.botToken,
    signingSecret: slackSide.signingSecret,
    port: 0,
    apiUrl: slackSide.apiUrl,
  },
  logger,
});

const lines: string[] = [];
const notes: string[] = [];
const failures: string[] = [];
try {
  await Promise.all([discordBot.start(), slackBot.start()]);
  const slackUrl = `http://127.0.0.1:${slackBot.address()?.port}/slack/events`;
  lines.push(
    "| papers | platform | request | waits for | core median | core p99 | median | p99 | p99 ÷ 3 s |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  const workloads: Array<() => Workload> = [
    realWorkload,
    ...sizes.map((papers) => () => syntheticWorkload(papers)),
  ];
  for (const make of workloads) {
    const workload = make();
    try {
      current = workload.index;
      const measured = await measure(workload, core, platforms, slackUrl);
      for (const row of measured.rows) {
        const core = row.core ? percentiles(row.core) : undefined;
        const trip = percentiles(row.trip);
        const share = row.ack ? `${((100 * trip.p99) / ACK_LIMIT_MS).toFixed(2)} %` : "";
        lines.push(
          `| ${workload.label} | ${row.platform} | ${row.request} | ${row.waitsFor} | ` +
            `${core ? format(core.median) : "–"} | ${core ? format(core.p99) : "–"} | ` +
            `${format(trip.median)} | ${format(trip.p99)} | ${share} |`,
        );
        if (row.vote) {
          const met = trip.p99 <= VOTE_ACK_TARGET_MS ? "met" : "NOT met";
          notes.push(
            `${workload.label} papers, ${row.platform} vote acknowledged: p99 ${format(trip.p99)} ms ` +
              `against the ${VOTE_ACK_TARGET_MS} ms target (${met}); median ${format(trip.median)} ms`,
          );
        }
      }
      const longest = Math.max(0, ...measured.gc);
      notes.push(
        ...workload.notes,
        `${workload.label} papers: ${measured.gc.length} garbage collections in the bot's process ` +
          `during the round trips, longest ${format(longest)} ms`,
      );
      failures.push(...measured.failures);
    } finally {
      current = undefined;
      workload.cleanUp();
    }
  }
} finally {
  await discordBot.stop();
  await slackBot.stop();
  await platforms.close();
  feedbackStore.close();
  rmSync(feedbackDir, { recursive: true, force: true });
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}`;
console.log(
  [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; ${rounds} rounds per measure ` +
      `(after ${WARM_UP} to warm up), one request in flight; times in ms from the platform sending ` +
      `the request to it receiving the reply. "core" is paperbot's own work within that wait, ` +
      `timed in-process on the same texts ("–": none of it comes before Slack's HTTP 200).`,
    "",
    ...lines,
    "",
    ...notes.map((note) => `- ${note}`),
    ...(failures.length > 0
      ? [
          `- ${failures.length} rounds failed and are not in the figures:`,
          ...failures.map((f) => `  - ${f}`),
        ]
      : []),
  ].join("\n"),
);
process.stderr.write(`bench:chat done in ${seconds(performance.now() - runStarted)}\n`);
// Everything is closed; should a library keep a handle open, do not hang on it.
setTimeout(() => {
  process.stderr.write("bench:chat: a handle was still open after closing; exiting\n");
  process.exit(0);
}, 5000).unref();
