import type { Platform, PlatformCommand } from "../../../src/platform/platform.ts";
import { parseCommandArgs } from "../args.ts";
import { type CliIO, writeLine } from "../io.ts";

/**
 * A platform's own command (`paperbot register-discord`): reads the whole configuration (a bad
 * variable is printed, naming it, with exit code 2) and runs the command with its platform's part.
 */
export async function runPlatformCommand<Config>(
  platform: Platform<Config>,
  command: PlatformCommand<Config>,
  args: string[],
  io: CliIO,
): Promise<number> {
  parseCommandArgs(args, {}, `paperbot ${command.name}`);
  // The platforms' libraries load only here, so the other commands start fast.
  const { ConfigError, configOf, loadConfig } = await import("../../config.ts");
  let config: Config | undefined;
  try {
    config = configOf(loadConfig(io.env), platform);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeLine(io.stderr, error.message);
    return 2;
  }
  return command.run({
    config,
    print: (line) => writeLine(io.stdout, line),
    warn: (line) => writeLine(io.stderr, line),
  });
}
