import { describe, expect, it } from "vitest";
import { DIGEST_TITLE, MAX_ADDED, MAX_ASKED } from "../../src/digest/digest.ts";
import {
  ADDED_HEADING,
  ASKED_HEADING,
  NO_FEATURED,
  QUESTIONS_HEADING,
} from "../../src/digest/digestPhrases.ts";
import { digestToPlainText, toPlainText } from "../../src/outline/plainText.ts";
import { corpusDigest, emptyDigest, hugeDigest, MIXMATCH_QUESTIONS } from "../helpers/digests.ts";

describe("digestToPlainText", () => {
  it("renders the heading, the featured card, numbered questions, new and most-asked papers", () => {
    const digest = corpusDigest();
    const text = digestToPlainText(digest);
    const lines = text.split("\n");
    expect(lines[0]).toBe(`${DIGEST_TITLE} · 23 November 2026`);
    expect(lines[2]).toBe("MixMatch: A Holistic Approach to Semi-Supervised Learning");
    // The card reads exactly as `/paper mixmatch` prints it.
    const card = digest.featured?.card;
    expect(card).toBeDefined();
    if (card) expect(text).toContain(toPlainText(card));
    expect(text).toContain("arXiv 1905.02249 · https://arxiv.org/abs/1905.02249");
    expect(text).toContain("Key figure: https://i.imgur.com/");
    expect(text).toContain(
      [
        `${QUESTIONS_HEADING}:`,
        `  1. ${MIXMATCH_QUESTIONS[0]}`,
        `  2. ${MIXMATCH_QUESTIONS[1]}`,
        `  3. ${MIXMATCH_QUESTIONS[2]}`,
      ].join("\n"),
    );
    expect(text).toContain(
      [
        `${ADDED_HEADING}:`,
        "  • Provably Robust Deep Learning via Adversarially Trained Smoothed Classifiers · 2019",
        "  • One ticket to win them all: generalizing lottery ticket initializations across datasets and optimizers · 2019",
        "  and 1 more",
      ].join("\n"),
    );
    expect(
      text.endsWith(
        [
          `${ASKED_HEADING}:`,
          "  • Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction — 4 questions",
          "  • Generating Diverse High-Fidelity Images with VQ-VAE-2 — 1 question",
        ].join("\n"),
      ),
    ).toBe(true);
  });

  it("keeps sections in order: featured, questions, new, most asked", () => {
    const text = digestToPlainText(corpusDigest());
    const at = [QUESTIONS_HEADING, ADDED_HEADING, ASKED_HEADING].map((h) => text.indexOf(h));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(at[0]).toBeGreaterThan(text.indexOf("Key figure"));
  });

  it("leaves out empty sections and says 'and N more' only when papers are left out", () => {
    const digest = { ...corpusDigest(), mostAsked: [], addedTotal: 2 };
    const text = digestToPlainText(digest);
    expect(text).not.toContain(ASKED_HEADING);
    expect(text).not.toMatch(/more$/m);
    const none = digestToPlainText({ ...digest, added: [], addedTotal: 0 });
    expect(none).not.toContain(ADDED_HEADING);
    expect(none.trimEnd().endsWith(MIXMATCH_QUESTIONS[2] ?? "")).toBe(true);
  });

  it("counts added papers it cannot name rather than saying 'and N more' after nothing", () => {
    const text = digestToPlainText({ ...emptyDigest(), addedTotal: 3 });
    expect(text).toContain(`${ADDED_HEADING}:\n  3 papers`);
  });

  it("leaves out the questions heading when there are no questions", () => {
    const digest = corpusDigest();
    if (digest.featured) digest.featured.questions = [];
    expect(digestToPlainText(digest)).not.toContain(QUESTIONS_HEADING);
  });

  it("says the corpus has no papers yet when nothing is featured", () => {
    expect(digestToPlainText(emptyDigest())).toBe(
      `${DIGEST_TITLE} · 23 November 2026\n\n${NO_FEATURED}`,
    );
  });

  it("keeps every title and question on one line", () => {
    const digest = corpusDigest();
    if (digest.featured) digest.featured.questions = ["why\n\n  this?"];
    const first = digest.added[0];
    if (first) digest.added[0] = { ...first, title: "A\ntitle" };
    const text = digestToPlainText(digest);
    expect(text).toContain("  1. why this?");
    expect(text).toContain("  • A title · ");
  });

  it("names at most MAX_ADDED new and MAX_ASKED most-asked papers, as the chat platforms do", () => {
    const text = digestToPlainText(hugeDigest());
    expect(text.match(/^ {2}• /gm)).toHaveLength(MAX_ADDED + MAX_ASKED);
    expect(text).toContain(`  and ${250 - MAX_ADDED} more`);
  });
});

describe("toPlainText of notices and digest previews", () => {
  it("prints a notice as it is, commands in backticks", () => {
    const message =
      "Subscribed: this channel gets the digest every Monday. `/paper digest` previews it.";
    expect(toPlainText({ kind: "notice", audience: "asker", message })).toBe(message);
  });

  it("prints the note, a blank line, then the digest", () => {
    const digest = corpusDigest();
    const note = "Preview: this is what the digest will look like on Monday.";
    expect(toPlainText({ kind: "digest", audience: "asker", digest, note })).toBe(
      `${note}\n\n${digestToPlainText(digest)}`,
    );
  });
});
