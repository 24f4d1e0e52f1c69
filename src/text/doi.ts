/**
 * DOIs: `10.<registrant>/<suffix>`, case-insensitive (https://www.doi.org/doi-handbook/HTML/case-sensitivity.html).
 */

/** A DOI in running text: `10.1016/j.neunet.2014.09.003`, also inside a doi.org URL. */
export const DOI_IN_TEXT = /\b10\.\d{4,9}\/[^\s"'<>]+/g;

/** A whole DOI, as the corpus stores it: no `doi:` prefix, no URL. */
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

/** What a sentence may end a DOI with that is not part of it. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/**
 * Reads a DOI in the forms people paste: bare (`10.1016/...`), `doi:10.1016/...`, or a
 * https://doi.org/ (or dx.doi.org) URL. Undefined for anything else.
 */
export function parseDoi(input: string): string | undefined {
  let text = input.trim().replace(/^doi:\s*/i, "");
  const url = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/(.+)$/i.exec(text);
  if (url?.[1]) {
    try {
      text = decodeURIComponent(url[1]);
    } catch {
      text = url[1];
    }
  }
  return DOI_PATTERN.test(text) ? text : undefined;
}

/** The key two spellings of one DOI share: DOIs ignore case. */
export function doiKey(doi: string): string {
  return doi.toLowerCase();
}

/** The DOIs in a text, without the punctuation a sentence may end one with. */
export function findDois(text: string): Array<{ doi: string; start: number; end: number }> {
  return [...text.matchAll(DOI_IN_TEXT)].map((match) => {
    const doi = match[0].replace(TRAILING_PUNCTUATION, "");
    return { doi, start: match.index, end: match.index + doi.length };
  });
}

/** The landing page of a DOI. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}
