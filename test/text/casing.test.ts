import { describe, expect, it } from "vitest";
import { isShouted, writtenAsName } from "../../src/text/casing.ts";

describe("casing", () => {
  it("reads a capital past the first letter as a name", () => {
    expect(writtenAsName("AdaIN", false)).toBe(true);
    expect(writtenAsName("GANs", false)).toBe(true);
    expect(writtenAsName("Again", false)).toBe(false);
    expect(writtenAsName("again", false)).toBe(false);
  });

  it("reads nothing into the casing of a question typed all in capitals", () => {
    expect(isShouted("HOW DOES ADAIN WORK?")).toBe(true);
    expect(isShouted("how does AdaIN work?")).toBe(false);
    expect(writtenAsName("ADAIN", isShouted("HOW DOES ADAIN WORK?"))).toBe(false);
  });
});
