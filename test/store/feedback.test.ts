/**
 * The feedback store (#16) on a real SQLite file, with a fake clock: one vote per person per
 * answer, what retention and RECORD_QUESTIONS=off leave in the file, the gaps and open questions
 * grouped by normalized question, and the week buckets of the stats.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnswerRecord } from "../../src/feedback/feedback.ts";
import type { FeedbackOptions } from "../../store/feedback.ts";
import { type DigestStore, openStore } from "../../store/openStore.ts";
import { FakeClock } from "../helpers/fakeClock.ts";
import { tempDir } from "../helpers/tempCorpus.ts";

const DAY = 24 * 60 * 60 * 1000;

/** A store on a fresh file, its clock, and the file's path. */
function freshStore(
  feedback: Omit<FeedbackOptions, "now"> = {},
  start = "2026-03-02T10:00:00Z",
): { store: DigestStore; clock: FakeClock; path: string } {
  const path = join(tempDir("feedback"), "paperbot.db");
  const clock = new FakeClock(start);
  return { store: openStore(path, { now: clock.now, feedback }), clock, path };
}

const answered = (question: string, more: Partial<AnswerRecord> = {}): AnswerRecord => ({
  kind: "answered",
  platform: "slack",
  scope: "slack",
  question,
  paperId: "bear",
  passage: "BEAR constrains the policy to the support of the behaviour policy with MMD.",
  section: "How › Support matching",
  ...more,
});

const declined = (question: string, more: Partial<AnswerRecord> = {}): AnswerRecord => ({
  kind: "declined",
  platform: "slack",
  scope: "slack",
  question,
  ...more,
});

/** Every byte SQLite keeps of the database: the file and, when there is one, its log. */
function fileBytes(path: string): string {
  const parts = [path, `${path}-wal`, `${path}-journal`].filter((p) => existsSync(p));
  return parts.map((p) => readFileSync(p).toString("latin1")).join("\n");
}

