import type { CliIO } from "./io.ts";

/** Bold for highlighted terms on a terminal; nothing when piped or when NO_COLOR is set. */
export function terminalMark(io: CliIO): ((text: string) => string) | undefined {
  if (!io.stdout.isTTY || io.env.NO_COLOR) return undefined;
  return (text) => `\u001b[1m${text}\u001b[22m`;
}
