import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, secretsOf } from "../../app/config.ts";

const BOT = "xoxb-123-456-abcdef";
const SECRET = "0123456789abcdef0123456789abcdef";
/** Shaped like a bot token (id.timestamp.hmac); not a real one. */
const DISCORD = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB";
const APP_ID = "123456789012345678";

function problem(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

const DEFAULT_DIGEST = {
  cron: "0 9 * * 1",
  timeZone: "UTC",
  openQuestions: false,
  slackChannels: [],
  discordChannels: [],
};

describe("loadConfig", () => {
  it("runs the console when no platform is configured, with quiet readable logs", () => {
    expect(loadConfig({})).toEqual({
      corpusDir: "./corpus",
      databasePath: "./data/paperbot.db",
      digest: DEFAULT_DIGEST,
      arxiv: { timeoutMs: 20_000 },
      feedback: { retentionDays: 90, recordQuestions: true },
      logLevel: "warn",
      logFormat: "pretty",
    });
  });

  it("reads the digest's schedule and channels, and the database's place", () => {
    const config = loadConfig({
      DATABASE_PATH: "/srv/paperbot/state.db",
      DIGEST_CRON: "30 17 * * 5",
      DIGEST_TZ: "Europe/Berlin",
      DIGEST_SLACK_CHANNELS: "C0123ABCD, G0456EFGH",
      DIGEST_DISCORD_CHANNELS: "123456789012345678 223456789012345678",
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      DISCORD_TOKEN: DISCORD,
      DISCORD_APP_ID: APP_ID,
    });
    expect(config.databasePath).toBe("/srv/paperbot/state.db");
    expect(config.digest).toEqual({
      cron: "30 17 * * 5",
      timeZone: "Europe/Berlin",
      openQuestions: false,
      slackChannels: ["C0123ABCD", "G0456EFGH"],
      discordChannels: ["123456789012345678", "223456789012345678"],
    });
  });

  it.each([
    [{ DIGEST_CRON: "mondays" }, /DIGEST_CRON is malformed: "mondays" is not a cron expression/],
    // #14: croner takes a seconds field; "weekly" digests went out every second.
    [
      { DIGEST_CRON: "* * * * * *" },
      /^paperbot: DIGEST_CRON is malformed: "\* \* \* \* \* \*" is not a cron expression of exactly five fields \(minute hour day-of-month month day-of-week; .*\): it has 6\./,
    ],
    [{ DIGEST_CRON: "0 0 9 * * 1" }, /DIGEST_CRON is malformed: .* it has 6/],
    [{ DIGEST_CRON: "0 9 * * 1 2027" }, /DIGEST_CRON is malformed: .* it has 6/],
    [{ DIGEST_CRON: "@weekly" }, /DIGEST_CRON is malformed: .* it has 1/],
    [{ DIGEST_CRON: "0 9 * *" }, /DIGEST_CRON is malformed: .* it has 4/],
    [{ DIGEST_TZ: "Mars/Olympus" }, /DIGEST_TZ is malformed: "Mars\/Olympus" is not a time zone/],
    [
      {
        DIGEST_SLACK_CHANNELS: "C0123ABCD",
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SECRET,
        DIGEST_DISCORD_CHANNELS: "#general",
      },
      /DIGEST_DISCORD_CHANNELS is malformed: "#general" is not a channel id/,
    ],
    [
      { DIGEST_SLACK_CHANNELS: "general", SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET },
      /DIGEST_SLACK_CHANNELS is malformed: "general"/,
    ],
    [
      { DIGEST_SLACK_CHANNELS: "C0123ABCD" },
      /DIGEST_SLACK_CHANNELS is set but Slack is not: set SLACK_BOT_TOKEN/,
    ],
  ])("names the digest variable at fault: %j", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("chooses Slack's HTTP mode with a bot token and signing secret, on port 3000 by default", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET });
    expect(config.slack).toEqual({
      mode: "http",
      botToken: BOT,
      signingSecret: SECRET,
      port: 3000,
      threadFollowUps: "questions",
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
    // #14: the prefix alone passed the shape check.
    for (const placeholder of ["xoxb-", "xoxb-x", "xoxb--", "xoxb-1-"]) {
      expect(problem({ SLACK_BOT_TOKEN: placeholder, SLACK_SIGNING_SECRET: SECRET })).toMatchObject(
        { variable: "SLACK_BOT_TOKEN", message: expect.stringContaining("is malformed") },
      );
    }
    expect(problem({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: "xapp-" }).variable).toBe(
      "SLACK_APP_TOKEN",
    );
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
    expect(config).toMatchObject({ corpusDir: "papers", logLevel: "warn", logFormat: "pretty" });
    expect(config.slack).toBeUndefined();
  });

  it("configures Discord from its token and application id, beside Slack", () => {
    const config = loadConfig({
      DISCORD_TOKEN: DISCORD,
      DISCORD_APP_ID: APP_ID,
      DISCORD_GUILD_ID: "987654321098765432",
      DISCORD_API_URL: "http://127.0.0.1:9100/api/",
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
    });
    expect(config.discord).toEqual({
      token: DISCORD,
      applicationId: APP_ID,
      guildId: "987654321098765432",
      apiUrl: "http://127.0.0.1:9100/api",
      messageContent: false,
    });
    expect(config.slack?.mode).toBe("http");
    expect(config.logFormat).toBe("json");
    expect(secretsOf(config)).toContain(DISCORD);
    // "Bot " pasted from an Authorization header is tolerated.
    const prefixed = loadConfig({ DISCORD_TOKEN: `Bot ${DISCORD}`, DISCORD_APP_ID: APP_ID });
    expect(prefixed.discord?.token).toBe(DISCORD);
  });

  it("names the Discord variable at fault, never its value", () => {
    expect(problem({ DISCORD_APP_ID: APP_ID }).variable).toBe("DISCORD_TOKEN");
    expect(problem({ DISCORD_TOKEN: DISCORD }).message).toMatch(/DISCORD_APP_ID is missing/);
    const secretish = "0123456789abcdef0123456789abcdefSECRET";
    const bad = problem({ DISCORD_TOKEN: secretish, DISCORD_APP_ID: APP_ID });
    expect(bad.variable).toBe("DISCORD_TOKEN");
    expect(bad.message).not.toContain("SECRET");
    const guild = { DISCORD_TOKEN: DISCORD, DISCORD_APP_ID: APP_ID, DISCORD_GUILD_ID: "my-server" };
    expect(problem(guild).variable).toBe("DISCORD_GUILD_ID");
    expect(problem({ DISCORD_TOKEN: DISCORD, DISCORD_APP_ID: "12" }).variable).toBe(
      "DISCORD_APP_ID",
    );
  });

  it("reads how each platform takes follow-ups and where it answers (#13)", () => {
    const slack = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET };
    const discord = { DISCORD_TOKEN: DISCORD, DISCORD_APP_ID: APP_ID };
    const config = loadConfig({
      ...slack,
      ...discord,
      THREAD_FOLLOWUPS: "Mention",
      SLACK_ANSWER_CHANNELS: "C0123ABCD, G0456EFGH",
      DISCORD_MESSAGE_CONTENT: "on",
      DISCORD_ANSWER_CHANNELS: "123456789012345678 223456789012345678",
    });
    expect(config.slack).toMatchObject({
      threadFollowUps: "mention",
      answerChannels: ["C0123ABCD", "G0456EFGH"],
    });
    expect(config.discord).toMatchObject({
      messageContent: true,
      answerChannels: ["123456789012345678", "223456789012345678"],
    });
    // Unset: follow-ups on Slack, mention-only on Discord, answers everywhere.
    const plain = loadConfig({ ...slack, ...discord });
    expect(plain.slack?.threadFollowUps).toBe("questions");
    expect(plain.slack?.answerChannels).toBeUndefined();
    expect(plain.discord?.messageContent).toBe(false);
    expect(plain.discord?.answerChannels).toBeUndefined();
  });

  it.each([
    [
      { THREAD_FOLLOWUPS: "always" },
      /THREAD_FOLLOWUPS is malformed: "always" is not one of questions, mention/,
    ],
    [
      { SLACK_ANSWER_CHANNELS: "C0123ABCD #papers" },
      /SLACK_ANSWER_CHANNELS is malformed: "#papers" is not a channel id \(like C0123ABCD\)/,
    ],
    [
      { DISCORD_MESSAGE_CONTENT: "yes" },
      /DISCORD_MESSAGE_CONTENT is malformed: "yes" is not one of on, off/,
    ],
    [
      { DISCORD_ANSWER_CHANNELS: "C0123ABCD" },
      /DISCORD_ANSWER_CHANNELS is malformed: "C0123ABCD" is not a channel id \(like 1234567890123456789\)/,
    ],
  ])("names the conversation variable at fault: %j", (env, message) => {
    const base = {
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      DISCORD_TOKEN: DISCORD,
      DISCORD_APP_ID: APP_ID,
    };
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });

  it("lists the secrets the logger must scrub", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET });
    expect(secretsOf(config)).toEqual([BOT, SECRET]);
  });
});

