import { PaperbotError } from "../../src/errors.ts";
import type { Registry } from "../config.ts";
import { askCommand } from "./commands/ask.ts";
import { checkCommand } from "./commands/check.ts";
import { digestCommand } from "./commands/digest.ts";
import { gapsCommand } from "./commands/gaps.ts";
import { importCommand } from "./commands/import.ts";
import { paperCommand } from "./commands/paper.ts";
import { searchCommand } from "./commands/search.ts";
import { startCommand } from "./commands/start.ts";
import { statsCommand } from "./commands/stats.ts";
import { type CliIO, endQuietlyOnClosedOutput, UsageError, writeLine } from "./io.ts";

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  search: searchCommand,
  ask: askCommand,
  paper: paperCommand,
  check: checkCommand,
  import: importCommand,
  start: startCommand,
  digest: digestCommand,
  gaps: gapsCommand,
  stats: statsCommand,
};

/**
 * A platform's own command (`register-discord`), found in the registry. The registry loads the
 * platforms' libraries, so it is imported only when no built-in command has the name.
 */
async function platformCommand(name: string): Promise<Command | undefined> {
  const { PLATFORMS } = await import("../platforms.ts");
  const { runPlatformCommand } = await import("./commands/platformCommand.ts");
  for (const platform of PLATFORMS as Registry) {
    const command = platform.commands?.find((c) => c.name === name);
    if (command) return (args, io) => runPlatformCommand(platform, command, args, io);
  }
  return undefined;
}

/** The usage, with the registry's platforms and their commands. */
async function help(): Promise<string> {
  const { PLATFORMS } = await import("../platforms.ts");
  const commands = PLATFORMS.flatMap((platform) =>
    (platform.commands ?? []).map(
      (command) => `  paperbot ${command.name.padEnd(54)}${command.summary}`,
    ),
  );
  const formats = ["text", ...PLATFORMS.map((p) => p.name)].join("|");
  const preview = `  paperbot digest preview [--platform ${formats}]`.padEnd(65);
  return HELP.replace(
    "{{platform commands}}\n",
    commands.map((line) => `${line}\n`).join(""),
  ).replace("{{digest preview}}", `${preview}print the next weekly digest`);
}

const HELP = `paperbot: answers questions about the papers your reading group summarized.

usage:
  paperbot search [--json] [--limit N] [--corpus DIR] [QUERY]   ranked passages (stdin: one query per line)
  paperbot ask [--corpus DIR] QUESTION                           the answer as the bot says it
  paperbot paper [--corpus DIR] NAME                             a paper's card by name, alias, arXiv id or DOI
  paperbot check [--corpus DIR]                                  validate the corpus files
  paperbot import arxiv ID|URL... [--out DIR]                    add papers from arXiv, the abstract as summary
  paperbot import bibtex FILE [--out DIR]                        add the entries of a Zotero/BibTeX export that have an abstract
  paperbot import shortscience FILE --meta TSV --out DIR         turn a ShortScience export into corpus files
  paperbot start [--corpus DIR]                                  run the bot (the console when no platform is set)
{{platform commands}}
{{digest preview}}
  paperbot digest run                                            try every digest owed now once, then exit (1: one still owed)
  paperbot digest status                                         subscribed channels and recent digests
  paperbot gaps [--json] [--days N] [--export FILE]              questions declined or voted not helpful, most frequent first
  paperbot stats [--json] [--days N]                             questions per week, share answered, votes, most-asked papers

The corpus is --corpus DIR, else $CORPUS_DIR, else ./corpus.`;

/**
 * Runs the CLI; returns the exit code (0 ok, 1 failed, 2 usage error; `ask` 1 when a question
 * got no answer). A reader that closes the output pipe ends a command quietly, with 0.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  endQuietlyOnClosedOutput(io);
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    writeLine(name ? io.stdout : io.stderr, await help());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name] ?? (await platformCommand(name));
  if (!command) {
    writeLine(io.stderr, `paperbot: unknown command '${name}'. Run 'paperbot help' for the list.`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `paperbot ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof PaperbotError) {
      writeLine(io.stderr, error.message);
      return 1;
    }
    throw error;
  }
}
