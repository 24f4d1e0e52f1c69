import { describe, expect, it } from "vitest";
import { canonicalArxivId, parseArxivId } from "../../src/text/arxivId.ts";
import { doiKey, findDois, parseDoi } from "../../src/text/doi.ts";

describe("parseArxivId", () => {
  it("reads new-style ids with and without a version, and the arXiv: prefix", () => {
    expect(parseArxivId("1905.02249")).toEqual({ id: "1905.02249" });
    expect(parseArxivId("1905.02249v3")).toEqual({ id: "1905.02249", version: 3 });
    expect(parseArxivId("arXiv:1905.02249v2")).toEqual({ id: "1905.02249", version: 2 });
    expect(parseArxivId(" 0704.0001 ")).toEqual({ id: "0704.0001" });
  });

  it("reads old-style ids, dropping a subject class as the API does", () => {
    expect(parseArxivId("hep-th/9901001")).toEqual({ id: "hep-th/9901001" });
    expect(parseArxivId("math.GT/0309136")).toEqual({ id: "math/0309136" });
    expect(parseArxivId("cond-mat/0211022v2")).toEqual({ id: "cond-mat/0211022", version: 2 });
    expect(canonicalArxivId("math.GT/0309136")).toBe("math/0309136");
  });

  it("reads abs, pdf and html URLs, with or without scheme, version or .pdf", () => {
    for (const url of [
      "https://arxiv.org/abs/1905.02249",
      "http://arxiv.org/abs/1905.02249v3",
      "https://arxiv.org/pdf/1905.02249v3",
      "https://arxiv.org/pdf/1905.02249.pdf",
      "https://www.arxiv.org/html/1905.02249v1/",
      "https://export.arxiv.org/abs/1905.02249",
      "arxiv.org/abs/1905.02249",
    ]) {
      expect(parseArxivId(url)?.id, url).toBe("1905.02249");
    }
    expect(parseArxivId("https://arxiv.org/abs/hep-th/9901001v1")).toEqual({
      id: "hep-th/9901001",
      version: 1,
    });
    expect(parseArxivId("https://arxiv.org/pdf/math.GT/0309136.pdf")?.id).toBe("math/0309136");
  });

  it("refuses anything that is not an arXiv id or arXiv URL", () => {
    for (const text of [
      "",
      "mixmatch",
      "1905.0224",
      "https://openreview.net/forum?id=abc",
      "https://example.org/abs/1905.02249",
      "https://arxiv.org/list/cs.LG/recent",
      "ftp://arxiv.org/abs/1905.02249",
    ]) {
      expect(parseArxivId(text), text).toBeUndefined();
    }
  });
});

describe("parseDoi", () => {
  it("reads a bare DOI, one with doi: and a doi.org URL", () => {
    const doi = "10.1016/j.neunet.2014.09.003";
    for (const text of [
      doi,
      `doi:${doi}`,
      `DOI: ${doi}`,
      `https://doi.org/${doi}`,
      `http://dx.doi.org/${doi}`,
    ]) {
      expect(parseDoi(text), text).toBe(doi);
    }
    expect(parseDoi("https://doi.org/10.1145/3065386%3F")).toBe("10.1145/3065386?");
  });

  it("refuses what is not a DOI", () => {
    expect(parseDoi("1905.02249")).toBeUndefined();
    expect(parseDoi("https://example.org/10.1016/x")).toBeUndefined();
  });

  it("keys DOIs without case, and finds them in text without a sentence's last dot", () => {
    expect(doiKey("10.1016/J.NEUNET.2014.09.003")).toBe(doiKey("10.1016/j.neunet.2014.09.003"));
    expect(findDois("see 10.1016/j.neunet.2014.09.003.").map((d) => d.doi)).toEqual([
      "10.1016/j.neunet.2014.09.003",
    ]);
  });
});