describe("FeedbackStore.vote", () => {
  it("takes one vote per person per answer: a repeat changes nothing, the other way replaces it", () => {
    const { store } = freshStore();
    const id = store.feedback.record(answered("how does BEAR work?"));
    const vote = { answerId: id, platform: "slack", voter: "U0ADA", helpful: true };
    expect(store.feedback.vote(vote)).toEqual({ outcome: "counted", helpful: 1, unhelpful: 0 });
    expect(store.feedback.vote(vote)).toEqual({ outcome: "unchanged", helpful: 1, unhelpful: 0 });
    expect(store.feedback.vote({ ...vote, helpful: false })).toEqual({
      outcome: "changed",
      helpful: 0,
      unhelpful: 1,
    });
    expect(store.feedback.vote({ ...vote, voter: "U0GRACE" })).toEqual({
      outcome: "counted",
      helpful: 1,
      unhelpful: 1,
    });
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM votes").get()).toEqual({ n: 2 });
    store.close();
  });

  it("counts no vote on an answer it does not have: unknown id, a declined question, another platform's, one past retention", () => {
    const { store, clock } = freshStore({ retentionDays: 30 });
    const id = store.feedback.record(answered("how does BEAR work?"));
    const refused = store.feedback.record(declined("who won the 2019 cup?"));
    const nothing = { outcome: "unknown", helpful: 0, unhelpful: 0 };
    const vote = { answerId: id, platform: "slack", voter: "U0ADA", helpful: false };
    expect(store.feedback.vote({ ...vote, answerId: "no-such-answer" })).toEqual(nothing);
    expect(store.feedback.vote({ ...vote, answerId: refused })).toEqual(nothing);
    expect(store.feedback.vote({ ...vote, platform: "discord" })).toEqual(nothing);
    clock.advance(30 * DAY + 1);
    expect(store.feedback.vote(vote)).toEqual(nothing);
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM votes").get()).toEqual({ n: 0 });
    store.close();
  });

  it("keeps the last vote of each person, whatever the order of clicks (generated)", () => {
    const { store } = freshStore();
    const click = fc.record({ voter: fc.constantFrom("U1", "U2", "U3"), helpful: fc.boolean() });
    fc.assert(
      fc.property(fc.array(click, { minLength: 1, maxLength: 12 }), (clicks) => {
        const answerId = store.feedback.record(answered("what does MMD measure?"));
        const last = new Map<string, boolean>();
        for (const { voter, helpful } of clicks) {
          const before = last.get(voter);
          const result = store.feedback.vote({ answerId, platform: "slack", voter, helpful });
          const expected =
            before === undefined ? "counted" : before === helpful ? "unchanged" : "changed";
          expect(result.outcome).toBe(expected);
          last.set(voter, helpful);
          const ways = [...last.values()];
          expect(result.helpful).toBe(ways.filter(Boolean).length);
          expect(result.unhelpful).toBe(ways.filter((way) => !way).length);
        }
      }),
      { numRuns: 60 },
    );
    store.close();
  });

  it("stores no user id: the same person's votes on two answers cannot be linked", () => {
    const { store, path } = freshStore();
    const first = store.feedback.record(answered("how does BEAR work?"));
    const second = store.feedback.record(answered("what is MixMatch?", { paperId: "mixmatch" }));
    const voter = "U0SECRETUSER42";
    store.feedback.vote({ answerId: first, platform: "slack", voter, helpful: true });
    store.feedback.vote({ answerId: second, platform: "slack", voter, helpful: false });
    const hashes = store.db
      .prepare<[], { voter: string }>("SELECT voter FROM votes")
      .all()
      .map((row) => row.voter);
    expect(new Set(hashes).size).toBe(2);
    for (const hash of hashes) expect(hash).not.toContain(voter);
    expect(fileBytes(path)).not.toContain(voter);
    store.close();
    expect(fileBytes(path)).not.toContain(voter);
  });

  it("keeps one hashing key per database, so a vote counts once across connections", () => {
    const { store, path, clock } = freshStore();
    const other = openStore(path, { now: clock.now });
    const answerId = store.feedback.record(answered("how does BEAR work?"));
    const vote = { answerId, platform: "slack", voter: "U0ADA", helpful: true };
    expect(store.feedback.vote(vote).outcome).toBe("counted");
    expect(other.feedback.vote(vote).outcome).toBe("unchanged");
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM meta").get()).toEqual({ n: 1 });
    other.close();
    store.close();
  });
});

