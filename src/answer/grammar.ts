/** What a person asked for, read from the text after `/paper` or after a mention of the bot. */
export type ParsedRequest =
  | { kind: "help" }
  | { kind: "list" }
  | { kind: "random" }
  /** A paper's name or a question: which of the two is decided against the corpus. */
  | { kind: "query"; text: string };

/** The command forms, as `/paper help` lists them. */
export const COMMAND_FORMS: ReadonlyArray<{ usage: string; description: string }> = [
  {
    usage: "/paper NAME",
    description: "a paper's card, by title, alias, arXiv id, even misspelled",
  },
  { usage: "/paper QUESTION", description: "the summary passage that answers it, with its figure" },
  { usage: "/paper list", description: "the papers the bot knows, newest first" },
  { usage: "/paper random", description: "a random paper's card" },
  { usage: "/paper help", description: "this help" },
  {
    usage: "@paperbot QUESTION",
    description: "an answer in the thread; follow-ups there stay on its paper",
  },
];

/**
 * Reads the one grammar both platforms share: `help`, `list`, `random`, or anything else as a
 * name or question. A leading `/paper` is dropped, so "@paperbot /paper list" works too.
 */
export function parseRequest(raw: string): ParsedRequest {
  const text = raw
    .trim()
    .replace(/^\/paper\b\s*/i, "")
    .trim();
  const word = text.toLowerCase().replace(/[.!?]+$/, "");
  if (word === "" || word === "help" || word === "?") return { kind: "help" };
  if (word === "list") return { kind: "list" };
  if (word === "random") return { kind: "random" };
  return { kind: "query", text };
}
