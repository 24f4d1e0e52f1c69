/**
 * Every example in the README and the docs is checked: the corpus example passes `paperbot check`,
 * commands and scripts exist, the `search --json` example has the real output's shape, the
 * variables of the configuration table are read by the code, and relative links lead somewhere.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runPaperbot } from "./helpers/cli.ts";
import { CORPUS_DIR } from "./helpers/corpus.ts";
import { ROOT, sourceFiles } from "./helpers/importGraph.ts";
import { tempDir } from "./helpers/tempCorpus.ts";

const DOCS = [
  "README.md",
  "docs/operating.md",
  "docs/corpus.md",
  "docs/architecture.md",
  "bench/README.md",
];
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

/** The fenced code blocks of a document, with their language. */
function fences(file: string): Array<{ lang: string; body: string }> {
  return [...read(file).matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1] ?? "",
    body: m[2] ?? "",
  }));
}

const scripts = Object.keys(JSON.parse(read("package.json")).scripts as Record<string, string>);

describe("the documentation", () => {
  it("keeps the README short: at most 250 lines", () => {
    expect(read("README.md").split("\n").length).toBeLessThanOrEqual(250);
  });

  it("has a corpus example that `paperbot check` accepts", async () => {
    const examples = DOCS.flatMap((file) => fences(file).filter((f) => f.body.startsWith("---\n")));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const front = parse(example.body.split(/^---$/m)[1] ?? "") as { id: string };
      const dir = tempDir("docs-corpus");
      writeFileSync(join(dir, `${front.id}.md`), example.body);
      const run = await runPaperbot(["check", "--corpus", dir]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    }
  });

  it("names only commands and scripts that exist", async () => {
    const help = (await runPaperbot(["help"])).stdout;
    const lines = DOCS.flatMap((file) =>
      fences(file)
        .filter((f) => f.lang === "sh")
        .flatMap((f) => f.body.split("\n")),
    );
    const inline = DOCS.flatMap((file) => [
      ...read(file).matchAll(/`((?:npx )?paperbot [a-z-]+)/g),
    ]).map((m) => m[1] as string);
    for (const line of [...lines, ...inline]) {
      const command = line.replace(/#.*$/, "").trim();
      const npmRun = /^npm run ([\w:-]+)/.exec(command);
      if (npmRun) expect(scripts, command).toContain(npmRun[1]);
      const paperbot = /^(?:npx )?paperbot ([a-z-]+)/.exec(command);
      if (paperbot && paperbot[1] !== "help")
        expect(help, command).toContain(`paperbot ${paperbot[1]}`);
    }
  });

  it("shows `search --json` output of the real shape", async () => {
    const [example] = DOCS.flatMap((file) => fences(file).filter((f) => f.lang === "json"));
    const shown = JSON.parse(example?.body ?? "{}");
    const run = await runPaperbot(["search", "--json", "--corpus", CORPUS_DIR, "what is BEAR?"]);
    const real = JSON.parse(run.stdout);
    expect(Object.keys(shown).sort()).toEqual(Object.keys(real).sort());
    expect(Object.keys(shown.results[0]).sort()).toEqual(Object.keys(real.results[0]).sort());
  });

  it("lists only variables the code reads", () => {
    const code = sourceFiles(["src", "store", "adapters", "app"]).map(read).join("\n");
    const table = read("docs/operating.md").split("## Configuration")[1]?.split("\n## ")[0] ?? "";
    const variables = [...table.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1] as string);
    expect(variables.length).toBeGreaterThan(10);
    for (const name of variables) {
      // DIGEST_<NAME>_CHANNELS is made from each platform's name.
      const generic = /^DIGEST_[A-Z]+_CHANNELS$/.test(name) ? "_CHANNELS" : name;
      expect(code, name).toContain(generic);
    }
  });

  it("links only to files that exist", () => {
    for (const file of DOCS) {
      for (const [, target] of read(file).matchAll(/\]\((?!https?:|#)([^)#\s]+)/g)) {
        expect(
          existsSync(join(ROOT, dirname(file), target as string)),
          `${file} -> ${target}`,
        ).toBe(true);
      }
    }
  });
});
