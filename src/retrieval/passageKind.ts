import type { Passage } from "../types.ts";
import { noteLines } from "./passageTopics.ts";

/**
 * What a question asks of a summary, beyond its words, and what a passage of a summary gives, by
 * the section it stands in: the idea ("what's the difference between CBOW and skip-gram?" is
 * answered where the summary says what the paper is), the method ("how does the controller
 * decide on skip connections?", under "Method", "How", "Architecture"), or results and numbers
 * ("how many positions per second?", under "Experiments", or a passage that writes figures),
 * or the paper's weaknesses ("instant ngp downsides?", under "Limitations").
 */
export type AnswerKind = "overview" | "method" | "results" | "limits";

/**
 * Section names of each kind, as summaries in any style write them: Markdown headings, bold
 * lines, the bullets of an outline ("- **How**"). A section of the summarizer's own view
 * ("What I liked", "Thoughts") is none of them, whatever else its name says.
 */
const OPINION = /\b(?:thoughts?|concerns?|critique|take|liked|think|open questions?)\b/;
const SECTION_WORDS: ReadonlyArray<readonly [AnswerKind, RegExp]> = [
  [
    "results",
    /\b(?:results?|experiments?|experimental|evaluations?|findings|performance|benchmarks?|ablations?|empirical)\b/,
  ],
  [
    "method",
    /\b(?:how|methods?|methodology|approach|architecture|algorithm|design|training|setup|implementation|mechanism|framework|procedure)\b/,
  ],
  ["overview", /\b(?:what|summary|tl;?dr|overview|abstract|gist|idea|contributions?)\b/],
];

/** Section names of a paper's weaknesses: "Limitations", "Downsides / open questions", "Cons". */
const LIMITS_SECTION =
  /\b(?:limitations?|weakness(?:es)?|downsides?|drawbacks?|cons|caveats?|shortcomings?|failure modes?)\b/;

/**
 * Words that ask for a paper's weaknesses: "instant ngp downsides?", "any catch?". Not "weak":
 * "mae linear probe accuracy, why is it weak" asks about a result, which its passage answers.
 */
const LIMITS_QUESTION =
  /\b(?:limitations?|downsides?|drawbacks?|weakness(?:es)?|cons|caveats?|shortcomings?|catch|bad at|struggles?)\b/g;

/**
 * The words of a question that ask for a paper's weaknesses (see {@link LIMITS_QUESTION}); a
 * summary's "Limitations" section is about them whether or not it writes them.
 */
export function limitsWords(text: string): string[] {
  return [...text.toLowerCase().matchAll(LIMITS_QUESTION)].map((m) => m[0]);
}

/** Longest label an outline writes as a bullet of its own ("Limitations / my take"). */
const LABEL_CHARS = 40;
/** Most words of a label that ends in a colon at the start of a line ("TL;DR:", "Results:"). */
const LABEL_WORDS = 4;

/**
 * The labels a passage writes in its text, as outlines name their parts: a short bullet that is
 * no sentence and has bullets nested under it ("- **Results summary**" above the results), or a
 * few words and a colon at the start of a line ("TL;DR:", "- Training:").
 */
function labels(text: string): string[] {
  const found: string[] = [];
  for (const { body, bullet, parent } of noteLines(text)) {
    const label = /^([^.!?:]{1,40}):(?:\s|$)/.exec(body)?.[1];
    if (label && label.split(/\s+/).length <= LABEL_WORDS) found.push(label);
    else if (bullet && parent && body.length <= LABEL_CHARS && !/[.!?;,]$/.test(body)) {
      found.push(body);
    }
  }
  return found;
}

/** The kind a section name says (see {@link SECTION_WORDS}), if any. */
function sectionKind(name: string): AnswerKind | undefined {
  const folded = name.toLowerCase();
  // A summarizer's list of weaknesses is their view, and what a question after them wants.
  if (LIMITS_SECTION.test(folded)) return "limits";
  if (OPINION.test(folded)) return undefined;
  // One kind per name, the first it says: "Results summary" holds results.
  return SECTION_WORDS.find(([, words]) => words.test(folded))?.[0];
}

