/**
 * The mixed queries the benchmark times: questions about a paper's content, `/paper` look-ups by
 * name (with the slips people make) and autocomplete prefixes, drawn reproducibly from the
 * generated papers.
 */
import type { Random, SyntheticPaper } from "./syntheticCorpus.ts";

/** Which entry point a query goes to. */
export type QueryKind = "question" | "lookup" | "autocomplete";

/** One timed query. */
export interface BenchQuery {
  /** Where it goes. */
  kind: QueryKind;
  /** What was typed. */
  text: string;
}

const OPENERS = ["how does", "what is", "why does", "explain", "what do they say about", ""];

/** Swaps two neighbouring letters inside a word: the commonest typo. */
function typo(word: string, random: Random): string {
  if (word.length < 5) return word;
  const at = random.int(1, word.length - 3);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

function question(paper: SyntheticPaper, random: Random): string {
  const words = random.pick(paper.sentences).split(/\s+/);
  const start = random.int(0, Math.max(0, words.length - 6));
  let asked = words.slice(start, start + random.int(3, 8));
  if (random.next() < 0.15) asked = asked.map((w) => (random.next() < 0.3 ? typo(w, random) : w));
  const name = random.next() < 0.3 ? `${paper.meta.aliases[0]} ` : "";
  return `${random.pick(OPENERS)} ${name}${asked.join(" ")}?`.trim();
}

function lookup(paper: SyntheticPaper, random: Random): string {
  const { id, title, arxiv, aliases } = paper.meta;
  const alias = aliases[0] ?? id;
  const choice = random.int(0, 5);
  if (choice === 0) return alias.toLowerCase();
  if (choice === 1) return alias.replace(/-/g, " ");
  if (choice === 2) return typo(alias.toLowerCase(), random);
  if (choice === 3) return title;
  if (choice === 4) return `arXiv:${arxiv}`;
  return title.split(" ").slice(0, 4).join(" ").toLowerCase();
}

function autocomplete(paper: SyntheticPaper, random: Random): string {
  const name = random.next() < 0.5 ? (paper.meta.aliases[0] ?? paper.meta.id) : paper.meta.title;
  const typed = name.slice(0, random.int(1, Math.min(12, name.length)));
  return random.next() < 0.5 ? typed.toLowerCase() : typed;
}

/** `perKind` queries of each kind about randomly chosen papers, interleaved. */
export function benchQueries(
  papers: readonly SyntheticPaper[],
  perKind: number,
  random: Random,
): BenchQuery[] {
  const queries: BenchQuery[] = [];
  for (let i = 0; i < perKind; i++) {
    queries.push({ kind: "question", text: question(random.pick(papers), random) });
    queries.push({ kind: "lookup", text: lookup(random.pick(papers), random) });
    queries.push({ kind: "autocomplete", text: autocomplete(random.pick(papers), random) });
  }
  return queries;
}
