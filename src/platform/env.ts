/**
 * Reading configuration from the environment: the app reads its own variables with these, and
 * each platform its own. A missing or malformed variable is a {@link ConfigError} naming it.
 */

/** The environment, as `process.env` (and `.env`) give it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A configuration problem, naming the variable; start-up stops on it. */
export class ConfigError extends Error {
  constructor(
    /** The environment variable at fault. */
    readonly variable: string,
    problem: string,
  ) {
    super(
      `paperbot: ${variable} ${problem}. Set it in .env (see .env.example) or the environment.`,
    );
    this.name = "ConfigError";
  }
}

/** A variable's value; empty counts as unset (a blank line in .env). */
export function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** A variable that must be set, `why` saying what for. */
export function required(env: Env, name: string, why: string): string {
  const value = read(env, name);
  if (!value) throw new ConfigError(name, `is missing: ${why}`);
  return value;
}

/** An http(s) base URL (a proxy, a test's stand-in), normalized to end in `/`. */
export function apiUrl(env: Env, name: string): string | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `is malformed: "${value}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(name, `is malformed: "${value}" is not an http(s) URL`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** One of a few words (`on`/`off`, `questions`/`mention`), lowercase; `fallback` when unset. */
export function choice<const T extends string>(
  env: Env,
  name: string,
  values: readonly T[],
  fallback: T,
): T {
  const value = read(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (!(values as readonly string[]).includes(value)) {
    throw new ConfigError(name, `is malformed: "${value}" is not one of ${values.join(", ")}`);
  }
  return value as T;
}

/**
 * A list of ids ("C123, C456" or "C123 C456"), each checked against the platform's `shape`;
 * undefined when unset.
 */
export function idList(
  env: Env,
  name: string,
  shape: RegExp,
  example: string,
  what = "channel id",
): string[] | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  const ids = value.split(/[\s,]+/).filter(Boolean);
  const bad = ids.find((id) => !shape.test(id));
  if (bad !== undefined) {
    throw new ConfigError(name, `is malformed: "${bad}" is not a ${what} (like ${example})`);
  }
  return ids;
}
