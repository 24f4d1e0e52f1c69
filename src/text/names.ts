import { americanSpelling, foldText } from "./terms.ts";

/**
 * The compact key of a name: folded, with everything but letters and digits removed, so that
 * "VQ-VAE-2", "vq vae 2" and "VQVAE2" share the key `vqvae2`, and "Weight Normalisation" and
 * "weight normalization" theirs.
 */
export function nameKey(name: string): string {
  // British endings spelled the American way, word by word: "/paper weight normalisation".
  return americanSpelling(foldText(name)).replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The key of an author's family name, the last word of how the corpus writes them ("Oord"). */
export function familyKey(author: string): string {
  return nameKey(author.split(/\s+/).at(-1) ?? "");
}

/**
 * True when two name keys write the same numbers in the same order. A name that differs from
 * another in a number is another name, not a typo of it: a version ("StyleGAN3", "YOLOv4"), a size
 * ("ResNet-101") or a year.
 */
export function sameNumbers(a: string, b: string): boolean {
  return (a.match(/\d+/g) ?? []).join(" ") === (b.match(/\d+/g) ?? []).join(" ");
}