describe("loadConfig: adding papers from chat (#17)", () => {
  it("reads each platform's corpus editors and the arXiv API's place and deadline", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_CORPUS_EDITORS: "U0123ABCD, W0456EFGH",
      DISCORD_TOKEN: DISCORD,
      DISCORD_APP_ID: APP_ID,
      DISCORD_CORPUS_EDITORS: "223456789012345678",
      ARXIV_API_URL: "http://127.0.0.1:8080/api/query",
      ARXIV_API_TIMEOUT: "7.5",
    });
    expect(config.slack?.corpusEditors).toEqual(["U0123ABCD", "W0456EFGH"]);
    expect(config.discord?.corpusEditors).toEqual(["223456789012345678"]);
    expect(config.arxiv).toEqual({ apiUrl: "http://127.0.0.1:8080/api/query", timeoutMs: 7500 });
  });

  it("names a malformed editor id or timeout", () => {
    const slack = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET };
    expect(() => loadConfig({ ...slack, SLACK_CORPUS_EDITORS: "ada" })).toThrow(
      /SLACK_CORPUS_EDITORS is malformed: "ada" is not a user id \(like U0123ABCD\)/,
    );
    expect(() =>
      loadConfig({ DISCORD_TOKEN: DISCORD, DISCORD_APP_ID: APP_ID, DISCORD_CORPUS_EDITORS: "U1" }),
    ).toThrow(/DISCORD_CORPUS_EDITORS is malformed/);
    expect(() => loadConfig({ ARXIV_API_TIMEOUT: "soon" })).toThrow(
      /ARXIV_API_TIMEOUT is malformed/,
    );
  });
});