describe("FeedbackStore: what is kept, and for how long", () => {
  it("clears question, passage and section past the retention period, keeping the counts", () => {
    const { store, clock } = freshStore({ retentionDays: 10 });
    const id = store.feedback.record(answered("how does BEAR work?"));
    store.feedback.record(declined("who won the 2019 cup?"));
    store.feedback.vote({ answerId: id, platform: "slack", voter: "U1", helpful: false });
    const statsBefore = store.feedback.stats(0);
    clock.advance(10 * DAY - 1);
    expect(store.feedback.prune()).toBe(0);
    clock.advance(2);
    expect(store.feedback.prune()).toBe(2);
    expect(store.feedback.prune()).toBe(0);
    const rows = store.db.prepare("SELECT * FROM answers ORDER BY kind").all();
    expect(rows).toEqual([
      expect.objectContaining({
        kind: "answered",
        paper_id: "bear",
        platform: "slack",
        question: null,
        question_key: null,
        passage: null,
        section: null,
      }),
      expect.objectContaining({ kind: "declined", question: null, question_key: null }),
    ]);
    expect(store.feedback.stats(0)).toEqual(statsBefore);
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM votes").get()).toEqual({ n: 1 });
    expect(store.feedback.gaps(0)).toEqual({ gaps: [], unrecorded: 2 });
    store.close();
  });

  it("overwrites the cleared text in the file and its log, not only in the table", () => {
    const { store, clock, path } = freshStore({ retentionDays: 1 });
    const reader = openStore(path, { now: clock.now, lockAtOpen: false });
    store.feedback.record(declined("does the zebrafish-quokka appear in a summary?"));
    store.db.pragma("wal_checkpoint(TRUNCATE)"); // this one in the file itself...
    store.feedback.record(declined("and the walrus-heron?")); // ...this one in the log only
    expect(fileBytes(path)).toMatch(/zebrafish-quokka[\s\S]*walrus-heron/);
    expect(reader.feedback.gaps(0).gaps).toHaveLength(2);
    clock.advance(2 * DAY);
    expect(store.feedback.prune()).toBe(2);
    store.feedback.record(declined("what is MMD?")); // the bot's next write
    expect(fileBytes(path)).not.toMatch(/zebrafish|quokka|walrus|heron/);
    reader.close();
    store.close();
  });

  it("with RECORD_QUESTIONS=off writes no question or passage text to the file, only counts", () => {
    const { store, path } = freshStore({ recordQuestions: false });
    const id = store.feedback.record(
      answered("what does the quokka-lemur loss do?", { passage: "The walrus-heron term..." }),
    );
    store.feedback.record(declined("is the quokka-lemur in another paper?"));
    store.feedback.vote({ answerId: id, platform: "slack", voter: "U1", helpful: false });
    expect(fileBytes(path)).not.toMatch(/quokka|lemur|walrus|heron|Support matching/);
    expect(store.feedback.gaps(0)).toEqual({ gaps: [], unrecorded: 2 });
    expect(store.feedback.stats(0)).toMatchObject({ questions: 2, answered: 1, declined: 1 });
    expect(store.feedback.openQuestions("slack", 0, "bear", 3)).toEqual([]);
    store.close();
    expect(fileBytes(path)).not.toMatch(/quokka|lemur|walrus|heron/);
  });

  it("shows no text past the retention period even before the bot has cleared it, and writes nothing to read", () => {
    const { store, clock } = freshStore({ retentionDays: 5 });
    store.feedback.record(declined("who won the 2019 cup?"));
    clock.advance(6 * DAY);
    store.feedback.record(declined("who won the 2023 cup?"));
    const changes = store.db.prepare("SELECT total_changes() AS n").pluck();
    const before = changes.get();
    const report = store.feedback.gaps(0);
    expect(report.gaps.map((gap) => gap.question)).toEqual(["who won the 2023 cup?"]);
    expect(report.unrecorded).toBe(1);
    expect(store.feedback.openQuestions("slack", 0, undefined, 5)).toEqual([
      "who won the 2023 cup?",
    ]);
    expect(changes.get()).toBe(before);
    store.close();
  });
});

