/**
 * The logger the core reports to: pino's call shape (structured fields first, then a message), so
 * the bot can pass its pino logger and the core never imports one.
 */
export interface CoreLogger {
  /** Something worth knowing happened (an index was loaded, a file re-indexed). */
  info(obj: object, msg?: string): void;
  /** Something is wrong but the bot carries on (a file skipped, a snapshot not written). */
  warn(obj: object, msg?: string): void;
  /** Something failed (the corpus directory cannot be watched). */
  error(obj: object, msg?: string): void;
}

/** A logger that drops everything: the default when none is given. */
export const silentLogger: CoreLogger = { info() {}, warn() {}, error() {} };
