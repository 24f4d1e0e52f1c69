import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { snapshotDir } from "../../../app/cli/corpusOption.ts";
import { runPaperbot } from "../../helpers/cli.ts";
import { tempCorpus, tempDir } from "../../helpers/tempCorpus.ts";

describe("the CLI's index snapshot", () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("is kept in INDEX_SNAPSHOT_DIR, else beside DATABASE_PATH, else in ./data; 'off' for none", () => {
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    const existing = tempDir("cli-snapshots");
    made.push(existing);
    expect(snapshotDir({ INDEX_SNAPSHOT_DIR: existing }, warn)).toBe(existing);
    expect(snapshotDir({ DATABASE_PATH: "/srv/bot/paperbot.db" }, warn)).toBe("/srv/bot");
    expect(snapshotDir({}, warn)).toBe("./data");
    expect(snapshotDir({ INDEX_SNAPSHOT_DIR: "off" }, warn)).toBeNull();
    expect(warnings).toEqual([]);
  });

  it("is not kept, with a warning, when INDEX_SNAPSHOT_DIR names no directory; none is made (#14)", async () => {
    const parent = tempDir("cli-snapshots");
    made.push(parent);
    const garbage = join(parent, "garbage");
    const run = await runPaperbot(["search", "--json", "what is BEAR?"], {
      env: { INDEX_SNAPSHOT_DIR: garbage },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results[0].paperId).toBe("bear");
    expect(run.stderr).toBe(
      `paperbot: INDEX_SNAPSHOT_DIR "${garbage}" is not an existing directory, so no index snapshot is kept (every start indexes the corpus again): create it, or set INDEX_SNAPSHOT_DIR=off\n`,
    );
    expect(existsSync(garbage)).toBe(false);
  });

  it("is written by a search and read by the next, with the same answer", async () => {
    const corpus = tempCorpus();
    const snapshots = tempDir("cli-snapshots");
    made.push(corpus, snapshots);
    const env = { CORPUS_DIR: corpus, INDEX_SNAPSHOT_DIR: snapshots };
    const first = await runPaperbot(["search", "--json", "what is BEAR?"], { env });
    expect(readdirSync(snapshots)).toHaveLength(1);
    const second = await runPaperbot(["search", "--json", "what is BEAR?"], { env });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe("");
  });

  it("warns on stderr, and still answers, when the snapshot is damaged", async () => {
    const corpus = tempCorpus();
    const snapshots = tempDir("cli-snapshots");
    made.push(corpus, snapshots);
    const env = { CORPUS_DIR: corpus, INDEX_SNAPSHOT_DIR: snapshots };
    await runPaperbot(["search", "x"], { env });
    const [file] = readdirSync(snapshots);
    writeFileSync(join(snapshots, file ?? ""), "garbage");
    const run = await runPaperbot(["search", "--json", "what is BEAR?"], { env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results[0].paperId).toBe("bear");
    expect(run.stderr).toMatch(
      /^paperbot: index snapshot not used; rebuilding \(not a snapshot\)\n$/,
    );
  });
});
