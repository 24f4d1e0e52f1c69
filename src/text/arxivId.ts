/** An arXiv id, bare, with the `arXiv:` prefix, or inside an abs/pdf URL (version suffix allowed). */
export const ARXIV_ID_IN_TEXT = /(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?!\d)/g;
