/**
 * A JSON logger that writes into memory, for tests that read what the bot logged (and check
 * that no secret is in it).
 */
import { createLogger, type Logger, memoryDestination } from "../../app/logger.ts";

/** A logger at `level` (JSON lines), and the lines it has written so far. */
export async function testLogger(
  level: "debug" | "info" = "debug",
  secrets: string[] = [],
): Promise<{ logger: Logger; lines: string[] }> {
  const { stream, lines } = memoryDestination();
  const logger = await createLogger({ level, format: "json", secrets, destination: stream });
  return { logger, lines };
}
