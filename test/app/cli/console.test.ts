import { describe, expect, it } from "vitest";
import { runPaperbot } from "../../helpers/cli.ts";
import { CORPUS_DIR } from "../../helpers/corpus.ts";
import { unsafeForTerminal } from "../../helpers/terminal.ts";

describe("paperbot start (console, piped)", () => {
  it("answers questions, mentions and /paper look-ups, then ends with the input", async () => {
    const stdin = "@paperbot what is BEAR?\n/paper mixmtach\n/paper help\n";
    const run = await runPaperbot(["start"], { env: { CORPUS_DIR }, stdin });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("9 paper(s) loaded. No Slack or Discord tokens set");
    expect(run.stdout).toContain("To connect Slack or Discord");
    expect(run.stdout).toContain(
      "Stabilizing Off-Policy Q-Learning via Bootstrapping Error Reduction",
    );
    expect(run.stdout).toContain("Also known as: MixMatch");
    expect(run.stdout).toContain("/paper random");
  });

  it("keeps follow-ups on the last answer's paper, and says when it does not cover one", async () => {
    const stdin = "what is BEAR?\nwhat does the support constraint do?\nbest pizza in Naples\n";
    const run = await runPaperbot(["start"], { env: { CORPUS_DIR }, stdin });
    const answers = run.stdout.split("\n\n");
    expect(run.stdout).toContain("(Answered from Stabilizing Off-Policy Q-Learning");
    expect(run.stdout).toContain("The summary of Stabilizing Off-Policy Q-Learning");
    expect(answers.length).toBeGreaterThan(3);
  });

  it("echoes no control or bidi character of what was typed (#14: a right-to-left override was)", async () => {
    const stdin = "/paper fix\u202ematch\u001b[2J\n";
    const run = await runPaperbot(["start"], { env: { CORPUS_DIR }, stdin });
    expect(run.stdout).toContain('"fixmatch[2J"');
    expect(unsafeForTerminal(run.stdout)).toEqual([]);
  });

  it("stops with a message naming a malformed variable", async () => {
    const run = await runPaperbot(["start"], {
      env: { CORPUS_DIR, SLACK_BOT_TOKEN: "not-a-token", SLACK_SIGNING_SECRET: "abc" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("SLACK_BOT_TOKEN is malformed");
    expect(run.stderr).not.toContain("not-a-token");
  });
});
