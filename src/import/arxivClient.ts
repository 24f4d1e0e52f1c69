/**
 * Asks the arXiv API for papers by id: one request for many ids, paced, with a deadline and a
 * retry. https://info.arxiv.org/help/api/user-manual.html
 */
import { createError } from "../errors.ts";

/** The public arXiv API endpoint. */
export const DEFAULT_ARXIV_API_URL = "https://export.arxiv.org/api/query";
/**
 * How long one fetch may take in all, tries and waits included, by default. A person is waiting
 * for the answer (at the terminal, or in chat), so it is bounded as a whole.
 */
export const DEFAULT_ARXIV_TIMEOUT_MS = 20_000;
/**
 * arXiv's terms of use for its APIs ask for no more than one request every three seconds, on a
 * single connection: https://info.arxiv.org/help/api/tou.html ("make no more than one request
 * every three seconds"). Every request to one API host, a retry included, waits its turn.
 */
export const ARXIV_REQUEST_INTERVAL_MS = 3_000;
/** Waits before the second and third try: at least the request interval, then longer. */
export const ARXIV_RETRY_DELAYS_MS = [3_000, 9_000] as const;
/** Most ids one request asks for; more are asked in further requests, paced. */
export const ARXIV_IDS_PER_REQUEST = 100;

/** How to reach the API. */
export interface ArxivClientOptions {
  /** The API endpoint (`ARXIV_API_URL`). */
  apiUrl?: string;
  /** The deadline for the whole fetch, tries and waits included. */
  timeoutMs?: number;
  /** The fetch to use (tests). */
  fetch?: typeof fetch;
  /** The clock and the wait, so tests need not wait out the pacing. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** When each API host (origin) was last sent a request, for the pacing. */
const lastRequestAt = new Map<string, number>();

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A failed try, and whether trying again could help. */
class TryFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** The query URL for some ids: `id_list` joined by commas, as the API manual writes it. */
export function arxivQueryUrl(apiUrl: string, ids: readonly string[]): string {
  const url = new URL(apiUrl);
  url.searchParams.set("max_results", String(ids.length));
  // Commas and the slash of old-style ids are left as they are, as the manual's examples have them.
  const idList = ids.map((id) => encodeURIComponent(id).replace(/%2F/gi, "/")).join(",");
  return `${url.href}${url.search ? "&" : "?"}id_list=${idList}`;
}

/**
 * Fetches the API's Atom answers for `ids` (each with a version or not), one request per
 * {@link ARXIV_IDS_PER_REQUEST}. Throws `SOURCE_UNAVAILABLE` when the API cannot be reached, keeps
 * failing (5xx) or does not answer before the deadline. An answer that is not a server error
 * (a 400 for a malformed id comes as an Atom feed with an error entry) is returned as it is.
 */
export async function fetchArxivFeeds(
  ids: readonly string[],
  options: ArxivClientOptions = {},
): Promise<string[]> {
  const apiUrl = options.apiUrl || DEFAULT_ARXIV_API_URL;
  if (!URL.canParse(apiUrl) || !/^https?:$/.test(new URL(apiUrl).protocol)) {
    throw createError("SOURCE_UNAVAILABLE", `ARXIV_API_URL '${apiUrl}' is not an http(s) URL`);
  }
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const timeoutMs = options.timeoutMs ?? DEFAULT_ARXIV_TIMEOUT_MS;
  const deadline = now() + timeoutMs;
  const feeds: string[] = [];
  for (let at = 0; at < ids.length; at += ARXIV_IDS_PER_REQUEST) {
    const url = arxivQueryUrl(apiUrl, ids.slice(at, at + ARXIV_IDS_PER_REQUEST));
    feeds.push(await fetchWithRetry(url, { ...options, now, sleep, deadline, timeoutMs }));
  }
  return feeds;
}

async function fetchWithRetry(
  url: string,
  options: ArxivClientOptions & {
    now: () => number;
    sleep: (ms: number) => Promise<void>;
    deadline: number;
    timeoutMs: number;
  },
): Promise<string> {
  const { now, sleep, deadline } = options;
  const origin = new URL(url).origin;
  const host = `the arXiv API at ${origin}${new URL(url).pathname}`;
  let failure: TryFailure | undefined;
  for (let attempt = 0; attempt <= ARXIV_RETRY_DELAYS_MS.length; attempt++) {
    const backoff = attempt === 0 ? 0 : (ARXIV_RETRY_DELAYS_MS[attempt - 1] ?? 0);
    const last = lastRequestAt.get(origin);
    const start = Math.max(
      now() + backoff,
      last === undefined ? 0 : last + ARXIV_REQUEST_INTERVAL_MS,
    );
    // No use starting a try that cannot finish before the deadline: say why now instead.
    if (start >= deadline) break;
    if (start > now()) await sleep(start - now());
    lastRequestAt.set(origin, now());
    try {
      return await tryOnce(url, deadline - now(), options.fetch ?? fetch);
    } catch (error) {
      if (!(error instanceof TryFailure)) throw error;
      failure = error;
      if (!error.retryable) break;
    }
  }
  const seconds = Math.round(options.timeoutMs / 100) / 10;
  const why = failure ? failure.message : `no answer within ${seconds} s`;
  throw createError(
    "SOURCE_UNAVAILABLE",
    `could not get an answer from ${host}: ${why}; nothing was written. Try again later (ARXIV_API_TIMEOUT sets how long to wait)`,
  );
}

async function tryOnce(url: string, timeoutMs: number, fetchApi: typeof fetch): Promise<string> {
  const signal = AbortSignal.timeout(Math.max(1, timeoutMs));
  let response: Response;
  let body: string;
  try {
    response = await fetchApi(url, {
      signal,
      headers: { accept: "application/atom+xml", "user-agent": "paperbot (reading-group bot)" },
    });
    body = await response.text();
  } catch (error) {
    if (signal.aborted) {
      throw new TryFailure(`no answer within ${Math.round(timeoutMs / 100) / 10} s`, false);
    }
    const cause = (error as { cause?: { code?: string } }).cause;
    throw new TryFailure(cause?.code ?? (error as Error).message, true);
  }
  if (response.status >= 500 || response.status === 429) {
    throw new TryFailure(`HTTP ${response.status}`, true);
  }
  if (response.status >= 400 && !/<feed[\s>]/.test(body)) {
    throw new TryFailure(`HTTP ${response.status}`, false);
  }
  return body;
}

/** Forgets the pacing (tests that reuse one stand-in host). */
export function resetArxivPacing(): void {
  lastRequestAt.clear();
}
