import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isWithdrawn, parseArxivFeed } from "../../src/import/arxivFeed.ts";
import { ARXIV_FIXTURES } from "../helpers/arxivStandIn.ts";

const fixture = (name: string) => readFileSync(join(ARXIV_FIXTURES, name), "utf8");

describe("parseArxivFeed", () => {
  it("reads an entry with namespaces declared on the feed (the API's current form)", () => {
    const feed = parseArxivFeed(fixture("1706.03762.xml"));
    expect(feed.totalResults).toBe(1);
    expect(feed.errors).toEqual([]);
    const [entry] = feed.entries;
    expect(entry).toMatchObject({
      id: "1706.03762",
      version: 7,
      title: "Attention Is All You Need",
      published: "2017-06-12T17:57:34Z",
      comment: "15 pages, 5 figures",
      pdfUrl: "https://arxiv.org/pdf/1706.03762v7",
      primaryCategory: "cs.CL",
    });
    expect(entry?.authors).toHaveLength(8);
    // Hard-wrapped lines joined into one paragraph.
    expect(entry?.abstract).toMatch(
      /^The dominant sequence transduction models are based on complex recurrent or convolutional neural/,
    );
    expect(entry?.abstract).not.toContain("\n");
  });

  it("reads DOI, journal reference and entities with namespaces declared on each element", () => {
    const [entry] = parseArxivFeed(fixture("1404.7828.xml")).entries;
    expect(entry).toMatchObject({
      id: "1404.7828",
      doi: "10.1016/j.neunet.2014.09.003",
      journalRef: "Neural Networks, Vol 61, pp 85-117, Jan 2015",
      authors: ["Juergen Schmidhuber"],
    });
    expect(entry?.abstract).toContain("reinforcement learning & evolutionary computation");
  });

  it("reads an old-style id", () => {
    expect(parseArxivFeed(fixture("math-0211159.xml")).entries[0]?.id).toBe("math/0211159");
  });

  it("reads an empty feed as no papers, and an error entry as an error", () => {
    expect(parseArxivFeed(fixture("empty.xml"))).toEqual({
      totalResults: 0,
      entries: [],
      errors: [],
    });
    expect(parseArxivFeed(fixture("error-incorrect-id.xml"))).toEqual({
      totalResults: 1,
      entries: [],
      errors: ["incorrect id format for 1234.12345"],
    });
  });

  it("tells a withdrawn paper by its comment or abstract", () => {
    const [withdrawn] = parseArxivFeed(fixture("1101.0001.xml")).entries;
    expect(withdrawn && isWithdrawn(withdrawn)).toBe(true);
    const [paper] = parseArxivFeed(fixture("1706.03762.xml")).entries;
    expect(paper && isWithdrawn(paper)).toBe(false);
  });

  it("throws at the line of malformed XML, and for XML that is no feed", () => {
    const broken = fixture("1404.7828.xml").replace(
      "</title>\n    <summary>",
      "</titel>\n    <summary>",
    );
    expect(() => parseArxivFeed(broken)).toThrow(
      /^paperbot: the arXiv API answered with malformed XML \(line 14: Expected closing tag 'title'/,
    );
    expect(() => parseArxivFeed("Rate exceeded.")).toThrow(/malformed XML/);
    expect(() => parseArxivFeed("<html><body>Oops</body></html>")).toThrow(/not an Atom feed/);
  });
});
