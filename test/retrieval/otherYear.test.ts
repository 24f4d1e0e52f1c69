import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { givesOtherYear } from "../../src/retrieval/otherYear.ts";
import { search } from "../../src/retrieval/search.ts";
import { fakePaper, fillerPapers } from "../helpers/papers.ts";

const tts = {
  ...fakePaper(1, "Natural speech from spectrogram predictions"),
  aliases: ["Tacospeech"],
  year: 2018,
  summary: [
    "- A sequence-to-sequence network predicts mel spectrograms from characters",
    "- A neural vocoder turns the spectrograms into waveforms",
    "- Naturalness is rated close to recorded speech on the 2017 in-house test set",
  ].join("\n"),
};
const index = buildIndex([tts, ...fillerPapers()]);

describe("givesOtherYear", () => {
  it("is true when no year the question gives is within a year of the paper's", () => {
    expect(givesOtherYear(index, "that 2014 tts system, how natural was it?", tts)).toBe(true);
    expect(givesOtherYear(index, "the early-2021 vocoder paper", tts)).toBe(true);
  });

  it("is false for the paper's year, a year either side, or no year at all", () => {
    expect(givesOtherYear(index, "the 2018 tts system", tts)).toBe(false);
    expect(givesOtherYear(index, "Shen et al. 2019 vocoder", tts)).toBe(false);
    expect(givesOtherYear(index, "how natural was the tts system?", tts)).toBe(false);
  });

  it("is false for a year the summary writes: a dataset's or a cited work's", () => {
    expect(givesOtherYear(index, "naturalness on the 2017 test set", tts)).toBe(false);
  });

  it("reads a year, not an arXiv id or a figure", () => {
    expect(givesOtherYear(index, "tts paper 1712.05884", tts)).toBe(false);
    expect(givesOtherYear(index, "was it trained for 2000.5 hours?", tts)).toBe(false);
  });
});

describe("search and a question dated to another year", () => {
  const question = "how does the neural vocoder turn mel spectrograms into waveforms";

  it("answers the paper the words match when no year contradicts it", () => {
    const response = search(index, question);
    expect(response.results[0]?.paper.id).toBe("p1");
    expect(response.confident).toBe(true);
  });

  it("declines when the question dates the work to another year", () => {
    const response = search(index, `in that 2012 paper, ${question}`);
    expect(response.results[0]?.paper.id).toBe("p1");
    expect(response.confident).toBe(false);
  });

  it("still answers a paper the question names, whatever year it gives", () => {
    expect(search(index, `Tacospeech 2012: ${question}`).confident).toBe(true);
  });

  it("still answers a thread's paper", () => {
    expect(search(index, `in 2012, ${question}`, { focus: tts.id }).confident).toBe(true);
  });
});
