import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src", import.meta.url));
const PLATFORM_PACKAGES = [
  "discord.js",
  "@discordjs",
  "discord-api-types",
  "@slack/bolt",
  "@slack/web-api",
  "@slack/types",
  "dotenv",
  "pino",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "cli" ? [] : sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

describe("core boundary", () => {
  it("the core (src/ but its CLI) imports no platform library, dotenv or logger", () => {
    const offenders = sourceFiles(SRC).flatMap((file) => {
      const source = readFileSync(file, "utf8");
      return PLATFORM_PACKAGES.filter((pkg) =>
        new RegExp(`from\\s+["']${pkg.replace(/[./]/g, "\\$&")}(?:/[^"']*)?["']`).test(source),
      ).map((pkg) => `${relative(SRC, file)} imports ${pkg}`);
    });
    expect(offenders).toEqual([]);
  });
});
