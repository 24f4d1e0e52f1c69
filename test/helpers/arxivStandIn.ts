import { readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { FIXTURES_DIR } from "./corpus.ts";

/** Where the arXiv API answers are kept: whole Atom feeds as the API sends them. */
export const ARXIV_FIXTURES = join(FIXTURES_DIR, "arxiv");

/**
 * How the stand-in behaves: `feed` answers as arXiv does; the others are ways the real API
 * fails: no answer at all, server errors (once, or always), text that is not XML or not a feed.
 */
export type ArxivStandInMode =
  | "feed"
  | "silent"
  | "error-500"
  | "error-503-once"
  | "malformed-xml"
  | "rate-exceeded";

/** One request the stand-in received. */
export interface ArxivRequest {
  /** The path and query. */
  url: string;
  /** The ids of `id_list`, as sent. */
  ids: string[];
  /** When it arrived (ms). */
  at: number;
}

/** A local arXiv API on loopback. */
export interface ArxivStandIn {
  /** The query endpoint, for `ARXIV_API_URL`. */
  url: string;
  /** Every request received, in order. */
  requests: ArxivRequest[];
  /** Changes how it answers from the next request on. */
  mode: ArxivStandInMode;
  close(): Promise<void>;
}

/** The entries of the fixtures by id (version dropped), each as its `<entry>` element. */
function fixtureEntries(): Map<string, { entry: string; feed: string }> {
  const entries = new Map<string, { entry: string; feed: string }>();
  for (const name of readdirSync(ARXIV_FIXTURES)) {
    const feed = readFileSync(join(ARXIV_FIXTURES, name), "utf8");
    for (const [entry] of feed.matchAll(/<entry>[\s\S]*?<\/entry>/g)) {
      const id = /<id>https?:\/\/arxiv\.org\/abs\/(.+?)(?:v\d+)?<\/id>/.exec(entry)?.[1];
      if (id) entries.set(id, { entry, feed });
    }
  }
  return entries;
}

const MODERN_ID = /^\d{4}\.\d{4,5}(?:v\d+)?$/;
const OLD_ID = /^[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?$/;

/** The feed arXiv answers for `ids`: the fixture itself for one id, else the entries together. */
function feedFor(ids: string[], entries: ReturnType<typeof fixtureEntries>): string {
  const found = ids.flatMap((id) => {
    const hit = entries.get(id.replace(/v\d+$/, ""));
    return hit ? [hit] : [];
  });
  if (ids.length === 1 && found[0]) return found[0].feed;
  const empty = readFileSync(join(ARXIV_FIXTURES, "empty.xml"), "utf8");
  return empty
    .replace(/<opensearch:totalResults>0</, `<opensearch:totalResults>${found.length}<`)
    .replace("</feed>", `${found.map((f) => `  ${f.entry}\n`).join("")}</feed>`);
}

/** Starts a local arXiv API on 127.0.0.1 at a free port. */
export async function startArxivStandIn(mode: ArxivStandInMode = "feed"): Promise<ArxivStandIn> {
  const entries = fixtureEntries();
  const requests: ArxivRequest[] = [];
  let errorsLeft = 1;
  const standIn = { mode } as ArxivStandIn;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const ids = (url.searchParams.get("id_list") ?? "").split(",").filter(Boolean);
    requests.push({ url: request.url ?? "", ids, at: Date.now() });
    const atom = (status: number, body: string) => {
      response.writeHead(status, { "content-type": "application/atom+xml; charset=utf-8" });
      response.end(body);
    };
    switch (standIn.mode) {
      case "silent":
        return; // Never answers: the client's deadline must end it.
      case "error-500":
        response.writeHead(500, { "content-type": "text/plain" });
        response.end("Internal Server Error");
        return;
      case "error-503-once":
        if (errorsLeft-- > 0) {
          response.writeHead(503, { "content-type": "text/plain" });
          response.end("Service Unavailable");
          return;
        }
        break;
      case "malformed-xml":
        atom(200, feedFor(ids, entries).replace("</title>", "</titel>"));
        return;
      case "rate-exceeded":
        response.writeHead(200, { "content-type": "text/plain" });
        response.end("Rate exceeded.");
        return;
      case "feed":
        break;
    }
    const bad = ids.find((id) => !MODERN_ID.test(id) && !OLD_ID.test(id));
    if (bad) {
      const error = readFileSync(join(ARXIV_FIXTURES, "error-incorrect-id.xml"), "utf8");
      atom(400, error.replaceAll("1234.12345", bad));
      return;
    }
    atom(200, feedFor(ids, entries));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  standIn.url = `http://127.0.0.1:${port}/api/query`;
  standIn.requests = requests;
  standIn.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return standIn;
}
