/** An arXiv id, bare, with the `arXiv:` prefix, or inside an abs/pdf URL (version suffix allowed). */
export const ARXIV_ID_IN_TEXT = /(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?!\d)/g;

/** An arXiv id read from what someone typed or pasted. */
export interface ArxivIdRef {
  /**
   * The id without version, as arXiv's API answers it: `1905.02249`, `hep-th/9901001`. An
   * old-style id's subject class is dropped (`math.GT/0309136` is `math/0309136`), since the API
   * knows old-style papers only by their archive.
   */
  id: string;
  /** The version asked for (`v2` gives 2), if one was. */
  version?: number;
}

// https://info.arxiv.org/help/arxiv_identifier.html: YYMM.NNNN (2007-2014), YYMM.NNNNN (2015-),
// and before April 2007 archive[.SC]/YYMMNNN.
const NEW_STYLE = /^(\d{4}\.\d{4,5})(?:v(\d+))?$/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.[A-Za-z]{2})?\/(\d{7})(?:v(\d+))?$/;
const ARXIV_HOST = /^(?:www\.|export\.)?arxiv\.org$/i;
/** The paths of an arXiv URL that name one paper: the abstract, the PDF, the HTML, the listing. */
const PAPER_PATH = /^\/(?:abs|pdf|html|format|ps)\/(.+?)(?:\.pdf)?\/?$/;

/** Reads a bare id (`1905.02249`, `1905.02249v3`, `hep-th/9901001`, `math.GT/0309136`). */
function bareId(text: string): ArxivIdRef | undefined {
  const bare = text.replace(/^arxiv:\s*/i, "");
  const modern = NEW_STYLE.exec(bare);
  if (modern?.[1] && isNewStyleNumber(modern[1])) return withVersion(modern[1], modern[2]);
  const old = OLD_STYLE.exec(bare);
  if (old?.[1] && old[2]) return withVersion(`${old[1]}/${old[2]}`, old[3]);
  return undefined;
}

/** A real new-style number: a month from 07.04 on; four digits after the dot until 2014, five since. */
function isNewStyleNumber(id: string): boolean {
  const [yymm = "", number = ""] = id.split(".");
  const month = Number(yymm.slice(2));
  if (month < 1 || month > 12 || yymm < "0704") return false;
  return number.length === (yymm < "1501" ? 4 : 5);
}

function withVersion(id: string, version: string | undefined): ArxivIdRef {
  return version ? { id, version: Number(version) } : { id };
}

/**
 * Reads an arXiv id in any form people paste: bare, with a version, old-style, with the
 * `arXiv:` prefix, or an arxiv.org abs, pdf or html URL. Undefined for anything else, a URL of
 * another site included.
 */
export function parseArxivId(input: string): ArxivIdRef | undefined {
  const text = input.trim();
  if (!/^[a-z]+:\/\//i.test(text) && !/^(?:www\.|export\.)?arxiv\.org\//i.test(text)) {
    return bareId(text);
  }
  const url = URL.canParse(text)
    ? new URL(text)
    : URL.canParse(`https://${text}`)
      ? new URL(`https://${text}`)
      : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || !ARXIV_HOST.test(url.hostname)) return undefined;
  const path = PAPER_PATH.exec(decodeURIComponent(url.pathname));
  return path?.[1] ? bareId(path[1]) : undefined;
}

/** An arXiv id as written in a corpus file, in the form the API answers (subject class dropped). */
export function canonicalArxivId(id: string): string {
  return parseArxivId(id)?.id ?? id;
}

/** The abstract page of an arXiv paper. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}
