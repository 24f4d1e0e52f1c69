import { describe, expect, it } from "vitest";
import { venueLine, venueYear } from "../../src/answer/phrases.ts";
import { fakePaper } from "../helpers/papers.ts";

describe("venueYear", () => {
  it("writes the venue and the year", () => {
    expect(venueYear({ ...fakePaper(1), venue: "NeurIPS", year: 2019 })).toBe("NeurIPS 2019");
  });

  it("does not repeat a year the venue already says", () => {
    expect(venueYear({ ...fakePaper(1), venue: "EMNLP 2014", year: 2014 })).toBe("EMNLP 2014");
  });

  it("keeps a different year, in brackets", () => {
    expect(venueYear({ ...fakePaper(1), venue: "ICLR 2015", year: 2014 })).toBe("ICLR 2015 (2014)");
  });

  it("is what the venue line starts with", () => {
    const paper = { ...fakePaper(1), venue: "EMNLP 2014", year: 2014 };
    expect(venueLine(paper)).toBe("EMNLP 2014 · arXiv 1905.02249");
  });
});