describe("FeedbackStore.gaps", () => {
  it("groups by normalized question and paper, most frequent first, with the latest wording", () => {
    const { store, clock } = freshStore();
    store.feedback.record(declined("How does BEAR pick its kernel?", { paperId: "bear" }));
    clock.advance(1000);
    store.feedback.record(declined("how does bear pick its kernel", { paperId: "bear" }));
    clock.advance(1000);
    store.feedback.record(declined("how does bear pick its kernel", { paperId: "mixmatch" }));
    clock.advance(1000);
    store.feedback.record(declined("Who won the 2019 cup?!"));
    clock.advance(1000);
    const start = Date.parse("2026-03-02T10:00:00Z");
    expect(store.feedback.gaps(0)).toEqual({
      unrecorded: 0,
      gaps: [
        {
          question: "how does bear pick its kernel",
          kind: "declined",
          paperId: "bear",
          passage: null,
          section: null,
          count: 2,
          lastAt: start + 1000,
        },
        {
          question: "Who won the 2019 cup?!",
          kind: "declined",
          paperId: null,
          passage: null,
          section: null,
          count: 1,
          lastAt: start + 3000,
        },
        {
          question: "how does bear pick its kernel",
          kind: "declined",
          paperId: "mixmatch",
          passage: null,
          section: null,
          count: 1,
          lastAt: start + 2000,
        },
      ],
    });
    expect(store.feedback.gaps(start + 2000).gaps.map((gap) => gap.count)).toEqual([1, 1]);
    store.close();
  });

  it("lists answers voted not helpful with the passage shown, counting not-helpful votes", () => {
    const { store, clock } = freshStore();
    const passage = "MixMatch guesses low-entropy labels for augmented unlabeled examples.";
    const first = store.feedback.record(
      answered("What datasets did they use?", { paperId: "mixmatch", passage, section: "Data" }),
    );
    clock.advance(1000);
    const second = store.feedback.record(
      answered("what datasets did they use", { paperId: "mixmatch", passage, section: "Data" }),
    );
    const liked = store.feedback.record(answered("how does BEAR work?"));
    const vote = (answerId: string, voter: string, helpful: boolean) =>
      store.feedback.vote({ answerId, platform: "slack", voter, helpful });
    vote(first, "U1", false);
    vote(first, "U2", false);
    vote(second, "U1", false);
    vote(second, "U3", false);
    vote(second, "U3", true); // changed their mind: no longer a not-helpful vote
    vote(liked, "U1", true);
    const { gaps } = store.feedback.gaps(0);
    expect(gaps).toEqual([
      {
        question: "what datasets did they use",
        kind: "unhelpful",
        paperId: "mixmatch",
        passage,
        section: "Data",
        count: 3,
        lastAt: Date.parse("2026-03-02T10:00:01Z"),
      },
    ]);
    store.close();
  });

  it("keeps the same question declined and voted down as two gaps, declined and unhelpful", () => {
    const { store } = freshStore();
    store.feedback.record(declined("what is MMD?", { paperId: "bear" }));
    const id = store.feedback.record(answered("What is MMD?"));
    store.feedback.vote({ answerId: id, platform: "slack", voter: "U1", helpful: false });
    const kinds = store.feedback.gaps(0).gaps.map((gap) => [gap.kind, gap.paperId]);
    expect(kinds.sort()).toEqual([
      ["declined", "bear"],
      ["unhelpful", "bear"],
    ]);
    store.close();
  });
});

describe("FeedbackStore.openQuestions", () => {
  it("gives a scope's unanswered questions about the paper or no paper, most asked first, at most the limit", () => {
    const { store, clock } = freshStore();
    const since = clock.now();
    // Each a second after the one before: "most asked, then most recent" has one order.
    const later = <T>(value: T): T => {
      clock.advance(1000);
      return value;
    };
    later(store.feedback.record(declined("what is MMD?", { paperId: "bear" })));
    later(store.feedback.record(declined("is there code?")));
    later(store.feedback.record(declined("What is MMD", { paperId: "bear" })));
    later(store.feedback.record(declined("what about mixup?", { paperId: "mixmatch" })));
    later(store.feedback.record(declined("what is MMD?", { scope: "discord:1" })));
    const downvoted = later(store.feedback.record(answered("how is the support matched?")));
    store.feedback.vote({ answerId: downvoted, platform: "slack", voter: "U1", helpful: false });
    const mixed = later(store.feedback.record(answered("what is the lagrangian for?")));
    store.feedback.vote({ answerId: mixed, platform: "slack", voter: "U1", helpful: false });
    store.feedback.vote({ answerId: mixed, platform: "slack", voter: "U2", helpful: true });
    later(store.feedback.record(answered("why an ensemble of Q functions?")));
    expect(store.feedback.openQuestions("slack", since, "bear", 5)).toEqual([
      "What is MMD",
      "how is the support matched?",
      "is there code?",
    ]);
    expect(store.feedback.openQuestions("slack", since, "bear", 1)).toEqual(["What is MMD"]);
    expect(store.feedback.openQuestions("slack", since, undefined, 5)).toEqual(["is there code?"]);
    expect(store.feedback.openQuestions("discord:1", since, "bear", 5)).toEqual(["what is MMD?"]);
    expect(store.feedback.openQuestions("slack", clock.now() + 1, "bear", 5)).toEqual([]);
    store.close();
  });
});

