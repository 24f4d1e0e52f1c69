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

/**
 * The logger a chat adapter is given: pino's call shape with children and the debug and fatal
 * levels, so the app can pass its pino logger and neither the core nor a platform imports pino.
 */
export interface ChatLogger extends CoreLogger {
  info(obj: object, msg?: string): void;
  info(msg: string): void;
  warn(obj: object, msg?: string): void;
  warn(msg: string): void;
  error(obj: object, msg?: string): void;
  error(msg: string): void;
  debug(obj: object, msg?: string): void;
  debug(msg: string): void;
  fatal(obj: object, msg?: string): void;
  fatal(msg: string): void;
  /** A logger whose lines carry `bindings` too (`{ adapter: "slack" }`). */
  child(bindings: Record<string, unknown>): ChatLogger;
  /** The least severe level written (`info`), for libraries that ask. */
  readonly level: string;
}
