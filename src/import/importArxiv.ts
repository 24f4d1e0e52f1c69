import { arxivAbsUrl, parseArxivId } from "../text/arxivId.ts";
import { parseDoi } from "../text/doi.ts";
import {
  type AddPapersOptions,
  addPapers,
  type ImportReport,
  type PaperDraft,
  type RefusedPaper,
} from "./addPapers.ts";
import { type ArxivClientOptions, fetchArxivFeeds } from "./arxivClient.ts";
import { type ArxivEntry, isWithdrawn, parseArxivFeed } from "./arxivFeed.ts";
import { CorpusIdentities } from "./corpusIdentities.ts";

/** Options of {@link importArxiv}: where to write, and how to reach the API. */
export type ImportArxivOptions = Omit<AddPapersOptions, "identities"> & ArxivClientOptions;

/** The venue of a paper arXiv knows no journal for. */
const PREPRINT_VENUE = "arXiv preprint";

/**
 * The venue and year a journal reference names: "Neural Networks, Vol 61, pp 85-117, Jan 2015"
 * is Neural Networks, 2015; "Advances in Neural Information Processing Systems 32 (NeurIPS
 * 2019)" is Advances in Neural Information Processing Systems, 2019. The venue is what comes
 * before the first comma, volume number or parenthesis; the year is the last one it names.
 */
export function journalVenue(journalRef: string): { venue?: string; year?: number } {
  const venue = journalRef
    .split(",")[0]
    ?.replace(/\s*\(.*$/, "")
    .replace(/\s+(?:vol\.?|volume|no\.?|pp\.?)?\s*\d+(?!\d*(?:st|nd|rd|th)\b).*$/i, "")
    .trim();
  const years = [...journalRef.matchAll(/\b(19\d\d|20\d\d)\b/g)].map((m) => Number(m[1]));
  return { ...(venue ? { venue } : {}), ...(years.length > 0 ? { year: years.at(-1) } : {}) };
}

/** A paper draft from an arXiv entry: the abstract as its summary, marked as such. */
export function arxivDraft(source: string, entry: ArxivEntry): PaperDraft {
  const doi = entry.doi ? parseDoi(entry.doi) : undefined;
  const journal = entry.journalRef ? journalVenue(entry.journalRef) : {};
  return {
    source,
    meta: {
      title: entry.title,
      authors: entry.authors,
      year: journal.year ?? Number(entry.published.slice(0, 4)),
      venue: journal.venue || PREPRINT_VENUE,
      arxiv: entry.id,
      ...(doi ? { doi } : {}),
      url: arxivAbsUrl(entry.id),
      summarySource: "abstract",
      aliases: [],
    },
    summary: entry.abstract,
  };
}

/**
 * Imports papers from arXiv by id or URL (any form `parseArxivId` reads), all in one API request.
 * Refused, with nothing written for them: what is not an arXiv id or URL, an id given twice, a
 * paper the corpus already has (asked of the corpus before the API), an id arXiv does not know or
 * reports an error for, and a withdrawn paper. Throws, writing nothing, when the API cannot be
 * reached in time (`SOURCE_UNAVAILABLE`) or answers with something other than an Atom feed
 * (`SOURCE_MALFORMED`).
 */
export async function importArxiv(
  inputs: readonly string[],
  options: ImportArxivOptions,
): Promise<ImportReport> {
  const identities = CorpusIdentities.ofDirectory(options.corpusDir);
  const refused: RefusedPaper[] = [];
  const wanted = new Map<string, { input: string; request: string }>();
  for (const input of inputs) {
    const ref = parseArxivId(input);
    if (!ref) {
      refused.push({
        source: input,
        reason: "not-arxiv",
        message: /^[a-z]+:\/\//i.test(input.trim())
          ? "not an arXiv link: give an arxiv.org abs or pdf link, or the arXiv id"
          : "not an arXiv id: write it like 1905.02249, 1905.02249v2 or hep-th/9901001",
      });
      continue;
    }
    if (wanted.has(ref.id)) {
      refused.push({
        source: input,
        reason: "duplicate",
        message: `arXiv ${ref.id} is asked for twice; it is imported once`,
      });
      continue;
    }
    const existing = identities.withArxivId(ref.id);
    if (existing) {
      refused.push({
        source: input,
        reason: "duplicate",
        message: `already in the corpus as ${existing} (same arXiv id ${ref.id})`,
        file: existing,
      });
      continue;
    }
    wanted.set(ref.id, { input, request: ref.version ? `${ref.id}v${ref.version}` : ref.id });
  }
  if (wanted.size === 0) return { added: [], refused, skipped: [] };

  const requests = [...wanted.values()].map((w) => w.request);
  const feeds = (await fetchArxivFeeds(requests, options)).map(parseArxivFeed);
  const entries = new Map(feeds.flatMap((feed) => feed.entries).map((e) => [e.id, e]));
  const errors = feeds.flatMap((feed) => feed.errors);
  const drafts: PaperDraft[] = [];
  for (const [id, { input }] of wanted) {
    const entry = entries.get(id);
    if (!entry) {
      const error = errors.find((message) => message.includes(id)) ?? errors[0];
      refused.push({
        source: input,
        reason: "unknown",
        message: error ? `arXiv refused it: ${error}` : `arXiv has no paper ${id}: check the id`,
      });
    } else if (isWithdrawn(entry)) {
      refused.push({
        source: input,
        reason: "withdrawn",
        message: `arXiv ${id} has been withdrawn${entry.comment ? ` (${entry.comment})` : ""}`,
      });
    } else if (!entry.abstract || entry.authors.length === 0 || !/^\d{4}/.test(entry.published)) {
      refused.push({
        source: input,
        reason: "incomplete",
        message: `arXiv's record of ${id} lacks its abstract, authors or date`,
      });
    } else {
      drafts.push(arxivDraft(input, entry));
    }
  }
  const written = addPapers(drafts, { ...options, identities });
  return { added: written.added, refused: [...refused, ...written.refused], skipped: [] };
}
