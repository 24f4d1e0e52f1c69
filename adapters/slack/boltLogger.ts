/** Bolt's logger interface over ours, so Bolt's own lines are scrubbed and structured too. */
import { format } from "node:util";
import { type Logger as BoltLogger, LogLevel as BoltLogLevel } from "@slack/bolt";
import type { ChatLogger } from "../../src/logger.ts";

const BOLT_LEVELS: Record<string, BoltLogLevel> = {
  trace: BoltLogLevel.DEBUG,
  debug: BoltLogLevel.DEBUG,
  info: BoltLogLevel.INFO,
  warn: BoltLogLevel.WARN,
  error: BoltLogLevel.ERROR,
  fatal: BoltLogLevel.ERROR,
  silent: BoltLogLevel.ERROR,
};

/** Bolt's logger interface over a child of ours. */
export function toBoltLogger(logger: ChatLogger): BoltLogger {
  return {
    debug: (...msg: unknown[]) => logger.debug({}, format(...msg)),
    info: (...msg: unknown[]) => logger.info({}, format(...msg)),
    warn: (...msg: unknown[]) => logger.warn({}, format(...msg)),
    error: (...msg: unknown[]) => logger.error({}, format(...msg)),
    setLevel: () => {},
    getLevel: () => BOLT_LEVELS[logger.level] ?? BoltLogLevel.INFO,
    setName: () => {},
  };
}
