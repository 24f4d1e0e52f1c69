import { describe, expect, it } from "vitest";
import { DigestSchedule } from "../../../app/digest/schedule.ts";

const at = (iso: string) => Date.parse(iso);

describe("DigestSchedule", () => {
  const weekly = new DigestSchedule();

  it("defaults to Mondays at 09:00 UTC", () => {
    expect(weekly.nextAfter(at("2026-11-27T17:00:00Z"))?.toISOString()).toBe(
      "2026-11-30T09:00:00.000Z",
    );
  });

  it("makes the latest scheduled instant at or before now the period that is due", () => {
    expect(weekly.periodAt(at("2026-11-30T09:00:00Z"))?.toISOString()).toBe(
      "2026-11-30T09:00:00.000Z",
    );
    expect(weekly.periodAt(at("2026-11-30T08:59:59.999Z"))?.toISOString()).toBe(
      "2026-11-23T09:00:00.000Z",
    );
    // Weeks missed while the bot was down: still one period, the latest.
    expect(weekly.periodAt(at("2027-01-20T12:00:00Z"))?.toISOString()).toBe(
      "2027-01-18T09:00:00.000Z",
    );
    expect(weekly.periodBefore(new Date("2026-11-30T09:00:00Z"))?.toISOString()).toBe(
      "2026-11-23T09:00:00.000Z",
    );
  });

  it("reads the cron in DIGEST_TZ, through daylight-saving changes", () => {
    const berlin = new DigestSchedule("0 9 * * 1", "Europe/Berlin");
    // 09:00 in Berlin is 08:00 UTC in winter and 07:00 UTC in summer.
    expect(berlin.nextAfter(at("2026-11-27T00:00:00Z"))?.toISOString()).toBe(
      "2026-11-30T08:00:00.000Z",
    );
    expect(berlin.nextAfter(at("2026-06-27T00:00:00Z"))?.toISOString()).toBe(
      "2026-06-29T07:00:00.000Z",
    );
    expect(berlin.whenLabel(new Date("2026-11-30T08:00:00Z"))).toBe(
      "Monday 30 November 2026 at 09:00 Europe/Berlin",
    );
    expect(berlin.dateLabel(new Date("2026-11-29T23:30:00Z"))).toBe("30 November 2026");
  });

  it("names the variable when the expression or the zone is wrong", () => {
    expect(() => new DigestSchedule("every monday")).toThrow(
      /DIGEST_CRON "every monday" is not a cron expression/,
    );
    expect(() => new DigestSchedule("0 9 * * 1", "Mars/Olympus")).toThrow(
      /DIGEST_TZ "Mars\/Olympus" is not a time zone/,
    );
    expect(() => new DigestSchedule("0 9 31 2 *")).toThrow(/DIGEST_CRON .* never comes round/);
  });

  it("takes exactly five fields: no seconds field (#14: '* * * * * *' posted a digest a second)", () => {
    expect(() => new DigestSchedule("* * * * * *")).toThrow(
      /DIGEST_CRON "\* \* \* \* \* \*" is not a cron expression of exactly five fields .*: it has 6/,
    );
    expect(() => new DigestSchedule("@weekly")).toThrow(/exactly five fields .*: it has 1/);
    expect(new DigestSchedule("  */15  9-17 * * 1-5 ").cron).toBe("  */15  9-17 * * 1-5 ");
  });
});
