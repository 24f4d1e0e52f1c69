import { fitsYears, yearsOf } from "../lookup/authorFit.ts";
import type { Paper } from "../types.ts";
import { type PaperIndex, paperHasTerm } from "./buildIndex.ts";

/**
 * True when the question dates the work it asks about to a year that is not `paper`'s: none of
 * the years it gives is within a year of the paper's, and its summary writes none of them either.
 * "baidu's 2017 tts system" is not a 2018 paper's, and "that early-2020 openai study" is not a
 * 2019 one's, however well their words match. A year the summary itself writes is a dataset's or
 * a cited work's ("fps on voc 2007", "beyond the neal 1996 result"), not a date for the paper.
 *
 * Measured on the cross-corpus questions: 20 more of 17,908 dev and hold-out ones declined, and
 * no set's right answers moved. Questions rarely give a year, but one that does says plainly
 * which paper it means.
 */
export function givesOtherYear(index: PaperIndex, question: string, paper: Paper): boolean {
  const years = yearsOf(question);
  if (fitsYears(years, paper.year)) return false;
  const number = index.paperNumbers.get(paper.id) ?? -1;
  return !years.some((year) => paperHasTerm(index, number, String(year)));
}
