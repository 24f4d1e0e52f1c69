import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { ownerAsked } from "../../src/retrieval/ownerAsked.ts";
import { search } from "../../src/retrieval/search.ts";
import { fakePaper } from "../helpers/papers.ts";

const noAuthors = () => false;

describe("ownerAsked", () => {
  it("reads the owner of a question's subject as the work it asks about", () => {
    expect(ownerAsked("how does IMPALA's v-trace correction work exactly", noAuthors)).toEqual([
      "impala",
    ]);
    expect(ownerAsked("Why does CLIP's contrastive loss need huge batches?", noAuthors)).toEqual([
      "clip",
    ]);
    expect(ownerAsked("so how is COMA’s counterfactual baseline computed", noAuthors)).toEqual([
      "coma",
    ]);
    expect(ownerAsked("how does flashattention's tiling avoid HBM writes", noAuthors)).toEqual([
      "flashattent",
    ]);
  });

  it("reads no work where the subject owns nothing, or the owner is not its subject", () => {
    expect(ownerAsked("how does v-trace correct for policy lag", noAuthors)).toEqual([]);
    expect(
      ownerAsked("How is ZeRO different from Megatron-LM's tensor parallelism", noAuthors),
    ).toEqual([]);
    expect(ownerAsked("the optimizer that takes adam's step: why rescale it", noAuthors)).toEqual(
      [],
    );
  });

  it("reads no work in a lab, an author or an everyday word not written as a name", () => {
    expect(ownerAsked("how does openai's clip model learn from captions", noAuthors)).toEqual([]);
    expect(ownerAsked("how does DeepMind's agent plan", noAuthors)).toEqual([]);
    expect(ownerAsked("how does the model's loss change", noAuthors)).toEqual([]);
    const salman = (term: string) => term === "salman";
    expect(ownerAsked("what did Salman's group add to smoothing", salman)).toEqual([]);
  });
});

describe("a question about a part of a work the corpus has not summarized", () => {
  // Under headings, so that the opening passage is the overview, not the whole summary.
  const a3c = {
    ...fakePaper(1, "Asynchronous Methods for Deep Reinforcement Learning"),
    aliases: ["A3C"],
    summary: [
      "## What",
      "- A3C trains actor-critic agents with many parallel actors on the CPU threads of one machine",
      "- Each actor explores its own copy of the environment, which decorrelates the updates",
      "## How",
      "- n-step returns, an entropy bonus, and lock-free updates to shared weights",
      "## Limitations",
      "- Policy lag between workers is never analyzed, which is exactly what IMPALA's V-trace",
      "  correction addresses later with truncated importance weights",
    ].join("\n"),
  };
  const captions = {
    ...fakePaper(2, "Show and Tell"),
    aliases: [],
    summary: "- Captions images with an LSTM decoder over CNN features",
  };

  it("is declined, with the paper that names the work among the nearest", () => {
    const response = search(
      buildIndex([a3c, captions]),
      "how does IMPALA's v-trace correction work exactly",
    );
    expect(response.results[0]?.paper.id).toBe(a3c.id);
    expect(response.confident).toBe(false);
  });

  it("is answered by the work's own summary", () => {
    const impala = {
      ...fakePaper(
        3,
        "Scalable Distributed Deep-RL with Importance Weighted Actor-Learner Architectures",
      ),
      aliases: ["IMPALA"],
      summary: [
        "## What",
        "- IMPALA decouples acting from learning: many actors send trajectories to a learner",
        "## How",
        "- V-trace correction: truncated importance weights correct for the policy lag of actors",
        "- V-trace targets reduce to n-step returns when acting is on-policy",
        "## Results",
        "- IMPALA with V-trace beats A3C on DMLab-30 at a fraction of the wall-clock time",
      ].join("\n"),
    };
    const response = search(
      buildIndex([a3c, captions, impala]),
      "how does IMPALA's v-trace correction work exactly",
    );
    expect(response.results[0]?.paper.id).toBe(impala.id);
    expect(response.confident).toBe(true);
  });

  it("leaves a question about the paper's own part answered", () => {
    const response = search(
      buildIndex([a3c, captions]),
      "how does A3C's use of parallel actors on CPU threads help?",
    );
    expect(response.results[0]?.paper.id).toBe(a3c.id);
    expect(response.confident).toBe(true);
  });
});
