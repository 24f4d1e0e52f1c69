/**
 * The repository's import graph, read from the sources: every static import and re-export,
 * side-effect import and dynamic `import("...")` of a string, type-only ones included (a type
 * import ties two modules together as much as any). No package: a small regex walk is enough for
 * code formatted by Biome.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** One import of one file. */
export interface ImportEdge {
  /** The importing file, relative to the root (`src/answer/respond.ts`). */
  from: string;
  /** A file relative to the root for a relative import, else the package's name. */
  to: string;
  /** True for a package (`discord.js`, `node:fs`). */
  external: boolean;
  /** True for `import("...")`. */
  dynamic: boolean;
}

const STATIC = /^\s*(?:import|export)\s+(?:type\s+)?(?:[\s\S]*?\s+from\s+)?["']([^"']+)["']/gm;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The source files (`.ts`, `.mts`, `.mjs`) under the root's `folders`. */
export function sourceFiles(folders: readonly string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "node_modules" ? [] : walk(path);
      return /\.(ts|mts|mjs)$/.test(entry.name) ? [relative(ROOT, path)] : [];
    });
  return folders.flatMap((folder) => walk(join(ROOT, folder))).sort();
}

/** Source text without comments, so a path in a comment is no import. */
function code(file: string): string {
  return readFileSync(join(ROOT, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
}

function packageName(spec: string): string {
  if (spec.startsWith("node:")) return spec;
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? spec);
}

/** Every import of the files under `folders`. */
export function importEdges(folders: readonly string[]): ImportEdge[] {
  return sourceFiles(folders).flatMap((from) => {
    const text = code(from);
    const found = [
      ...[...text.matchAll(STATIC)].map((m) => ({ spec: m[1] as string, dynamic: false })),
      ...[...text.matchAll(DYNAMIC)].map((m) => ({ spec: m[1] as string, dynamic: true })),
    ];
    return found.map(({ spec, dynamic }) => {
      const external = !spec.startsWith(".");
      const to = external ? packageName(spec) : relative(ROOT, resolve(ROOT, dirname(from), spec));
      return { from, to, external, dynamic };
    });
  });
}

/** The cycles among the files' relative imports: each a list of files, smallest first. */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.external) continue;
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  }
  // Tarjan's strongly connected components: a component of two or more files is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file) as number, low.get(to) as number));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file) as number, index.get(to) as number));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const file of next.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
