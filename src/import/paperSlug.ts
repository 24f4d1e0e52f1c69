/** Words a slug leaves out: they name nothing ("On the Convergence of Adam" is convergence-adam). */
const FILLER = new Set(
  "a an the of on in for to and or with via by from at is are as its into towards toward".split(
    " ",
  ),
);
/** Most words a slug made from a title keeps. */
const MAX_SLUG_WORDS = 5;
/** Longest short name (before a title's colon) used as the whole slug. */
const MAX_SHORT_NAME_WORDS = 3;

/** Lower-case ASCII words of a text: accents dropped ("Erdős" gives "erdos"). */
function asciiWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * A paper id made from its short name or title: the name before a title's colon when it is short
 * ("MixMatch: A Holistic Approach..." gives `mixmatch`, "VQ-VAE-2: ..." `vq-vae-2`), else the
 * title's first words that name something ("Attention Is All You Need" gives
 * `attention-all-you-need`). `paper` when the title has no Latin letters or digits.
 */
export function paperSlug(title: string): string {
  const colon = title.indexOf(":");
  if (colon > 0) {
    const short = asciiWords(title.slice(0, colon));
    const words = title.slice(0, colon).trim().split(/\s+/).length;
    if (short.length > 0 && words <= MAX_SHORT_NAME_WORDS) return short.join("-");
  }
  const words = asciiWords(title);
  const named = words.filter((word) => !FILLER.has(word));
  const slug = (named.length > 0 ? named : words).slice(0, MAX_SLUG_WORDS).join("-");
  return slug || "paper";
}