describe("loadConfig: feedback and knowledge gaps (#16)", () => {
  it("reads the retention period, whether questions are recorded, and the digest's open questions", () => {
    const config = loadConfig({
      FEEDBACK_RETENTION_DAYS: " 30 ",
      RECORD_QUESTIONS: "OFF",
      DIGEST_OPEN_QUESTIONS: "on",
    });
    expect(config.feedback).toEqual({ retentionDays: 30, recordQuestions: false });
    expect(config.digest.openQuestions).toBe(true);
    expect(loadConfig({ FEEDBACK_RETENTION_DAYS: "1" }).feedback?.retentionDays).toBe(1);
    expect(loadConfig({ FEEDBACK_RETENTION_DAYS: "3650" }).feedback?.retentionDays).toBe(3650);
    expect(loadConfig({ RECORD_QUESTIONS: "on" }).feedback?.recordQuestions).toBe(true);
    expect(loadConfig({ DIGEST_OPEN_QUESTIONS: "off" }).digest.openQuestions).toBe(false);
    // Empty, as a blank line in .env leaves it: the defaults.
    expect(
      loadConfig({ FEEDBACK_RETENTION_DAYS: "", RECORD_QUESTIONS: "", DIGEST_OPEN_QUESTIONS: "" }),
    ).toMatchObject({
      feedback: { retentionDays: 90, recordQuestions: true },
      digest: { openQuestions: false },
    });
  });

  it.each(["0", "-5", "3651", "1.5", "90d", "ninety", "1e2", "0x10"])(
    "names FEEDBACK_RETENTION_DAYS=%s as malformed or out of range",
    (value) => {
      const error = problem({ FEEDBACK_RETENTION_DAYS: value });
      expect(error.variable).toBe("FEEDBACK_RETENTION_DAYS");
      expect(error.message).toContain(
        `FEEDBACK_RETENTION_DAYS is malformed: "${value}" is not a whole number of days from 1 to 3650`,
      );
    },
  );

  it.each([
    ["RECORD_QUESTIONS", "no"],
    ["RECORD_QUESTIONS", "false"],
    ["DIGEST_OPEN_QUESTIONS", "yes"],
    ["DIGEST_OPEN_QUESTIONS", "1"],
  ])("takes only on or off for %s, not %s", (variable, value) => {
    const error = problem({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(`${variable} is malformed: "${value}" is not one of on, off`);
  });
});

describe("loadConfig and secrets", () => {
  it("never shows a token pasted into the wrong variable (found by the property test)", () => {
    const token = "xoxb-1-2-abcdefgh";
    expect(() => loadConfig({ SLACK_BOT_TOKEN: token, SLACK_API_URL: token })).toThrow(
      /SLACK_API_URL is malformed: "\[a secret value\]" is not a URL/,
    );
  });
});
