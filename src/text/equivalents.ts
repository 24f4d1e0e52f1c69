/**
 * Words that ML writing uses for one and the same thing, by Porter2 stem, each mapped to the stem
 * that stands for its group. Applied to passages and questions alike (in `processTerm`), so a
 * question that says "discretize" finds the summary that says "quantize" and the other way round.
 *
 * Only true equivalences belong here, ones any ML reader would agree on whatever the paper: a
 * word's topical neighbours ("encoder" and "decoder") are not synonyms, and a group added for one
 * question would make other questions match what they did not ask.
 */
const GROUPS: ReadonlyArray<{ why: string; stems: readonly string[] }> = [
  {
    why: "mapping continuous values onto a finite set is called quantizing or discretizing",
    stems: ["quantiz", "discret"],
  },
  {
    why: "hiding part of an input: masked, occluded",
    stems: ["mask", "occlud", "occlus"],
  },
  {
    why: "a loss term that discourages behaviour penalizes it, or punishes it",
    stems: ["penal", "penalti", "punish"],
  },
  {
    why: "one word: Porter2 stems 'embed' and 'embeds' to 'emb', 'embedded' and 'embedding' to 'embed'",
    stems: ["embed", "emb"],
  },
];

/** Each stem of a group mapped to its group's first stem. */
export const EQUIVALENT_STEMS: ReadonlyMap<string, string> = new Map(
  GROUPS.flatMap(({ stems }) => stems.map((stem) => [stem, stems[0] as string] as const)),
);
