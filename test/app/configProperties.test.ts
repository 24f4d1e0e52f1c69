/** Properties of `loadConfig` over generated environments (#14: config values take outside input). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../app/config.ts";

const VARIABLES = [
  "CORPUS_DIR",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
  "PORT",
  "SLACK_API_URL",
  "DISCORD_TOKEN",
  "DISCORD_APP_ID",
  "DISCORD_GUILD_ID",
  "DISCORD_API_URL",
  "LOG_LEVEL",
  "LOG_FORMAT",
  "DATABASE_PATH",
  "DIGEST_CRON",
  "DIGEST_TZ",
  "DIGEST_SLACK_CHANNELS",
  "DIGEST_DISCORD_CHANNELS",
] as const;
const SECRETS = ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN"];

/** Values that are almost right as often as plainly wrong. */
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "",
    " ",
    "xoxb-",
    "xoxb-1-2-abcdefgh",
    "xapp-1-A1-xyz",
    "0123456789abcdef0123456789abcdef",
    "3000",
    "0",
    "65536",
    "-1",
    "http://127.0.0.1:9/api",
    "ftp://x",
    "123456789012345678",
    "debug",
    "pretty",
    "* * * * *",
    "* * * * * *",
    "0 9 * * 1",
    "@weekly",
    "Europe/Berlin",
    "Mars/Olympus",
    "C0123ABCD, G0456EFGH",
  ),
);

const environment = fc.record(Object.fromEntries(VARIABLES.map((name) => [name, value])), {
  requiredKeys: [],
}) as fc.Arbitrary<Partial<Record<(typeof VARIABLES)[number], string>>>;

describe("loadConfig (properties)", () => {
  it("either loads or throws one ConfigError naming a variable it read, never a secret's value", () => {
    fc.assert(
      fc.property(environment, (env) => {
        try {
          const config = loadConfig(env);
          expect(config.digest.cron.trim().split(/\s+/)).toHaveLength(5);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          const { variable, message } = error as ConfigError;
          expect(VARIABLES).toContain(variable);
          expect(message).toContain(variable);
          for (const name of SECRETS) {
            const secret = env[name as keyof typeof env]?.trim() ?? "";
            // A short value could be in the message by chance ("x"); a real secret is long.
            if (secret.length >= 12) expect(message).not.toContain(secret);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("takes any port from 1 to 65535 and names PORT for anything else", () => {
    const base = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "0123456789abcdef" };
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 65535 }).map(String), fc.string()), (port) => {
        const number = Number(port.trim());
        const valid = /^\d+$/.test(port.trim()) && number >= 1 && number <= 65535;
        if (valid) {
          expect(loadConfig({ ...base, PORT: port }).slack).toMatchObject({ port: number });
        } else if (port.trim() !== "") {
          expect(() => loadConfig({ ...base, PORT: port })).toThrow(/PORT is malformed/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("takes DIGEST_CRON of exactly five fields only", () => {
    // Values every one of the five fields takes (minute through weekday).
    const field = fc.constantFrom("*", "1", "3", "*/2", "1-5", "1,3");
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 8 }), (fields) => {
        const cron = fields.join(" ");
        if (fields.length === 5) {
          expect(loadConfig({ DIGEST_CRON: cron }).digest.cron).toBe(cron);
        } else {
          expect(() => loadConfig({ DIGEST_CRON: cron })).toThrow(
            new RegExp(`DIGEST_CRON is malformed: .*it has ${fields.length}`),
          );
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("reads a channel list with any separators back as its ids", () => {
    const id = fc.stringMatching(/^\d{17,20}$/);
    const separator = fc.constantFrom(",", " ", ", ", "\t", " ,\n");
    fc.assert(
      fc.property(fc.array(fc.tuple(id, separator), { maxLength: 6 }), (parts) => {
        const list = parts.map(([i, s]) => i + s).join("");
        const config = loadConfig({
          DISCORD_TOKEN: `${"a".repeat(24)}.${"b".repeat(6)}.${"c".repeat(27)}`,
          DISCORD_APP_ID: "123456789012345678",
          DIGEST_DISCORD_CHANNELS: list,
        });
        expect(config.digest.discordChannels).toEqual(parts.map(([i]) => i));
      }),
      { numRuns: 1000 },
    );
  });
});