/** Adds the kind a section name says (see {@link sectionKind}). */
function addKinds(name: string, kinds: Set<AnswerKind>): void {
  const kind = sectionKind(name);
  if (kind) kinds.add(kind);
}

/**
 * True for a passage under a section that says what the paper is ("What", "TL;DR", "Summary"):
 * its lines say a little of everything, and so match a question about any part a little.
 */
export function inOverviewSection(passage: Passage): boolean {
  return (passage.headings ?? []).some((heading) => sectionKind(heading) === "overview");
}

/**
 * Section names of a summarizer's reflections on a paper: "My take", "Takeaways", "What I liked",
 * "Lessons". Not "Critique", "Concerns" or "Open questions": those take up the paper's weaknesses,
 * which a question may ask for.
 */
const REFLECTION =
  /\b(?:thoughts?|take|takeaways?|liked|lessons?|verdict|opinion|impressions?|comments?)\b/;

/**
 * A section of a summarizer's notes on a paper ("Notes", "Notes / my take"): where it sets the
 * paper in its lineage, says what came of it and what it lacks, a line each.
 */
const NOTES_SECTION = /\bnotes\b/;

/**
 * True for a passage under a section of the summarizer's reflections (see {@link REFLECTION}): it
 * restates the paper's ideas a line each, and so matches many questions about them, while the
 * section that takes each idea up answers them. So is a "Notes" section (see
 * {@link NOTES_SECTION}), unless the question compares (`comparing`): its lineage lines are
 * where a summary says how the paper differs from its neighbours ("longformer vs bigbird").
 */
export function givesReflection(passage: Passage, comparing = false): boolean {
  return (passage.headings ?? []).some((heading) => {
    const folded = heading.toLowerCase();
    return REFLECTION.test(folded) || (!comparing && NOTES_SECTION.test(folded));
  });
}

/** The kinds of answer a passage gives, by its headings and the labels it writes. */
export function passageKinds(passage: Passage): Set<AnswerKind> {
  const kinds = new Set<AnswerKind>();
  for (const heading of passage.headings ?? []) addKinds(heading, kinds);
  for (const label of labels(passage.text)) addKinds(label, kinds);
  // Figures are what a question after a number wants, wherever the summary writes them.
  if (/\d/.test(passage.text)) kinds.add("results");
  return kinds;
}

/** How questions ask for each kind of answer. */
const QUESTION_WORDS: ReadonlyArray<readonly [AnswerKind, RegExp]> = [
  [
    "results",
    /\bhow (?:many|much|big|large|long|fast|well)\b|\bwhat (?:range|size|number|value|percentage|rate)\b|\b(?:came out best|best|worst|better than|worse than|compared?|comparison|help(?:s|ed)?|hurts?|beats?|outperform\w*|results?)\b/,
  ],
  ["method", /\bhow (?:do|does|did|is|are|was|were|can|could|would|exactly)\b|\bmechanism\b/],
  [
    "overview",
    /\bwhat(?:'s| is| are| was)(?: the)? (?:main |basic |key |core |big )?(?:idea|point|gist|contribution|setup|difference)\b|\b(?:main idea|gist|tl;?dr)\b/,
  ],
];

/** The kinds of answer a question asks for; none for most. */
export function questionKinds(text: string): Set<AnswerKind> {
  const kinds = new Set<AnswerKind>();
  const folded = text.toLowerCase();
  for (const [kind, words] of QUESTION_WORDS) if (words.test(folded)) kinds.add(kind);
  return kinds;
}

/** True when a passage gives a kind of answer the question asks for. */
export function givesAsked(passage: Passage | undefined, asked: ReadonlySet<AnswerKind>): boolean {
  if (!passage || asked.size === 0) return false;
  const kinds = passageKinds(passage);
  for (const kind of asked) if (kinds.has(kind)) return true;
  return false;
}
