/**
 * The layers, as the folders show them: `src/` the pure core, `store/` all SQLite code,
 * `adapters/<platform>/` the platforms, `app/` (config, logger, runtime, CLI) the only layer that
 * imports adapters. Static and dynamic imports alike, type imports included.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../app/platforms.ts";
import {
  type ImportEdge,
  importCycles,
  importEdges,
  ROOT,
  sourceFiles,
} from "./helpers/importGraph.ts";

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
/** Packages of the app and the store: the core runs without them. */
const INFRASTRUCTURE_PACKAGES = ["better-sqlite3", "croner", "pino-pretty"];

const LAYERS = ["src", "store", "adapters", "app"] as const;
const edges = importEdges(LAYERS);
const layerOf = (file: string) => file.split("/")[0] as string;

/** The imports from `layer` that break a rule, as "from -> to" lines. */
function offending(layer: string, broken: (edge: ImportEdge) => boolean): string[] {
  return edges
    .filter((edge) => layerOf(edge.from) === layer && broken(edge))
    .map((edge) => `${edge.from} -> ${edge.to}${edge.dynamic ? " (dynamic)" : ""}`);
}

const isPackage = (edge: ImportEdge, names: readonly string[]) =>
  edge.external && names.some((name) => edge.to === name || edge.to.startsWith(`${name}/`));

describe("core boundary", () => {
  it("the core (src/ but its CLI) imports no platform library, dotenv or logger", () => {
    // The CLI has left src/ for app/: the rule now holds for all of src/, dynamic imports too.
    expect(offending("src", (edge) => isPackage(edge, PLATFORM_PACKAGES))).toEqual([]);
  });

  it("the core imports nothing outside src/, and no database or scheduler package", () => {
    expect(
      offending(
        "src",
        (edge) =>
          (!edge.external && layerOf(edge.to) !== "src") ||
          isPackage(edge, INFRASTRUCTURE_PACKAGES),
      ),
    ).toEqual([]);
  });

  it("the store imports only the core and itself, and no platform library", () => {
    expect(
      offending(
        "store",
        (edge) =>
          (!edge.external && !["src", "store"].includes(layerOf(edge.to))) ||
          isPackage(edge, PLATFORM_PACKAGES),
      ),
    ).toEqual([]);
  });

  it("adapters import only the core and adapters: never the store or the app", () => {
    expect(
      offending(
        "adapters",
        (edge) =>
          (!edge.external && !["src", "adapters"].includes(layerOf(edge.to))) ||
          isPackage(edge, INFRASTRUCTURE_PACKAGES),
      ),
    ).toEqual([]);
  });

  it("a platform's folder imports no other platform's folder", () => {
    const folderOf = (file: string) => file.split("/").slice(0, 2).join("/");
    expect(
      offending(
        "adapters",
        (edge) =>
          !edge.external &&
          layerOf(edge.to) === "adapters" &&
          edge.to.split("/").length > 2 &&
          folderOf(edge.to) !== folderOf(edge.from),
      ),
    ).toEqual([]);
  });

  it("only the app imports adapters", () => {
    const importers = edges
      .filter((edge) => !edge.external && layerOf(edge.to) === "adapters")
      .map((edge) => layerOf(edge.from));
    expect(
      [...new Set(importers)].filter((layer) => layer !== "app" && layer !== "adapters"),
    ).toEqual([]);
  });

  it("no platform is named in code outside its folder but in the registry", () => {
    // Migration 1 is released SQL, never edited: migration 2 drops its platform list.
    const allowed = ["app/platforms.ts", "store/migrations.ts"];
    const named = sourceFiles(LAYERS).flatMap((file) =>
      PLATFORMS.filter(
        (platform) =>
          !file.startsWith(`adapters/${platform.name}/`) &&
          !allowed.includes(file) &&
          new RegExp(`\\b${platform.name}\\b`, "i").test(withoutComments(file)),
      ).map((platform) => `${file} names ${platform.name}`),
    );
    expect(named).toEqual([]);
  });
});

describe("import cycles", () => {
  it("has none among the layers' files", () => {
    expect(importCycles(edges)).toEqual([]);
  });
});

function withoutComments(file: string): string {
  return readSource(file)
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1");
}

function readSource(file: string): string {
  return readFileSync(join(ROOT, file), "utf8");
}
