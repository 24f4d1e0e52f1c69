/**
 * The seam between paperbot and a chat platform. A platform is one folder under `adapters/` that
 * exports one {@link Platform} object, listed once in the app's registry: its configuration and
 * secrets, its adapter, its digest publisher and renderers, its id shapes, its CLI commands.
 * Nothing outside that folder and the registry names a platform.
 */
import type { Reply } from "../answer/reply.ts";
import type { Digest } from "../digest/digest.ts";
import type { DigestPublisher } from "../digest/publisher.ts";
import type { ChatLogger } from "../logger.ts";
import type { AdapterCore } from "../pipeline/context.ts";
import type { Env } from "./env.ts";

/** A running connection to one chat platform (or the terminal). */
export interface ChatAdapter {
  /** Short platform name for logs: `console`, `slack`, `discord`. */
  readonly name: string;
  /** Connects and starts taking requests; resolves once it is ready. */
  start(): Promise<void>;
  /** Stops taking requests and lets the ones in flight finish; safe to call twice. */
  stop(): Promise<void>;
  /**
   * Settles with the reason when the platform has ended the connection for good after start
   * (a token revoked mid-session): the bot then stops and exits 1, for a supervisor to restart.
   */
  readonly failed?: Promise<Error>;
}

/** Dependencies of an adapter factory. */
export interface AdapterDeps<Config> {
  core: AdapterCore;
  config: Config;
  logger: ChatLogger;
}

/** A platform's configuration: read from the environment, with its secrets. */
export interface PlatformSettings<Config> {
  /**
   * Reads the platform's configuration; undefined when none of its variables is set (the platform
   * is off). A missing or malformed variable throws a `ConfigError` naming it.
   */
  read(env: Env): Config | undefined;
  /** The variable that turns the platform on, named when a digest channel is set without it. */
  readonly enabledBy: string;
  /** Variables whose values are secrets: never shown in an error, scrubbed from every log line. */
  readonly secretVariables: readonly string[];
  /** The secret values of a configuration, scrubbed from every log line. */
  secretsOf(config: Config): string[];
  /** Shapes of the platform's tokens, scrubbed from the logs even when they are not ours. */
  readonly tokenPatterns: readonly RegExp[];
  /** Log fields the logger censors before writing (a signature header), besides the tokens. */
  readonly redactPaths?: readonly string[];
}

/** The shapes of a platform's ids, checked where a person types one. */
export interface PlatformIds {
  /** A channel id, as listed in `DIGEST_<NAME>_CHANNELS`. */
  readonly channel: RegExp;
  /** An example channel id, shown when one is malformed. */
  readonly channelExample: string;
}

/** How a platform posts and shows the weekly digest. */
export interface PlatformDigest<Config> {
  /** A publisher that posts without the event connection (so `paperbot digest run` can). */
  publisher(config: Config, logger: ChatLogger): DigestPublisher;
  /** The digest as the payload the platform is sent (`paperbot digest preview --platform`). */
  render(digest: Digest): unknown;
}

/** What a platform's CLI command is given. */
export interface PlatformCommandContext<Config> {
  /** The platform's configuration, or undefined when its variables are not set. */
  config: Config | undefined;
  /** Writes a line to standard output. */
  print(line: string): void;
  /** Writes a line to standard error. */
  warn(line: string): void;
}

/** A `paperbot` command of the platform's own (`paperbot register-discord`). */
export interface PlatformCommand<Config> {
  /** The command's name, as typed after `paperbot`. */
  readonly name: string;
  /** One line for `paperbot help`. */
  readonly summary: string;
  /** Runs it; resolves with the exit code (0 ok, 1 failed, 2 not configured). */
  run(context: PlatformCommandContext<Config>): Promise<number>;
}

/** Everything about one chat platform. */
export interface Platform<Config = unknown> {
  /**
   * Its name, lowercase: the key of its configuration, its log lines, the `platform` column of the
   * database, `--platform NAME`, `DIGEST_<NAME>_CHANNELS`. Never change it once digests are stored.
   */
  readonly name: string;
  /** How people write it: "Slack". */
  readonly title: string;
  /** Its configuration and secrets. */
  readonly settings: PlatformSettings<Config>;
  /** Its id shapes. */
  readonly ids: PlatformIds;
  /** Creates the adapter: platform events in, the core's pipeline, replies out. */
  createAdapter(deps: AdapterDeps<Config>): ChatAdapter;
  /** Renders a reply as the payload the platform is sent (pure). */
  render(reply: Reply): unknown;
  /** The weekly digest on this platform. */
  readonly digest: PlatformDigest<Config>;
  /** CLI commands of its own. */
  readonly commands?: readonly PlatformCommand<Config>[];
}

/**
 * Declares a platform, keeping its configuration type: `definePlatform({ name: "slack", ... })`.
 * The registry holds them as `Platform<any>`, each knowing its own configuration.
 */
export function definePlatform<Config, const Name extends string>(
  platform: Platform<Config> & { name: Name },
): Platform<Config> & { name: Name } {
  return platform;
}
