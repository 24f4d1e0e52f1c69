/** Machine-readable codes for every error the core throws. */
export type PaperbotErrorCode =
  | "CORPUS_NOT_FOUND"
  | "CORPUS_INVALID"
  | "IMPORT_INVALID"
  | "SOURCE_UNAVAILABLE"
  | "SOURCE_MALFORMED"
  | "QUERY_INVALID"
  | "STATE_UNAVAILABLE"
  | "USAGE";

/** The one error type of the core: a code for programs and a `paperbot:`-prefixed message for people. */
export class PaperbotError extends Error {
  /** What kind of failure this is. */
  readonly code: PaperbotErrorCode;

  constructor(code: PaperbotErrorCode, message: string, options?: { cause?: unknown }) {
    super(`paperbot: ${message}`, options);
    this.name = "PaperbotError";
    this.code = code;
  }
}

/** Builds a {@link PaperbotError}; the single way the core reports failures. */
export function createError(
  code: PaperbotErrorCode,
  message: string,
  options?: { cause?: unknown },
): PaperbotError {
  return new PaperbotError(code, message, options);
}
