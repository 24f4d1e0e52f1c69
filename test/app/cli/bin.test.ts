import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/tempCorpus.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

describe("the paperbot command", () => {
  it("runs from a checkout through npx with no build step", async () => {
    const { stdout } = await promisify(execFile)(
      "npx",
      ["--no-install", "paperbot", "search", "--json", "mix match"],
      {
        cwd: ROOT,
        // The snapshot goes to a temporary directory, not the checkout's data/.
        env: {
          ...process.env,
          CORPUS_DIR: "",
          INDEX_SNAPSHOT_DIR: tempDir("bin-snapshots"),
          DATABASE_PATH: join(tempDir("bin-db"), "paperbot.db"),
        },
      },
    );
    expect(JSON.parse(stdout).results[0].paperId).toBe("mixmatch");
  }, 30_000);
});
