/**
 * Words that tell what a summary sentence is doing (reporting a result, naming a limitation,
 * finding something surprising), which decides the question a template asks about it.
 */

/** Words that flag a surprising finding: a question about what explains it. */
export const SURPRISE =
  /\b(?:surpris\w*|unexpected\w*|interesting\w*|strange\w*|weird\w*|counterintuitive|mysterious\w*|remarkabl\w*|astonishing\w*|puzzling|fascinating|incredibl\w*)\b/i;
/** Words of a judgement a reader may not share: a question about whether it is fair. */
export const CRITIQUE =
  /\b(?:disconnected|unclear|weak\w*|cautious|skeptic\w*|limited|arbitrary|odd|questionable|unconvincing|mysterious|weird\w*|strange\w*|overstated)\b/i;
/** Words that flag a limitation: a question about how much it matters. */
export const LIMITATION =
  /\b(?:limitations?|drawbacks?|downsides?|weakness(?:es)?|caveats?|shortcomings?|fails?|failures?)\b/i;
/** Words saying that something matters most: a question about why it does. */
export const KEY =
  /\b(?:crucial\w*|essential\w*|important\w*|key|critical\w*|central|necessary|vital|indispensable)\b/i;
/** Words that say a sentence reports a result: a question about the evidence. */
export const RESULT =
  /\b(?:outperform\w*|better|worse|improv\w*|ablations?|beats?|accuracy|benchmarks?|experiments?|empirical\w*|results?|performance)\b/i;
/** A clause that points at a figure ("illustrated in the picture"): a question cannot show it. */
export const FIGURE_REFERENCE =
  /\b(?:the|this|that) (?:picture|figure|diagram|plot|table)s?\b|\b(?:above|below)\b|\billustrated\b/i;
/** Participles whose "why" is only a matter of naming ("Why is X defined as ...?"). */
export const NAMING = /^(?:defined|called|known|named|denoted|referred|termed)$/i;
/** Subjects that stand for something said before, useless at the start of a quoted claim. */
export const PRONOUN_START =
  /^(?:it|this|that|these|those|they|them|he|she|we|you|i|which|there is no)\b/i;
