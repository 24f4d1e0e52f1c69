import { describe, expect, it } from "vitest";
import { runPaperbot } from "../helpers/cli.ts";
import { CORPUS_DIR } from "../helpers/corpus.ts";

describe("paperbot start (console, piped)", () => {
  it("answers questions, mentions and /paper look-ups, then ends with the input", async () => {
    const stdin = "@paperbot what is BEAR?\n/paper mixmtach\n/paper help\nbest pizza in Naples\n";
    const run = await runPaperbot(["start"], { env: { CORPUS_DIR }, stdin });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("9 paper(s) loaded. No Slack or Discord tokens set");
    expect(run.stdout).toContain(
      "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction",
    );
    expect(run.stdout).toContain("Also known as: MixMatch");
    expect(run.stdout).toContain("Look a paper up by name:");
    expect(run.stdout).toContain("I couldn't find that in our paper summaries.");
  });
});
