import { describe, expect, it } from "vitest";
import { createLogger, memoryDestination, REDACTED, scrubSecrets } from "../../app/logger.ts";

const TOKEN = "xoxb-999-888-supersecretvalue";
const SECRET = "fedcba9876543210fedcba9876543210";

describe("logger", () => {
  it("writes JSON lines with secrets redacted by field, in messages and in errors", async () => {
    const { stream, lines } = memoryDestination();
    const logger = await createLogger({
      level: "info",
      format: "json",
      secrets: [SECRET],
      destination: stream,
    });
    logger.info({ token: TOKEN, config: { signingSecret: SECRET } }, "starting");
    logger.error(
      { err: new Error(`auth failed for ${TOKEN} with ${SECRET}`) },
      `call with ${SECRET}`,
    );
    logger.warn({ headers: { authorization: `Bearer ${TOKEN}` } }, "request");
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(() => JSON.parse(line)).not.toThrow();
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(SECRET);
      expect(line).toContain(REDACTED);
    }
  });

  it("writes readable lines in the pretty format", async () => {
    const { stream, lines } = memoryDestination();
    const logger = await createLogger({
      level: "info",
      format: "pretty",
      secrets: [],
      destination: stream,
    });
    logger.info({ adapter: "slack" }, `ready with ${TOKEN}`);
    const text = lines.join("\n");
    expect(text).toContain("ready with");
    expect(text).not.toContain(TOKEN);
    expect(() => JSON.parse(lines[0] ?? "")).toThrow();
  });

  it("scrubs token-shaped strings even when the value is not known", () => {
    expect(scrubSecrets("xapp-1-A0-123abc and xoxp-1-2-3", [])).toBe(`${REDACTED} and ${REDACTED}`);
    expect(scrubSecrets("wss://wss.slack.com/link/?ticket=abc-123&app_id=A1", [])).toBe(
      `wss://wss.slack.com/link/?ticket=${REDACTED}&app_id=A1`,
    );
  });
});
