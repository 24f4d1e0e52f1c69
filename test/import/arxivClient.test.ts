import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ARXIV_REQUEST_INTERVAL_MS,
  arxivQueryUrl,
  fetchArxivFeeds,
} from "../../src/import/arxivClient.ts";
import { importArxiv } from "../../src/import/importArxiv.ts";
import { ARXIV_FIXTURES } from "../helpers/arxivStandIn.ts";
import { tempDir } from "../helpers/tempCorpus.ts";

/** A clock that moves only when the client sleeps, and a fetch that answers from a script. */
function scripted(answers: Array<() => Response>) {
  let now = 1_000_000;
  const calls: Array<{ url: string; at: number }> = [];
  return {
    calls,
    options: {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
      fetch: (async (url: string | URL | Request) => {
        calls.push({ url: String(url), at: now });
        const answer = answers.shift();
        if (!answer) throw new Error("no more answers");
        return answer();
      }) as typeof fetch,
    },
  };
}

const networkError = () => {
  throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
};
const ok = () => new Response("<feed xmlns='http://www.w3.org/2005/Atom'/>");

describe("fetchArxivFeeds", () => {
  it("asks for every id in one request, ids and versions as given", () => {
    expect(
      arxivQueryUrl("https://export.arxiv.org/api/query", ["1706.03762v5", "hep-th/9901001"]),
    ).toBe("https://export.arxiv.org/api/query?max_results=2&id_list=1706.03762v5,hep-th/9901001");
  });

  it("waits three seconds between requests to one host, a retry included", async () => {
    const { calls, options } = scripted([networkError, ok, ok]);
    const apiUrl = "http://pacing.test/api/query";
    await fetchArxivFeeds(["1706.03762"], { ...options, apiUrl, timeoutMs: 60_000 });
    await fetchArxivFeeds(["1404.7828"], { ...options, apiUrl, timeoutMs: 60_000 });
    expect(calls).toHaveLength(3);
    const [a, b, c] = calls.map((call) => call.at);
    expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(ARXIV_REQUEST_INTERVAL_MS);
    expect((c ?? 0) - (b ?? 0)).toBeGreaterThanOrEqual(ARXIV_REQUEST_INTERVAL_MS);
  });

  it("tries three times on server errors, then says what went wrong", async () => {
    const error = () => new Response("busy", { status: 503 });
    const { calls, options } = scripted([error, error, error]);
    await expect(
      fetchArxivFeeds(["1706.03762"], { ...options, apiUrl: "http://busy.test/api/query" }),
    ).rejects.toThrow(
      /could not get an answer from the arXiv API at http:\/\/busy\.test\/api\/query: HTTP 503; nothing was written/,
    );
    expect(calls).toHaveLength(3);
  });

  it("does not start a retry the deadline leaves no time for", async () => {
    const { calls, options } = scripted([networkError, ok]);
    await expect(
      fetchArxivFeeds(["1706.03762"], {
        ...options,
        apiUrl: "http://short.test/q",
        timeoutMs: 2000,
      }),
    ).rejects.toThrow(/ECONNRESET/);
    expect(calls).toHaveLength(1);
  });

  it("returns an error feed as it is, for the caller to read", async () => {
    const body = readFileSync(join(ARXIV_FIXTURES, "error-incorrect-id.xml"), "utf8").replaceAll(
      "1234.12345",
      "2101.99999",
    );
    const { options } = scripted([() => new Response(body, { status: 400 })]);
    const report = await importArxiv(["2101.99999"], {
      ...options,
      apiUrl: "http://errors.test/api/query",
      corpusDir: tempDir("import-error"),
      added: "2026-12-07",
    });
    expect(report.added).toEqual([]);
    expect(report.refused).toEqual([
      {
        source: "2101.99999",
        reason: "unknown",
        message: "arXiv refused it: incorrect id format for 2101.99999",
      },
    ]);
  });
});
