import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { search } from "../../src/retrieval/search.ts";
import { questionSubject, workAsked } from "../../src/retrieval/workAsked.ts";
import { CAPTIONS_PAPER, fakePaper } from "../helpers/papers.ts";

const noAuthors = () => false;

describe("workAsked", () => {
  const asked = (question: string, isAuthor: (term: string) => boolean = noAuthors) =>
    workAsked(questionSubject(question), isAuthor);

  it("reads the owner of a question's subject as the work it asks about", () => {
    expect(asked("how does IMPALA's v-trace correction work exactly")).toEqual({
      terms: ["impala"],
      owned: true,
    });
    expect(asked("Why does CLIP's contrastive loss need huge batches?")?.terms).toEqual(["clip"]);
    expect(asked("so how is COMA’s counterfactual baseline computed")?.terms).toEqual(["coma"]);
    expect(asked("how does flashattention's tiling avoid HBM writes")?.terms).toEqual([
      "flashattent",
    ]);
    // An everyday word capitalized mid-question is a name: Glow, not a glow.
    expect(asked("How is Glow's actnorm layer initialized?")?.terms).toEqual(["glow"]);
    // A question may open with the owner before it asks.
    expect(asked("encodec's loss balancer - how does it weight the losses?")).toEqual({
      terms: ["encodec"],
      owned: true,
    });
    expect(asked("in the BYOL's predictor, why no collapse?")?.terms).toEqual(["byol"]);
    // Or with the work it asks within, set off by a comma, colon or dash.
    expect(asked("in dab-detr, how do they modulate the attention map?")).toEqual({
      terms: ["dabdetr"],
      owned: true,
    });
    expect(asked("in T0: which task clusters were held out?")?.terms).toEqual(["t0"]);
    // Not an everyday word, nor a phrase that does not close before the question.
    expect(asked("in practice, how long does training take?")).toBeUndefined();
    expect(asked("in 2012, how long did training take?")).toBeUndefined();
    expect(asked("in dab-detr how do they modulate the attention map?")).toBeUndefined();
  });

  it("reads a subject written as only a name can be as the work asked about", () => {
    expect(asked("How does RotatE model relations as rotations?")).toEqual({
      terms: ["rotat"],
      owned: false,
    });
    expect(asked("How does ZeRO stage 3 partition optimizer states?")?.terms).toEqual(["zero"]);
    expect(asked("what queue size and momentum does MoCo use by default?")?.terms).toEqual([
      "moco",
    ]);
    // "the X paper" is about X; "the FAIR paper" says where a paper is from.
    expect(asked("in the original DPR paper how were the hard negatives picked?")).toEqual({
      terms: ["dpr"],
      owned: false,
      paper: true,
    });
    // So is a question that opens with "X paper".
    expect(asked("mT5 paper: how did they fix accidental translation?")?.terms).toEqual(["mt5"]);
    expect(asked("how was mT5 paper data filtered")).toBeUndefined();
    expect(asked("the FAIR paper that samples whole populations of networks")).toBeUndefined();
    // Nor does a university's: "that KAUST paper" is from KAUST, as "the stanford one" is.
    expect(asked("that KAUST paper gluing a frozen encoder onto an LLM")).toBeUndefined();
    // An English word capitalized names the paper; the subject "original" does not.
    expect(asked("What warmup schedule did the original Transformer paper use?")).toEqual({
      terms: ["transform"],
      owned: false,
      paper: true,
    });
    expect(asked("what warmup schedule did the original transformer paper use?")).toBeUndefined();
    expect(asked("that Google paper on dual encoders")).toBeUndefined();
    // As titles and summaries are indexed: the joined spelling, not a hyphenated term none has.
    expect(asked("How does V-JEPA predict masked regions?")?.terms).toEqual(["vjepa"]);
  });

  it("reads no work where the subject names none, or the work is not its subject", () => {
    expect(asked("how does v-trace correct for policy lag")).toBeUndefined();
    expect(asked("how does the 4-bit data type work")).toBeUndefined();
    expect(asked("how does dropout help")).toBeUndefined();
    expect(asked("How is ZeRO different from Megatron-LM's tensor parallelism")).toBeUndefined();
    expect(asked("the optimizer that takes adam's step: why rescale it")).toBeUndefined();
  });

  it("reads no work in a lab, a company, an author or an everyday word not written as a name", () => {
    expect(asked("how does openai's clip model learn from captions")).toBeUndefined();
    expect(asked("how does DeepMind's agent plan")).toBeUndefined();
    expect(asked("how does Google's cascaded generator avoid saturation")).toBeUndefined();
    expect(asked("how does the model's loss change")).toBeUndefined();
    expect(asked("how is glow's output so bright")).toBeUndefined();
    const salman = (term: string) => term === "salman";
    expect(asked("what did Salman's group add to smoothing", salman)).toBeUndefined();
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

  it("is declined, with the paper that names the work among the nearest", () => {
    for (const question of [
      "how does IMPALA's v-trace correction work exactly",
      "IMPALA's v-trace correction - how does it work exactly",
      "in impala, how does the v-trace correction work exactly",
    ]) {
      const response = search(buildIndex([a3c, CAPTIONS_PAPER]), question);
      expect(response.results[0]?.paper.id, question).toBe(a3c.id);
      expect(response.confident, question).toBe(false);
    }
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
      buildIndex([a3c, CAPTIONS_PAPER, impala]),
      "how does IMPALA's v-trace correction work exactly",
    );
    expect(response.results[0]?.paper.id).toBe(impala.id);
    expect(response.confident).toBe(true);
  });

  it("leaves a question about the paper's own part, or asked within the paper, answered", () => {
    for (const question of [
      "how does A3C's use of parallel actors on CPU threads help?",
      "in a3c, how do the parallel actors on CPU threads help?",
    ]) {
      const response = search(buildIndex([a3c, CAPTIONS_PAPER]), question);
      expect(response.results[0]?.paper.id, question).toBe(a3c.id);
      expect(response.confident, question).toBe(true);
    }
  });
});

describe("a question whose subject is a work the corpus has not summarized", () => {
  const transe = {
    ...fakePaper(1, "Translating Embeddings for Modeling Multi-relational Data"),
    aliases: ["TransE"],
    summary: [
      "## What",
      "- TransE embeds entities and relations in one space: a relation is a translation h + r ≈ t",
      "## How",
      "- Margin ranking loss against corrupted triples; negative sampling replaces head or tail",
      "## Neighbours",
      "- RotatE (2019) models relations as rotations in complex space instead of translations",
    ].join("\n"),
  };
  const question = "How does RotatE model relations as rotations in complex space?";

  it("is declined when the summaries only cite it", () => {
    const response = search(buildIndex([transe, CAPTIONS_PAPER]), question);
    expect(response.results[0]?.paper.id).toBe(transe.id);
    expect(response.confident).toBe(false);
  });

  it("is declined when a summary names it once in its opening", () => {
    const opening = {
      ...transe,
      summary: transe.summary.replace(
        "a relation is a translation h + r ≈ t",
        "a relation is a translation h + r ≈ t; the template for RotatE and later models",
      ),
    };
    const response = search(buildIndex([opening, CAPTIONS_PAPER]), question);
    expect(response.results[0]?.paper.id).toBe(transe.id);
    expect(response.confident).toBe(false);
  });

  /** The TransE notes with a section that discusses `work` (written four times), not cites it. */
  const discussing = (work: string) => ({
    ...transe,
    summary: [
      transe.summary,
      `## vs ${work}`,
      `- ${work} rotations handle symmetric relations, which ${work} shows translations cannot`,
      `- ${work} models relations as rotations in complex space; ${work} also adds self-adversarial sampling`,
    ].join("\n"),
  });

  it("is answered by a summary that discusses the work, though it is not its own", () => {
    const response = search(buildIndex([discussing("RotatE"), CAPTIONS_PAPER]), question);
    expect(response.results[0]?.paper.id).toBe(transe.id);
    expect(response.confident).toBe(true);
  });

  it("is declined when asked about as a paper, however often a summary discusses it", () => {
    const index = buildIndex([discussing("DistMult"), CAPTIONS_PAPER]);
    expect(search(index, "How does DistMult model relations as rotations?").confident).toBe(true);
    for (const asked of [
      "DistMult paper: how does it model relations as rotations in complex space?",
      "in the original DistMult paper how are relations modelled as rotations?",
    ]) {
      expect(search(index, asked).confident, asked).toBe(false);
    }
    expect(
      search(index, "the TransE paper: how does the margin ranking loss work?").confident,
    ).toBe(true);
  });

  it("is answered by a summary that discusses a hyphenated work as often", () => {
    const response = search(
      buildIndex([discussing("Rotat-E"), CAPTIONS_PAPER]),
      "How does Rotat-E model relations as rotations in complex space?",
    );
    expect(response.results[0]?.paper.id).toBe(transe.id);
    expect(response.confident).toBe(true);
  });
});
