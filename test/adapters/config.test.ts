import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, secretsOf } from "../../adapters/config.ts";

const BOT = "xoxb-123-456-abcdef";
const SECRET = "0123456789abcdef0123456789abcdef";

function problem(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("runs the console when no platform is configured, with quiet readable logs", () => {
    expect(loadConfig({})).toEqual({
      corpusDir: "./corpus",
      logLevel: "warn",
      logFormat: "pretty",
    });
  });

  it("chooses Slack's HTTP mode with a bot token and signing secret, on port 3000 by default", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET });
    expect(config.slack).toEqual({
      mode: "http",
      botToken: BOT,
      signingSecret: SECRET,
      port: 3000,
    });
    expect(config.logFormat).toBe("json");
    expect(config.logLevel).toBe("info");
  });

  it("chooses Socket Mode when an app token is set", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: "xapp-1-A1-xyz" });
    expect(config.slack).toMatchObject({ mode: "socket", appToken: "xapp-1-A1-xyz" });
  });

  it("normalizes SLACK_API_URL to end in a slash", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: "http://127.0.0.1:9000/api",
    });
    expect(config.slack?.apiUrl).toBe("http://127.0.0.1:9000/api/");
  });

  it("names the missing or malformed variable, and never prints a secret", () => {
    expect(problem({ SLACK_SIGNING_SECRET: SECRET }).variable).toBe("SLACK_BOT_TOKEN");
    expect(problem({ SLACK_BOT_TOKEN: BOT }).message).toMatch(/SLACK_SIGNING_SECRET is missing/);
    const bad = problem({ SLACK_BOT_TOKEN: "xoxp-user-token-oops", SLACK_SIGNING_SECRET: SECRET });
    expect(bad.message).toMatch(/SLACK_BOT_TOKEN is malformed: it should start with "xoxb-"/);
    expect(bad.message).not.toContain("oops");
    expect(
      problem({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: "80a" }).variable,
    ).toBe("PORT");
    expect(problem({ LOG_LEVEL: "loud" }).variable).toBe("LOG_LEVEL");
    expect(problem({ LOG_FORMAT: "xml" }).variable).toBe("LOG_FORMAT");
    const url = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: "ftp://x" };
    expect(problem(url).variable).toBe("SLACK_API_URL");
  });

  it("treats an empty variable as unset and lets command-line options win", () => {
    const config = loadConfig({ CORPUS_DIR: "", SLACK_BOT_TOKEN: " " }, { corpusDir: "papers" });
    expect(config).toEqual({ corpusDir: "papers", logLevel: "warn", logFormat: "pretty" });
  });

  it("lists the secrets the logger must scrub", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET });
    expect(secretsOf(config)).toEqual([BOT, SECRET]);
  });
});