describe("FeedbackStore.stats", () => {
  it("counts questions per week, weeks starting on Monday UTC", () => {
    // 2026-03-08 is a Sunday; 2026-03-09 a Monday.
    const { store, clock } = freshStore({}, "2026-03-08T23:59:59.999Z");
    store.feedback.record(answered("how does BEAR work?"));
    store.feedback.record(declined("who won the cup?"));
    clock.advanceTo("2026-03-09T00:00:00Z");
    store.feedback.record(answered("what is MixMatch?", { paperId: "mixmatch" }));
    clock.advanceTo("2026-03-15T23:00:00Z");
    store.feedback.record(answered("what is MixMatch?", { paperId: "mixmatch" }));
    clock.advanceTo("2026-03-23T12:00:00Z");
    store.feedback.record(answered("and BEAR?"));
    const stats = store.feedback.stats(0);
    expect(stats.weeks).toEqual([
      { week: "2026-03-02", questions: 2, answered: 1, declined: 1 },
      { week: "2026-03-09", questions: 2, answered: 2, declined: 0 },
      { week: "2026-03-23", questions: 1, answered: 1, declined: 0 },
    ]);
    expect(stats).toMatchObject({ questions: 5, answered: 4, declined: 1 });
    expect(stats.mostAsked).toEqual([
      { paperId: "bear", count: 2 },
      { paperId: "mixmatch", count: 2 },
    ]);
    expect(store.feedback.stats(Date.parse("2026-03-09T00:00:00Z")).questions).toBe(3);
    store.close();
  });

  it("puts the week's Monday on every day of that week (generated)", () => {
    const { store } = freshStore();
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        (at) => {
          store.db.exec("DELETE FROM answers");
          store.db
            .prepare(
              "INSERT INTO answers (id, platform, kind, at) VALUES ('x', 'slack', 'declined', ?)",
            )
            .run(at.getTime());
          const [week] = store.feedback.stats(0).weeks;
          const monday = new Date(`${week?.week}T00:00:00Z`);
          expect(monday.getUTCDay()).toBe(1);
          expect(at.getTime() - monday.getTime()).toBeGreaterThanOrEqual(0);
          expect(at.getTime() - monday.getTime()).toBeLessThan(7 * DAY);
        },
      ),
      { numRuns: 200 },
    );
    store.close();
  });

  it("counts votes per paper, most voted first, and the ten most-asked papers", () => {
    const { store } = freshStore();
    const vote = (answerId: string, voter: string, helpful: boolean) =>
      store.feedback.vote({ answerId, platform: "slack", voter, helpful });
    const bear = store.feedback.record(answered("how does BEAR work?"));
    const mixmatch = store.feedback.record(answered("what is it?", { paperId: "mixmatch" }));
    vote(bear, "U1", true);
    vote(bear, "U2", false);
    vote(bear, "U3", true);
    vote(mixmatch, "U1", false);
    for (let i = 0; i < 12; i += 1) {
      for (let n = 0; n <= i; n += 1) store.feedback.record(answered("q", { paperId: `p${i}` }));
    }
    const list = store.feedback.record(answered("which papers use MMD?", { paperId: undefined }));
    vote(list, "U1", true);
    const stats = store.feedback.stats(0);
    expect(stats.votes).toEqual([
      { paperId: "bear", helpful: 2, unhelpful: 1 },
      { paperId: "mixmatch", helpful: 0, unhelpful: 1 },
    ]);
    expect(stats.votesInAll).toEqual({ helpful: 3, unhelpful: 2 });
    expect(stats.mostAsked).toHaveLength(10);
    expect(stats.mostAsked[0]).toEqual({ paperId: "p11", count: 12 });
    expect(stats.mostAsked.map((p) => p.count)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    store.close();
  });
});
