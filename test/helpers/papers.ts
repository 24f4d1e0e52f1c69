import type { Paper } from "../../src/types.ts";

/** A made-up paper for renderer tests: `p<n>`, with markup-prone characters in its title. */
export function fakePaper(n: number, title = `Paper <${n}> & friends`): Paper {
  return {
    id: `p${n}`,
    title,
    authors: ["Ada Lovelace", "Alan Turing"],
    year: 2019,
    venue: "NeurIPS",
    arxiv: "1905.02249",
    url: "https://arxiv.org/abs/1905.02249",
    aliases: [`P${n}`],
    added: "2026-11-27",
    summary: "",
    file: "",
    figures: [],
  };
}
