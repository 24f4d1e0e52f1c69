import type { Mention } from "../lookup/mention.ts";
import { termsOf } from "../text/terms.ts";

/**
 * Words after a name that make it the paper another one comes from: "the BERT variant that masks
 * spans", "the Wasserstein GAN follow-up", "a DQN extension".
 */
const REFERENCE_AFTER =
  /^(?:'s)?(?:[\s-]*(?:variants?|follow[\s-]?ups?|successors?|extensions?|versions?|descendants?|derivatives?|upgrades?|spin[\s-]?offs?|alternatives?)|-?(?:style|like|level|inspired))\b/i;

/**
 * Words before a name that make it a point of reference, not the subject: "a variant of BERT",
 * "an improvement over WGAN", "built on top of ResNet", "unlike VGG", "instead of VGG".
 */
const REFERENCE_BEFORE =
  /(?:\b(?:variants?|versions?|extensions?|follow[\s-]?ups?|successors?|improvements?|alternatives?|upgrades?|replacements?)\s+(?:of|to|on|over|for)|\b(?:built|based)\s+on(?:\s+top\s+of)?|\bon\s+top\s+of|\bunlike|\binstead\s+of|\bthan)\s+(?:the\s+|an?\s+)?$/i;

/**
 * Words before a name that set it against a paper the question has already named: "how does the
 * glow 1x1 conv relate to real nvp's fixed permutations", "how is rnd's bonus different from
 * icm's". Only then: "how did deit relate to vit", with no DeiT summary, asks the ViT notes.
 */
const COMPARED_BEFORE =
  /\b(?:compared?\s+(?:to|with)|relates?\s+to|relative\s+to|differ(?:s|ent)?\s+from)\s+(?:the\s+|an?\s+)?$/i;

/**
 * A name used as a common noun, a member of the family it names that the words after it pick
 * out: "the GAN that treats the discriminator output as a regression target" is one GAN of many
 * (LSGAN), not the GAN paper. A determiner, perhaps one word between, then the name, then "that",
 * "which", "whose" or "where".
 */
const DETERMINED_BEFORE = /(?:^|\b)(?:the|a|an|that|this)\s+(?:[\w-]+\s+)?$/i;
const DESCRIBED_AFTER = /^\s+(?:that|which|whose|where)\b/i;

/**
 * True when a name followed by "variant", "follow-up"... places another paper: one picked out by
 * a determiner ("the WGAN follow-up") or by what the question says besides ("which BERT variants
 * mask spans?"). A question that says nothing else ("cot follow up work", "resnet variants?")
 * asks what the named paper led to, which its own notes answer.
 */
function placesAnother(before: string, rest: string): boolean {
  return DETERMINED_BEFORE.test(before) || termsOf(`${before} ${rest}`).length > 0;
}

/**
 * True when a question names a paper only to place the one it asks about ("the BERT variant that
 * masks contiguous spans", "a convnet for sentences on top of word2vec", "the GAN that treats the
 * discriminator as a regression"): the question is about a paper derived from, built on, set
 * against or picked out of the named one, not about it. Only names count;
 * an arXiv id or an author says which paper is asked about. `afterAnother`: the question names
 * another paper before this one (see {@link COMPARED_BEFORE}).
 */
export function namesOnlyAsReference(
  question: string,
  mention: Mention,
  afterAnother = false,
): boolean {
  if (mention.by !== "name") return false;
  const before = question.slice(0, mention.start);
  const after = question.slice(mention.end);
  const reference = REFERENCE_AFTER.exec(after);
  return (
    (reference !== null && placesAnother(before, after.slice(reference[0].length))) ||
    REFERENCE_BEFORE.test(before) ||
    (afterAnother && COMPARED_BEFORE.test(before)) ||
    (DESCRIBED_AFTER.test(after) && DETERMINED_BEFORE.test(before))
  );
}
