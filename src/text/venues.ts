/**
 * Conferences and journals that questions place a paper by, often with the year run in
 * ("iccv17", "cvpr19", "neurips2020"): they say where a paper appeared, not which work it is.
 */
const VENUES = new Set([
  "neurips",
  "nips",
  "icml",
  "iclr",
  "cvpr",
  "iccv",
  "eccv",
  "wacv",
  "bmvc",
  "acl",
  "emnlp",
  "naacl",
  "eacl",
  "coling",
  "aaai",
  "ijcai",
  "kdd",
  "www",
  "sigir",
  "icra",
  "iros",
  "corl",
  "rss",
  "uai",
  "aistats",
  "colt",
  "interspeech",
  "icassp",
  "miccai",
  "siggraph",
  "tmlr",
  "jmlr",
  "tpami",
  "pami",
  "arxiv",
]);

/** A venue's name, alone or with a year run in: "iccv17", "CVPR 2019"'s "cvpr", "neurips2020". */
const VENUE_CODE = /^(\p{L}+)(?:\d{2}|\d{4})?$/u;

/** True for a folded word that is a venue, alone or with its year run in (see {@link VENUES}). */
export function isVenueCode(foldedWord: string): boolean {
  const letters = VENUE_CODE.exec(foldedWord)?.[1];
  return letters !== undefined && VENUES.has(letters);
}
