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
