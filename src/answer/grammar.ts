/** What `/paper digest` is asked to do. */
export type DigestAction = "preview" | "subscribe" | "unsubscribe";

const DIGEST_ACTIONS: Record<string, DigestAction> = {
  digest: "preview",
  "digest preview": "preview",
  "digest subscribe": "subscribe",
  "digest unsubscribe": "unsubscribe",
};

/** What a person asked for, read from the text after `/paper` or after a mention of the bot. */
export type ParsedRequest =
  | { kind: "help" }
  | { kind: "list" }
  | { kind: "random" }
  /** `/paper digest [subscribe|unsubscribe]`: the weekly digest of this channel. */
  | { kind: "digest"; action: DigestAction }
  /** `/paper add ID|URL`: a paper from arXiv into the corpus (#17); `source` as typed, maybe empty. */
  | { kind: "add"; source: string }
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
  { usage: "/paper digest", description: "a preview of the weekly digest, only for you" },
  {
    usage: "/paper digest subscribe",
    description: "post the digest in this channel weekly (unsubscribe stops it; channel managers)",
  },
  {
    usage: "/paper add ARXIV_ID|URL",
    description: "add a paper from arXiv to the corpus (channel managers and corpus editors)",
  },
  { usage: "/paper help", description: "this help" },
  {
    usage: "@paperbot QUESTION",
    description: "an answer in the thread; follow-ups there stay on its paper",
  },
];

/**
 * Reads the one grammar both platforms share: `help`, `list`, `random`, `digest [subscribe|
 * unsubscribe]`, `add ID|URL`, or anything else as a name or question. A leading `/paper` is
 * dropped, so "@paperbot /paper list" works too. `add` takes one word (an id or link): "add noise
 * to what?" stays a question.
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
  const action = DIGEST_ACTIONS[word.replace(/\s+/g, " ")];
  if (action) return { kind: "digest", action };
  const add = /^add(?:\s+(\S+))?$/i.exec(text);
  if (add) return { kind: "add", source: (add[1] ?? "").replace(/^<(.*)>$/, "$1") };
  return { kind: "query", text };
}
